'use client';
import { createContext, useContext } from 'react';
import type { UseChatCompletionResult } from '../../hooks';

/** What `ChatWindow.Root` shares with its parts. */
export interface ChatWindowContextValue {
  /** The one chat of this window (its `useChatCompletion` result). */
  chat: UseChatCompletionResult;
  /** The FastGPT origin that relative links and images in replies resolve against. */
  baseUrl: string | undefined;
}

/** The context behind {@link useChatWindow}; `null` outside a `ChatWindow.Root`. */
export const ChatWindowContext = createContext<ChatWindowContextValue | null>(null);

/** The surrounding window's chat, for custom parts placed inside `ChatWindow.Root`. */
export function useChatWindow(): ChatWindowContextValue {
  const value = useContext(ChatWindowContext);
  if (!value) {
    throw new Error(
      'ChatWindow parts (ChatWindow.Messages, ChatWindow.Composer, …) must be rendered inside <ChatWindow.Root>.',
    );
  }
  return value;
}
