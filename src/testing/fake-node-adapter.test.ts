import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFastGPT, type FakeFastGPT, renderScenarioTranscript } from './index';

const NOW = Date.parse('2026-01-29T07:41:22.600Z');
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(fake: FakeFastGPT): Promise<string> {
  const server = await fake.listen();
  closers.push(() => server.close());
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  return server.url;
}

function complete(fake: FakeFastGPT, url: string, content: string, init: RequestInit = {}) {
  return fetch(`${url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${fake.credentials.appKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ chatId: 'c1', stream: true, messages: [{ role: 'user', content }] }),
    ...init,
  });
}

async function readFrames(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (text.split('\n\n').length - 1 < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('listen() on real loopback', () => {
  it('streams the same bytes as the fetch adapter', async () => {
    const fake = createFakeFastGPT({ analytics: false, now: () => NOW });
    const url = await serve(fake);
    const res = await complete(fake, url, 'hi');
    expect(res.headers.get('content-type')).toBe('text/event-stream;charset=utf-8');
    expect(await res.text()).toBe(await renderScenarioTranscript('default', { question: 'hi', now: NOW }));
    expect(fake.state.chats.get('c1')?.items).toHaveLength(2);
  });

  it('a drop destroys the socket mid-stream', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const url = await serve(fake);
    const res = await complete(fake, url, 'drop');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow(TypeError);
  });

  it('a networkError fault destroys the socket before the response', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const url = await serve(fake);
    fake.injectFault({ kind: 'networkError' });
    await expect(complete(fake, url, 'hi')).rejects.toThrow('fetch failed');
  });

  it('a stall stays silent; the client disconnect aborts the scenario', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const url = await serve(fake);
    const controller = new AbortController();
    const res = await complete(fake, url, 'stall', { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const text = await readFrames(reader, 3);
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(3);
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    // The server saves what was said once it sees the disconnect.
    await vi.waitFor(() => expect(fake.state.chats.get('c1')?.items).toHaveLength(2), { timeout: 2000 });
  });

  it('nodeHandler passes non-API paths to next() (Vite middleware)', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const server = createServer((req, res) =>
      fake.nodeHandler(req, res, () => {
        res.end('from next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/index.html`)).text()).toBe('from next');
    const api = await fetch(`http://127.0.0.1:${port}/api/core/chat/getHistories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.credentials.appKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ appId: fake.credentials.appId }),
    });
    expect(await api.json()).toMatchObject({ code: 200, data: { list: [], total: 0 } });
  });
});

describe('msw adapter', () => {
  it('answers global fetch through setupServer', async () => {
    const fake = createFakeFastGPT({ analytics: false, now: () => NOW });
    const server = setupServer(...fake.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    closers.push(() => server.close());
    const res = await fetch(`${fake.baseUrl}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.credentials.appKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        chatId: 'c1',
        stream: true,
        detail: true,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(await res.text()).toBe(
      await renderScenarioTranscript('default', { detail: true, question: 'hi', now: NOW }),
    );
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/chat/completions' });
    fake.injectFault({ kind: 'networkError' });
    await expect(
      fetch(`${fake.baseUrl}/api/core/chat/getHistories`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow(TypeError);
  });
});
