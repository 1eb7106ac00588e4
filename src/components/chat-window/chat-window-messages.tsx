'use client';
import {
  type ComponentPropsWithoutRef,
  lazy,
  type ReactNode,
  Suspense,
  type UIEvent,
  useEffect,
  useRef,
} from 'react';
import type { ChatMessage } from '../../core/chat-message';
import { useIsomorphicLayoutEffect } from '../../hooks/use-isomorphic-layout-effect';
import { type ChatWindowStrings, useChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { useChatWindow, useChatWindowControls } from './chat-window-context';
import { ChatWindowWelcome } from './chat-window-welcome';
import { classNames } from './class-names';
import { LazyBoundary } from './lazy-boundary';
import { LazyChatWindowSuggestions } from './lazy-suggestions';
import { MessageError } from './message-error';
import { MessageRow } from './message-row';
import { useFollowScroll } from './use-follow-scroll';

/** Threads longer than this many messages render only the rows in view (see `virtualizeAfter`). */
const DEFAULT_VIRTUALIZE_AFTER = 80;
/** A long chat opened whole shows only this many of its newest rows while the virtual thread's code loads. */
const ROWS_BEFORE_VIRTUAL = 20;

// Long threads are rare: the virtualizer (about 5 KB gzip) loads when a thread nears the limit.
const virtualThreadModule = () => import('./virtual-thread.lazy');
const LazyVirtualThread = lazy(() =>
  virtualThreadModule().then((module) => ({ default: module.VirtualThread })),
);

/** Props of {@link ChatWindowMessages}; other props go to the log element. */
export interface ChatWindowMessagesProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Above this many messages only the rows in view (plus a few) are in the DOM, so a thread of thousands
   * of messages stays light (default 80). Below it every row is rendered, which keeps find-in-page working.
   */
  virtualizeAfter?: number;
  /**
   * Shown in the log before the first message; default: the app's welcome text and variables form
   * (`ChatWindowWelcome`), or an invitation to ask when the app has neither (in a `readOnly` window: a line
   * saying the chat has no messages).
   */
  empty?: ReactNode;
  /**
   * Shown after the last message; default: suggested questions after a finished reply
   * (`ChatWindowSuggestions`), none in a `readOnly` window.
   */
  footer?: ReactNode;
}

interface RowsProps {
  messages: ChatMessage[];
  retryIndex: number;
  onRetry: () => Promise<void>;
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
  baseUrl: string | undefined;
  strings: ChatWindowStrings;
}

function renderRow({ messages, retryIndex, onRetry, onAnswer, baseUrl, strings }: RowsProps, index: number) {
  const message = messages[index] as ChatMessage;
  return (
    <MessageRow
      message={message}
      canRetry={index === retryIndex}
      onRetry={onRetry}
      onAnswer={onAnswer}
      baseUrl={baseUrl}
      strings={strings}
    />
  );
}

/**
 * What a long thread shows for the moment its virtualizer loads: every row when it only just crossed the
 * limit (so a reader's place holds), else the newest rows only (a whole long chat just opened).
 */
function renderLatestRows(rows: RowsProps, virtualizeAfter: number) {
  const count = rows.messages.length;
  const from = count <= virtualizeAfter * 2 ? 0 : count - ROWS_BEFORE_VIRTUAL;
  return rows.messages.slice(from).map((message, offset) => (
    <div key={message.id} className="fgk-chat-row">
      {renderRow(rows, from + offset)}
    </div>
  ));
}

/**
 * The message log (`role="log"`, `aria-busy` while a reply runs): user bubbles, assistant replies, the
 * running workflow node and errors; a loading row while an existing chat loads and a "load older" control
 * at the top. It follows the stream while the reader is at the bottom; scrolled up, it stays put and offers
 * a jump to the latest message. Loading older messages keeps the viewport still. Long threads are
 * virtualized.
 */
export function ChatWindowMessages({
  className,
  onScroll,
  virtualizeAfter = DEFAULT_VIRTUALIZE_AFTER,
  empty,
  footer,
  ...rest
}: ChatWindowMessagesProps) {
  const { chat, baseUrl } = useChatWindow();
  const { readOnly } = useChatWindowControls();
  const strings = useChatWindowStrings();
  const { messages, status, activeNode, error, retry, answerInteractive } = chat;
  const { isLoadingRecords, recordsError, reloadRecords, hasOlder, isLoadingOlder, loadOlder } = chat;
  const busy = status === 'submitted' || status === 'streaming';

  let retryIndex = -1;
  if (status === 'error' && !readOnly) retryIndex = messages.findLastIndex((m) => m.status === 'error');
  // Failures that belong to no message (e.g. an answer FastGPT never received) still need a bubble.
  const orphanError =
    status === 'error' && error && !messages.some((m) => m.error === error) ? error : undefined;

  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const isPrepend = (previousFirstId: string) => messages.findIndex((m) => m.id === previousFirstId) > 0;
  const follow = useFollowScroll({
    scroller,
    content,
    firstId: messages[0]?.id,
    isPrepend,
    onNearTop: hasOlder && !isLoadingOlder ? () => void loadOlder() : undefined,
    chatId: chat.chatId,
  });

  const virtual = messages.length > virtualizeAfter;
  const nearLimit = messages.length > virtualizeAfter * 0.75;
  useEffect(() => {
    if (nearLimit) void virtualThreadModule();
  }, [nearLimit]);

  // The reader's own new message brings the log back to the end, even when scrolled up.
  const question = messages.at(-2);
  const ownMessage = question?.role === 'user' && question.status === 'pending' ? question.id : undefined;
  useIsomorphicLayoutEffect(() => {
    if (ownMessage) follow.jumpToLatest();
  }, [ownMessage]);
  // Follow (or hold still) when the content changes: not on every keystroke in the composer.
  useIsomorphicLayoutEffect(() => {
    follow.settle();
  }, [messages, activeNode, orphanError, isLoadingRecords, recordsError, virtual]);

  const handleScroll = (event: UIEvent<HTMLDivElement>) => {
    follow.onScroll();
    onScroll?.(event);
  };

  const rows: RowsProps = {
    messages,
    retryIndex,
    onRetry: retry,
    onAnswer: answerInteractive,
    baseUrl,
    strings,
  };
  const showEmpty = messages.length === 0 && !isLoadingRecords && !recordsError;

  return (
    <div className="fgk-chat-messages-frame" data-slot="chat-window-messages-frame">
      {/* The log stays silent (aria-live="off"): the announcer says once when a reply ends, instead of
          screen readers reading every token or the whole log when aria-busy clears. */}
      <div
        ref={scroller}
        role="log"
        aria-live="off"
        aria-label={strings.messagesLabel}
        aria-busy={busy || isLoadingRecords}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        data-slot="chat-window-messages"
        data-status={status}
        data-virtual={virtual || undefined}
        {...rest}
        onScroll={handleScroll}
        className={classNames('fgk-chat-messages', className)}
      >
        <div ref={content} className="fgk-chat-thread">
          {hasOlder && (
            <div className="fgk-chat-older" data-slot="chat-window-load-older">
              {isLoadingOlder ? (
                <span className="fgk-chat-status-line" role="status">
                  <span className="fgk-spinner" aria-hidden="true" />
                  {strings.loadingOlder}
                </span>
              ) : (
                <button type="button" className="fgk-button" onClick={() => void loadOlder()}>
                  {strings.loadOlder}
                </button>
              )}
            </div>
          )}
          {isLoadingRecords && (
            <div className="fgk-chat-loading" role="status" data-slot="chat-window-loading">
              <span className="fgk-visually-hidden">{strings.loadingConversation}</span>
              <span className="fgk-skeleton fgk-skeleton-user" aria-hidden="true" />
              <span className="fgk-skeleton fgk-skeleton-assistant" aria-hidden="true" />
              <span className="fgk-skeleton fgk-skeleton-user" aria-hidden="true" />
            </div>
          )}
          {recordsError && (
            <div className="fgk-message" data-role="assistant" data-status="error">
              <MessageError
                error={recordsError}
                title={strings.recordsFailed}
                canRetry
                onRetry={reloadRecords}
                strings={strings}
              />
            </div>
          )}
          {showEmpty &&
            (empty !== undefined ? (
              empty
            ) : readOnly ? (
              <p className="fgk-chat-empty">{strings.readOnlyEmpty}</p>
            ) : (
              <ChatWindowWelcome fallback={<p className="fgk-chat-empty">{strings.empty}</p>} />
            ))}
          {virtual ? (
            <LazyBoundary failed={renderLatestRows(rows, virtualizeAfter)}>
              <Suspense fallback={renderLatestRows(rows, virtualizeAfter)}>
                <LazyVirtualThread
                  count={messages.length}
                  keyOf={(index) => messages[index]?.id ?? index}
                  renderRow={(index) => renderRow(rows, index)}
                  scroller={scroller}
                  atEnd={follow.isFollowing}
                />
              </Suspense>
            </LazyBoundary>
          ) : (
            messages.map((message, index) => (
              <div key={message.id} className="fgk-chat-row">
                {renderRow(rows, index)}
              </div>
            ))
          )}
          {busy && activeNode && (
            <div className="fgk-running-node" data-slot="chat-window-running-node">
              <span className="fgk-spinner" aria-hidden="true" />
              {formatLabel(strings.runningNode, { name: activeNode.name })}
            </div>
          )}
          {orphanError && (
            <div className="fgk-message" data-role="assistant" data-status="error">
              <MessageError error={orphanError} canRetry={!readOnly} onRetry={retry} strings={strings} />
            </div>
          )}
          {/* Mounted while replies run too (the suggestions hide themselves), so nothing is fetched twice. */}
          {messages.length > 0 &&
            (footer !== undefined ? footer : readOnly ? null : <LazyChatWindowSuggestions />)}
        </div>
      </div>
      {follow.detached && (
        <button
          type="button"
          className="fgk-button fgk-jump-to-latest"
          data-slot="chat-window-jump-to-latest"
          onClick={follow.jumpToLatest}
        >
          <span aria-hidden="true">↓</span> {strings.jumpToLatest}
        </button>
      )}
    </div>
  );
}
