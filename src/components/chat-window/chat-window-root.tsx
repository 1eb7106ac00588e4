'use client';
import { type ComponentPropsWithoutRef, useCallback, useMemo, useState } from 'react';
import { type UseChatCompletionOptions, useChatCompletion } from '../../hooks';
import { type ChatWindowStringsOverrides, type Locale, StringsContext, useStrings } from '../../i18n';
import { CodeHighlighterContext, type CodeHighlighterLoader } from '../markdown';
import { ChatWindowAnnouncer } from './chat-window-announcer';
import {
  ChatWindowContext,
  type ChatWindowContextValue,
  type ChatWindowControls,
  ChatWindowControlsContext,
} from './chat-window-context';
import { classNames } from './class-names';
import type { ChatWindowPartRenderers } from './part-renderers';
import { createSendGuards } from './send-guards';
import { useLatestCallbacks } from './use-latest-callbacks';

/** Colour scheme of a `ChatWindow`: pinned light or dark, or following the system. */
export type ChatWindowTheme = 'light' | 'dark' | 'auto';

/** Props of {@link ChatWindowRoot}; other props go to the wrapping `div`. */
export interface ChatWindowRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /**
   * An existing chat to continue; absent, a new chat starts. The window can switch chats itself (the
   * history sidebar); a new value of this prop switches it again.
   */
  chatId?: string;
  /** Called when the window switches chats itself: the chat opened, or `undefined` for a new chat. */
  onChatChange?: (chatId: string | undefined) => void;
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
  /** Renderers that replace the built-in view of a part type (see {@link ChatWindowPartRenderers}). */
  renderers?: Partial<ChatWindowPartRenderers>;
  /**
   * Loads a syntax highlighter for code blocks in replies, e.g. shiki through a dynamic `import()` (see
   * `CodeHighlighterLoader`); it runs only once a settled code block with a language shows. Keep it stable.
   */
  highlighter?: CodeHighlighterLoader;
  /**
   * Shows the thread of an existing chat (`chatId`) for an admin's eyes, as FastGPT's log drawer does:
   * records load with the ones the end user deleted and with custom feedback; each message keeps Copy and
   * its run details and quotes, and shows the user's feedback as a badge, but has no regenerate, edit,
   * delete or rating buttons; there is no composer, welcome form, suggestions or history, and nothing is
   * ever sent. Default false.
   */
  readOnly?: boolean;
}

const NO_RENDERERS: Partial<ChatWindowPartRenderers> = {};
const NO_VARIABLES: Record<string, unknown> = {};

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
  chatId: chatIdProp,
  onChatChange,
  variables,
  chatOptions,
  locale = 'en',
  theme = 'auto',
  strings: overrides,
  baseUrl,
  renderers = NO_RENDERERS,
  highlighter,
  readOnly = false,
  className,
  children,
  ...rest
}: ChatWindowRootProps) {
  // The prop decides until the window switches chats itself; a new prop value takes over again.
  const [selected, setSelected] = useState({ prop: chatIdProp, chatId: chatIdProp });
  const chatId = selected.prop === chatIdProp ? selected.chatId : chatIdProp;
  // What the user typed into the welcome's variables form belongs to the chat it was typed for.
  const [formVariables, setFormVariables] = useState<Record<string, unknown>>(NO_VARIABLES);
  if (selected.prop !== chatIdProp) {
    setSelected({ prop: chatIdProp, chatId: chatIdProp });
    setFormVariables(NO_VARIABLES);
  }
  const merged = useMemo(() => {
    if (formVariables === NO_VARIABLES) return variables;
    return variables ? { ...formVariables, ...variables } : formVariables;
  }, [formVariables, variables]);
  // The window shows citation chips, so it asks FastGPT to keep the markers unless told otherwise.
  const chat = useChatCompletion({
    retainDatasetCite: true,
    // An admin's view of a chat shows what the end user deleted and their custom feedback.
    ...(readOnly ? { includeDeleted: true, loadCustomFeedbacks: true } : {}),
    ...chatOptions,
    appId,
    chatId,
    variables: merged,
  });
  // An inline `variables={{…}}` is a new object on every render; only its keys matter to the parts.
  const fixedKeysText = variables ? Object.keys(variables).sort().join('\u0000') : '';
  const fixedVariableKeys = useMemo(
    () => (fixedKeysText ? fixedKeysText.split('\u0000') : []),
    [fixedKeysText],
  );
  const [sendGuards] = useState(createSendGuards);
  const strings = useStrings(locale, overrides);
  const context = useMemo<ChatWindowContextValue>(() => ({ chat, baseUrl }), [chat, baseUrl]);

  const { store } = chat;
  const selectChat = useCallback(
    (next: string | undefined) => {
      setSelected((current) => ({ prop: current.prop, chatId: next }));
      setFormVariables(NO_VARIABLES);
      // Already in a new chat, the chat id option does not change, so the hook would not start over.
      if (next === undefined && chatId === undefined) store.reset();
      onChatChange?.(next);
    },
    [store, chatId, onChatChange],
  );
  // Written inline, renderers would change with every render of the parent and re-render every settled row;
  // stable stand-ins call the latest ones instead. (The highlighter loader is the cache key of its one load,
  // so it is passed as given: keep it at module level.)
  const stableRenderers = useLatestCallbacks(renderers);
  const controls = useMemo<ChatWindowControls>(
    () => ({
      store,
      actions: {
        send: store.send,
        stop: store.stop,
        regenerate: store.regenerate,
        edit: store.edit,
        retry: store.retry,
        deleteMessage: store.deleteMessage,
        answerInteractive: store.answerInteractive,
        cancelQueued: store.cancelQueued,
        setDraft: store.setDraft,
      },
      appId,
      baseUrl,
      selectChat,
      formVariables,
      setFormVariables,
      fixedVariableKeys,
      sendGuards,
      renderers: stableRenderers,
      readOnly,
    }),
    [
      store,
      appId,
      baseUrl,
      selectChat,
      formVariables,
      fixedVariableKeys,
      sendGuards,
      stableRenderers,
      readOnly,
    ],
  );
  return (
    <ChatWindowControlsContext.Provider value={controls}>
      <ChatWindowContext.Provider value={context}>
        <StringsContext.Provider value={strings}>
          <CodeHighlighterContext.Provider value={highlighter}>
            <div
              lang={locale}
              data-theme={theme}
              data-status={chat.status}
              data-readonly={readOnly || undefined}
              data-slot="chat-window"
              {...rest}
              className={classNames('fgk-root fgk-chat-window', className)}
            >
              {children}
              <ChatWindowAnnouncer messages={chat.messages} error={chat.error} />
            </div>
          </CodeHighlighterContext.Provider>
        </StringsContext.Provider>
      </ChatWindowContext.Provider>
    </ChatWindowControlsContext.Provider>
  );
}
