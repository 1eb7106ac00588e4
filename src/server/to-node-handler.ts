import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A connect-style middleware for `node:http`, Express, Connect and Vite's dev server: `(req, res, next?)`.
 * It never calls `next` unless {@link ToNodeHandlerOptions.skip} says so.
 */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Options of {@link toNodeHandler}. */
export interface ToNodeHandlerOptions {
  /** Requests for which this returns true go to `next` (when there is one) instead of the handler. */
  skip?: (url: URL) => boolean;
}

// Hop-by-hop and length headers describe the incoming connection, not the Request rebuilt from it.
const SKIPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

/**
 * Runs a Fetch-API handler (`(Request) => Promise<Response>`, such as {@link createFastGPTProxy}'s) on
 * `node:http`: each chunk of the response body is written as soon as it arrives (SSE is never buffered),
 * the browser going away aborts the Request's signal (so the upstream call stops), and a body that fails
 * midway closes the connection after what was already sent. Behind Express's `express.json()` the parsed
 * `req.body` is forwarded, since the stream was already read.
 *
 * @example
 * ```ts
 * app.use('/api/fastgpt', toNodeHandler(createFastGPTProxy({ baseUrl, apiKey })));
 * ```
 */
export function toNodeHandler(
  handle: (request: Request) => Promise<Response>,
  options: ToNodeHandlerOptions = {},
): NodeMiddleware {
  return (req, res, next) => {
    void serve(handle, options, req, res, next).catch((error: unknown) => {
      if (next) next(error);
      else res.destroy();
    });
  };
}

async function serve(
  handle: (request: Request) => Promise<Response>,
  options: ToNodeHandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  next: ((error?: unknown) => void) | undefined,
): Promise<void> {
  // Express strips its mount path from `req.url`; `originalUrl` keeps the path the browser asked for.
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = new URL(path, `http://${req.headers.host ?? '127.0.0.1'}`);
  if (next && options.skip?.(url)) {
    next();
    return;
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readRequestBody(req);
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new DOMException('The client disconnected', 'AbortError'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  let response: Response;
  try {
    response = await handle(
      new Request(url, { method, headers, signal: aborter.signal, ...(body ? { body } : {}) }),
    );
  } catch (error) {
    if (aborter.signal.aborted) return;
    throw error;
  }
  // `Response.error()` is a network error: the connection closes before any byte, as when a server dies.
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  res.socket?.setNoDelay(true);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let written: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      written = new Promise((resolve) => res.write(value, () => resolve()));
    }
    res.end();
  } catch {
    // The body failed midway (upstream died, or the client left): close after what was already sent.
    await written;
    res.destroy();
  }
}

/** The request body: the raw bytes, or what a body parser such as `express.json()` already read. */
async function readRequestBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | string | undefined> {
  const parsed = (req as { body?: unknown }).body;
  if (parsed !== undefined && req.readableEnded) {
    if (typeof parsed === 'string') return parsed;
    if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
    return JSON.stringify(parsed);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : new Uint8Array(Buffer.concat(chunks));
}
