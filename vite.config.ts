import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
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
    // 2 cores: keep parallelism modest so timing-sensitive stream tests stay stable. The Chromium projects
    // run one group after another (groupOrder), after the node and jsdom ones, so none starves the others.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
          include: ['src/**/*.browser.test.ts', 'src/**/*.browser.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            // Pinned: the tests' layouts were measured at vitest's default frame, whatever other projects set.
            viewport: { width: 414, height: 896 },
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The built demo, served with the fake FastGPT on 127.0.0.1 and driven by playwright-core in Chromium.
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/build-demo.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Every story in stories/ as a test: it renders, its play function passes, and axe finds nothing.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'stories',
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            // A desktop frame (vitest's default is a phone); the mobile story sets its own width.
            viewport: { width: 1280, height: 800 },
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
