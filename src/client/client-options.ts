/** Something that receives the client's log lines. `console` fits. */
export interface FastGPTLogger {
  /** Each request and its outcome. */
  debug(message: string, ...details: unknown[]): void;
  /** Retries and their delays. */
  info(message: string, ...details: unknown[]): void;
  /** Calls that failed for good. */
  warn(message: string, ...details: unknown[]): void;
  /** Reserved for failures of the client itself. */
  error(message: string, ...details: unknown[]): void;
}

/**
 * Share-link (outLink) auth: a public embed with no key. `outLinkUid` is the end-user id and scopes that user's
 * chats, so make it unguessable (or an HMAC of your user id).
 */
export interface ShareLinkAuth {
  /** The link's public id (`?shareId=` in FastGPT's share URL). */
  shareId: string;
  /** The end user's id, or the hook token when the link has token auth. */
  outLinkUid: string;
  /**
   * Where the credentials go. `legacy` (FastGPT ≤ 4.14): top-level `shareId`/`outLinkUid` fields plus `appId`.
   * `nested` (2026 servers): an `outLinkAuthData` object, JSON-encoded in GET/DELETE queries, and no `appId`.
   * Default `legacy`.
   */
  placement?: 'legacy' | 'nested';
}

/** Options of {@link FastGPTClient}, {@link ChatClient}, {@link AppClient} and `createFastGPTClient`. */
export interface FastGPTClientOptions {
  /**
   * An app key (bound to one app) or an account key (then also pass `appId`). Sent as `Authorization: Bearer`.
   * Never ship a key to browsers: use `createFastGPTProxy` on your server, or a share link.
   */
  apiKey?: string;
  /** Default app id for every call; required with account keys. Calls may still pass their own. */
  appId?: string;
  /** Share-link auth for public embeds (no key). */
  shareLink?: ShareLinkAuth;
  /** A FastGPT user session token, sent as the `token` header (the log-table endpoints need it). */
  token?: string;
  /** The FastGPT origin. A trailing `/` or `/api` is tolerated. Default `http://localhost:3000`. */
  baseUrl?: string;
  /**
   * Milliseconds to wait for a response. For streams it bounds the wait for the first byte and each gap between
   * bytes, not the whole reply. Default 60 000.
   */
  timeout?: number;
  /**
   * Retries after a failure that is safe to retry: connection errors, timeouts, rate limits and gateway errors;
   * completions only where FastGPT certainly did not start the workflow. Default 3.
   */
  maxRetries?: number;
  /**
   * First retry delay in milliseconds; doubles each time, with jitter. A server's `Retry-After` wins; one
   * asking for more than 60 s is not waited for (the call fails with a `RateLimitError`). Default 1 000.
   */
  retryDelay?: number;
  /** Where log lines go. Setting it turns logging on. Keys and tokens are never logged. */
  logger?: FastGPTLogger;
  /** Log requests, retries and errors to `console` (or `logger`). Default false. */
  enableLogging?: boolean;
  /** The fetch to use (a fake for tests, or a proxy-aware one). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Options every client method takes. */
export interface RequestOptions {
  /** Aborts the request (and a pending retry) at once. */
  signal?: AbortSignal;
}

/** The default FastGPT origin. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';
/** Default request timeout in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries. */
export const DEFAULT_MAX_RETRIES = 3;
/** Default first retry delay in milliseconds. */
export const DEFAULT_RETRY_DELAY_MS = 1_000;

/**
 * Turns a user-given base URL into the origin-plus-path every route is appended to (without `/api`).
 * `https://x.com/`, `https://x.com/api` and `https://x.com/api/` all give `https://x.com`.
 */
export function normalizeBaseUrl(baseUrl: string = DEFAULT_BASE_URL): string {
  let url = baseUrl.trim();
  while (url.endsWith('/')) url = url.slice(0, -1);
  if (url.endsWith('/api')) url = url.slice(0, -4);
  else if (url.endsWith('/api/v1')) url = url.slice(0, -7);
  while (url.endsWith('/')) url = url.slice(0, -1);
  return url;
}
