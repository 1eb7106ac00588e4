import type { ChatSource } from './chat-source';

/** Chart bucket size for analytics. */
export type AnalyticsTimespan = 'day' | 'week' | 'month' | 'quarter';

/** Parameters of `getAppLogsChart` (`/api/proApi/core/app/logs/getChartData`). */
export interface GetAppLogsChartParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** Range start (ISO string or Date). */
  dateStart: string | Date;
  /** Range end (ISO string or Date). */
  dateEnd: string | Date;
  /** Retention offset in `userTimespan` units (default 1). */
  offset?: number;
  /** Sources to count (default `['api']`, as the Python SDK sends). */
  source?: ChatSource[];
  /** Bucket of the user series (default `day`). */
  userTimespan?: AnalyticsTimespan;
  /** Bucket of the chat series (default `day`). */
  chatTimespan?: AnalyticsTimespan;
  /** Bucket of the app series (default `day`). */
  appTimespan?: AnalyticsTimespan;
}

/** One bucket of the user series. */
export interface UserChartPoint {
  /** Bucket start, epoch ms. */
  timestamp: number;
  summary: {
    userCount: number;
    newUserCount: number;
    retentionUserCount: number;
    points: number;
    sourceCountMap: Partial<Record<ChatSource, number>>;
  };
}

/** One bucket of the chat series. */
export interface ChatChartPoint {
  /** Bucket start, epoch ms. */
  timestamp: number;
  summary: { chatItemCount: number; chatCount: number; errorCount: number; points: number };
}

/** One bucket of the app series (feedback and response time). */
export interface AppChartPoint {
  /** Bucket start, epoch ms. */
  timestamp: number;
  summary: {
    goodFeedBackCount: number;
    badFeedBackCount: number;
    chatCount: number;
    totalResponseTime: number;
  };
}

/** `getChartData` data. */
export interface AppLogsChartData {
  userData: UserChartPoint[];
  chatData: ChatChartPoint[];
  appData: AppChartPoint[];
}

/** `getTotalData` data. */
export interface AppTotalData {
  totalUsers: number;
  totalChats: number;
  totalPoints: number;
}

/** Feedback filter of the log table. */
export type LogFeedbackFilter = 'all' | 'has_feedback' | 'good' | 'bad';

/** Parameters of `getChatLogs` (`POST /api/core/app/logs/list`). */
export interface GetChatLogsParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** Range start on the chat's last activity (required by FastGPT). */
  dateStart: string | Date;
  /** Range end, inclusive. */
  dateEnd: string | Date;
  /** Only these sources (omit for all). */
  sources?: ChatSource[];
  /** Only chats owned by these team members. */
  tmbIds?: string[];
  /** Case-insensitive match on chat id, title or custom title. */
  chatSearch?: string;
  /** Feedback filter. */
  feedbackType?: LogFeedbackFilter;
  /** With a feedback filter: only unread feedback. */
  unreadOnly?: boolean;
  /** Only chats with errors (newest servers). */
  errorFilter?: 'all' | 'has_error';
  /** 1-based page number (default 1). */
  pageNum?: number;
  /** Page size (default 20). */
  pageSize?: number;
  /** Skip this many rows (wins over `pageNum` when non-zero). */
  offset?: number;
}

/** One row of the log table. Only `chatId`, `source` and `updateTime` are always present. */
export interface ChatLogItem {
  /** Mongo id of the chat. */
  _id?: string;
  /** The chat id (≤ 4.14.3 servers send `id`; the client maps it). */
  chatId: string;
  /** Automatic title. */
  title?: string;
  /** User-set title. */
  customTitle?: string;
  /** Where the chat came from. */
  source: ChatSource;
  /** Share-link or API-key name. */
  sourceName?: string;
  /** Last activity, ISO date (≤ 4.10 servers send `time`; the client maps it). */
  updateTime: string;
  /** Creation, ISO date. */
  createTime?: string;
  /** Items in the chat, including deleted ones. */
  messageCount?: number;
  /** Answers marked good. */
  userGoodFeedbackCount?: number;
  /** Answers marked bad. */
  userBadFeedbackCount?: number;
  /** Custom feedback count. */
  customFeedbacksCount?: number;
  /** Annotated answers. */
  markCount?: number;
  /** Mean reply time in seconds. */
  averageResponseTime?: number;
  /** Node errors in the chat. */
  errorCount?: number;
  /** AI points spent. */
  totalPoints?: number;
  /** End-user id (share links, or `customUid` of API calls). */
  outLinkUid?: string;
  /** Owning team member. */
  tmbId?: string | null;
  /** The owning member. */
  sourceMember?: { name?: string; avatar?: string; status?: string };
  /** App version that served the chat. */
  versionName?: string | null;
  /** Client IP. */
  originIp?: string;
  /** Geo region of the IP. */
  region?: string;
  [key: string]: unknown;
}

/** Parameters of `exportChatLogs`: the list filters plus the CSV layout. */
export interface ExportChatLogsParams extends Omit<GetChatLogsParams, 'pageNum' | 'pageSize' | 'offset'> {
  /** The CSV header line. */
  title?: string;
  /** Display text per source. */
  sourcesMap?: Partial<Record<ChatSource, { label: string }>>;
  /** Columns to export, in order. */
  logKeys?: string[];
}
