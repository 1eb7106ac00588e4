'use client';
import { ChatWindowComposer } from './chat-window-composer';
import { ChatWindowMessages } from './chat-window-messages';
import { ChatWindowRoot, type ChatWindowRootProps } from './chat-window-root';

/** Props of {@link ChatWindow}: those of `ChatWindow.Root`; without children it renders the default parts. */
export interface ChatWindowProps extends ChatWindowRootProps {}

/**
 * A complete FastGPT chat: the message log and the composer, themed by `--fgk-*` variables and localized.
 * For custom layouts use the parts: `ChatWindow.Root`, `ChatWindow.Messages`, `ChatWindow.Composer` (also
 * exported as `ChatWindowRoot`, `ChatWindowMessages`, `ChatWindowComposer` for React Server Components,
 * which cannot dot into a client module).
 *
 * @example
 * <FastGPTProvider client={client}>
 *   <ChatWindow appId="app-1" locale="zh-CN" theme="auto" />
 * </FastGPTProvider>
 */
export function ChatWindow({ children, ...props }: ChatWindowProps) {
  return (
    <ChatWindowRoot {...props}>
      {children ?? (
        <>
          <ChatWindowMessages />
          <ChatWindowComposer />
        </>
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
