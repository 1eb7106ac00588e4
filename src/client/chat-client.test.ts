import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeFastGPT, type FakeFastGPT } from '../testing';
import { AppClient } from './app-client';
import { ChatClient } from './chat-client';
import type { FastGPTClientOptions } from './client-options';
import {
  APIError,
  AuthenticationError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  StreamError,
  TimeoutError,
  ValidationError,
} from './errors';
import type { FastGPTStreamEvent } from './types';

type Transport = 'fetch adapter' | 'loopback HTTP';

async function collect(iterable: AsyncIterable<FastGPTStreamEvent>): Promise<FastGPTStreamEvent[]> {
  const events: FastGPTStreamEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

function textOf(events: FastGPTStreamEvent[]): string {
  return events.map((e) => (e.type === 'answer' || e.type === 'fastAnswer' ? e.text : '')).join('');
}

const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  detail: true,
  messages: [{ role: 'user' as const, content }],
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe.each<Transport>(['fetch adapter', 'loopback HTTP'])('ChatClient over the %s', (transport) => {
  let fake: FakeFastGPT;
  let server: { url: string; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    fake = createFakeFastGPT({ analytics: false });
    if (transport === 'loopback HTTP') server = await fake.listen(0);
  });
  afterAll(async () => {
    await server?.close();
  });

  const client = (options: FastGPTClientOptions = {}) =>
    new ChatClient({
      apiKey: fake.credentials.appKey,
      appId: fake.credentials.appId,
      maxRetries: 0,
      timeout: 5_000,
      ...(transport === 'fetch adapter'
        ? { fetch: fake.fetch, baseUrl: fake.baseUrl }
        : { baseUrl: `${server?.url}/api/` }),
      ...options,
    });

  it('streams a detail reply: node status, text, duration, done, then flowResponses after [DONE]', async () => {
    const events = await collect(
      client().streamChatCompletion(ask('hello there', { chatId: `s-${transport}` })),
    );
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('flowNodeStatus');
    expect(types).toContain('answer');
    expect(types.slice(-2)).toEqual(['done', 'flowResponses']);
    expect(types.indexOf('workflowDuration')).toBeLessThan(types.indexOf('done'));
    expect(textOf(events)).toContain('hello there');
  });

  it('streams a plain reply without detail and stops at [DONE]', async () => {
    const events = await collect(
      client().streamChatCompletion({ messages: [{ role: 'user', content: 'plain please' }] }),
    );
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['answer', 'done']));
    expect(textOf(events)).toContain('plain please');
  });

  it('accumulates tool params fragments and reasoning from the tool and reason scenarios', async () => {
    const tool = await collect(client().streamChatCompletion(ask('use a tool')));
    const fragments = tool
      .filter((e) => e.type === 'toolParams')
      .map((e) => (e.type === 'toolParams' ? e.tool.params : ''));
    expect(fragments.length).toBeGreaterThan(1);
    expect(() => JSON.parse(fragments.join(''))).not.toThrow();
    expect(tool.some((e) => e.type === 'toolResponse')).toBe(true);

    const reason = await collect(client().streamChatCompletion(ask('reason about it')));
    expect(reason.some((e) => e.type === 'answer' && e.reasoning !== '')).toBe(true);
  });

  it('answers a userSelect interactive and the continuation folds into the same AI record', async () => {
    const chatId = `select-${transport}`;
    const c = client();
    const first = await collect(c.streamChatCompletion(ask('select a city', { chatId })));
    const interactive = first.find((e) => e.type === 'interactive');
    expect(interactive?.type === 'interactive' && interactive.interactive.type).toBe('userSelect');
    if (interactive?.type !== 'interactive' || interactive.interactive.type !== 'userSelect') return;
    const choice = interactive.interactive.params.userSelectOptions[0]?.value ?? '';

    await collect(c.streamChatCompletion(ask(choice, { chatId })));
    const records = await c.getChatRecords({ chatId });
    expect(records.list.map((r) => r.obj)).toEqual(['Human', 'AI']);
    const item = records.list[1]?.value.find((v) => v.type === 'interactive');
    expect(
      item?.type === 'interactive' &&
        item.interactive.type === 'userSelect' &&
        item.interactive.params.userSelectedVal,
    ).toBe(choice);
  });

  it('covers every chat CRUD method with FastGPT’s semantics', async () => {
    const c = client();
    const chatId = `crud-${transport}`;
    await c.createChatCompletion({ chatId, messages: [{ role: 'user', content: 'first question' }] });
    const reply = await c.createChatCompletion({
      chatId,
      detail: true,
      messages: [{ role: 'user', content: 'a second question that is long' }],
    });
    expect(reply.choices[0]?.message.role).toBe('assistant');
    expect(reply.responseData?.length).toBeGreaterThan(0);

    const histories = await c.getChatHistories({ pageSize: 50 });
    const mine = histories.list.find((h) => h.chatId === chatId);
    expect(mine?.title).toBe('a second question that is long'.slice(0, 20));

    await c.updateChatHistory({ chatId, customTitle: 'Renamed', top: true });
    const pinned = await c.getChatHistories();
    expect(pinned.list[0]).toMatchObject({ chatId, customTitle: 'Renamed', top: true });

    const init = await c.getChatInit({ chatId });
    expect(init.app.name).toBeTruthy();
    expect(init.app.chatConfig.welcomeText).toBeTruthy();

    const page = await c.getChatRecords({ chatId, pageSize: 2 });
    expect(page.total).toBe(4);
    expect(page.list.map((r) => r.obj)).toEqual(['Human', 'AI']);
    const older = await c.getChatRecords({ chatId, pageSize: 2, offset: 2 });
    expect(older.list[0]?.value[0]).toEqual({ type: 'text', text: { content: 'first question' } });

    const ai = page.list[1];
    if (!ai) throw new Error('no AI record');
    const detail = await c.getRecordDetail({ chatId, dataId: ai.dataId });
    expect(detail.length).toBeGreaterThan(0);

    await c.sendFeedback({ chatId, dataId: ai.dataId, userBadFeedback: 'wrong answer' });
    await c.sendFeedback({ chatId, dataId: ai.dataId, userGoodFeedback: 'yes' });
    const afterFeedback = await c.getChatRecords({ chatId, pageSize: 2 });
    expect(afterFeedback.list[1]).toMatchObject({ userGoodFeedback: 'yes' });
    expect(afterFeedback.list[1]?.userBadFeedback).toBeUndefined();

    const questions = await c.getSuggestedQuestions({ chatId });
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((q) => typeof q === 'string')).toBe(true);

    await c.deleteChatRecord({ chatId, contentId: ai.dataId });
    expect((await c.getChatRecords({ chatId })).total).toBe(3);

    await c.deleteChatHistory({ chatId });
    expect((await c.getChatHistories({ pageSize: 100 })).list.some((h) => h.chatId === chatId)).toBe(false);

    await c.createChatCompletion({ chatId: `${chatId}-2`, messages: [{ role: 'user', content: 'x' }] });
    await c.clearChatHistories();
    expect((await c.getChatHistories()).total).toBe(0);
  });

  it('stopChat ends a slow stream on the server', async () => {
    const c = client();
    const chatId = `stop-${transport}`;
    const events: FastGPTStreamEvent[] = [];
    const reading = (async () => {
      for await (const event of c.streamChatCompletion(ask('slow story', { chatId }))) {
        events.push(event);
        if (events.filter((e) => e.type === 'answer').length === 1) await c.stopChat({ chatId });
      }
    })();
    await reading;
    expect(events.filter((e) => e.type === 'answer').length).toBeLessThan(20);
  });

  it('rejects a bad key with an AuthenticationError before the stream starts (bare event: error, HTTP 200)', async () => {
    const c = client({ apiKey: 'fastgpt-unknownunknownunknownunknownunknownunknownunknown12' });
    const error = await collect(c.streamChatCompletion(ask('hi'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 514, statusText: 'unAuthApiKey' });
    expect((error as Error).message).not.toContain('common:');
  });

  it('delivers the events before a mid-stream error event, yields it, then throws it', async () => {
    const events: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of client().streamChatCompletion(ask('error please'))) events.push(event);
    })().catch((e: unknown) => e);
    expect(textOf(events).length).toBeGreaterThan(0);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' && last.error).toBe(error);
    expect(error).toBeInstanceOf(APIError);
  });

  it('throws a ConnectionError when the connection drops mid-stream, after the partial text', async () => {
    const events: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of client().streamChatCompletion(ask('drop the line'))) events.push(event);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(textOf(events).length).toBeGreaterThan(0);
  });

  it('gives up a stalled stream after the idle timeout with a TimeoutError', async () => {
    const events: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of client({ timeout: 300 }).streamChatCompletion(ask('stall now')))
        events.push(event);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/sent nothing for/);
    expect(events.length).toBeGreaterThan(0);
  });

  it('aborts a running stream with the signal’s reason', async () => {
    const controller = new AbortController();
    const events: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of client().streamChatCompletion(ask('slow story'), {
        signal: controller.signal,
      })) {
        events.push(event);
        if (event.type === 'answer') controller.abort(new DOMException('Stopped', 'AbortError'));
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(events.filter((e) => e.type === 'answer')).toHaveLength(1);
  });
});

describe('ChatClient against each FastGPT server version', () => {
  it.each(['4.8.17', '4.13', '4.14', 'newest'] as const)(
    'classifies a bad key on %s (non-stream)',
    async (serverVersion) => {
      const fake = createFakeFastGPT({ serverVersion, analytics: false });
      const c = new ChatClient({
        fetch: fake.fetch,
        baseUrl: fake.baseUrl,
        apiKey: 'fastgpt-nope',
        maxRetries: 0,
      });
      const error = await c.getChatHistories({ appId: fake.credentials.appId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as APIError).status).toBe(serverVersion === '4.8.17' ? 200 : 500);
    },
  );

  it('classifies the newest servers’ HTTP 400 validation error', async () => {
    const fake = createFakeFastGPT({ serverVersion: 'newest', analytics: false });
    const c = new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      maxRetries: 0,
    });
    const error = await c.createChatCompletion({ messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 400 });
  });

  it.each(['4.13', '4.14', 'newest'] as const)(
    'deletes a record on %s (params in query and body)',
    async (serverVersion) => {
      const fake = createFakeFastGPT({ serverVersion, analytics: false });
      const c = new ChatClient({
        fetch: fake.fetch,
        baseUrl: fake.baseUrl,
        apiKey: fake.credentials.appKey,
        appId: fake.credentials.appId,
      });
      await c.createChatCompletion({ chatId: 'del', messages: [{ role: 'user', content: 'x' }] });
      const { list } = await c.getChatRecords({ chatId: 'del' });
      await c.deleteChatRecord({ chatId: 'del', contentId: list[1]?.dataId ?? '' });
      expect((await c.getChatRecords({ chatId: 'del' })).total).toBe(1);
    },
  );

  it('treats a missing stop endpoint (old servers) as a NotFoundError', async () => {
    const fake = createFakeFastGPT({ serverVersion: '4.13', analytics: false });
    const c = new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      appId: fake.credentials.appId,
    });
    await expect(c.stopChat({ chatId: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('ChatClient share-link auth', () => {
  it.each(['legacy', 'nested'] as const)(
    'chats and lists its own history with %s placement',
    async (placement) => {
      const fake = createFakeFastGPT({ shareAuthPlacement: placement, analytics: false });
      const c = new ChatClient({
        fetch: fake.fetch,
        baseUrl: fake.baseUrl,
        appId: fake.credentials.appId,
        shareLink: { shareId: fake.credentials.shareId, outLinkUid: 'visitor-1', placement },
      });
      await collect(c.streamChatCompletion(ask('hi from a share link', { chatId: 'share-1' })));
      const history = await c.getChatHistories();
      expect(history.list.map((h) => h.chatId)).toEqual(['share-1']);
      const init = await c.getChatInit({ chatId: 'share-1' });
      expect(init.app.name).toBeTruthy();
      const sent = fake.requests.at(-1);
      if (placement === 'nested') expect(sent?.query.outLinkAuthData).toContain(fake.credentials.shareId);
      else expect(sent?.query.shareId).toBe(fake.credentials.shareId);
      expect(JSON.stringify(fake.requests)).not.toContain('Bearer');
    },
  );

  it('needs no appId with nested placement (2026 servers take the app from the link)', async () => {
    const fake = createFakeFastGPT({ shareAuthPlacement: 'nested', analytics: false });
    const c = new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      shareLink: { shareId: fake.credentials.shareId, outLinkUid: 'visitor-2', placement: 'nested' },
    });
    await collect(c.streamChatCompletion(ask('hi', { chatId: 'nested-1' })));
    expect((await c.getChatHistories()).list.map((h) => h.chatId)).toEqual(['nested-1']);
    expect((await c.getChatRecords({ chatId: 'nested-1' })).total).toBe(2);
    expect(JSON.stringify(fake.requests.map((r) => [r.query, r.body]))).not.toContain('"appId"');
  });

  it('another visitor cannot read the chat', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const share = (outLinkUid: string) =>
      new ChatClient({
        fetch: fake.fetch,
        baseUrl: fake.baseUrl,
        appId: fake.credentials.appId,
        maxRetries: 0,
        shareLink: { shareId: fake.credentials.shareId, outLinkUid },
      });
    await collect(share('alice').streamChatCompletion(ask('private', { chatId: 'alice-chat' })));
    await expect(share('mallory').getChatRecords({ chatId: 'alice-chat' })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});

describe('ChatClient retries', () => {
  const fakeClient = (fake: FakeFastGPT, options: FastGPTClientOptions = {}) =>
    new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      appId: fake.credentials.appId,
      retryDelay: 1_000,
      ...options,
    });

  it('retries a 429 after the Retry-After header', async () => {
    vi.useFakeTimers();
    const fake = createFakeFastGPT({ analytics: false });
    fake.injectFault({
      path: '/api/core/chat/getHistories',
      kind: 'rateLimit',
      retryAfterSeconds: 7,
      style: 'header',
    });
    const pending = fakeClient(fake).getChatHistories();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(fake.requests.filter((r) => r.path.endsWith('getHistories'))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ list: [] });
    expect(fake.requests.filter((r) => r.path.endsWith('getHistories'))).toHaveLength(2);
  });

  it('retries FastGPT’s team rate limit text ("try again in N seconds")', async () => {
    vi.useFakeTimers();
    const fake = createFakeFastGPT({ analytics: false });
    fake.injectFault({
      path: '/api/v1/chat/completions',
      kind: 'rateLimit',
      retryAfterSeconds: 3,
      style: 'text',
    });
    const pending = collect(fakeClient(fake).streamChatCompletion(ask('hi')));
    await vi.advanceTimersByTimeAsync(3_000);
    const events = await pending;
    expect(events.some((e) => e.type === 'done')).toBe(true);
  });

  it('backs off exponentially on connection errors, then gives up with the last error', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const fake = createFakeFastGPT({ analytics: false });
    fake.injectFault({ path: '/api/core/chat/getHistories', kind: 'networkError', times: 10 });
    const pending = fakeClient(fake, { maxRetries: 2 })
      .getChatHistories()
      .catch((e: unknown) => e);
    const attempts = () => fake.requests.filter((r) => r.path.endsWith('getHistories')).length;
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts()).toBe(1);
    // Jitter pinned near its top: 1 000 ms, then 1 999 ms.
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_998);
    expect(attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts()).toBe(3);
    const error = await pending;
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach FastGPT at http:\/\/fastgpt\.test/);
    vi.restoreAllMocks();
  });

  it('surfaces a RateLimitError with retryAfter once retries are used up', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    fake.injectFault({
      path: '/api/core/chat/getHistories',
      kind: 'rateLimit',
      retryAfterSeconds: 9,
      style: 'text',
    });
    const error = await fakeClient(fake, { maxRetries: 0 })
      .getChatHistories()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 9 });
    expect((error as Error).message).toMatch(/Try again in 9 seconds\.$/);
  });

  it('never retries auth or validation errors', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const c = fakeClient(fake, { apiKey: 'fastgpt-wrong' });
    await expect(c.getChatHistories()).rejects.toBeInstanceOf(AuthenticationError);
    expect(fake.requests).toHaveLength(1);
    await expect(fakeClient(fake).createChatCompletion({ messages: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('never retries once a stream has delivered an event', async () => {
    const fake = createFakeFastGPT({ analytics: false });
    const events: FastGPTStreamEvent[] = [];
    await expect(
      (async () => {
        for await (const event of fakeClient(fake).streamChatCompletion(ask('drop the line')))
          events.push(event);
      })(),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(fake.requests.filter((r) => r.path === '/api/v1/chat/completions')).toHaveLength(1);
  });

  it('an abort cancels a pending retry at once', async () => {
    vi.useFakeTimers();
    const fake = createFakeFastGPT({ analytics: false });
    fake.injectFault({
      path: '/api/core/chat/getHistories',
      kind: 'rateLimit',
      retryAfterSeconds: 30,
      style: 'header',
    });
    const controller = new AbortController();
    const pending = fakeClient(fake)
      .getChatHistories({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(pending).resolves.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ChatClient timing and retry safety', () => {
  const sse = (...frames: string[]) => frames.map((frame) => new TextEncoder().encode(frame));
  const heartbeat =
    'event: answer\ndata: {"choices":[{"delta":{"content":""},"index":0,"finish_reason":null}]}\n\n';
  const token =
    'event: answer\ndata: {"choices":[{"delta":{"content":"late"},"index":0,"finish_reason":null}]}\n\n';
  const done = 'event: answer\ndata: [DONE]\n\n';

  // Like a real fetch body: aborting the request's signal errors the stream.
  function timedStream(
    schedule: Array<[number, Uint8Array]>,
    signal?: AbortSignal | null,
  ): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        signal?.addEventListener('abort', () => controller.error(signal.reason));
        for (const [at, chunk] of schedule) setTimeout(() => controller.enqueue(chunk), at);
        setTimeout(() => controller.close(), (schedule.at(-1)?.[0] ?? 0) + 1);
      },
    });
  }

  it('heartbeats keep a slow workflow alive: timeout bounds each gap, not the wait for the first token', async () => {
    vi.useFakeTimers();
    const [beat, first, end] = sse(heartbeat, token, done) as [Uint8Array, Uint8Array, Uint8Array];
    const schedule: Array<[number, Uint8Array]> = [];
    for (let at = 100; at < 700; at += 100) schedule.push([at, beat]);
    schedule.push([700, first], [710, end]);
    const c = new ChatClient({
      baseUrl: 'http://x',
      timeout: 300,
      maxRetries: 0,
      fetch: async (_input, init) =>
        new Response(timedStream(schedule, init?.signal), {
          headers: { 'content-type': 'text/event-stream' },
        }),
    });
    const pending = collect(c.streamChatCompletion(ask('x')));
    await vi.advanceTimersByTimeAsync(800);
    expect(textOf(await pending)).toBe('late');
  });

  it('never retries a completion whose response arrived, even before the first event', async () => {
    let calls = 0;
    const c = new ChatClient({
      baseUrl: 'http://x',
      retryDelay: 1,
      fetch: async () => {
        calls++;
        const body = new ReadableStream({
          pull(controller) {
            controller.error(new TypeError('terminated'));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      },
    });
    await expect(collect(c.streamChatCompletion(ask('x')))).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(1);
  });

  it.each([
    [502, 1],
    [504, 1],
    [503, 3],
  ])('a completion answered by a gateway with HTTP %i is tried %i time(s)', async (status, tries) => {
    let calls = 0;
    const c = new ChatClient({
      baseUrl: 'http://x',
      retryDelay: 1,
      maxRetries: 2,
      fetch: async () => {
        calls++;
        return new Response('<html>gateway</html>', { status });
      },
    });
    await expect(c.createChatCompletion(ask('x'))).rejects.toBeInstanceOf(APIError);
    expect(calls).toBe(tries);
  });

  it('retries a completion the server never received', async () => {
    let calls = 0;
    const fake = createFakeFastGPT({ analytics: false });
    const c = new ChatClient({
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      retryDelay: 1,
      fetch: async (input, init) => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        return fake.fetch(input, init);
      },
    });
    const events = await collect(c.streamChatCompletion(ask('hello')));
    expect(calls).toBe(2);
    expect(events.some((e) => e.type === 'done')).toBe(true);
  });

  it('the export download obeys abort', async () => {
    const c = new AppClient({
      baseUrl: 'http://x',
      token: 't',
      fetch: async (_input, init) => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('\uFEFFtitle\n'));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/csv' } });
      },
    });
    const controller = new AbortController();
    const pending = c
      .exportChatLogs(
        { appId: 'a', dateStart: new Date(0), dateEnd: new Date() },
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    controller.abort(new DOMException('gone', 'AbortError'));
    expect(await pending).toMatchObject({ name: 'AbortError' });
  });
});

describe('ChatClient failure shapes a proxy or odd server can produce', () => {
  const withBody = (body: string, init: ResponseInit) =>
    new ChatClient({
      fetch: async () => new Response(body, init),
      baseUrl: 'http://x',
      apiKey: 'k',
      maxRetries: 0,
    });

  it('a JSON error envelope where a stream was expected', async () => {
    const c = withBody(
      '{"code":403,"statusText":"unAuthorization","message":"common:code_error.error_message.403","data":null}',
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    );
    await expect(collect(c.streamChatCompletion(ask('x')))).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('a JSON completion where a stream was expected', async () => {
    const c = withBody('{"id":"","choices":[{"message":{"role":"assistant","content":"x"}}]}', {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    await expect(collect(c.streamChatCompletion(ask('x')))).rejects.toThrow(
      /JSON where a stream was expected/,
    );
  });

  it('malformed JSON in one event, after the events before it', async () => {
    const c = withBody(
      'event: flowNodeStatus\ndata: {"status":"running","name":"AI 对话"}\n\nevent: toolParams\ndata: {"tool":{"id":\n\n',
      { status: 200, headers: { 'content-type': 'text/event-stream' } },
    );
    const events: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of c.streamChatCompletion(ask('x'))) events.push(event);
    })().catch((e: unknown) => e);
    expect(events.map((e) => e.type)).toEqual(['flowNodeStatus']);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).event).toBe('toolParams');
  });

  it('a stream that ends before [DONE]', async () => {
    const c = withBody(
      'event: answer\ndata: {"choices":[{"delta":{"content":"hal"},"finish_reason":null}]}\n\n',
      {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
      },
    );
    await expect(collect(c.streamChatCompletion(ask('x')))).rejects.toThrow(/ended before FastGPT finished/);
  });

  it('an HTML 404 names the base URL problem', async () => {
    const c = withBody('<!DOCTYPE html><h1>404</h1>', {
      status: 404,
      headers: { 'content-type': 'text/html' },
    });
    const error = await c.getChatHistories({ appId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/baseUrl/);
  });

  it('a non-stream HTTP 200 envelope with an error code (FastGPT 4.8)', async () => {
    const c = withBody(
      '{"code":514,"statusText":"unAuthApiKey","message":"common:code_error.error_message.514","data":null}',
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    );
    await expect(c.createChatCompletion(ask('x'))).rejects.toBeInstanceOf(AuthenticationError);
    await expect(c.getChatHistories({ appId: 'a' })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('waits no longer than timeout for the first byte', async () => {
    vi.useFakeTimers();
    const c = new ChatClient({
      baseUrl: 'http://x',
      apiKey: 'k',
      maxRetries: 0,
      timeout: 2_000,
      fetch: (_input, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new Error('aborted'))),
        ),
    });
    const pending = collect(c.streamChatCompletion(ask('x'))).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
  });

  it('never logs the API key or token', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (...a: unknown[]) => lines.push(a.join(' ')),
      info: (...a: unknown[]) => lines.push(a.join(' ')),
      warn: (...a: unknown[]) => lines.push(a.join(' ')),
      error: (...a: unknown[]) => lines.push(a.join(' ')),
    };
    const fake = createFakeFastGPT({ analytics: false });
    const shared = {
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      appId: fake.credentials.appId,
      maxRetries: 0,
      logger,
    };
    const c = new ChatClient({ ...shared, apiKey: fake.credentials.appKey });
    await c.getChatHistories();
    await c.getChatHistories({ appId: 'unknown' }).catch(() => {});
    const logs = new AppClient({ ...shared, token: fake.credentials.userToken });
    await logs.getChatLogs({ dateStart: new Date(0), dateEnd: new Date() });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(fake.credentials.appKey);
    expect(lines.join('\n')).not.toContain(fake.credentials.userToken);
  });
});
