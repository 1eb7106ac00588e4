import { fakeJsonResponse, KNOWN_ERRORS, renderFakeError, teamRateLimitError } from './fake-errors';
import type { FakeServerVersion } from './fake-options';

/**
 * A misbehaviour to inject, matched against the request path by substring (`path`, default: any
 * request) and used `times` times (default 1):
 * - `status`: answer this status, body (JSON unless a string) and headers;
 * - `rateLimit`: `header` = HTTP 429 + `Retry-After` + the `tooManyRequest` envelope; `text` = FastGPT's
 *   team QPM body (`code: 429`, "Please try again in N seconds.") with the version's error status;
 * - `drop`: destroy the connection after `afterEvents` stream events (default 0; non-stream: before
 *   the response, so fetch rejects with `TypeError('fetch failed')`);
 * - `stall`: go silent after `afterEvents` events (non-stream: never answer) until the client aborts;
 * - `networkError`: the request fails outright (`TypeError('fetch failed')`).
 */
export type FakeFault = (
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'rateLimit'; retryAfterSeconds: number; style: 'header' | 'text' }
  | { kind: 'drop'; afterEvents?: number }
  | { kind: 'stall'; afterEvents?: number }
  | { kind: 'networkError' }
) & {
  /** Substring of the request path to match (default: every path). */
  path?: string;
  /** How many requests it affects (default 1). */
  times?: number;
};

/** One-shot (or `times`) faults, consumed in injection order. */
export class FaultQueue {
  private faults: Array<{ fault: FakeFault; remaining: number }> = [];

  /** Adds a fault. */
  add(fault: FakeFault): void {
    this.faults.push({ fault, remaining: Math.max(1, fault.times ?? 1) });
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Takes the first fault matching `path`, counting one use. */
  take(path: string): FakeFault | undefined {
    const index = this.faults.findIndex(({ fault }) => fault.path === undefined || path.includes(fault.path));
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }
}

/** The response of a `status`, `rateLimit` or `networkError` fault (stream faults return `undefined`). */
export function faultResponse(fault: FakeFault, version: FakeServerVersion): Response | undefined {
  switch (fault.kind) {
    case 'networkError':
      return Response.error();
    case 'status': {
      const headers = { ...(fault.headers ?? {}) };
      if (typeof fault.body === 'string') {
        return new Response(fault.body, { status: fault.status, headers });
      }
      const body = fault.body ?? {
        code: fault.status,
        statusText: 'error',
        message: 'Injected fault',
        data: null,
      };
      return fakeJsonResponse(body, fault.status, headers);
    }
    case 'rateLimit': {
      if (fault.style === 'header') {
        const { code, message } = KNOWN_ERRORS.tooManyRequest;
        return fakeJsonResponse({ code, statusText: 'tooManyRequest', message, data: null }, 429, {
          'Retry-After': String(fault.retryAfterSeconds),
        });
      }
      const rendered = renderFakeError(teamRateLimitError(fault.retryAfterSeconds), version);
      return fakeJsonResponse(rendered.body, rendered.status);
    }
    default:
      return undefined;
  }
}
