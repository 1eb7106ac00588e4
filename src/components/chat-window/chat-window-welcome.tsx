'use client';
import { type ComponentPropsWithoutRef, type ReactNode, useCallback, useEffect, useState } from 'react';
import type { ChatState } from '../../core/chat-store';
import { isAskedVariable } from '../../core/form-fields';
import { useChatInit } from '../../hooks';
import { useChatWindowStrings } from '../../i18n';
import { Markdown } from '../markdown';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { classNames } from './class-names';
import { LazyVariablesForm, preloadForms } from './lazy-forms';

const selectChatId = (state: ChatState) => state.chatId;
const selectIsEmpty = (state: ChatState) => state.messages.length === 0;

/** Props of {@link ChatWindowWelcome}; other props go to the `section`. */
export interface ChatWindowWelcomeProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Shown instead when the app has neither welcome text nor variables to ask for (default nothing). */
  fallback?: ReactNode;
}

/**
 * What a chat shows before its first message: the app's welcome text (markdown) and a form for the app's
 * variables (hidden and internal ones, and those the Root's `variables` prop sets, left out). Required
 * variables are enforced: the composer will not send until they are filled in. A skeleton while the app
 * loads; a sentence and Retry if it fails. Renders nothing once the chat has messages, and `fallback` when
 * the app has neither welcome text nor variables to ask for. `ChatWindow.Messages` shows it by default.
 *
 * @example
 * <ChatWindow.Root appId="app-1">
 *   <ChatWindowWelcome />
 *   <ChatWindow.Messages />
 *   <ChatWindow.Composer />
 * </ChatWindow.Root>
 */
export function ChatWindowWelcome({ className, fallback = null, ...rest }: ChatWindowWelcomeProps) {
  // Store slices and stable controls only: nothing here re-renders while a reply streams.
  const { appId, baseUrl, fixedVariableKeys, sendGuards } = useChatWindowControls();
  const chatId = useChatWindowState(selectChatId);
  const empty = useChatWindowState(selectIsEmpty);
  const strings = useChatWindowStrings();
  // The same cached query the chat itself reads its variable defaults from.
  const init = useChatInit({ appId, chatId });
  const asks = init.variablesSchema.some((variable) => isAskedVariable(variable, fixedVariableKeys));
  // The form's code loads as soon as the app turns out to ask for variables: until the form is there,
  // its required fields cannot guard the composer.
  useEffect(() => {
    if (empty && asks) void preloadForms();
  }, [empty, asks]);
  // Until the app's settings and the form are there, nobody knows which variables are required: hold sends.
  const [formMounted, setFormMounted] = useState(false);
  const onFormMounted = useCallback(() => setFormMounted(true), []);
  const waiting = empty && (init.isLoading || (asks && !formMounted));
  useEffect(() => {
    if (!waiting) return;
    return sendGuards.add({ reason: 'loading', isValid: () => false, reveal: () => {} });
  }, [waiting, sendGuards]);
  if (!empty) return null;

  const section = (state: string, content: ReactNode) => (
    <section
      aria-label={strings.welcomeLabel}
      data-slot="chat-window-welcome"
      data-state={state}
      {...rest}
      className={classNames('fgk-welcome', className)}
    >
      {content}
    </section>
  );

  if (init.isLoading) {
    return section(
      'loading',
      <div className="fgk-welcome-skeleton" role="status" data-slot="chat-window-welcome-loading">
        <span className="fgk-visually-hidden">{strings.welcomeLoading}</span>
        <span className="fgk-skeleton-line" aria-hidden="true" />
        <span className="fgk-skeleton-line" aria-hidden="true" />
        <span className="fgk-skeleton-line fgk-skeleton-line-short" aria-hidden="true" />
      </div>,
    );
  }
  if (init.error) {
    return section(
      'error',
      <div className="fgk-welcome-error" role="alert" data-slot="chat-window-welcome-error">
        <p className="fgk-welcome-error-text">{strings.initFailed}</p>
        <button type="button" className="fgk-button" onClick={() => void init.refetch()}>
          {strings.retry}
        </button>
      </div>,
    );
  }
  if (!init.welcomeText && !asks) return fallback;
  return section(
    'ready',
    <>
      {init.welcomeText && (
        <Markdown
          className="fgk-welcome-text"
          text={init.welcomeText}
          baseUrl={baseUrl}
          labels={strings.markdown}
        />
      )}
      {asks && (
        <LazyVariablesForm
          variables={init.variablesSchema}
          fixedKeys={fixedVariableKeys}
          stored={init.variables}
          onMounted={onFormMounted}
        />
      )}
    </>,
  );
}
