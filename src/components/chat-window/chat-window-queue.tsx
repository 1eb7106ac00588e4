'use client';
import type { QueuedMessage } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';

/** Props of {@link ChatWindowQueue}. */
export interface ChatWindowQueueProps {
  /** Messages waiting for the running reply to end. */
  queue: QueuedMessage[];
  /** Removes one (the chat's `cancelQueued`). */
  onCancel: (id: string) => void;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/** The messages typed while a reply runs, each with a cancel button. */
export function ChatWindowQueue({ queue, onCancel, strings }: ChatWindowQueueProps) {
  return (
    <div className="fgk-composer-queue" data-slot="chat-window-queue">
      <span className="fgk-composer-queue-title">{strings.queued}</span>
      <ul className="fgk-composer-queue-list">
        {queue.map((item) => (
          <li key={item.id} className="fgk-composer-queue-item">
            <span className="fgk-composer-queue-text">{item.text}</span>
            <button
              type="button"
              className="fgk-icon-button"
              aria-label={formatLabel(strings.cancelQueued, { text: item.text })}
              onClick={() => onCancel(item.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
