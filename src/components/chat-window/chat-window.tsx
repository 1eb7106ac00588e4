'use client';
import { ChatWindowComposer } from './chat-window-composer';
import type { ChatWindowHistoryProps } from './chat-window-history';
import { ChatWindowHistoryLayout, type ChatWindowHistoryMode } from './chat-window-history-layout';
import { ChatWindowMessages } from './chat-window-messages';
import { ChatWindowRoot, type ChatWindowRootProps } from './chat-window-root';
import { ChatWindowWelcome } from './chat-window-welcome';
import { LazyChatWindowHistory } from './lazy-history';
import { LazyChatWindowSuggestions } from './lazy-suggestions';

/** Props of {@link ChatWindow}: those of `ChatWindow.Root`; without children it renders the default parts. */
export interface ChatWindowProps extends ChatWindowRootProps {
  /**
   * Adds the history sidebar (`ChatWindow.History`) beside the chat: new chat, the app's chats, rename, pin,
   * delete, clear all. In windows narrower than 640 px it becomes a drawer behind a Conversations button.
   * Ignored with `readOnly`. Default false.
   */
  showHistory?: boolean;
  /** With `showHistory`: force the `sidebar` or the `drawer` instead of choosing by width (default `auto`). */
  historyMode?: ChatWindowHistoryMode;
  /** With `showHistory`: props of the history list (page size, source, class name…). */
  historyProps?: Omit<ChatWindowHistoryProps, 'id'>;
}

/**
 * A complete FastGPT chat: the message log and the composer, and with `showHistory` the history sidebar,
 * themed by `--fgk-*` variables and localized. For custom layouts use the parts: `ChatWindow.Root`,
 * `ChatWindow.Messages`, `ChatWindow.Composer`, `ChatWindow.History` (also exported as `ChatWindowRoot`,
 * `ChatWindowMessages`, `ChatWindowComposer`, `ChatWindowHistory` for React Server Components, which cannot
 * dot into a client module).
 *
 * @example
 * <FastGPTProvider client={client}>
 *   <ChatWindow appId="app-1" locale="zh-CN" theme="auto" showHistory />
 * </FastGPTProvider>
 */
export function ChatWindow({
  children,
  showHistory = false,
  historyMode = 'auto',
  historyProps,
  ...props
}: ChatWindowProps) {
  const parts = children ?? (
    <>
      <ChatWindowMessages />
      {!props.readOnly && <ChatWindowComposer />}
    </>
  );
  return (
    <ChatWindowRoot {...props}>
      {showHistory && !props.readOnly ? (
        <ChatWindowHistoryLayout mode={historyMode} historyProps={historyProps}>
          {parts}
        </ChatWindowHistoryLayout>
      ) : (
        parts
      )}
    </ChatWindowRoot>
  );
}

/** The root for custom layouts (see {@link ChatWindowRoot}). */
ChatWindow.Root = ChatWindowRoot;
/** The message log (see {@link ChatWindowMessages}). */
ChatWindow.Messages = ChatWindowMessages;
/** The composer (see {@link ChatWindowComposer}). */
ChatWindow.Composer = ChatWindowComposer;
/**
 * The history sidebar: new chat, the chat list, rename, pin, delete, clear all (see {@link ChatWindowHistory}),
 * its code loaded on first use.
 */
ChatWindow.History = LazyChatWindowHistory;
/** The welcome text and variables form shown before the first message (see {@link ChatWindowWelcome}). */
ChatWindow.Welcome = ChatWindowWelcome;
/** Suggested follow-up questions after a reply (see {@link ChatWindowSuggestions}). */
ChatWindow.Suggestions = LazyChatWindowSuggestions;
