import type { AnalyticsTimespan, ChatSource, LogFeedbackFilter } from '../client/types';

/** Filters of the app log table, as `useAppLogs` and `AnalyticsPanel` share them. */
export interface AppLogsFilters {
  /** Range start (ISO string). */
  dateStart: string;
  /** Range end (ISO string). */
  dateEnd: string;
  /** Only these sources (empty or absent: all). */
  sources?: readonly ChatSource[];
  /** Search over title and chat id. */
  search?: string;
  /** Feedback filter. */
  feedback?: LogFeedbackFilter;
  /** Only chats with errors. */
  hasError?: boolean;
}

/** How a log view reads a chat's records (see `UseChatRecordsOptions`). */
export interface RecordsView {
  /** Records the end user deleted are included. */
  includeDeleted: boolean;
  /** Custom feedback entries are loaded. */
  loadCustomFeedbacks: boolean;
}

/**
 * Query keys of every FastGPT query, from one factory shared by hooks and components, so a mutation can
 * invalidate exactly what it changed. Every key starts with `['fastgpt', <scope>]`; `scope` separates
 * clients (base URL and credential kind) that share one QueryClient.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: fastgptKeys.histories(scope, appId) });
 * ```
 */
export const fastgptKeys = {
  /** Everything of one client scope. */
  all: (scope: string) => ['fastgpt', scope] as const,
  /** Every history list of an app. */
  histories: (scope: string, appId: string) => ['fastgpt', scope, 'histories', appId] as const,
  /** One history list (an infinite query). */
  historyList: (scope: string, appId: string, source: ChatSource | undefined, pageSize: number) =>
    ['fastgpt', scope, 'histories', appId, { source, pageSize }] as const,
  /** The records of one chat (an infinite query, paged upward). */
  records: (scope: string, appId: string, chatId: string) =>
    ['fastgpt', scope, 'records', appId, chatId] as const,
  /**
   * The records of one chat as an admin's log view reads them (deleted ones, custom feedback): beneath
   * {@link fastgptKeys.records}, so invalidating a chat's records reaches this view too.
   */
  recordsLogView: (scope: string, appId: string, chatId: string, view: RecordsView) =>
    ['fastgpt', scope, 'records', appId, chatId, view] as const,
  /** The node responses of one AI record. */
  recordDetail: (scope: string, appId: string, chatId: string, dataId: string) =>
    ['fastgpt', scope, 'recordDetail', appId, chatId, dataId] as const,
  /** App and chat settings for a chat. */
  init: (scope: string, appId: string, chatId: string) => ['fastgpt', scope, 'init', appId, chatId] as const,
  /** Suggested questions after a reply. */
  suggestedQuestions: (scope: string, appId: string, chatId: string, afterDataId: string) =>
    ['fastgpt', scope, 'suggestedQuestions', appId, chatId, afterDataId] as const,
  /** Every log query of an app. */
  logs: (scope: string, appId: string) => ['fastgpt', scope, 'logs', appId] as const,
  /** One page of the log table. */
  logPage: (scope: string, appId: string, filters: AppLogsFilters, page: number, pageSize: number) =>
    ['fastgpt', scope, 'logs', appId, 'page', filters, page, pageSize] as const,
  /** Chart series and totals. */
  analytics: (
    scope: string,
    appId: string,
    range: { dateStart: string; dateEnd: string },
    sources: readonly ChatSource[] | undefined,
    timespan: AnalyticsTimespan,
  ) => ['fastgpt', scope, 'logs', appId, 'analytics', range, sources, timespan] as const,
};
