'use client';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ChatState, ChatStore } from '../../core/chat-store';
import type { UseChatCompletionResult } from '../../hooks';
import type { ChatWindowPartRenderers } from './part-renderers';
import type { SendGuards } from './send-guards';

/** What `ChatWindow.Root` shares with its parts; a new value with every change of the chat. */
export interface ChatWindowContextValue {
  /** The one chat of this window (its `useChatCompletion` result). */
  chat: UseChatCompletionResult;
  /** The FastGPT origin that relative links and images in replies resolve against. */
  baseUrl: string | undefined;
}

/**
 * The window's controls: the chat's store and actions and the window's own settings. Unlike
 * {@link ChatWindowContextValue} it keeps its identity while a reply streams, so parts that read only this
 * (and store slices through {@link useChatWindowState}) skip the stream's renders.
 */
export interface ChatWindowControls {
  /** The chat's store; read slices of it with {@link useChatWindowState}. */
  store: ChatStore;
  /** The chat's actions (stable functions). */
  actions: Pick<
    UseChatCompletionResult,
    | 'send'
    | 'stop'
    | 'regenerate'
    | 'edit'
    | 'retry'
    | 'deleteMessage'
    | 'answerInteractive'
    | 'cancelQueued'
    | 'setDraft'
  >;
  /** The app; `undefined` means the provider's. */
  appId: string | undefined;
  /** The FastGPT origin that relative links and images in replies resolve against. */
  baseUrl: string | undefined;
  /** Opens an existing chat, or starts a new one with `undefined` (the history sidebar uses it). */
  selectChat: (chatId: string | undefined) => void;
  /** Values the user entered in the welcome variables form; sent with every message. */
  formVariables: Record<string, unknown>;
  /** Replaces {@link ChatWindowControls.formVariables}. */
  setFormVariables: (values: Record<string, unknown>) => void;
  /**
   * Keys of the Root's `variables` prop (sorted; same array while the keys are the same): the caller sets
   * them, so the welcome's variables form leaves them out.
   */
  fixedVariableKeys: readonly string[];
  /** Checks the composer runs before sending (the welcome registers "required variables are filled"). */
  sendGuards: SendGuards;
  /** Renderers that replace the built-in view of a part type. */
  renderers: Partial<ChatWindowPartRenderers>;
  /**
   * The window shows an existing chat for reading only (the Root's `readOnly`): no composer, and message
   * toolbars keep Copy and show the user's feedback instead of buttons that change the chat.
   */
  readOnly: boolean;
}

/** The context behind {@link useChatWindow}; `null` outside a `ChatWindow.Root`. */
export const ChatWindowContext = createContext<ChatWindowContextValue | null>(null);

/** The context behind {@link useChatWindowControls}; `null` outside a `ChatWindow.Root`. */
export const ChatWindowControlsContext = createContext<ChatWindowControls | null>(null);

const outsideRoot = () =>
  new Error(
    'ChatWindow parts (ChatWindow.Messages, ChatWindow.Composer, …) must be rendered inside <ChatWindow.Root>.',
  );

/**
 * The surrounding window's chat, for custom parts placed inside `ChatWindow.Root`. The value changes with
 * every streamed frame; parts that need only a slice should use {@link useChatWindowState}.
 */
export function useChatWindow(): ChatWindowContextValue {
  const value = useContext(ChatWindowContext);
  if (!value) throw outsideRoot();
  return value;
}

/** The surrounding window's controls (stable while a reply streams). */
export function useChatWindowControls(): ChatWindowControls {
  const value = useContext(ChatWindowControlsContext);
  if (!value) throw outsideRoot();
  return value;
}

/**
 * A slice of the surrounding window's chat state; the component re-renders only when the slice changes
 * (compared with `Object.is`), e.g. `useChatWindowState((s) => s.draft)`.
 */
export function useChatWindowState<T>(selector: (state: ChatState) => T): T {
  const { store } = useChatWindowControls();
  const read = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, read, read);
}
