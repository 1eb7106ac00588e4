'use client';
import { type ComponentPropsWithoutRef, useMemo } from 'react';
import { type UseChatCompletionOptions, useChatCompletion } from '../../hooks';
import { type ChatWindowStringsOverrides, type Locale, StringsContext, useStrings } from '../../i18n';
import { ChatWindowAnnouncer } from './chat-window-announcer';
import { ChatWindowContext, type ChatWindowContextValue } from './chat-window-context';
import { classNames } from './class-names';

/** Colour scheme of a `ChatWindow`: pinned light or dark, or following the system. */
export type ChatWindowTheme = 'light' | 'dark' | 'auto';

/** Props of {@link ChatWindowRoot}; other props go to the wrapping `div`. */
export interface ChatWindowRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** An existing chat to continue; absent, a new chat starts. */
  chatId?: string;
  /** App variables sent with every message. */
  variables?: Record<string, unknown>;
  /** Callbacks and other options of the underlying `useChatCompletion`. */
  chatOptions?: Omit<UseChatCompletionOptions, 'appId' | 'chatId' | 'variables'>;
  /** Language of every built-in string (default `en`). */
  locale?: Locale;
  /** Colour scheme, written to `data-theme` (default `auto`: follows the system). */
  theme?: ChatWindowTheme;
  /** Overrides of any built-in string. */
  strings?: ChatWindowStringsOverrides;
  /** The FastGPT origin that relative links and images in replies resolve against. */
  baseUrl?: string;
}

/**
 * The root of a chat window: runs one chat (`useChatCompletion`) and shares it, the strings and the theme
 * with the parts inside it. Use it for custom layouts; `<ChatWindow />` is this root with the default parts.
 *
 * @example
 * <ChatWindow.Root appId="app-1" locale="zh-CN">
 *   <ChatWindow.Messages />
 *   <ChatWindow.Composer />
 * </ChatWindow.Root>
 */
export function ChatWindowRoot({
  appId,
  chatId,
  variables,
  chatOptions,
  locale = 'en',
  theme = 'auto',
  strings: overrides,
  baseUrl,
  className,
  children,
  ...rest
}: ChatWindowRootProps) {
  const chat = useChatCompletion({ ...chatOptions, appId, chatId, variables });
  const strings = useStrings(locale, overrides);
  const context = useMemo<ChatWindowContextValue>(() => ({ chat, baseUrl }), [chat, baseUrl]);
  return (
    <ChatWindowContext.Provider value={context}>
      <StringsContext.Provider value={strings}>
        <div
          lang={locale}
          data-theme={theme}
          data-status={chat.status}
          data-slot="chat-window"
          {...rest}
          className={classNames('fgk-root fgk-chat-window', className)}
        >
          {children}
          <ChatWindowAnnouncer messages={chat.messages} error={chat.error} />
        </div>
      </StringsContext.Provider>
    </ChatWindowContext.Provider>
  );
}
