'use client';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { ThumbDownIcon, ThumbUpIcon } from './message-action-icons';

/** Props of {@link MessageFeedbackBadge}. */
export interface MessageFeedbackBadgeProps {
  /** The answer whose stored feedback to show. */
  message: ChatMessage;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/**
 * What the end user said about an answer, for a read-only window: a good or bad badge (with the reason of
 * a bad rating) and the custom feedback entries. Text, not buttons: nothing here changes the chat.
 */
export function MessageFeedbackBadge({ message, strings }: MessageFeedbackBadgeProps) {
  const { feedback, customFeedbacks } = message;
  if (!feedback && !customFeedbacks?.length) return null;
  return (
    <div className="fgk-feedback-badges" data-slot="chat-window-feedback">
      {feedback && (
        <p className="fgk-feedback-badge" data-rating={feedback.rating}>
          {feedback.rating === 'good' ? <ThumbUpIcon /> : <ThumbDownIcon />}
          <span>{feedback.rating === 'good' ? strings.feedbackRatedGood : strings.feedbackRatedBad}</span>
          {feedback.reason && (
            <span className="fgk-feedback-reason">
              {formatLabel(strings.feedbackReasonShown, { reason: feedback.reason })}
            </span>
          )}
        </p>
      )}
      {customFeedbacks && customFeedbacks.length > 0 && (
        <div className="fgk-feedback-custom" data-slot="chat-window-custom-feedback">
          <span className="fgk-feedback-custom-label">{strings.customFeedbacksLabel}</span>
          <ul className="fgk-feedback-custom-list">
            {customFeedbacks.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries are plain texts that may repeat.
              <li key={index}>{entry}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
