import { describe, expect, it } from 'vitest';
import { ChatClient } from '../client/chat-client';
import { APIError } from '../client/errors';
import type { FastGPTStreamEvent } from '../client/types';
import { createFakeFastGPT } from '../testing';
import { createFastGPTProxy } from './create-fastgpt-proxy';

const PROXY_ORIGIN = 'http://app.local';

function setup(allow?: Parameters<typeof createFastGPTProxy>[0]['allow']) {
  const fake = createFakeFastGPT({ analytics: false });
  const proxy = createFastGPTProxy({
    baseUrl: `${fake.baseUrl}/api`,
    apiKey: fake.credentials.appKey,
    fetch: fake.fetch,
    ...(allow ? { allow } : {}),
  });
  return { fake, proxy, chat: browserClient(proxy, fake.credentials.appId) };
}

/** The browser side: no key at all, only the proxy's URL. */
function browserClient(proxy: (request: Request) => Promise<Response>, appId?: string): ChatClient {
  return new ChatClient({
    baseUrl: `${PROXY_ORIGIN}/api/fastgpt`,
    fetch: (input, init) => proxy(new Request(input, init)),
    ...(appId ? { appId } : {}),
    maxRetries: 0,
  });
}

describe('createFastGPTProxy', () => {
  it('forwards chat calls with the key added, and the browser never sees the key', async () => {
    const { fake, proxy, chat } = setup();
    const events: FastGPTStreamEvent[] = [];
    for await (const event of chat.streamChatCompletion({
      chatId: 'p1',
      detail: true,
      messages: [{ role: 'user', content: 'hello' }],
    })) {
      events.push(event);
    }
    expect(events.at(-1)?.type).toBe('flowResponses');
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fake.credentials.appKey}`);

    const response = await proxy(
      new Request(`${PROXY_ORIGIN}/api/fastgpt/api/core/chat/getPaginationRecords`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: fake.credentials.appId, chatId: 'p1' }),
      }),
    );
    const text = await response.text();
    expect(text).toContain('hello');
    expect(text).not.toContain(fake.credentials.appKey);
    expect([...response.headers.values()].join(' ')).not.toContain(fake.credentials.appKey);
  });

  it('drops the caller’s Authorization, cookies and token headers', async () => {
    const { fake, proxy } = setup();
    await proxy(
      new Request(`${PROXY_ORIGIN}/x/api/core/chat/getPaginationRecords`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer stolen',
          cookie: 'fastgpt_token=abc',
          token: 'abc',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ appId: fake.credentials.appId, chatId: 'c' }),
      }),
    );
    const sent = fake.requests.at(-1)?.headers ?? {};
    expect(sent.authorization).toBe(`Bearer ${fake.credentials.appKey}`);
    expect(sent.cookie).toBeUndefined();
    expect(sent.token).toBeUndefined();
  });

  it('refuses the chat list unless allowed, since every visitor shares the key owner’s list', async () => {
    const { fake, chat } = setup();
    await expect(chat.getChatHistories()).rejects.toMatchObject({ status: 404, statusText: 'notAllowed' });
    await expect(chat.clearChatHistories()).rejects.toMatchObject({ statusText: 'notAllowed' });
    expect(fake.requests).toHaveLength(0);
  });

  it('pins the app, so a browser cannot reach another app of an account key', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const proxy = createFastGPTProxy({
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.accountKey,
      appId: fake.credentials.appId,
      fetch: fake.fetch,
    });
    const chat = new ChatClient({
      baseUrl: `${PROXY_ORIGIN}/api/fastgpt`,
      fetch: (input, init) => proxy(new Request(input, init)),
      appId: fake.credentials.secondAppId,
      maxRetries: 0,
    });
    await chat.createChatCompletion({ chatId: 'pin', messages: [{ role: 'user', content: 'hi' }] });
    await chat.getChatInit({ chatId: 'pin' });
    expect(
      fake.requests.map((r) => (r.body as { appId?: string } | undefined)?.appId ?? r.query.appId),
    ).toEqual([fake.credentials.appId, fake.credentials.appId]);
  });

  it('refuses log endpoints unless allowed', async () => {
    const { fake, proxy } = setup();
    const refused = await proxy(
      new Request(`${PROXY_ORIGIN}/api/fastgpt/api/core/app/logs/list`, { method: 'POST' }),
    );
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 404, statusText: 'notAllowed' });
    expect(fake.requests).toHaveLength(0);

    const { fake: fake2, proxy: adminProxy } = setup(['chat', 'logs']);
    await adminProxy(
      new Request(`${PROXY_ORIGIN}/api/fastgpt/api/core/app/logs/list`, { method: 'POST', body: '{}' }),
    );
    expect(fake2.requests.map((r) => r.path)).toEqual(['/api/core/app/logs/list']);
  });

  it('passes a stream through unbuffered: the first event arrives while FastGPT is still streaming', async () => {
    const { chat } = setup();
    const controller = new AbortController();
    for await (const event of chat.streamChatCompletion(
      { detail: true, messages: [{ role: 'user', content: 'stall after a few events' }] },
      { signal: controller.signal },
    )) {
      // The stall scenario never finishes, so reaching this line proves nothing waited for the end.
      expect(event.type).toBeTruthy();
      controller.abort();
      break;
    }
  });

  it('tells proxies in front not to buffer or compress the event stream', async () => {
    const { proxy } = setup();
    const response = await proxy(
      new Request(`${PROXY_ORIGIN}/api/fastgpt/api/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      }),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('cache-control')).toContain('no-transform');
    await response.body?.cancel();
  });

  it('turns a gateway’s HTML error page into the error envelope, keeping Retry-After', async () => {
    const proxy = createFastGPTProxy({
      baseUrl: 'http://fastgpt.local',
      apiKey: 'k',
      fetch: async () =>
        new Response('<html><body>502 Bad Gateway</body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html', 'retry-after': '7' },
        }),
    });
    const error = await browserClient(proxy)
      .getChatRecords({ appId: 'a', chatId: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 502, statusText: 'upstreamError' });
    expect((error as Error).message).toBe('FastGPT answered 502 Bad Gateway.');
    const raw = await proxy(new Request(`${PROXY_ORIGIN}/api/core/chat/init?appId=a&chatId=c`));
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({
      code: 502,
      statusText: 'upstreamError',
      message: 'FastGPT answered 502 Bad Gateway.',
      data: null,
    });
  });

  it('turns an unreachable FastGPT into the error envelope', async () => {
    const proxy = createFastGPTProxy({
      baseUrl: 'http://fastgpt.invalid',
      apiKey: 'k',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await browserClient(proxy)
      .getChatRecords({ appId: 'a', chatId: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 502, statusText: 'upstreamUnavailable' });
    expect((error as Error).message).toBe('The proxy could not reach FastGPT (fetch failed).');
  });
});
