import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APIError,
  AuthenticationError,
  ConnectionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors';
import { isRetryableError, retryAfterFromText, retryDelayMs, sleep } from './retry-policy';

afterEach(() => vi.useRealTimers());

describe('retry policy', () => {
  it('retries network failures, timeouts, rate limits and gateway errors only', () => {
    expect(isRetryableError(new ConnectionError('x'))).toBe(true);
    expect(isRetryableError(new TimeoutError('x', 1))).toBe(true);
    expect(isRetryableError(new RateLimitError('x'))).toBe(true);
    expect(isRetryableError(new APIError('x', { status: 502, body: '<html>' }))).toBe(true);
    expect(isRetryableError(new APIError('x', { status: 500, body: { code: 500, message: 'boom' } }))).toBe(
      false,
    );
    expect(isRetryableError(new AuthenticationError('x', { status: 500 }))).toBe(false);
    expect(isRetryableError(new ValidationError('x', { status: 400 }))).toBe(false);
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    const error = new ConnectionError('x');
    expect(retryDelayMs({ attempt: 0, baseDelay: 1000, error, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ attempt: 0, baseDelay: 1000, error, random: () => 0.999 })).toBe(1000);
    expect(retryDelayMs({ attempt: 2, baseDelay: 1000, error, random: () => 0 })).toBe(2000);
    expect(retryDelayMs({ attempt: 2, baseDelay: 1000, error, random: () => 0.999 })).toBe(3998);
  });

  it('waits exactly what the server asked for', () => {
    const error = new RateLimitError('x', { retryAfter: 7 });
    expect(retryDelayMs({ attempt: 3, baseDelay: 1000, error })).toBe(7000);
  });

  it('reads FastGPT’s rate-limit sentences', () => {
    expect(retryAfterFromText('Please try again in 37 seconds.')).toBe(37);
    expect(retryAfterFromText('每分钟仅能请求 10 次, 12s 后重试~')).toBe(12);
    expect(retryAfterFromText('Too many request, request 1 times every 1 seconds')).toBeUndefined();
  });

  it('sleep rejects at once with the abort reason', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
