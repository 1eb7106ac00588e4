import type { AppChatConfig, ChatItemRole, ChatSource, ChatValueItem, NodeResponse } from '../client/types';

/** One stored chat item of the fake FastGPT (mirrors FastGPT's `chat_items` collection). */
export interface FakeChatItem {
  /** Mongo-style id (24 hex), also used for ordering. */
  _id: string;
  /** The item id clients use (feedback, delete, getResData). */
  dataId: string;
  /** Author. */
  obj: ChatItemRole;
  /** Content. */
  value: ChatValueItem[];
  /** Creation time, epoch ms. */
  time: number;
  /** Good feedback text, when set. */
  userGoodFeedback?: string;
  /** Bad feedback text, when set. */
  userBadFeedback?: string;
  /** Custom feedback entries. */
  customFeedbacks?: string[];
  /** Admin annotation. */
  adminFeedback?: { feedbackDataId: string; datasetId: string; collectionId: string; q: string; a?: string };
  /** Seconds the AI reply took. */
  durationSeconds?: number;
  /** Node responses of the AI reply (stripped from record responses). */
  responseData?: NodeResponse[];
  /** Error text of a failed run. */
  errorMsg?: string;
  /** Whether an admin has read this item's user feedback (the log table's "unread only" filter); unset = unread. */
  isFeedbackRead?: boolean;
  /** Soft-delete time, epoch ms. */
  deleteTime?: number;
  /** Saved but hidden in chat UIs (`hideInUI` of the request message). */
  hideInUI?: boolean;
}

/** One stored chat of the fake FastGPT (mirrors FastGPT's `chats` collection). */
export interface FakeChat {
  /** Mongo-style id (24 hex). */
  _id: string;
  /** The chat id. */
  chatId: string;
  /** The app it belongs to. */
  appId: string;
  /** Automatic title: first 20 characters of the latest question. */
  title: string;
  /** User-set title. */
  customTitle: string;
  /** Pinned. */
  top: boolean;
  /** Where it came from. */
  source: ChatSource;
  /** API key name or share link name. */
  sourceName: string;
  /** Team member that owns it (key owner, or share-link creator). */
  tmbId: string;
  /** The team it belongs to (the app's team). */
  teamId: string;
  /** End-user id (share links, or `customUid`). */
  outLinkUid?: string;
  /** The share link it was created through. */
  shareId?: string;
  /** Creation, epoch ms. */
  createTime: number;
  /** Last activity, epoch ms. */
  updateTime: number;
  /** Soft-delete time, epoch ms. */
  deleteTime?: number;
  /** Stored variables. */
  variables: Record<string, unknown>;
  /** `metadata` of the request that created it. */
  metadata?: Record<string, unknown>;
  /** App version name that served it. */
  versionName?: string;
  /** Client IP. */
  originIp?: string;
  /** Geo region of the IP. */
  region?: string;
  /** The chat's items in chronological order. */
  items: FakeChatItem[];
}

/** An app of the fake FastGPT. */
export interface FakeApp {
  /** 24-hex app id. */
  appId: string;
  /** Display name. */
  name: string;
  /** Avatar path. */
  avatar: string;
  /** Description. */
  intro: string;
  /** `advanced` (workflow) etc. */
  type: string;
  /** Chat settings returned by init. */
  chatConfig: AppChatConfig;
  /** Models listed by init. */
  chatModels: string[];
  /** The team that owns the app. */
  teamId: string;
  /** The team member who created the app. */
  tmbId: string;
}

/** An API key of the fake FastGPT: an app key (bound to `appId`) or an account key (no `appId`). */
export interface FakeApiKey {
  /** The secret, `fastgpt-` + 52 alphanumerics. */
  key: string;
  /** Name shown as the chat's `sourceName`. */
  name: string;
  /** The team of the key's owner. */
  teamId: string;
  /** The team member who owns the key. */
  tmbId: string;
  /** The app an app key is bound to; absent for account keys. */
  appId?: string;
}

/** A share link (FastGPT's `outlinks` document, type `share`). */
export interface FakeShareLink {
  /** Public 24-char id, sent as `shareId`. */
  shareId: string;
  /** The app it opens. */
  appId: string;
  /** The team that owns it. */
  teamId: string;
  /** The link's creator; share chats are saved under this member. */
  tmbId: string;
  /** Link name, the chat's `sourceName`. */
  name: string;
  /** Send `flowNodeStatus` events and keep tool items in records. */
  showRunningStatus: boolean;
  /** Keep citations (`quoteList`, `[id](CITE)` markers). */
  showCite: boolean;
  /** AI points spent through the link. */
  usagePoints: number;
}

/** A team member and the user session token (`token` header) that signs in as them. */
export interface FakeTeamMember {
  /** Team member id (24 hex). */
  tmbId: string;
  /** Team id (24 hex). */
  teamId: string;
  /** Display name. */
  name: string;
  /** Session token accepted in the `token` header (or the `fastgpt_token` cookie). */
  token: string;
  /**
   * Whether the member may read the team apps' chat logs (FastGPT's `readChatLog`, which app owners and
   * managers have): then a session may open other members' chats, as FastGPT's log drawer does.
   */
  readChatLog?: boolean;
}

/** Everything the fake FastGPT stores. Maps are keyed by `appId`, `chatId`, key, `shareId` and `tmbId`. */
export interface FakeState {
  /** Apps by appId. */
  apps: Map<string, FakeApp>;
  /** Chats by chatId (chatIds are unique across apps in the fake). */
  chats: Map<string, FakeChat>;
  /** API keys by their secret. */
  apiKeys: Map<string, FakeApiKey>;
  /** Share links by shareId. */
  shareLinks: Map<string, FakeShareLink>;
  /** Team members by tmbId. */
  members: Map<string, FakeTeamMember>;
}
