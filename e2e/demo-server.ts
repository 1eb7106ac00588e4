import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createFakeFastGPT, type FakeFastGPT, type FakeFastGPTOptions } from '../src/testing';

const DIST = resolve(import.meta.dirname, '../demo/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The built demo and the fake FastGPT behind it, on 127.0.0.1. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The fake answering `/api/*`: inject faults, read its requests and state. */
  fake: FakeFastGPT;
  /** Stops the server and its open connections. */
  close(): Promise<void>;
}

/**
 * Serves demo/dist (built by the project's global setup) with the fake FastGPT answering `/api/*`, as
 * `npm run demo` does in development. One per test file, so each test can steer its own fake.
 */
export async function startDemoServer(options: FakeFastGPTOptions = {}): Promise<DemoServer> {
  const fake = createFakeFastGPT({ tokenDelayMs: 20, heartbeatMs: 0, ...options });
  const server = createServer((req, res) => {
    fake.nodeHandler(req, res, () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
      if (!file.startsWith(DIST)) {
        res.writeHead(403).end();
        return;
      }
      stat(file).then(
        (info) => {
          if (!info.isFile()) throw new Error('not a file');
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          createReadStream(file).pipe(res);
        },
        () => res.writeHead(404).end('Not found'),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fake,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
