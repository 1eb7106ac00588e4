'use client';
import type { FastGPTError } from '../../client/errors';
import type { ChatWindowStrings } from '../../i18n';

/** Props of {@link MessageError}. */
export interface MessageErrorProps {
  /** What went wrong; its `message` is a human sentence. */
  error: FastGPTError;
  /** Show the Retry button (only the failure that `retry()` would send again). */
  canRetry: boolean;
  /** The chat's `retry`. */
  onRetry: () => Promise<void>;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/** An error bubble: a title, the error's human message and, for the latest failure, a Retry button. */
export function MessageError({ error, canRetry, onRetry, strings }: MessageErrorProps) {
  return (
    <div className="fgk-message-error" data-slot="chat-window-error">
      <p className="fgk-message-error-title">{strings.errorTitle}</p>
      <p className="fgk-message-error-text">{error.message}</p>
      {canRetry && (
        <button type="button" className="fgk-button" onClick={() => void onRetry()}>
          {strings.retry}
        </button>
      )}
    </div>
  );
}
