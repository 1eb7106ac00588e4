import { describe, expect, it } from 'vitest';
import {
  createFakeFastGPT,
  type FakeFastGPT,
  type FakeFastGPTOptions,
  type FakeServerVersion,
} from './index';

const NOW = Date.parse('2026-01-29T07:41:22.600Z');

// Without the seeded log data, so chat lists start empty.
const make = (options: FakeFastGPTOptions = {}) => createFakeFastGPT({ analytics: false, ...options });

function call(
  fake: FakeFastGPT,
  path: string,
  init: { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
  const key = init.key === undefined ? fake.credentials.appKey : init.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  return fake.fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const error = (code: number, statusText: string, message: string) => ({
  code,
  statusText,
  message,
  data: null,
});
const E403 = error(403, 'unAuthorization', 'common:code_error.error_message.403');
const E514 = error(514, 'unAuthApiKey', 'common:code_error.error_message.514');

describe('envelope and routing', () => {
  it('wraps success in {code,statusText,message,data}', async () => {
    const fake = make({ now: () => NOW });
    const res = await call(fake, '/api/core/chat/getHistories', { body: { appId: fake.credentials.appId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({
      code: 200,
      statusText: '',
      message: '',
      data: { list: [], total: 0 },
    });
  });

  it('answers unknown routes with a Next.js-style 404 page', async () => {
    const fake = make();
    const res = await call(fake, '/api/core/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('This page could not be found');
  });

  it('records every request with method, path, query, body and headers', async () => {
    const fake = make();
    await call(fake, '/api/core/chat/delHistory?chatId=c1&appId=a1', { method: 'DELETE' });
    expect(fake.requests).toEqual([
      {
        method: 'DELETE',
        path: '/api/core/chat/delHistory',
        query: { chatId: 'c1', appId: 'a1' },
        body: undefined,
        headers: expect.objectContaining({ authorization: `Bearer ${fake.credentials.appKey}` }),
      },
    ]);
  });

  it('accepts any HTTP method on a route and a base path before /api/', async () => {
    const fake = make();
    const res = await fake.fetch(`${fake.baseUrl}/proxy/api/core/chat/getHistories`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${fake.credentials.appKey}` },
      body: JSON.stringify({ appId: fake.credentials.appId }),
    });
    expect((await res.json()).code).toBe(200);
  });

  it('serves /history and /record aliases and stop only from 4.14 on', async () => {
    const fake = make({ serverVersion: '4.13' });
    const body = { appId: fake.credentials.appId, chatId: 'x' };
    expect((await call(fake, '/api/core/chat/history/getHistories', { body })).status).toBe(404);
    expect((await call(fake, '/api/core/chat/record/getPaginationRecords', { body })).status).toBe(404);
    expect((await call(fake, '/api/v2/chat/stop', { body })).status).toBe(404);
    fake.setOptions({ serverVersion: '4.14' });
    expect((await call(fake, '/api/core/chat/history/getHistories', { body })).status).toBe(200);
    expect(await (await call(fake, '/api/v2/chat/stop', { body })).json()).toMatchObject({
      data: { success: true },
    });
  });

  it('reset() returns to the seeded state', async () => {
    const fake = make();
    await call(fake, '/api/v1/chat/completions', {
      body: { chatId: 'c1', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(fake.state.chats.size).toBe(1);
    const chats = fake.state.chats;
    fake.reset();
    expect(chats.size).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(fake.state.apps.size).toBe(3);
  });
});

describe('auth failures', () => {
  const histories = (fake: FakeFastGPT) => ({ appId: fake.credentials.appId });

  it.each([
    ['no Authorization header', null, undefined, E403],
    ['a bare key without Bearer', null, { Authorization: 'fastgpt-abc' }, E403],
    ['a key with too many dashes', null, { Authorization: 'Bearer a-b-c-d' }, E403],
    ['an unknown key', 'fastgpt-unknownunknownunknown', undefined, E514],
    ['an unknown session token', null, { token: 'nope' }, E403],
  ])('%s', async (_name, key, headers, body) => {
    const fake = make();
    const res = await call(fake, '/api/core/chat/getHistories', {
      body: histories(fake),
      key,
      ...(headers ? { headers } : {}),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual(body);
  });

  it('accepts the account key and the session token on CRUD routes', async () => {
    const fake = make();
    const viaAccount = await call(fake, '/api/core/chat/getHistories', {
      body: histories(fake),
      key: fake.credentials.accountKey,
    });
    expect((await viaAccount.json()).code).toBe(200);
    const viaToken = await call(fake, '/api/core/chat/getHistories', {
      body: histories(fake),
      key: null,
      headers: { token: fake.credentials.userToken },
    });
    expect((await viaToken.json()).code).toBe(200);
  });

  it('answers 502000 for an unknown app and 502001 for another team’s app', async () => {
    const fake = make();
    const unknown = await call(fake, '/api/core/chat/init?appId=68ad85a7463006c963799fff&chatId=c1');
    expect(await unknown.json()).toEqual(
      error(502000, 'appUnExist', 'common:code_error.app_error.not_exist'),
    );
    const other = await call(fake, `/api/core/chat/init?appId=${fake.credentials.otherTeamAppId}&chatId=c1`);
    expect(await other.json()).toEqual(error(502001, 'unAuthApp', 'common:code_error.app_error.un_auth_app'));
  });

  it('answers 504000 for a chat of another team member (session auth without readChatLog)', async () => {
    const fake = make();
    const member = fake.state.members.get(fake.credentials.tmbId);
    if (member) member.readChatLog = false;
    await call(fake, '/api/v1/chat/completions', {
      body: { chatId: 'mine', messages: [{ role: 'user', content: 'hi' }] },
    });
    const chat = fake.state.chats.get('mine');
    if (!chat) throw new Error('not saved');
    chat.tmbId = fake.credentials.otherTeamTmbId;
    const res = await call(fake, `/api/core/chat/init?appId=${fake.credentials.appId}&chatId=mine`, {
      key: null,
      headers: { token: fake.credentials.userToken },
    });
    expect(await res.json()).toEqual(error(504000, 'unAuthChat', 'common:code_error.chat_error.un_auth'));
  });

  it("lets a session member with readChatLog open another member's chat, as FastGPT's log drawer does", async () => {
    const fake = make();
    await call(fake, '/api/v1/chat/completions', {
      body: { chatId: 'theirs', messages: [{ role: 'user', content: 'hi' }] },
    });
    const chat = fake.state.chats.get('theirs');
    if (!chat) throw new Error('not saved');
    chat.tmbId = '65f1c2d3e4a5b6c7d8e9f002';
    const res = await call(fake, `/api/core/chat/init?appId=${fake.credentials.appId}&chatId=theirs`, {
      key: null,
      headers: { token: fake.credentials.userToken },
    });
    expect(await res.json()).toMatchObject({ code: 200, data: { chatId: 'theirs' } });
  });

  it('completions: account key without appId, unknown app, empty messages', async () => {
    const fake = make();
    const messages = [{ role: 'user', content: 'hi' }];
    const noAppId = await call(fake, '/api/v1/chat/completions', {
      key: fake.credentials.accountKey,
      body: { messages },
    });
    expect(await noAppId.json()).toEqual(
      error(500, 'error', 'Key is error. You need to use the app key rather than the account key.'),
    );
    const withAppId = await call(fake, '/api/v1/chat/completions', {
      key: fake.credentials.accountKey,
      body: { appId: fake.credentials.appId, messages },
    });
    expect(withAppId.status).toBe(200);
    fake.state.apps.delete(fake.credentials.appId);
    const gone = await call(fake, '/api/v1/chat/completions', { body: { messages } });
    expect(await gone.json()).toEqual(error(500, 'error', 'app is empty'));
    fake.reset();
    expect(await (await call(fake, '/api/v1/chat/completions', { body: { messages: [] } })).json()).toEqual(
      error(500, 'error', 'messages is empty'),
    );
    expect(await (await call(fake, '/api/v1/chat/completions', { body: { messages: 'hi' } })).json()).toEqual(
      error(500, 'error', 'messages is not array'),
    );
  });

  it('binds an app key to its app on completions but accepts it for the team’s other apps on CRUD', async () => {
    const fake = make();
    await call(fake, '/api/v1/chat/completions', {
      body: {
        appId: fake.credentials.secondAppId,
        chatId: 'c1',
        messages: [{ role: 'user', content: 'hi' }],
      },
    });
    expect(fake.state.chats.get('c1')?.appId).toBe(fake.credentials.appId);
    const res = await call(fake, '/api/core/chat/getHistories', {
      body: { appId: fake.credentials.secondAppId },
    });
    expect((await res.json()).code).toBe(200);
  });
});

describe('error status per server version', () => {
  const cases: Array<[FakeServerVersion, number, number, string]> = [
    ['4.8.17', 200, 500, ''],
    ['4.13', 500, 500, ''],
    ['4.14', 500, 500, 'error'],
    ['newest', 500, 500, 'error'],
  ];
  it.each(cases)(
    '%s: known errors HTTP %i, others HTTP %i with statusText %j',
    async (v, known, other, text) => {
      const fake = make({ serverVersion: v });
      const unknownKey = await call(fake, '/api/core/chat/getHistories', { key: 'fastgpt-nope', body: {} });
      expect(unknownKey.status).toBe(known);
      expect(await unknownKey.json()).toEqual(E514);
      const plain = await call(fake, '/api/v1/chat/completions', {
        body: { messages: [{ role: 'user', content: 'x' }] },
      });
      expect(plain.status).toBe(200);
      fake.state.apps.delete(fake.credentials.appId);
      const appGone = await call(fake, '/api/v1/chat/completions', {
        body: { messages: [{ role: 'user', content: 'x' }] },
      });
      expect(appGone.status).toBe(other);
      expect(await appGone.json()).toEqual(error(500, text, 'app is empty'));
    },
  );

  it('newest answers input-schema errors with HTTP 400 and zodError', async () => {
    const fake = make({ serverVersion: 'newest' });
    for (const body of [{ messages: 'x' }, { messages: [] }]) {
      const res = await call(fake, '/api/v1/chat/completions', { body: { ...body, stream: true } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 400,
        statusText: 'error',
        message: 'Data validation error',
        data: null,
        zodError: [expect.objectContaining({ path: ['messages'] })],
      });
    }
    const init = await call(fake, `/api/core/chat/init?appId=${fake.credentials.appId}`);
    expect(init.status).toBe(400);
    const source = await call(fake, '/api/core/chat/getHistories', {
      body: { appId: fake.credentials.appId, source: 'x' },
    });
    expect(source.status).toBe(400);
  });

  it('4.14 sends the zod body with HTTP 500 on routes validated since 4.14.5', async () => {
    const fake = make({ serverVersion: '4.14' });
    const init = await call(fake, `/api/core/chat/init?appId=${fake.credentials.appId}`);
    expect(init.status).toBe(500);
    expect(await init.json()).toMatchObject({
      code: 400,
      message: 'Data validation error',
      zodError: [{ path: ['chatId'] }],
    });
  });
});

describe('faults', () => {
  it('status fault: one-shot, matched by path substring', async () => {
    const fake = make();
    fake.injectFault({ kind: 'status', status: 502, body: 'Bad Gateway', path: 'getHistories' });
    const body = { appId: fake.credentials.appId };
    expect((await call(fake, '/api/core/chat/init?chatId=x', {})).status).not.toBe(502);
    const first = await call(fake, '/api/core/chat/getHistories', { body });
    expect(first.status).toBe(502);
    expect(await first.text()).toBe('Bad Gateway');
    expect((await call(fake, '/api/core/chat/getHistories', { body })).status).toBe(200);
  });

  it('rateLimit header style: HTTP 429 + Retry-After + tooManyRequest', async () => {
    const fake = make();
    fake.injectFault({ kind: 'rateLimit', retryAfterSeconds: 7, style: 'header', times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call(fake, '/api/v1/chat/completions', { body: { stream: true, messages: [] } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual(error(429, 'tooManyRequest', 'common:error.too_many_request'));
    }
    expect((await call(fake, '/api/core/chat/getHistories', { body: {} })).status).toBe(200);
  });

  it('rateLimit text style: the team QPM body, plain JSON before any stream', async () => {
    const fake = make();
    fake.injectFault({ kind: 'rateLimit', retryAfterSeconds: 37, style: 'text' });
    const res = await call(fake, '/api/v1/chat/completions', {
      body: { stream: true, messages: [{ role: 'user', content: 'x' }] },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(await res.json()).toEqual(
      error(
        429,
        'error',
        'Rate limit exceeded. Maximum 60 requests per 60 seconds for this team. Please try again in 37 seconds.',
      ),
    );
  });

  it('the 429 scenario answers the team QPM error', async () => {
    const fake = make();
    const res = await call(fake, '/api/v1/chat/completions', {
      body: { stream: true, messages: [{ role: 'user', content: 'trigger 429 please' }] },
    });
    expect(await res.json()).toMatchObject({
      code: 429,
      message: expect.stringContaining('Please try again in 3 seconds.'),
    });
  });

  it('networkError and drop (non-stream) reject like fetch: TypeError("fetch failed")', async () => {
    const fake = make();
    fake.injectFault({ kind: 'networkError' });
    await expect(call(fake, '/api/core/chat/getHistories', { body: {} })).rejects.toThrow(
      new TypeError('fetch failed'),
    );
    fake.injectFault({ kind: 'drop' });
    await expect(call(fake, '/api/core/chat/getHistories', { body: {} })).rejects.toThrow(TypeError);
    expect((await call(fake, '/api/core/chat/getHistories', { body: {} })).status).toBe(200);
  });

  it('stall (non-stream) never answers until the caller aborts', async () => {
    const fake = make();
    fake.injectFault({ kind: 'stall', path: 'getHistories' });
    const controller = new AbortController();
    const pending = fake.fetch('/api/core/chat/getHistories', {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.credentials.appKey}` },
      body: '{}',
      signal: controller.signal,
    });
    let settled = false;
    pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
