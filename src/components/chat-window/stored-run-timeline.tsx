'use client';
import { useState } from 'react';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatState } from '../../core/chat-store';
import { useRecordDetail } from '../../hooks';
import type { ChatWindowStrings } from '../../i18n';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { RunTimeline } from './run-timeline';

const selectChatId = (state: ChatState) => state.chatId;

/** Props of {@link StoredRunTimeline}. */
export interface StoredRunTimelineProps {
  /** The stored reply. */
  message: ChatMessage;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/**
 * The run timeline of a stored reply, which carries no run details: they load from `getResData` when the
 * reader opens the timeline.
 */
export function StoredRunTimeline({ message, strings }: StoredRunTimelineProps) {
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
