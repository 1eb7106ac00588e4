import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A connect-style handler for `node:http` servers and Vite middleware. */
export type FakeNodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** A running loopback server of the fake. */
export interface FakeListeningServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The port. */
  port: number;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

// Hop-by-hop and length headers describe the incoming connection, not the Request we rebuild.
const SKIPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

/**
 * Adapts a Fetch-API handler to `node:http`: each chunk of the response body is written at once
 * (SSE events are not buffered), a client disconnect aborts the Request's signal (which stops the
 * scenario), a body that errors (`drop` fault) destroys the socket, and `Response.error()`
 * (`networkError`) destroys it before any byte. With `next`, requests outside `/api/` pass through.
 */
export function createFakeNodeHandler(handle: (request: Request) => Promise<Response>): FakeNodeHandler {
  return (req, res, next) => {
    void serve(handle, req, res, next);
  };
}

async function serve(
  handle: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  next: (() => void) | undefined,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (next && !url.pathname.includes('/api/')) {
    next();
    return;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new DOMException('The client disconnected', 'AbortError'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = chunks.length > 0 && method !== 'GET' && method !== 'HEAD';
  let response: Response;
  try {
    const request = new Request(url, {
      method,
      headers,
      signal: aborter.signal,
      ...(hasBody ? { body: concat(chunks) } : {}),
    });
    response = await handle(request);
  } catch {
    res.destroy();
    return;
  }
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  res.socket?.setNoDelay(true);
  res.writeHead(response.status, outHeaders);
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let flushed: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      flushed = new Promise((resolve) => res.write(value, () => resolve()));
    }
    res.end();
  } catch {
    // A `drop` fault (or an abort): the connection goes away mid-body, after what was already sent
    // has reached the socket, as when a real server process dies.
    await flushed;
    res.destroy();
  }
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(chunks.reduce((n, c) => n + c.byteLength, 0)));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Serves `handler` on 127.0.0.1 (`port` 0 or absent: a free port). `node:http` is imported on demand so
 * the module still loads in browsers.
 */
export async function listenFake(handler: FakeNodeHandler, port = 0): Promise<FakeListeningServer> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
