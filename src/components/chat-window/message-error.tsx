'use client';
import type { ChatWindowStrings } from '../../i18n';

/** Props of {@link MessageError}. */
export interface MessageErrorProps {
  /** What went wrong; its `message` is a human sentence (a `FastGPTError` also gives status and code). */
  error: Error;
  /** Show the Retry button (only the failure that retrying would actually repeat). */
  canRetry: boolean;
  /** What Retry does: the chat's `retry`, or loading the records again. */
  onRetry: () => Promise<void>;
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** The bubble's title (default `strings.errorTitle`). */
  title?: string;
}

/** What a support ticket needs: HTTP status, FastGPT's code and its raw message, when the error has them. */
function detailsOf(error: Error): string[] {
  const { status, code, statusText, rawMessage } = error as Error & {
    status?: number;
    code?: number | string;
    statusText?: string;
    rawMessage?: string;
  };
  const lines: string[] = [error.name];
  if (status !== undefined) lines.push(`HTTP ${status}`);
  if (code !== undefined && code !== status) lines.push(`code ${code}`);
  if (statusText) lines.push(statusText);
  if (rawMessage && rawMessage !== error.message) lines.push(rawMessage);
  return lines;
}

/**
 * An error bubble: a title, the error's human message, its technical details behind a disclosure and, when
 * retrying makes sense, a Retry button.
 */
export function MessageError({ error, canRetry, onRetry, strings, title }: MessageErrorProps) {
  return (
    <div className="fgk-message-error" data-slot="chat-window-error">
      <p className="fgk-message-error-title">{title ?? strings.errorTitle}</p>
      <p className="fgk-message-error-text">{error.message}</p>
      <details className="fgk-message-error-details">
        <summary>{strings.errorDetails}</summary>
        <code>{detailsOf(error).join(' · ')}</code>
      </details>
      {canRetry && (
        <button type="button" className="fgk-button" onClick={() => void onRetry()}>
          {strings.retry}
        </button>
      )}
    </div>
  );
}
