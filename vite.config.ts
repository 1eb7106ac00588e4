import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** Debian's Chromium: browsers cannot be downloaded on the build machines (README, Development). */
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  },
});

/** Files whose layer must work without React or a DOM (DESIGN.md: client, core, server, testing). */
const nodeLayers = [
  'src/client/**/*.test.ts',
  'src/core/**/*.test.ts',
  'src/server/**/*.test.ts',
  'src/testing/**/*.test.ts',
  // The README's code samples, type-checked against the sources.
  'scripts/**/*.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    // 2 cores: keep parallelism modest so timing-sensitive stream tests stay stable.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'node',
          include: nodeLayers,
          exclude: ['**/*.dom.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
          setupFiles: ['src/test-setup/forbid-react.ts'],
          typecheck: { enabled: true, include: ['src/client/**/*.test-d.ts', 'src/testing/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/**/*.dom.test.ts'],
          exclude: ['**/*.browser.test.tsx', '**/node_modules/**'],
          setupFiles: ['src/test-setup/dom.ts'],
          typecheck: { enabled: true, include: ['src/hooks/**/*.test-d.ts', 'src/hooks/**/*.test-d.tsx'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts', 'src/**/*.browser.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
