import { normalizeBaseUrl } from '../client/client-options';
import { matchAllowedRoute, type ProxyRouteGroup } from './proxy-routes';

/** Options of {@link createFastGPTProxy}. */
export interface FastGPTProxyOptions {
  /** The FastGPT origin the proxy forwards to. A trailing `/` or `/api` is tolerated. */
  baseUrl: string;
  /** The FastGPT API key added to every forwarded request. It never reaches the browser. */
  apiKey?: string;
  /** A FastGPT session token added as the `token` header (needed for the log table on FastGPT ≤ 4.14). */
  token?: string;
  /**
   * Which FastGPT routes are forwarded (default `['chat']`: one conversation by its chatId). `'history'` adds
   * the chat list and `'logs'` the log table; both expose every visitor's chats (one key = one owner in
   * FastGPT's eyes), so add them only behind your own auth.
   */
  allow?: readonly ProxyRouteGroup[];
  /**
   * Pins every forwarded call to this app: `appId` is overwritten in the query and JSON body, so a browser
   * cannot reach other apps of an account key.
   */
  appId?: string;
  /**
   * Runs before forwarding; return a `Response` to answer yourself (e.g. 401 for a signed-out user), or a
   * `Headers`-like object of extra headers for the upstream request.
   */
  onRequest?: (
    request: Request,
    route: string,
  ) => Response | Record<string, string> | undefined | Promise<Response | Record<string, string> | undefined>;
  /** The fetch used to reach FastGPT (default `globalThis.fetch`). */
  fetch?: typeof fetch;
}

// Caller headers worth forwarding; everything else (Authorization, Cookie, token, Host…) is dropped.
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'user-agent'];
// Upstream headers the browser needs; content-length/encoding are left to the runtime (fetch decodes bodies).
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'content-disposition',
  'retry-after',
  'x-accel-buffering',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

function envelope(status: number, statusText: string, message: string): Response {
  return new Response(JSON.stringify({ code: status, statusText, message, data: null }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** Sets `appId` in a JSON object body; other bodies pass unchanged. */
async function pinAppId(body: ArrayBuffer, appId: string | undefined): Promise<ArrayBuffer | string> {
  if (!appId || body.byteLength === 0) return body;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
    return JSON.stringify({ ...parsed, appId });
  } catch {
    return body;
  }
}

/**
 * A Fetch-API handler, `(Request) => Promise<Response>`, that forwards allow-listed FastGPT routes with your
 * API key added on the server, so the key never ships to browsers. Streams pass through unbuffered; upstream
 * failures come back as FastGPT's error envelope.
 *
 * @example
 * ```ts
 * // app/api/fastgpt/[...path]/route.ts (Next.js)
 * import { createFastGPTProxy } from 'fastgpt-react/server';
 * const proxy = createFastGPTProxy({ baseUrl: process.env.FASTGPT_BASE_URL!, apiKey: process.env.FASTGPT_API_KEY });
 * export const GET = proxy;
 * export const POST = proxy;
 * export const DELETE = proxy;
 * // in the browser: new ChatClient({ baseUrl: '/api/fastgpt' })
 * ```
 */
export function createFastGPTProxy(options: FastGPTProxyOptions): (request: Request) => Promise<Response> {
  const upstream = normalizeBaseUrl(options.baseUrl);
  const groups = options.allow ?? ['chat'];
  const send =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  return async function fastgptProxy(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = matchAllowedRoute(url.pathname, groups);
    if (!route) {
      return envelope(404, 'notAllowed', `This proxy does not forward ${url.pathname}.`);
    }

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    const hook = await options.onRequest?.(request, route);
    if (hook instanceof Response) return hook;
    for (const [name, value] of Object.entries(hook ?? {})) headers.set(name, value);
    if (options.apiKey) headers.set('authorization', `Bearer ${options.apiKey}`);
    if (options.token) headers.set('token', options.token);

    const search = new URLSearchParams(url.search);
    if (options.appId && search.has('appId')) search.set('appId', options.appId);
    const query = search.size > 0 ? `?${search}` : '';
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body = hasBody ? await pinAppId(await request.arrayBuffer(), options.appId) : undefined;
    let response: Response;
    try {
      response = await send(`${upstream}${route}${query}`, {
        method: request.method,
        headers,
        body,
        // A browser that goes away cancels the upstream request, so FastGPT stops streaming to nobody.
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal.aborted) return envelope(499, 'clientClosedRequest', 'The client went away.');
      const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
      return envelope(502, 'upstreamUnavailable', `The proxy could not reach FastGPT${reason}.`);
    }

    const contentType = response.headers.get('content-type') ?? '';
    // FastGPT's own failures are JSON envelopes already; a gateway's HTML or text page (502, 504…) is not.
    if (!response.ok && !contentType.includes('json') && !contentType.includes('event-stream')) {
      await response.body?.cancel();
      const retryAfter = response.headers.get('retry-after');
      const failure = envelope(
        response.status,
        'upstreamError',
        `FastGPT answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      );
      if (retryAfter) failure.headers.set('retry-after', retryAfter);
      return failure;
    }
    const responseHeaders = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value) responseHeaders.set(name, value);
    }
    if (contentType.includes('event-stream')) {
      // Tell reverse proxies (nginx) and compressors in front of this handler not to hold events back.
      responseHeaders.set('x-accel-buffering', 'no');
      responseHeaders.set('cache-control', 'no-cache, no-transform');
    }
    // The body stream is handed over as is: each chunk reaches the browser as soon as FastGPT sends it.
    return new Response(response.body, { status: response.status, headers: responseHeaders });
  };
}
