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
  TimeoutError,
  ValidationError,
} from './errors';
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
  /** Whether a failed attempt may be retried (default true); see `isRetryableError`. */
  retry?: boolean;
  /** Whether timeouts may be retried (default true; false where the server may already be working on it). */
  retryTimeouts?: boolean;
  /** Aborts the call and any pending retry. */
  signal?: AbortSignal | undefined;
}

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

  /** The call's app id or the client's; throws a clear error when neither exists. */
  protected requireAppId(appId: string | undefined, method: string): string {
    const resolved = appId ?? this.appId;
    if (!resolved) {
      throw new ValidationError(`${method} needs an appId: pass it to the call or to the client options.`);
    }
    return resolved;
  }

  /** Logs through the configured logger. Never pass keys or tokens here. */
  protected log(level: keyof FastGPTLogger, message: string, ...details: unknown[]): void {
    this.#logger?.[level](`[fastgpt] ${message}`, ...details);
  }

  /** Sends a call whose answer is FastGPT's envelope and returns its `data`. */
  protected async requestData<TData>(call: ApiCall): Promise<TData> {
    return this.withRetries(call, async (signal) => {
      const response = await this.send(call, signal);
      const body = await this.readBody(response, call);
      return this.unwrapEnvelope<TData>(body, response);
    });
  }

  /** Sends a call and returns the successful response unread (its status is already checked). */
  protected async requestResponse(call: ApiCall): Promise<Response> {
    return this.withRetries(call, (signal) => this.send(call, signal));
  }

  /**
   * Runs `attempt` with retries: exponential backoff with jitter, `Retry-After` honoured, an abort cancels a
   * pending wait at once. `attempt` gets a signal that fires on abort or on this attempt's timeout.
   */
  protected async withRetries<TResult>(
    call: Pick<ApiCall, 'method' | 'path' | 'retry' | 'retryTimeouts' | 'signal'>,
    attempt: (signal: AbortSignal) => Promise<TResult>,
  ): Promise<TResult> {
    for (let attemptIndex = 0; ; attemptIndex++) {
      const started = Date.now();
      const scope = this.timeoutScope(call.signal);
      try {
        const result = await attempt(scope.signal);
        this.log('debug', `${call.method} ${call.path} ok (${Date.now() - started} ms)`);
        return result;
      } catch (raw) {
        const error = this.toFastGPTError(raw, scope, call);
        if (!(error instanceof FastGPTError)) throw error;
        const retryable =
          call.retry !== false &&
          attemptIndex < this.maxRetries &&
          isRetryableError(error) &&
          !(error instanceof TimeoutError && call.retryTimeouts === false);
        if (!retryable) {
          this.log('warn', `${call.method} ${call.path} failed: ${error.message}`);
          throw error;
        }
        const delay = retryDelayMs({ attempt: attemptIndex, baseDelay: this.retryDelay, error });
        if (delay > this.timeout) throw error;
        this.log(
          'info',
          `${call.method} ${call.path} failed (${error.name}); retry ${attemptIndex + 1} in ${delay} ms`,
        );
        await sleep(delay, call.signal);
      } finally {
        scope.dispose();
      }
    }
  }

  /** A signal that fires when the caller aborts or `timeout` passes, plus a way to stop the timer. */
  protected timeoutScope(callerSignal: AbortSignal | undefined) {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) controller.abort(callerSignal.reason);
    else callerSignal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      this.timeout > 0 && Number.isFinite(this.timeout)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new TimeoutError(this.timeoutMessage(), this.timeout));
          }, this.timeout)
        : undefined;
    return {
      signal: controller.signal,
      get timedOut() {
        return timedOut;
      },
      /** Stops the timeout clock (streams switch to their own idle clock once the response has arrived). */
      clearTimer: () => clearTimeout(timer),
      dispose: () => {
        clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onAbort);
      },
    };
  }

  /** The message of a timeout. */
  protected timeoutMessage(): string {
    return `FastGPT did not answer within ${Math.round(this.timeout / 1000)} seconds.`;
  }

  /** Maps anything thrown during an attempt to a FastGPT error, or rethrows the caller's abort reason. */
  protected toFastGPTError(
    raw: unknown,
    scope: { timedOut: boolean },
    call: Pick<ApiCall, 'signal'>,
  ): FastGPTError | unknown {
    if (call.signal?.aborted) return call.signal.reason;
    if (scope.timedOut)
      return raw instanceof TimeoutError ? raw : new TimeoutError(this.timeoutMessage(), this.timeout);
    if (raw instanceof FastGPTError) return raw;
    const detail = raw instanceof Error && raw.message ? ` (${raw.message})` : '';
    return new ConnectionError(`Could not reach FastGPT at ${this.baseUrl}${detail}.`, { cause: raw });
  }

  /** Performs one HTTP request with auth applied; non-2xx answers become classified errors. */
  protected async send(call: ApiCall, signal: AbortSignal): Promise<Response> {
    const { url, init } = this.buildRequest(call, signal);
    this.log('debug', `${call.method} ${call.path}`);
    const response = await this.#fetch(url, init);
    if (!response.ok) throw await this.errorFromResponse(response);
    return response;
  }

  /** Reads a failed response and classifies it. */
  protected async errorFromResponse(response: Response): Promise<FastGPTError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      if (/^\s*</.test(text) && response.status === 404) {
        return new NotFoundError(
          `FastGPT has no such endpoint (HTTP 404 for ${new URL(response.url || 'http://x/').pathname}). ` +
            'Check the baseUrl, or this server version may not support the call.',
          { status: 404, code: 404, body: text },
        );
      }
    }
    return classifyError({
      body,
      status: response.status,
      retryAfterHeader: response.headers.get('retry-after'),
    });
  }

  /** Parses a JSON body; anything else is a clear error. */
  protected async readBody(response: Response, call: Pick<ApiCall, 'path'>): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new APIError(`FastGPT answered ${call.path} with something that is not JSON.`, {
        status: response.status,
        body: text.slice(0, 2000),
        cause,
      });
    }
  }

  /** Returns the envelope's `data`, or throws when `code` is not 200 (old servers answer errors with HTTP 200). */
  protected unwrapEnvelope<TData>(body: unknown, response: Response): TData {
    if (typeof body === 'object' && body !== null && 'code' in body) {
      const code = (body as { code: unknown }).code;
      if (code !== 200) throw classifyError({ body, status: response.status });
      return (body as unknown as { data: TData }).data;
    }
    return body as TData;
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
