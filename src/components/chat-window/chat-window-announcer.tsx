'use client';
import { useEffect, useRef, useState } from 'react';
import type { FastGPTError } from '../../client/errors';
import type { ChatMessage } from '../../core/chat-message';
import { useChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';

/** Props of {@link ChatWindowAnnouncer}. */
export interface ChatWindowAnnouncerProps {
  /** The chat's messages, oldest first. */
  messages: ChatMessage[];
  /** The chat's last error, announced when a reply fails. */
  error: FastGPTError | undefined;
}

const isLive = (message: ChatMessage) => message.status === 'pending' || message.status === 'streaming';

/**
 * A visually hidden polite live region that says once when each reply ends (finished, stopped or failed).
 * Tokens are never announced: the log itself is silent, so a long answer is not read out piece by piece.
 */
export function ChatWindowAnnouncer({ messages, error }: ChatWindowAnnouncerProps) {
  const strings = useChatWindowStrings();
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null);
  // The reply being watched: its settling is what gets announced. Tracked by id rather than by the chat's
  // status, because a queued message starts the next reply without passing through `ready`.
  const watching = useRef<string | null>(null);

  useEffect(() => {
    const id = watching.current;
    if (id !== null) {
      const message = messages.findLast((m) => m.id === id);
      if (!message && !error) {
        // Gone without an error: the chat was reset or switched, so there is nothing to report.
        watching.current = null;
      } else if (!message || !isLive(message)) {
        // A reply that failed before any content is removed from the list: that is a failure too.
        const failed = !message || message.status === 'error';
        const text = failed
          ? formatLabel(strings.replyFailed, { message: (message?.error ?? error)?.message ?? '' })
          : message.status === 'stopped'
            ? strings.replyStopped
            : strings.replyFinished;
        watching.current = null;
        setAnnouncement((previous) => ({ id: (previous?.id ?? 0) + 1, text }));
      }
    }
    const last = messages.at(-1);
    if (watching.current === null && last?.role === 'assistant' && isLive(last)) watching.current = last.id;
  }, [messages, error, strings]);

  return (
    <div
      className="fgk-visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-slot="chat-window-announcer"
    >
      {/* A fresh node per announcement, so the same sentence twice is still read twice. */}
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
