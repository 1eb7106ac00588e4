'use client';
import { lazy, memo, Suspense } from 'react';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { LazyBoundary } from './lazy-boundary';
import type { QuoteReveal } from './quote-reveal';

// The timeline and the quote list (about 2 KB gzip) load when the first settled reply has details to show.
const detailsModule = () => import('./message-details.lazy');
const RunTimeline = lazy(() => detailsModule().then((module) => ({ default: module.RunTimeline })));
const QuoteList = lazy(() => detailsModule().then((module) => ({ default: module.QuoteList })));
const StoredRunTimeline = lazy(() =>
  detailsModule().then((module) => ({ default: module.StoredRunTimeline })),
);

/** Props of {@link MessageDetails}. */
export interface MessageDetailsProps {
  /** The message; details show only for a settled assistant reply. */
  message: ChatMessage;
  /** The channel the reply's citation chips reveal quotes through (stable for the row's life). */
  reveal?: QuoteReveal;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

function MessageDetailsView({ message, reveal, strings }: MessageDetailsProps) {
  const { role, status, responseData, citations } = message;
  // While a reply streams its run is not over: totals and quotes would still change under the reader.
  if (role !== 'assistant' || (status !== 'done' && status !== 'stopped' && status !== 'error')) return null;
  const ran = responseData !== undefined && responseData.length > 0;
  // A settled reply without node responses is a stored record (getPaginationRecords strips them).
  const stored = !ran && status === 'done';
  const cited = citations !== undefined && citations.length > 0;
  if (!ran && !stored && !cited) return null;
  return (
    <div className="fgk-message-details" data-slot="chat-window-message-details">
      <LazyBoundary failed={null}>
        <Suspense fallback={null}>
          {ran && (
            <RunTimeline
              responses={responseData}
              durationSeconds={message.durationSeconds}
              strings={strings}
            />
          )}
          {stored && <StoredRunTimeline message={message} strings={strings} />}
          {cited && <QuoteList citations={citations} reveal={reveal} strings={strings} />}
        </Suspense>
      </LazyBoundary>
    </div>
  );
}

/**
 * The details under a settled assistant reply: its run timeline (from `flowResponses`, or loaded on demand
 * for stored replies) and the list of sources it cites. Nothing while the reply streams.
 */
export const MessageDetails = memo(MessageDetailsView);
