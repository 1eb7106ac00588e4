import { TimeoutError } from './errors';

/** One attempt of a call: its abort signal, its timeout clock, and whether FastGPT has answered yet. */
export interface AttemptScope {
  /** Fires when the caller aborts or the attempt's timeout passes. */
  readonly signal: AbortSignal;
  /** Whether this attempt's timeout fired. */
  readonly timedOut: boolean;
  /** Set once response headers arrived; non-idempotent calls are not retried after that. */
  responded: boolean;
  /** Stops the timeout clock (a stream's idle clock takes over once the response has arrived). */
  clearTimer(): void;
  /** Stops the clock and unlinks the caller's signal. */
  dispose(): void;
}

/**
 * Starts an attempt: a signal linked to the caller's, aborted with a {@link TimeoutError} after `timeout` ms
 * (0 or Infinity: no limit).
 */
export function createAttemptScope(
  callerSignal: AbortSignal | undefined,
  timeout: number,
  timeoutMessage: string,
): AttemptScope {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeout > 0 && Number.isFinite(timeout)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new TimeoutError(timeoutMessage, timeout));
        }, timeout)
      : undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    responded: false,
    clearTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}
