import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatClient } from '../client/chat-client';
import { createFakeFastGPT, type FakeListeningServer } from '../testing';
import { createFastGPTProxy } from './create-fastgpt-proxy';
import { toNodeHandler } from './to-node-handler';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A fake FastGPT on its own port, as the real one would be. */
async function upstream() {
  const fake = createFakeFastGPT({ analytics: false, tokenDelayMs: 5 });
  const server: FakeListeningServer = await fake.listen();
  open.push(server);
  return { fake, url: server.url };
}

describe('toNodeHandler', () => {
  it('serves the proxy from Express behind express.json(), with the key added on the server', async () => {
    const { fake, url } = await upstream();
    const app = express();
    app.use(express.json());
    app.use(
      '/api/fastgpt',
      toNodeHandler(createFastGPTProxy({ baseUrl: url, apiKey: fake.credentials.appKey, allow: ['chat'] })),
    );
    const origin = await listen(createServer(app));
    const chat = new ChatClient({
      baseUrl: `${origin}/api/fastgpt`,
      appId: fake.credentials.appId,
      maxRetries: 0,
    });

    const reply = await chat.createChatCompletion({
      chatId: 'e1',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(reply.choices[0]?.message.content).toContain('hello');
    const sent = fake.requests.find((r) => r.path === '/api/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${fake.credentials.appKey}`);
    expect(sent?.body).toMatchObject({ chatId: 'e1' });
  });

  it('writes the first stream event to the socket while FastGPT is still streaming', async () => {
    const { fake, url } = await upstream();
    const proxy = toNodeHandler(createFastGPTProxy({ baseUrl: url, apiKey: fake.credentials.appKey }));
    const origin = await listen(createServer((req, res) => proxy(req, res)));

    const controller = new AbortController();
    const response = await fetch(`${origin}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stream: true, detail: true, messages: [{ role: 'user', content: 'stall' }] }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    // The stall scenario never ends its stream, so any bytes here were forwarded before the end.
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event: ');
    controller.abort();
  });

  it('aborts the upstream call when the browser goes away', async () => {
    let upstreamSignal: AbortSignal | undefined;
    const handler = toNodeHandler(async (request) => {
      upstreamSignal = request.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {}\n\n'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const origin = await listen(createServer((req, res) => handler(req, res)));
    const controller = new AbortController();
    const response = await fetch(`${origin}/stream`, { signal: controller.signal });
    await response.body?.getReader().read();
    controller.abort();
    await expect.poll(() => upstreamSignal?.aborted, { timeout: 5_000 }).toBe(true);
  });

  it('hands requests it skips to the next middleware', async () => {
    const handler = toNodeHandler(async () => new Response('handled'), {
      skip: (url) => !url.pathname.startsWith('/api/'),
    });
    const origin = await listen(
      createServer((req, res) =>
        handler(req, res, () => {
          res.end('next');
        }),
      ),
    );
    expect(await (await fetch(`${origin}/index.html`)).text()).toBe('next');
    expect(await (await fetch(`${origin}/api/x`)).text()).toBe('handled');
  });
});
