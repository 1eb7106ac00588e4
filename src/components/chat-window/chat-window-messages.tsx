'use client';
import { type ComponentPropsWithoutRef, type UIEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { useChatWindow } from './chat-window-context';
import { classNames } from './class-names';
import { MessageError } from './message-error';
import { MessageRow } from './message-row';

// Layout effects keep the scroll position in step with the paint; on the server there is nothing to scroll.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** How close to the bottom (px) still counts as "at the bottom" for following the stream. */
const FOLLOW_THRESHOLD = 32;

/** Props of {@link ChatWindowMessages}; other props go to the log element. */
export interface ChatWindowMessagesProps extends ComponentPropsWithoutRef<'div'> {}

/**
 * The message log (`role="log"`, `aria-busy` while a reply runs): user bubbles, assistant replies, the
 * running workflow node and errors. It follows the stream while the reader is at the bottom.
 */
export function ChatWindowMessages({ className, onScroll, ...rest }: ChatWindowMessagesProps) {
  const { chat, baseUrl } = useChatWindow();
  const strings = useChatWindowStrings();
  const { messages, status, activeNode, error, retry, answerInteractive, isLoadingRecords } = chat;
  const busy = status === 'submitted' || status === 'streaming';

  let retryIndex = -1;
  if (status === 'error') retryIndex = messages.findLastIndex((m) => m.status === 'error');
  // Failures that belong to no message (e.g. an answer FastGPT never received) still need a bubble.
  const orphanError =
    status === 'error' && error && !messages.some((m) => m.error === error) ? error : undefined;

  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // Follow only when the content changes: not on every keystroke in the composer, which shares the context.
  useIsomorphicLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [messages, activeNode, orphanError]);
  const handleScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight <= FOLLOW_THRESHOLD;
    onScroll?.(event);
  };

  return (
    // The log stays silent (aria-live="off"): the announcer says once when a reply ends, instead of
    // screen readers reading every token or the whole log when aria-busy clears.
    <div
      ref={ref}
      role="log"
      aria-live="off"
      aria-label={strings.messagesLabel}
      aria-busy={busy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      data-slot="chat-window-messages"
      data-status={status}
      {...rest}
      onScroll={handleScroll}
      className={classNames('fgk-chat-messages', className)}
    >
      {messages.length === 0 && !isLoadingRecords && <p className="fgk-chat-empty">{strings.empty}</p>}
      {messages.map((message, index) => (
        <MessageRow
          key={message.id}
          message={message}
          canRetry={index === retryIndex}
          onRetry={retry}
          onAnswer={answerInteractive}
          baseUrl={baseUrl}
          strings={strings}
        />
      ))}
      {busy && activeNode && (
        <div className="fgk-running-node" data-slot="chat-window-running-node">
          <span className="fgk-spinner" aria-hidden="true" />
          {formatLabel(strings.runningNode, { name: activeNode.name })}
        </div>
      )}
      {orphanError && (
        <div className="fgk-message" data-role="assistant" data-status="error">
          <MessageError error={orphanError} canRetry onRetry={retry} strings={strings} />
        </div>
      )}
    </div>
  );
}
