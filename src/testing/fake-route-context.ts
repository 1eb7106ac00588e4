import type { FakeIds } from './fake-ids';
import type { FakeApp, FakeShareLink, FakeState } from './fake-model';
import type { FakeServerVersion, ResolvedFakeOptions } from './fake-options';

/**
 * Who a request authenticated as.
 * - `appKey` / `accountKey`: `Authorization: Bearer fastgpt-…` (app keys carry their `appId`);
 * - `token`: the user session token (`token` header or `fastgpt_token` cookie);
 * - `share`: a share link (`shareId` + `outLinkUid`); `teamId`/`tmbId` are the link's team and creator.
 */
export interface AuthResult {
  /** The caller's team. */
  teamId: string;
  /** The caller's team member (key owner, session user or share-link creator). */
  tmbId: string;
  /** The app the credential is bound to (app keys, share links, the 3-part legacy key), if any. */
  appId?: string;
  /** Which credential was used. */
  via: 'appKey' | 'accountKey' | 'token' | 'share';
  /** Name of the API key (the chat's `sourceName`). */
  keyName?: string;
  /** A session member who may read other members' chats (`readChatLog`). */
  readChatLog?: boolean;
  /** Share-link details when `via === 'share'`. */
  share?: { shareId: string; outLinkUid: string; link: FakeShareLink };
}

/** Which credentials a route accepts (all by default). */
export interface AuthenticateOptions {
  /** Accept share-link auth (default true). */
  allowShare?: boolean;
  /** Accept API keys (default true); when false a request with only a key gets 403 `unAuthorization`. */
  allowKeys?: boolean;
  /** Accept the session token (default true). */
  allowToken?: boolean;
  /** Read share auth from `outLinkAuthData` even in `legacy` placement (`/api/v2/chat/stop`). */
  nestedShare?: boolean;
}

/**
 * What a fake route handler gets. Shared by the chat routes and the log routes in
 * `fake-logs-routes.ts`, which must export
 * `handleLogsRoute(ctx: FakeRouteContext): Promise<Response | undefined>` (`undefined`: not a log route)
 * and `seedAnalyticsData(seed: FakeSeedContext): void` (called on create and `reset()` unless
 * `options.analytics === false`).
 */
export interface FakeRouteContext {
  /** The incoming request (its body is already read into `body`). */
  request: Request;
  /** Its URL. */
  url: URL;
  /** The path from `/api/` on, without a trailing slash (a base-path prefix is dropped). */
  path: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Query parameters (last value wins). */
  query: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` when empty. */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are untyped input that routes validate.
  body: any;
  /** Options with defaults filled in. */
  options: ResolvedFakeOptions;
  /** `options.serverVersion`. */
  version: FakeServerVersion;
  /** The store. `chats` is keyed by chatId; items are chronological. */
  state: FakeState;
  /** Seeded ids. */
  ids: FakeIds;
  /** Current time, epoch ms (`options.now`). */
  now(): number;
  /** Authenticates the request; throws a `FakeHttpError` (403 / 514 / 501 …). */
  authenticate(options?: AuthenticateOptions): Promise<AuthResult>;
  /** Loads an app the caller may read; throws 502000 `appUnExist` or 502001 `unAuthApp`. */
  authApp(auth: AuthResult, appId: string | undefined): FakeApp;
  /** `{list,total}` paging of FastGPT's `parsePaginationRequest` (body when it has `pageSize`, else query). */
  pagination(): { offset: number; pageSize: number };
  /** The version-correct error response of a thrown value. */
  errorResponse(error: unknown): Response;
  /** A success envelope `{code: 200, statusText: '', message: '', data}`. */
  json(data: unknown): Response;
}

/** What `seedAnalyticsData` in `fake-logs-routes.ts` gets to fill the store with log data. */
export interface FakeSeedContext {
  /** The store to fill (already holds the seeded apps, keys, links and members). */
  state: FakeState;
  /** Options with defaults filled in (`analytics` is not `false`). */
  options: ResolvedFakeOptions;
  /** Seeded ids. */
  ids: FakeIds;
  /** Current time, epoch ms. */
  now(): number;
}
