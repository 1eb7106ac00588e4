import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { FakeFastGPTOptions } from '../src/testing';
import { launchChromium } from './browser';
import { type DemoServer, startDemoServer } from './demo-server';

/** The built demo's server and a Chromium, shared by a test file's tests (ready inside each test). */
export interface DemoSession {
  /** The demo server and its fake. */
  server: DemoServer;
  /** Chromium; each test opens its own context with `openPage`. */
  browser: Browser;
}

/** Starts the demo server and Chromium before the file's tests and stops both after them. */
export function setupDemoSession(options: FakeFastGPTOptions = {}): DemoSession {
  const session = {} as DemoSession;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startDemoServer(options), launchChromium()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
