import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '../server/to-node-handler';

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

/**
 * Adapts a Fetch-API handler to `node:http` (see `toNodeHandler` of the server entry): each chunk of the
 * response body is written at once (SSE events are not buffered), a client disconnect aborts the Request's
 * signal (which stops the scenario), a body that errors (`drop` fault) destroys the socket, and
 * `Response.error()` (`networkError`) destroys it before any byte. With `next`, requests outside `/api/`
 * pass through.
 */
export function createFakeNodeHandler(handle: (request: Request) => Promise<Response>): FakeNodeHandler {
  return toNodeHandler(handle, { skip: (url) => !url.pathname.includes('/api/') });
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
