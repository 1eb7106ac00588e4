import type { QueryClient } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { ChatHistoryItem, ChatLogItem, ChatRecord, ChatSource } from '../client/types';
import type { ChatMessage, MessageFeedback } from '../core/chat-message';
import { type AnalyticsPoint, type UseAppAnalyticsOptions, useAppAnalytics } from './use-app-analytics';
import { type UseAppLogsOptions, useAppLogs } from './use-app-logs';
import {
  type ChatHistoryPatch,
  upsertHistoryItem,
  useChatHistory,
  useTouchChatHistory,
} from './use-chat-history';
import { type FileSelectSettings, useChatInit } from './use-chat-init';
import {
  type UseChatRecordsOptions,
  type UseChatRecordsResult,
  updateCachedRecords,
  useChatRecords,
} from './use-chat-records';
import { type FeedbackRating, useFeedback } from './use-feedback';
import { useSuggestedQuestions } from './use-suggested-questions';

describe('hook signatures', () => {
  it('useChatHistory', () => {
    expectTypeOf(useChatHistory)
      .parameter(0)
      .toEqualTypeOf<
        { appId?: string; source?: ChatSource; pageSize?: number; enabled?: boolean } | undefined
      >();
    const r = useChatHistory();
    expectTypeOf(r.histories).toEqualTypeOf<ChatHistoryItem[]>();
    expectTypeOf(r.rename).toEqualTypeOf<(chatId: string, title: string) => Promise<void>>();
    expectTypeOf(r.setPinned).toEqualTypeOf<(chatId: string, top: boolean) => Promise<void>>();
    expectTypeOf(r.remove).toEqualTypeOf<(chatId: string) => Promise<void>>();
    expectTypeOf(r.clear).toEqualTypeOf<() => Promise<void>>();
    expectTypeOf(r.touch).toEqualTypeOf<(chatId: string, patch: ChatHistoryPatch) => void>();
    expectTypeOf(r.mutationError).toEqualTypeOf<Error | null>();
    expectTypeOf(upsertHistoryItem).parameters.toEqualTypeOf<
      [QueryClient, string, string | undefined, ChatHistoryPatch & { chatId: string }]
    >();
    expectTypeOf(useTouchChatHistory()).toEqualTypeOf<(chatId: string, patch: ChatHistoryPatch) => void>();
    // @ts-expect-error the source is one of FastGPT's
    useChatHistory({ source: 'web' });
  });

  it('useChatRecords', () => {
    expectTypeOf<UseChatRecordsOptions>().toEqualTypeOf<{
      appId?: string;
      chatId: string;
      pageSize?: number;
      enabled?: boolean;
      live?: readonly ChatMessage[];
      includeDeleted?: boolean;
      loadCustomFeedbacks?: boolean;
    }>();
    const r = useChatRecords({ chatId: 'c' });
    expectTypeOf(r).toEqualTypeOf<UseChatRecordsResult>();
    expectTypeOf(r.records).toEqualTypeOf<ChatRecord[]>();
    expectTypeOf(r.messages).toEqualTypeOf<ChatMessage[]>();
    expectTypeOf(r.loadOlder).toEqualTypeOf<() => Promise<void>>();
    expectTypeOf(r.hasOlder).toBeBoolean();
    expectTypeOf(r.error).toEqualTypeOf<Error | null>();
    expectTypeOf(updateCachedRecords).parameter(4).toEqualTypeOf<(record: ChatRecord) => ChatRecord | null>();
    // @ts-expect-error chatId is required
    useChatRecords({});
  });

  it('useChatInit', () => {
    const r = useChatInit({ chatId: 'c' });
    expectTypeOf(r.appName).toBeString();
    expectTypeOf(r.questionGuide).toBeBoolean();
    expectTypeOf(r.fileSelect).toEqualTypeOf<FileSelectSettings>();
    expectTypeOf(r.variables).toEqualTypeOf<Record<string, unknown>>();
  });

  it('useFeedback', () => {
    const r = useFeedback({ chatId: 'c' });
    expectTypeOf(r.rate).toEqualTypeOf<
      (dataId: string, rating: FeedbackRating, reason?: string) => Promise<MessageFeedback | null>
    >();
    expectTypeOf<FeedbackRating>().toEqualTypeOf<'good' | 'bad' | null>();
    // @ts-expect-error ratings are good, bad or null
    r.rate('d', 'meh');
  });

  it('useSuggestedQuestions', () => {
    const r = useSuggestedQuestions({ chatId: 'c', afterMessageId: undefined, enabled: false });
    expectTypeOf(r.questions).toEqualTypeOf<string[]>();
    // @ts-expect-error afterMessageId must be given (undefined while there is no reply)
    useSuggestedQuestions({ chatId: 'c' });
  });

  it('useAppLogs', () => {
    expectTypeOf<UseAppLogsOptions['dateRange']>().toEqualTypeOf<{
      start: Date | string;
      end: Date | string;
    }>();
    const r = useAppLogs({ dateRange: { start: new Date(), end: new Date() }, feedback: 'good', page: 2 });
    expectTypeOf(r.rows).toEqualTypeOf<ChatLogItem[]>();
    expectTypeOf(r.isPlaceholderData).toBeBoolean();
    expectTypeOf(r.exportCsv).returns.toEqualTypeOf<Promise<string>>();
    // @ts-expect-error unknown feedback filter
    useAppLogs({ dateRange: { start: '', end: '' }, feedback: 'great' });
  });

  it('useAppAnalytics', () => {
    expectTypeOf<UseAppAnalyticsOptions['timespan']>().toEqualTypeOf<
      'day' | 'week' | 'month' | 'quarter' | undefined
    >();
    const r = useAppAnalytics({ dateRange: { start: '', end: '' } });
    expectTypeOf(r.available).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(r.derived).toBeBoolean();
    expectTypeOf(r.reason).toEqualTypeOf<string | undefined>();
    expectTypeOf(r.series).toEqualTypeOf<AnalyticsPoint[]>();
  });
});
