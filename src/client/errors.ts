/** Base class of every error this kit throws. `message` is always a human sentence. */
export class FastGPTError extends Error {
  override name = 'FastGPTError';
}

/** What an {@link APIError} knows about the failed response. */
export interface APIErrorDetails {
  /** HTTP status of the response (FastGPT often answers 500 or even 200 for errors). */
  status?: number;
  /** FastGPT's business code from the body (`403`, `514`, `502000`, …), or the HTTP status. */
  code?: number;
  /** FastGPT's error key from the body (`unAuthApiKey`, `error`, …). */
  statusText?: string;
  /** The body's raw `message` (often an i18n key such as `common:code_error.error_message.514`). */
  rawMessage?: string;
  /** The parsed body, or its text when it was not JSON. */
  body?: unknown;
  /** The original cause, if any. */
  cause?: unknown;
}

/** FastGPT answered with an error. Subclasses tell which kind. */
export class APIError extends FastGPTError {
  override name = 'APIError';
  /** HTTP status of the response. */
  readonly status: number | undefined;
  /** FastGPT's business code, or the HTTP status. */
  readonly code: number | undefined;
  /** FastGPT's error key. */
  readonly statusText: string | undefined;
  /** The body's raw message, kept for logs and support. */
  readonly rawMessage: string | undefined;
  /** The parsed body. */
  readonly body: unknown;

  constructor(message: string, details: APIErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.statusText = details.statusText;
    this.rawMessage = details.rawMessage;
    this.body = details.body;
  }
}

/** The credentials were missing, wrong or not allowed (FastGPT codes 403, 514, 506xxx, 502001, 504000). */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}

/** Too many requests. `retryAfter` is in seconds when the server said how long to wait. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** Seconds to wait before trying again, if known. */
  readonly retryAfter: number | undefined;

  constructor(message: string, details: APIErrorDetails & { retryAfter?: number } = {}) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** The request was malformed (FastGPT codes 400, 507xxx, zod errors, or plain-text parameter errors). */
export class ValidationError extends APIError {
  override name = 'ValidationError';
}

/** The app, chat or record does not exist (FastGPT code 502000, HTTP 404). */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}

/** No response (or no stream data) arrived within `timeout` milliseconds. */
export class TimeoutError extends FastGPTError {
  override name = 'TimeoutError';
  /** The limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number) {
    super(message);
    this.timeout = timeout;
  }
}

/** The network failed: the server could not be reached or the connection dropped. */
export class ConnectionError extends FastGPTError {
  override name = 'ConnectionError';
}

/** The stream could not be read: malformed data, or it ended where it must not. */
export class StreamError extends FastGPTError {
  override name = 'StreamError';
  /** The SSE event name involved, if any. */
  readonly event: string | undefined;

  constructor(message: string, options: { event?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.event = options.event;
  }
}

/** True for the error a fetch or stream throws when its `AbortSignal` fired. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    ((error as { name: unknown }).name === 'AbortError' ||
      (error as { name: unknown }).name === 'TimeoutError') &&
    !(error instanceof FastGPTError)
  );
}
