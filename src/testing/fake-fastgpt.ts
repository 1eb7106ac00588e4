import { type HttpHandler, http } from 'msw';
import { authenticateFakeRequest, authorizeFakeApp } from './fake-auth';
import { CHAT_ROUTES } from './fake-chat-routes';
import type { CompletionRuntime, StreamFault } from './fake-completions';
import { fakeErrorResponse, fakeJsonResponse, fakeNotFoundResponse } from './fake-errors';
import { type FakeFault, FaultQueue, faultResponse } from './fake-faults';
import { createFakeIds, type FakeIds } from './fake-ids';
import { handleLogsRoute, seedAnalyticsData } from './fake-logs-routes';
import type { FakeState } from './fake-model';
import {
  createFakeNodeHandler,
  type FakeListeningServer,
  type FakeNodeHandler,
  listenFake,
} from './fake-node-adapter';
import { type FakeFastGPTOptions, type ResolvedFakeOptions, resolveFakeOptions } from './fake-options';
import { parsePagination } from './fake-pagination';
import type { FakeRouteContext } from './fake-route-context';
import { createSeedState, DEFAULT_FAKE_CREDENTIALS, type FakeCredentials } from './fake-seed';

/** A request the fake server saw, for asserting the wire format. */
export interface RecordedRequest {
  /** Upper-case method. */
  method: string;
  /** Path from `/api/` on. */
  path: string;
  /** Query parameters. */
  query: Record<string, string>;
  /** Parsed JSON body, raw text, or `undefined`. */
  body: unknown;
  /** Headers, lower-case names. */
  headers: Record<string, string>;
}

/** The fake FastGPT server: one implementation of the HTTP contract with fetch, msw and node adapters. */
export interface FakeFastGPT {
  /** Answers one request (the core every adapter uses). */
  handle(request: Request): Promise<Response>;
  /**
   * A `fetch` that calls {@link handle}. Relative URLs resolve against `baseUrl`. Honours `init.signal`:
   * aborting rejects with the signal's reason (an `AbortError`) before the response, errors the body
   * stream after it, and stops the scenario's timers.
   */
  fetch: typeof fetch;
  /** msw handlers answering `${baseUrl}/*`. */
  readonly handlers: HttpHandler[];
  /** A handler for `node:http` servers and Vite middleware (unbuffered streams, disconnect = abort). */
  nodeHandler: FakeNodeHandler;
  /** Starts a real HTTP server on 127.0.0.1. */
  listen(port?: number): Promise<FakeListeningServer>;
  /** Origin of the fetch adapter and the msw handlers. */
  readonly baseUrl: string;
  /** The seeded credentials. */
  readonly credentials: FakeCredentials;
  /** Every request seen, oldest first (cleared by `reset()`). */
  readonly requests: RecordedRequest[];
  /** Queues a fault for the next matching request(s). */
  injectFault(fault: FakeFault): void;
  /** Changes options; the store is kept. */
  setOptions(partial: Partial<FakeFastGPTOptions>): void;
  /** Back to the seeded state: store, requests, faults and ids; running streams are aborted. */
  reset(): void;
  /** The store, inspectable and editable (`chats` keyed by chatId). */
  readonly state: FakeState;
  /** The options in effect. */
  readonly options: Readonly<ResolvedFakeOptions>;
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function refill<K, V>(target: Map<K, V>, source: Map<K, V>): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Creates a fake FastGPT. It answers the chat routes of the contract (completions v1/v2 with every
 * scenario, history, records, init, feedback, delete, question guide, stop) and the log routes, with
 * the error statuses of the chosen server version, and can be told to misbehave with
 * {@link FakeFastGPT.injectFault}.
 *
 * @example
 * const fake = createFakeFastGPT();
 * const client = createFastGPTClient({ baseUrl: fake.baseUrl, apiKey: fake.credentials.appKey, fetch: fake.fetch });
 */
export function createFakeFastGPT(options: FakeFastGPTOptions = {}): FakeFastGPT {
  let raw: FakeFastGPTOptions = { ...options };
  let opts = resolveFakeOptions(raw);
  let ids: FakeIds = createFakeIds(opts.seed);
  const credentials: FakeCredentials = { ...DEFAULT_FAKE_CREDENTIALS };
  const state = createSeedState(credentials);
  const runtime: CompletionRuntime = { runs: new Map() };
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];

  const seedAnalytics = () => {
    if (opts.analytics === false) return;
    seedAnalyticsData({ state, options: opts, ids, now: () => opts.now() });
  };
  seedAnalytics();

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const apiIndex = url.pathname.indexOf('/api/');
    const path = (apiIndex >= 0 ? url.pathname.slice(apiIndex) : url.pathname).replace(/\/+$/, '') || '/';
    const query = Object.fromEntries(url.searchParams);
    const method = request.method.toUpperCase();
    const body = await readBody(request);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    requests.push({ method, path, query, body, headers });
    const origin = request.headers.get('origin');
    const withCors = (response: Response): Response => {
      if (origin && response.type !== 'error' && !response.headers.has('access-control-allow-origin')) {
        response.headers.set('Access-Control-Allow-Origin', origin);
        response.headers.set('Access-Control-Allow-Credentials', 'true');
      }
      return response;
    };
    if (method === 'OPTIONS') {
      return withCors(
        new Response(null, {
          status: 200,
          headers: {
            'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
            'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? '*',
          },
        }),
      );
    }
    const fault = faults.take(path);
    let streamFault: StreamFault | undefined;
    if (fault) {
      const injected = faultResponse(fault, opts.serverVersion);
      if (injected) return withCors(injected);
      if (fault.kind === 'drop' || fault.kind === 'stall') {
        streamFault = { kind: fault.kind, afterEvents: fault.afterEvents ?? 0 };
      }
    }
    const version = opts.serverVersion;
    const ctx: FakeRouteContext = {
      request,
      url,
      path,
      method,
      query,
      body,
      options: opts,
      version,
      state,
      ids,
      now: () => opts.now(),
      authenticate: async (authOptions) =>
        authenticateFakeRequest(
          { headers: request.headers, query, body, state, placement: opts.shareAuthPlacement },
          authOptions,
        ),
      authApp: (auth, appId) => authorizeFakeApp(state, auth, appId),
      pagination: () => parsePagination(body, query),
      errorResponse: (error) => fakeErrorResponse(error, version),
      json: (data) => fakeJsonResponse({ code: 200, statusText: '', message: '', data }),
    };
    try {
      const logs = await handleLogsRoute(ctx);
      if (logs) return withCors(logs);
      const route = CHAT_ROUTES.find((r) => r.path === path && (!r.versions || r.versions.includes(version)));
      if (!route) return withCors(fakeNotFoundResponse());
      // Faults on routes without a stream: drop loses the connection, stall never answers.
      if (streamFault && !path.endsWith('/chat/completions')) {
        if (streamFault.kind === 'drop') return Response.error();
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }));
        throw request.signal.reason;
      }
      return withCors(await route.handle(ctx, runtime, streamFault));
    } catch (error) {
      if (request.signal.aborted || isAbortError(error)) throw error;
      return withCors(ctx.errorResponse(error));
    }
  };

  const fakeFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let request: Request;
    try {
      const target = typeof input === 'string' && input.startsWith('/') ? `${opts.baseUrl}${input}` : input;
      request = new Request(target, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const signal = request.signal;
    const reason = () => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
    if (signal.aborted) return Promise.reject(reason());
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(reason());
      signal.addEventListener('abort', onAbort, { once: true });
      handle(request).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          if (response.type === 'error') reject(new TypeError('fetch failed'));
          else resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? reason() : error);
        },
      );
    });
  };

  const nodeHandler = createFakeNodeHandler(handle);

  const reset = () => {
    for (const control of runtime.runs.values()) control.abort();
    runtime.runs.clear();
    // Refill the same maps, so references tests hold stay live.
    const fresh = createSeedState(credentials);
    refill(state.apps, fresh.apps);
    refill(state.chats, fresh.chats);
    refill(state.apiKeys, fresh.apiKeys);
    refill(state.shareLinks, fresh.shareLinks);
    refill(state.members, fresh.members);
    requests.length = 0;
    faults.clear();
    ids = createFakeIds(opts.seed);
    seedAnalytics();
  };

  return {
    handle,
    fetch: fakeFetch as typeof fetch,
    get handlers() {
      return [http.all(`${opts.baseUrl}/*`, ({ request }) => handle(request))];
    },
    nodeHandler,
    listen: (port) => listenFake(nodeHandler, port),
    get baseUrl() {
      return opts.baseUrl;
    },
    credentials,
    requests,
    injectFault: (fault) => faults.add(fault),
    setOptions: (partial) => {
      raw = { ...raw, ...partial };
      opts = resolveFakeOptions(raw);
    },
    reset,
    state,
    get options() {
      return opts;
    },
  };
}
