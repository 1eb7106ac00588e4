import { defineConfig, type Plugin } from 'vite';
import { createFastGPTProxy, type NodeMiddleware, toNodeHandler } from '../src/server';
import { createFakeFastGPT, DEFAULT_FAKE_CREDENTIALS } from '../src/testing';
import type { DemoConfig } from './demo-config';

/** The backend the demo talks to, and where it is mounted in the Vite server. */
interface DemoBackend {
  /** What the browser is told (no secrets). */
  config: DemoConfig;
  /** Mount path in the Vite server. */
  mount: string;
  /** The handler answering it. */
  middleware: NodeMiddleware;
  /** One line for the console. */
  banner: string;
}

/** Where the demo's browser code sends FastGPT calls in the proxy and share modes. */
const PROXY_PATH = '/api/fastgpt';

/**
 * Picks the demo's backend from the environment:
 * - nothing set: the fake FastGPT, answering `/api/*` inside this server (no second process, no key);
 * - `FASTGPT_BASE_URL` + `FASTGPT_API_KEY` (+ `FASTGPT_APP_ID`, `FASTGPT_TOKEN` for the log table on
 *   FastGPT ≤ 4.14): a real FastGPT through `createFastGPTProxy`, the key added on this server only;
 * - `FASTGPT_BASE_URL` + `FASTGPT_SHARE_ID`: a real FastGPT through a share link (the proxy adds nothing;
 *   it only saves the browser a cross-origin call).
 */
function chooseBackend(env: NodeJS.ProcessEnv): DemoBackend {
  const baseUrl = env.FASTGPT_BASE_URL?.trim();
  const apiKey = env.FASTGPT_API_KEY?.trim();
  const shareId = env.FASTGPT_SHARE_ID?.trim();
  const appId = env.FASTGPT_APP_ID?.trim() || undefined;
  if (!baseUrl) {
    if (apiKey || shareId)
      throw new Error('FASTGPT_API_KEY and FASTGPT_SHARE_ID need FASTGPT_BASE_URL (your FastGPT’s address).');
    const fake = createFakeFastGPT({ tokenDelayMs: 25, heartbeatMs: 10_000 });
    return {
      config: {
        mode: 'fake',
        apiPath: '',
        appId: DEFAULT_FAKE_CREDENTIALS.appId,
        shareId: DEFAULT_FAKE_CREDENTIALS.shareId,
        fakeUserToken: DEFAULT_FAKE_CREDENTIALS.userToken,
      },
      mount: '/api',
      middleware: fake.nodeHandler,
      banner: `fake FastGPT answering /api/* (share link ${fake.credentials.shareId})`,
    };
  }
  if (apiKey) {
    const proxy = createFastGPTProxy({
      baseUrl,
      apiKey,
      ...(env.FASTGPT_TOKEN ? { token: env.FASTGPT_TOKEN } : {}),
      ...(appId ? { appId } : {}),
      // A local demo for one developer: the chat list and the log table are fine to forward here. Behind a
      // public site, forward only `chat` unless your own auth guards the route (see the README).
      allow: ['chat', 'history', 'logs'],
    });
    return {
      config: { mode: 'proxy', apiPath: PROXY_PATH, appId, shareId: undefined, fakeUserToken: undefined },
      mount: PROXY_PATH,
      middleware: toNodeHandler(proxy),
      banner: `proxy to ${baseUrl} at ${PROXY_PATH} (the key stays on this server)`,
    };
  }
  if (shareId) {
    // Share-link calls carry their own auth; the chat list of a share link is the visitor's own.
    const proxy = createFastGPTProxy({ baseUrl, allow: ['chat', 'history'] });
    return {
      config: { mode: 'share', apiPath: PROXY_PATH, appId, shareId, fakeUserToken: undefined },
      mount: PROXY_PATH,
      middleware: toNodeHandler(proxy),
      banner: `share link ${shareId} of ${baseUrl}, through ${PROXY_PATH}`,
    };
  }
  throw new Error(
    'FASTGPT_BASE_URL needs FASTGPT_API_KEY (through the proxy) or FASTGPT_SHARE_ID (a share link).',
  );
}

/** Serves the chosen backend in `vite` (dev) and `vite preview`. */
function fastgptBackend(backend: DemoBackend): Plugin {
  return {
    name: 'fastgpt-react:demo-backend',
    configureServer(server) {
      server.middlewares.use(backend.mount, backend.middleware);
      server.config.logger.info(`  ${backend.banner}`);
    },
    configurePreviewServer(server) {
      server.middlewares.use(backend.mount, backend.middleware);
    },
  };
}

export default defineConfig(() => {
  const backend = chooseBackend(process.env);
  return {
    plugins: [fastgptBackend(backend)],
    // Only the mode and public ids reach the browser; the key is read above and stays in this process.
    define: { __FASTGPT_DEMO__: JSON.stringify(backend.config) },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      // shiki's grammar engine is one large chunk, fetched only when a reply first shows code.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        // The kit's 'use client' directives are for React Server Components hosts; a SPA bundle drops them.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  };
});
