'use client';
export type { DateRange } from './date-range';
export type { FastGPTContextValue } from './fastgpt-context';
export { FastGPTProvider, type FastGPTProviderProps } from './fastgpt-provider';
export type { LogFilterOptions } from './log-filters';
export {
  type AnalyticsPoint,
  type AnalyticsTotals,
  type AppAnalyticsData,
  type UseAppAnalyticsOptions,
  type UseAppAnalyticsResult,
  useAppAnalytics,
} from './use-app-analytics';
export {
  type UseAppLogRowsOptions,
  type UseAppLogRowsResult,
  useAppLogRows,
} from './use-app-log-rows';
export {
  type ExportCsvOptions,
  type UseAppLogsOptions,
  type UseAppLogsResult,
  useAppLogs,
} from './use-app-logs';
export {
  type UseChatCompletionOptions,
  type UseChatCompletionResult,
  useChatCompletion,
} from './use-chat-completion';
export {
  type ChatHistoryPatch,
  type UseChatHistoryOptions,
  type UseChatHistoryResult,
  upsertHistoryItem,
  useChatHistory,
  useTouchChatHistory,
} from './use-chat-history';
export {
  type FileSelectSettings,
  type UseChatInitOptions,
  type UseChatInitResult,
  useChatInit,
} from './use-chat-init';
export {
  type ChatRecordsData,
  type ChatRecordsPageParam,
  type UseChatRecordsOptions,
  type UseChatRecordsResult,
  updateCachedRecords,
  useChatRecords,
} from './use-chat-records';
export { useFastGPT } from './use-fastgpt';
export {
  type FeedbackRating,
  type UseFeedbackOptions,
  type UseFeedbackResult,
  useFeedback,
} from './use-feedback';
export {
  type UseRecordDetailOptions,
  type UseRecordDetailResult,
  useRecordDetail,
} from './use-record-detail';
export {
  type UseSuggestedQuestionsOptions,
  type UseSuggestedQuestionsResult,
  useSuggestedQuestions,
} from './use-suggested-questions';
