import { type AttemptScope, createAttemptScope } from './attempt-scope';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  type FastGPTClientOptions,
  type FastGPTLogger,
  normalizeBaseUrl,
  type ShareLinkAuth,
} from './client-options';
import { classifyError } from './error-classification';
import {
  APIError,
  ConnectionError,
  FastGPTError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors';
import { formatDuration } from './format-duration';
import { errorFromBody, readResponseBody } from './response-body';
import { isRetryableError, retryDelayMs, sleep } from './retry-policy';
import type { ChatSource } from './types';

/** How share-link credentials ride on a call: as plain params, or always nested (`/api/v2/chat/stop`). */
type ShareStyle = 'params' | 'nested';

/** One HTTP call to FastGPT, before auth is applied. */
export interface ApiCall {
  /** HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, starting with `/api/`. */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body; `undefined` values are left out by JSON. */
  body?: Record<string, unknown>;
  /** How share-link auth is added (default `params`). */
  share?: ShareStyle;
  /** Whether a failed attempt may be retried at all (default true); see `isRetryableError`. */
  retry?: boolean;
  /**
   * Whether repeating the call is harmless (default true). Completions are not: they run a workflow and save
   * the turn, so they are retried only where FastGPT certainly did not start.
   */
  idempotent?: boolean;
  /** Aborts the call and any pending retry. */
  signal?: AbortSignal | undefined;
}

/** A server asking for a longer wait than this (Retry-After) gets a `RateLimitError` instead of a retry. */
const MAX_RETRY_WAIT_MS = 60_000;

let warnedAboutBrowserKey = false;

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

function isDevelopment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV !== 'production';
}

/**
 * The base of {@link ChatClient} and {@link AppClient}: base URL, auth, timeouts, retries with backoff,
 * logging and FastGPT's error envelope. Mirrors the Python SDK's `FastGPTClient`.
 *
 * @example
 * ```ts
 * const chat = new ChatClient({ apiKey: process.env.FASTGPT_API_KEY, baseUrl: 'https://fastgpt.example.com' });
 * ```
 */
export class FastGPTClient {
  /** The normalized base URL (no trailing `/` or `/api`). */
  readonly baseUrl: string;
  /** Request timeout in ms (for streams: first byte and each idle gap). */
  readonly timeout: number;
  /** How many times a failed call is retried. */
  readonly maxRetries: number;
  /** First retry delay in ms. */
  readonly retryDelay: number;
  /** The app id used when a call does not name one. */
  readonly appId: string | undefined;
  /**
   * Tells this client's cached data apart from other clients' (base URL and kind of credential, plus the
   * share-link user); holds no secret, so it may appear in query keys and devtools.
   */
  readonly cacheScope: string;
  /** The options the client was made with. */
  protected readonly options: FastGPTClientOptions;
  readonly #fetch: typeof fetch;
  readonly #logger: FastGPTLogger | undefined;

  constructor(options: FastGPTClientOptions = {}) {
    this.options = options;
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.retryDelay = Math.max(0, options.retryDelay ?? DEFAULT_RETRY_DELAY_MS);
    this.appId = options.appId;
    const share = options.shareLink;
    const credential = share
      ? `share:${share.shareId}:${share.outLinkUid}`
      : options.apiKey
        ? 'key'
        : options.token
          ? 'token'
          : 'none';
    this.cacheScope = `${this.baseUrl}#${credential}`;
    const customFetch = options.fetch;
    // Bind lazily: a bare `fetch` reference called as a method throws "Illegal invocation" in browsers.
    this.#fetch = customFetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#logger = options.logger ?? (options.enableLogging ? console : undefined);

    if (options.apiKey && isBrowser() && isDevelopment() && !warnedAboutBrowserKey) {
      warnedAboutBrowserKey = true;
      console.warn(
        '[fastgpt-react] An apiKey is being used in a browser, where anyone can read it. Keep the key on your ' +
          'server with createFastGPTProxy() from "fastgpt-react/server", or use a share link ({ shareLink: ' +
          '{ shareId, outLinkUid } }) for public embeds.',
      );
    }
  }

  /** The share-link credentials, when the client uses them. */
  protected get shareLink(): ShareLinkAuth | undefined {
    return this.options.shareLink;
  }

  /** The chat source this client's own chats are saved under: `share`, `online` (token) or `api`. */
  protected get defaultSource(): ChatSource {
    if (this.options.shareLink) return 'share';
    if (this.options.token && !this.options.apiKey) return 'online';
    return 'api';
  }

  /**
   * The call's app id or the client's. Throws a clear error when neither exists, except with `nested`
   * share links, where 2026 servers take the app from the link and reject an `appId`.
   */
  protected requireAppId(appId: string | undefined, method: string): string | undefined {
    const resolved = appId ?? this.appId;
    if (!resolved && this.options.shareLink?.placement !== 'nested') {
      throw new ValidationError(`${method} needs an appId: pass it to the call or to the client options.`);
    }
    return resolved;
  }

  /** Logs through the configured logger. Never pass keys or tokens here. */
  protected log(level: keyof FastGPTLogger, message: string, ...details: unknown[]): void {
    this.#logger?.[level](`[fastgpt] ${message}`, ...details);
  }

  /**
   * Sends a call and returns its parsed answer: by default the `data` of FastGPT's envelope. Any error
   * body (HTTP 200 envelopes of old servers included) throws a classified error.
   */
  protected async requestData<TData>(
    call: ApiCall,
    unwrap: (body: unknown, response: Response) => TData = (body) =>
      (typeof body === 'object' && body !== null && 'code' in body
        ? (body as { data?: unknown }).data
        : body) as TData,
  ): Promise<TData> {
    return this.withRetries(call, async (scope) => {
      const response = await this.send(call, scope);
      const body = await readResponseBody(response);
      if (typeof body === 'string') {
        throw new APIError(`FastGPT answered ${call.path} with something that is not JSON.`, {
          status: response.status,
          body: body.slice(0, 2000),
        });
      }
      const error = errorFromBody(body, response);
      if (error) throw error;
      return unwrap(body, response);
    });
  }

  /**
   * Runs `attempt` with retries: exponential backoff with jitter, `Retry-After` honoured, and an abort cancels
   * a pending wait at once. Each attempt gets its own {@link AttemptScope} (abort signal and timeout clock).
   */
  protected async withRetries<TResult>(
    call: Pick<ApiCall, 'method' | 'path' | 'retry' | 'idempotent' | 'signal'>,
    attempt: (scope: AttemptScope) => Promise<TResult>,
  ): Promise<TResult> {
    for (let attemptIndex = 0; ; attemptIndex++) {
      const started = Date.now();
      const scope = createAttemptScope(call.signal, this.timeout, this.timeoutMessage());
      let error: unknown;
      try {
        const result = await attempt(scope);
        this.log('debug', `${call.method} ${call.path} ok (${Date.now() - started} ms)`);
        return result;
      } catch (raw) {
        error = this.toFastGPTError(raw, scope, call);
      } finally {
        scope.dispose();
      }
      if (!(error instanceof FastGPTError)) throw error;
      const delay = retryDelayMs({ attempt: attemptIndex, baseDelay: this.retryDelay, error });
      if (
        attemptIndex >= this.maxRetries ||
        !this.mayRetry(error, call, scope) ||
        delay > MAX_RETRY_WAIT_MS
      ) {
        this.log('warn', `${call.method} ${call.path} failed: ${error.message}`);
        throw error;
      }
      this.log(
        'info',
        `${call.method} ${call.path} failed (${error.name}); retry ${attemptIndex + 1} in ${delay} ms`,
      );
      await sleep(delay, call.signal);
    }
  }

  /**
   * Whether a failed attempt may be repeated. Calls that change state on the server (completions) are
   * retried only where FastGPT certainly did not start: a rate limit, the request never reaching it, or a 503.
   */
  private mayRetry(
    error: FastGPTError,
    call: Pick<ApiCall, 'retry' | 'idempotent'>,
    scope: AttemptScope,
  ): boolean {
    if (call.retry === false || !isRetryableError(error)) return false;
    if (call.idempotent !== false) return true;
    if (error instanceof RateLimitError) return true;
    if (error instanceof ConnectionError) return !scope.responded;
    return error instanceof APIError && error.status === 503;
  }

  /** The message of a timeout. */
  protected timeoutMessage(): string {
    return `FastGPT did not answer within ${formatDuration(this.timeout)}.`;
  }

  /** Maps anything thrown during an attempt to a FastGPT error, or returns the caller's abort reason. */
  protected toFastGPTError(raw: unknown, scope: AttemptScope, call: Pick<ApiCall, 'signal'>): unknown {
    if (call.signal?.aborted) return call.signal.reason;
    if (scope.timedOut)
      return raw instanceof TimeoutError ? raw : new TimeoutError(this.timeoutMessage(), this.timeout);
    if (raw instanceof FastGPTError) return raw;
    const detail = raw instanceof Error && raw.message ? ` (${raw.message})` : '';
    return new ConnectionError(`Could not reach FastGPT at ${this.baseUrl}${detail}.`, { cause: raw });
  }

  /** Performs one HTTP request with auth applied; non-2xx answers become classified errors. */
  protected async send(call: ApiCall, scope: AttemptScope): Promise<Response> {
    const { url, init } = this.buildRequest(call, scope.signal);
    this.log('debug', `${call.method} ${call.path}`);
    const response = await this.#fetch(url, init);
    scope.responded = true;
    if (!response.ok) throw await this.errorFromResponse(response);
    return response;
  }

  /** Reads a failed response and classifies it. */
  private async errorFromResponse(response: Response): Promise<FastGPTError> {
    const body = await readResponseBody(response).catch(() => '');
    if (response.status === 404 && typeof body === 'string') {
      return new NotFoundError(
        `FastGPT has no such endpoint (HTTP 404 for ${new URL(response.url || 'http://x/').pathname}). ` +
          'Check the baseUrl, or this server version may not support the call.',
        { status: 404, code: 404, body },
      );
    }
    return classifyError({
      body,
      status: response.status,
      retryAfterHeader: response.headers.get('retry-after'),
    });
  }

  /** Builds the URL and fetch init of a call: auth headers, share-link params, JSON body. */
  protected buildRequest(call: ApiCall, signal: AbortSignal): { url: string; init: RequestInit } {
    const query: Record<string, string | number | boolean | undefined> = { ...call.query };
    let body = call.body ? { ...call.body } : undefined;
    const share = this.options.shareLink;
    if (share) {
      const credentials = { shareId: share.shareId, outLinkUid: share.outLinkUid };
      const nested = share.placement === 'nested' || call.share === 'nested';
      if (share.placement === 'nested' && call.share !== 'nested') {
        // 2026 servers resolve the app from the link and reject an appId beside share auth.
        delete query.appId;
        if (body) delete body.appId;
      }
      if (body) {
        body = nested ? { ...body, outLinkAuthData: credentials } : { ...body, ...credentials };
      }
      if (!body || call.method === 'GET' || call.method === 'DELETE') {
        if (nested) query.outLinkAuthData = JSON.stringify(credentials);
        else Object.assign(query, credentials);
      }
    }

    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) search.set(key, String(value));
    }
    const queryString = search.toString();
    const url = `${this.baseUrl}${call.path}${queryString ? `?${queryString}` : ''}`;

    const headers: Record<string, string> = {
      Accept: 'application/json, text/event-stream',
      ...this.options.headers,
    };
    if (body) headers['Content-Type'] = 'application/json';
    if (this.options.apiKey) headers.Authorization = `Bearer ${this.options.apiKey}`;
    if (this.options.token) headers.token = this.options.token;

    return {
      url,
      init: { method: call.method, headers, body: body ? JSON.stringify(body) : undefined, signal },
    };
  }
}
