import type { ChatItemRole, ChatValueItem, WireChatValueItem } from './chat-value';
import type { QuoteItem } from './node-response';

/** The fields a stored chat message has besides its id and content. */
export interface ChatRecordFields {
  /** Mongo id. */
  _id?: string;
  /** Same as `dataId` on newer endpoints. */
  id?: string;
  /** Author. */
  obj: ChatItemRole;
  /** When it was saved, ISO date. */
  time?: string;
  /** Hidden in chat UIs. */
  hideInUI?: boolean;
  /** Set when the user liked the answer. */
  userGoodFeedback?: string;
  /** Set (to the reason, or `"yes"`) when the user disliked the answer. */
  userBadFeedback?: string;
  /** Custom feedback entries (only with `loadCustomFeedbacks`). */
  customFeedbacks?: string[];
  /**
   * When the end user deleted it, ISO date; `null` when not deleted. Sent only with `loadCustomFeedbacks`
   * (FastGPT ≥ 4.14.4); deleted records come back only with `includeDeleted`.
   */
  deleteTime?: string | null;
  /** Admin annotation. */
  adminFeedback?: {
    feedbackDataId?: string;
    datasetId?: string;
    collectionId?: string;
    q?: string;
    a?: string;
  };
  /** Seconds the reply took. */
  durationSeconds?: number;
  /** Error text of a failed run. */
  errorMsg?: string;
  /** Quotes cited by the answer. */
  totalQuoteList?: QuoteItem[];
  /** Number of LLM nodes that ran. */
  llmModuleAccount?: number;
  /** Messages of context the model saw. */
  historyPreviewLength?: number;
  [key: string]: unknown;
}

/** One stored message of a chat (`getPaginationRecords`), as the client returns it. */
export interface ChatRecord extends ChatRecordFields {
  /** The item id used by feedback, delete and `getResData`. */
  dataId: string;
  /** The content, each item with its `type`. */
  value: ChatValueItem[];
}

/** A record as FastGPT sends it: value items may lack `type`, and newer endpoints send `id` beside `dataId`. */
export interface WireChatRecord extends ChatRecordFields {
  /** The item id (may be missing where only `id` is sent). */
  dataId?: string;
  /** The content; items may lack `type` on the newest servers. */
  value: WireChatValueItem[];
}

/** Parameters of `getChatRecords`. Pages are taken from the newest end: offset 0 is the latest page. */
export interface GetChatRecordsParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat id. */
  chatId: string;
  /** How many of the newest records to skip (default 0). */
  offset?: number;
  /** Page size (default 10). */
  pageSize?: number;
  /** Include custom feedback entries. */
  loadCustomFeedbacks?: boolean;
  /**
   * Include records the end user deleted (FastGPT ≥ 4.14.4 soft-deletes them), as the log view of an admin
   * does. Older servers ignore it.
   */
  includeDeleted?: boolean;
}

/** Parameters of `getRecordDetail`. */
export interface GetRecordDetailParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat id. */
  chatId: string;
  /** The AI record's dataId. */
  dataId: string;
}

/** Parameters of `deleteChatRecord`. */
export interface DeleteChatRecordParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat id. */
  chatId: string;
  /** The record's dataId. */
  contentId: string;
}

/** Parameters of `sendFeedback`: given fields are set, omitted ones are cleared (FastGPT's semantics). */
export interface SendFeedbackParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat id. */
  chatId: string;
  /** The AI record's dataId. */
  dataId: string;
  /** Mark as good (any non-empty text, e.g. `"yes"`). Omit to clear. */
  userGoodFeedback?: string;
  /** Mark as bad, with the reason or `"yes"`. Omit to clear. */
  userBadFeedback?: string;
}

/** Parameters of `getSuggestedQuestions`. */
export interface GetSuggestedQuestionsParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat whose last turns are the context. */
  chatId: string;
  /** Override of the app's question-guide settings. */
  questionGuide?: { open: boolean; model?: string; customPrompt?: string };
}

/** Parameters of `stopChat`. */
export interface StopChatParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat whose running workflow to stop. */
  chatId: string;
}
