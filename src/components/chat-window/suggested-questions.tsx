'use client';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatState } from '../../core/chat-store';
import { useSuggestedQuestions } from '../../hooks';
import { useChatWindowStrings } from '../../i18n';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { classNames } from './class-names';

/** How many placeholder chips show while the questions load. */
const SKELETON_CHIPS = 3;

const selectChatId = (state: ChatState) => state.chatId;

/**
 * The reply that suggestions may follow: the last message, when it is a finished assistant reply that
 * waits for no answer, and the chat is ready. Anything else (a reply running, a question sent, a failure)
 * gives `undefined`, so questions for an earlier reply are never shown.
 */
const selectFinishedReplyId = (state: ChatState): string | undefined => {
  if (state.status !== 'ready') return undefined;
  const last = state.messages.at(-1);
  if (last?.role !== 'assistant' || last.status !== 'done') return undefined;
  const waitsForAnswer = last.parts.some((part) => part.type === 'interactive' && !part.answered);
  return waitsForAnswer ? undefined : last.id;
};

/** Props of {@link ChatWindowSuggestions}; other props go to the wrapping element. */
export interface ChatWindowSuggestionsProps extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'children'> {}

/**
 * Suggested follow-up questions (FastGPT's question guide) as chips after the latest reply; a click sends
 * the question. Shown only when the app's question guide is on and the chat is ready after a finished reply;
 * subtle placeholder chips show while they load. Suggestions are optional: when fetching fails, nothing
 * shows. Place it inside `ChatWindow.Root`, e.g. between `ChatWindow.Messages` and `ChatWindow.Composer`.
 */
export function ChatWindowSuggestions({ className, ...rest }: ChatWindowSuggestionsProps) {
  const { actions, appId } = useChatWindowControls();
  const strings = useChatWindowStrings();
  const chatId = useChatWindowState(selectChatId);
  const replyId = useChatWindowState(selectFinishedReplyId);
  const { questions, isLoading, isGuideOn, error } = useSuggestedQuestions({
    appId,
    chatId,
    afterMessageId: replyId,
    enabled: replyId !== undefined,
  });

  if (replyId === undefined || !isGuideOn || error) return null;
  if (isLoading) {
    return (
      <fieldset
        aria-label={strings.suggestions}
        aria-busy="true"
        data-slot="chat-window-suggestions"
        data-state="loading"
        {...rest}
        className={classNames('fgk-suggestions', className)}
      >
        {Array.from({ length: SKELETON_CHIPS }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders that never reorder.
          <span key={index} className="fgk-suggestion-skeleton" aria-hidden="true" />
        ))}
        <span className="fgk-visually-hidden">{strings.suggestionsLoading}</span>
      </fieldset>
    );
  }
  if (questions.length === 0) return null;
  return (
    <fieldset
      aria-label={strings.suggestions}
      data-slot="chat-window-suggestions"
      data-state="ready"
      {...rest}
      className={classNames('fgk-suggestions', className)}
    >
      {questions.map((question) => (
        <button
          key={question}
          type="button"
          className="fgk-suggestion"
          onClick={() => void actions.send(question)}
        >
          {question}
        </button>
      ))}
    </fieldset>
  );
}
