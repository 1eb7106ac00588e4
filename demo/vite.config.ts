import { defineConfig, type Plugin } from 'vite';
import { createFakeFastGPT } from '../src/testing';

/**
 * Serves the fake FastGPT inside the Vite dev server (no second process, no key): every `/api/*` request
 * is answered by `src/testing`, the same fake the tests use.
 */
function fakeFastGPT(): Plugin {
  return {
    name: 'fastgpt-react:fake-fastgpt',
    configureServer(server) {
      const fake = createFakeFastGPT({ tokenDelayMs: 25, heartbeatMs: 10_000 });
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/api/')) return next();
        fake.nodeHandler(req, res, next);
      });
      server.config.logger.info(`  fake FastGPT answering /api/* (share link ${fake.credentials.shareId})`);
    },
  };
}

export default defineConfig({
  plugins: [fakeFastGPT()],
  server: { host: '127.0.0.1', port: 5173 },
});
