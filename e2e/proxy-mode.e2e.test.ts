import { resolve } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeFastGPT, type FakeFastGPT, type FakeListeningServer } from '../src/testing';
import { ask, lastReply, launchChromium, openPage, textOf } from './browser';

let browser: Browser;
let upstream: FakeListeningServer;
let fake: FakeFastGPT;

beforeAll(async () => {
  // The "real" FastGPT: the fake on its own port, reached only by the demo's dev server.
  fake = createFakeFastGPT({ tokenDelayMs: 2, heartbeatMs: 0 });
  [browser, upstream] = await Promise.all([launchChromium(), fake.listen()]);
});
afterAll(async () => {
  await browser?.close();
  await upstream?.close();
});

const ENV_KEYS = [
  'FASTGPT_BASE_URL',
  'FASTGPT_API_KEY',
  'FASTGPT_APP_ID',
  'FASTGPT_SHARE_ID',
  'FASTGPT_TOKEN',
];
let demo: ViteDevServer | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
  for (const key of ENV_KEYS) delete process.env[key];
  fake.reset();
});

/** Starts `npm run demo`'s dev server with these environment variables, as a developer would. */
async function startDemo(env: Record<string, string>): Promise<string> {
  Object.assign(process.env, env);
  const root = resolve(import.meta.dirname, '../demo');
  demo = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'silent',
    server: { port: 5300, strictPort: false },
  });
  await demo.listen();
  const url = demo.resolvedUrls?.local[0];
  if (!url) throw new Error('The demo dev server did not report its URL.');
  return url.replace(/\/$/, '');
}

/** Everything the browser receives: every response's headers and body, the event streams included. */
function recordResponses(page: Page): () => Promise<string[]> {
  const pending: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().then(
          (bytes) => bytes.toString('utf8'),
          () => '',
        );
        return `${response.url()} ${response.status()}\n${headers}\n${body}`;
      })(),
    );
  });
  return () => Promise.all(pending);
}

describe('the demo against a real FastGPT', () => {
  it('keeps the API key on the server: it is in nothing the browser receives', async () => {
    const key = fake.credentials.appKey;
    const url = await startDemo({
      FASTGPT_BASE_URL: upstream.url,
      FASTGPT_API_KEY: key,
      FASTGPT_APP_ID: fake.credentials.appId,
    });
    let received: () => Promise<string[]> = async () => [];
    const { page, errors } = await openPage(browser, url, undefined, (opened) => {
      received = recordResponses(opened);
    });
    await ask(page, 'hello through the proxy');
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await textOf(lastReply(page))).toContain('hello through the proxy');
    await page.goto(`${url}/?page=hooks`);
    await ask(page, 'use a tool');
    await expect.poll(() => page.getByText(/天气查询/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.goto(`${url}/?page=analytics`);
    await page.getByRole('region', { name: 'Totals' }).waitFor({ timeout: 30_000 });

    const responses = await received();
    expect(responses.length).toBeGreaterThan(20);
    expect(responses.filter((text) => text.includes(key)).map((text) => text.split('\n')[0])).toEqual([]);
    // The control: the key did travel, from the dev server to FastGPT.
    const completions = fake.requests.filter((r) => r.path === '/api/v1/chat/completions');
    expect(completions.length).toBe(2);
    for (const request of completions) expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(errors).toEqual([]);
  });

  it('uses share-link auth with FASTGPT_SHARE_ID, and no key at all', async () => {
    const url = await startDemo({
      FASTGPT_BASE_URL: upstream.url,
      FASTGPT_SHARE_ID: fake.credentials.shareId,
    });
    const { page } = await openPage(browser, url);
    await ask(page, 'hello by share link');
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const sent = fake.requests.find((r) => r.path === '/api/v1/chat/completions');
    expect(sent?.body).toMatchObject({ shareId: fake.credentials.shareId });
    expect(sent?.headers.authorization).toBeUndefined();
    // The chat is the visitor's own: it lists under their share-link uid.
    const chat = [...fake.state.chats.values()].find((c) => c.title === 'hello by share link');
    expect(chat).toMatchObject({ source: 'share', shareId: fake.credentials.shareId });
    // A share link cannot read logs: the analytics page says what to set instead of failing.
    await page.goto(`${url}/?page=analytics`);
    await page
      .getByRole('note')
      .getByText(/A share link cannot read the app's logs/)
      .waitFor();
  });
});
