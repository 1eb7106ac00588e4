import { APIError, ConnectionError, type FastGPTError, RateLimitError, TimeoutError } from './errors';

/** Reads FastGPT's "Please try again in 37 seconds" (and the Chinese "Xs 后重试") rate-limit text. */
export function retryAfterFromText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const english = /try again in (\d+(?:\.\d+)?)\s*(?:s\b|sec|second)/i.exec(text);
  if (english?.[1]) return Math.ceil(Number(english[1]));
  const chinese = /(\d+(?:\.\d+)?)\s*s\s*后重试/.exec(text);
  if (chinese?.[1]) return Math.ceil(Number(chinese[1]));
  return undefined;
}

/**
 * Whether a failed attempt may be tried again. Auth, validation, not-found and FastGPT business errors are final;
 * network failures, timeouts, rate limits and gateway errors (a 5xx that is not a FastGPT envelope) are not.
 */
export function isRetryableError(error: FastGPTError): boolean {
  if (error instanceof RateLimitError) return true;
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (error.constructor === APIError) {
    const apiError = error as APIError;
    // FastGPT itself answers 200, 400, 429 or 500; 502–504 come from gateways and proxies in front of it.
    if (apiError.status === 502 || apiError.status === 503 || apiError.status === 504) return true;
    const isEnvelope =
      typeof apiError.body === 'object' && apiError.body !== null && 'code' in (apiError.body as object);
    return apiError.status !== undefined && apiError.status >= 500 && !isEnvelope;
  }
  return false;
}

/** Inputs of {@link retryDelayMs}. */
export interface RetryDelayInput {
  /** 0 for the first retry. */
  attempt: number;
  /** The first delay in ms. */
  baseDelay: number;
  /** The error that failed the attempt. */
  error: FastGPTError;
  /** Random source in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Milliseconds to wait before a retry: the server's `Retry-After` when it gave one, otherwise
 * `baseDelay × 2^attempt`, scaled by a random factor in [0.5, 1) so many clients do not retry in step.
 */
export function retryDelayMs({ attempt, baseDelay, error, random = Math.random }: RetryDelayInput): number {
  if (error instanceof RateLimitError && error.retryAfter !== undefined) return error.retryAfter * 1000;
  const exponential = baseDelay * 2 ** attempt;
  return Math.round(exponential * (0.5 + random() / 2));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
