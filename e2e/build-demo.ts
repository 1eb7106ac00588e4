import { resolve } from 'node:path';
import { build } from 'vite';

/** Vitest global setup of the `e2e` project: builds the demo once per run into demo/dist. */
export default async function buildDemo(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  await build({
    root: resolve(root, 'demo'),
    configFile: resolve(root, 'demo/vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
  });
}
