'use client';
import { memo, useState } from 'react';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatState } from '../../core/chat-store';
import { useRecordDetail } from '../../hooks';
import type { ChatWindowStrings } from '../../i18n';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { QuoteList } from './quote-list';
import type { QuoteReveal } from './quote-reveal';
import { RunTimeline } from './run-timeline';

/** Props of {@link MessageDetails}. */
export interface MessageDetailsProps {
  /** The message; details show only for a settled assistant reply. */
  message: ChatMessage;
  /** The channel the reply's citation chips reveal quotes through (stable for the row's life). */
  reveal?: QuoteReveal;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

const selectChatId = (state: ChatState) => state.chatId;

/** A stored reply carries no run details: they load from `getResData` when the reader opens the timeline. */
function StoredRunTimeline({ message, strings }: { message: ChatMessage; strings: ChatWindowStrings }) {
  const { appId } = useChatWindowControls();
  const chatId = useChatWindowState(selectChatId);
  const [requested, setRequested] = useState(false);
  const detail = useRecordDetail({ appId, chatId, dataId: message.id, enabled: requested });
  return (
    <RunTimeline
      responses={detail.responses}
      durationSeconds={message.durationSeconds}
      loading={detail.isLoading}
      error={detail.error}
      onRetry={() => void detail.refetch()}
      onOpenChange={(open) => {
        if (open) setRequested(true);
      }}
      strings={strings}
    />
  );
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
      {ran && (
        <RunTimeline responses={responseData} durationSeconds={message.durationSeconds} strings={strings} />
      )}
      {stored && <StoredRunTimeline message={message} strings={strings} />}
      {cited && <QuoteList citations={citations} reveal={reveal} strings={strings} />}
    </div>
  );
}

/**
 * The details under a settled assistant reply: its run timeline (from `flowResponses`, or loaded on demand
 * for stored replies) and the list of sources it cites. Nothing while the reply streams.
 */
export const MessageDetails = memo(MessageDetailsView);
