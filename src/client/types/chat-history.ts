import type { ChatSource } from './chat-source';

/** One chat in the history list (`getHistories`). Display title = `customTitle || title`. */
export interface ChatHistoryItem {
  /** The chat id. */
  chatId: string;
  /** Last activity, ISO date. */
  updateTime: string;
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** Title set by the user (`""` when none). */
  customTitle: string;
  /** Automatic title: the first 20 characters of the latest question. */
  title: string;
  /** Pinned to the top. */
  top: boolean;
}

/** Parameters of `getChatHistories`. */
export interface GetChatHistoriesParams {
  /** The app whose chats to list; defaults to the client's `appId`. */
  appId?: string;
  /** Skip this many chats (default 0). */
  offset?: number;
  /** Page size (default 20). */
  pageSize?: number;
  /** Only chats of this source (default `api`, as the Python SDK sends). */
  source?: ChatSource;
  /** Only chats created at or after this date (ISO string). */
  startCreateTime?: string;
  /** Only chats created at or before this date (ISO string). */
  endCreateTime?: string;
  /** Only chats active at or after this date (ISO string). */
  startUpdateTime?: string;
  /** Only chats active at or before this date (ISO string). */
  endUpdateTime?: string;
}

/** Parameters of `updateChatHistory`: only the given fields change. */
export interface UpdateChatHistoryParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat to change. */
  chatId: string;
  /** New title (`""` restores the automatic one). */
  customTitle?: string;
  /** Pin or unpin. */
  top?: boolean;
}
