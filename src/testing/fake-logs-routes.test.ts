import { describe, expect, it } from 'vitest';
import type { AppLogsChartData, AppTotalData } from '../client/types';
import { CHAT_SOURCES } from '../client/types';
import { createFakeFastGPT, type FakeFastGPT } from './fake-fastgpt';
import type { FakeFastGPTOptions } from './fake-options';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 29, 7, 41, 22, 518);
const RANGE = { dateStart: new Date(NOW - 30 * DAY).toISOString(), dateEnd: new Date(NOW).toISOString() };

interface Envelope<T> {
  code: number;
  statusText: string;
  message: string;
  data: T;
  zodError?: unknown[];
}

interface ListData {
  total: number;
  list: Array<Record<string, unknown>>;
}

/** A fake server on a clock the test moves. */
function setup(options: FakeFastGPTOptions = {}) {
  const clock = { now: NOW };
  const fake = createFakeFastGPT({ now: () => clock.now, ...options });
  return { fake, clock };
}

function post(
  fake: FakeFastGPT,
  path: string,
  body: unknown,
  headers: Record<string, string> = { token: fake.credentials.userToken },
): Promise<Response> {
  return fake.fetch(`/api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function json<T>(response: Response): Promise<Envelope<T>> {
  return (await response.json()) as Envelope<T>;
}

function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}

describe('seeding', () => {
  it('seeds 300 analytics chats for the main app, and again after reset', () => {
    const { fake } = setup();
    const chats = [...fake.state.chats.values()];
    expect(chats).toHaveLength(300);
    expect(
      chats.every((c) => c.appId === fake.credentials.appId && c.teamId === fake.credentials.teamId),
    ).toBe(true);
    const share = chats.filter((c) => c.source === 'share');
    expect(
      share.every((c) => c.shareId === fake.credentials.shareId && c.tmbId === fake.credentials.tmbId),
    ).toBe(true);
    const firstIds = chats.map((c) => c.chatId);
    fake.state.chats.clear();
    fake.reset();
    expect([...fake.state.chats.keys()]).toEqual(firstIds);
  });

  it('honours analytics: false and a custom size', () => {
    expect(setup({ analytics: false }).fake.state.chats.size).toBe(0);
    expect(setup({ analytics: { chats: 25, days: 7 } }).fake.state.chats.size).toBe(25);
  });
});

describe('POST /api/core/app/logs/list', () => {
  it('answers the session token with a page of rows, newest first', async () => {
    const { fake } = setup();
    const response = await post(fake, 'core/app/logs/list', { appId: fake.credentials.appId, ...RANGE });
    expect(response.status).toBe(200);
    const body = await json<ListData>(response);
    expect(body).toMatchObject({ code: 200, statusText: '', message: '' });
    expect(body.data.total).toBe(300);
    expect(body.data.list).toHaveLength(10);
    const times = body.data.list.map((row) => String(row.updateTime));
    expect(times).toEqual([...times].sort().reverse());
    const row = body.data.list[0] ?? {};
    expect(row).toHaveProperty('chatId');
    expect(row).not.toHaveProperty('id');
    expect(row).toHaveProperty('sourceMember.name');
    expect(typeof row.averageResponseTime).toBe('number');
  });

  it('accepts the fastgpt_token cookie and reads paging from the query when the body has none', async () => {
    const { fake } = setup();
    const response = await fake.fetch('/api/core/app/logs/list?pageSize=3&pageNum=2', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: `fastgpt_token=${fake.credentials.userToken}` },
      body: JSON.stringify({ appId: fake.credentials.appId, ...RANGE }),
    });
    const body = await json<ListData>(response);
    expect(body.data.list).toHaveLength(3);
  });

  it('applies the filters and keeps soft-deleted chats', async () => {
    const { fake } = setup();
    const appId = fake.credentials.appId;
    const shareOnly = await json<ListData>(
      await post(fake, 'core/app/logs/list', { appId, ...RANGE, sources: ['share'], pageSize: 500 }),
    );
    expect(shareOnly.data.list.every((row) => row.source === 'share')).toBe(true);
    expect(shareOnly.data.total).toBe(
      [...fake.state.chats.values()].filter((c) => c.source === 'share').length,
    );
    const deleted = [...fake.state.chats.values()].filter((c) => c.deleteTime !== undefined);
    expect(deleted.length).toBeGreaterThan(0);
    const all = await json<ListData>(
      await post(fake, 'core/app/logs/list', { appId, ...RANGE, pageSize: 500 }),
    );
    const listed = new Set(all.data.list.map((row) => row.chatId));
    expect(deleted.every((c) => listed.has(c.chatId))).toBe(true);
  });

  it('rejects an API key with 403 unless logsAuth is token-or-key', async () => {
    const { fake } = setup();
    const body = { appId: fake.credentials.appId, ...RANGE };
    const denied = await post(fake, 'core/app/logs/list', body, bearer(fake.credentials.appKey));
    expect(denied.status).toBe(500);
    expect(await denied.json()).toEqual({
      code: 403,
      statusText: 'unAuthorization',
      message: 'common:code_error.error_message.403',
      data: null,
    });
    fake.setOptions({ logsAuth: 'token-or-key' });
    const allowed = await post(fake, 'core/app/logs/list', body, bearer(fake.credentials.accountKey));
    expect((await json<ListData>(allowed)).data.total).toBe(300);
    const otherTeam = await post(fake, 'core/app/logs/list', body, bearer(fake.credentials.otherTeamAppKey));
    expect((await json<null>(otherTeam)).statusText).toBe('unAuthApp');
  });

  it('answers a validation error when a date is missing, before checking credentials', async () => {
    const { fake } = setup();
    const response = await post(fake, 'core/app/logs/list', { appId: fake.credentials.appId }, {});
    expect(response.status).toBe(500);
    const body = await json<null>(response);
    expect(body).toMatchObject({ code: 400, statusText: 'error', message: 'Data validation error' });
    expect(body.zodError?.[0]).toMatchObject({ path: ['dateStart'] });
    fake.setOptions({ serverVersion: 'newest' });
    const newest = await post(fake, 'core/app/logs/list', {
      appId: fake.credentials.appId,
      dateStart: RANGE.dateStart,
    });
    expect(newest.status).toBe(400);
    expect((await json<null>(newest)).zodError?.[0]).toMatchObject({ path: ['dateEnd'] });
  });

  it('answers 502000 for an unknown app', async () => {
    const { fake } = setup();
    const response = await post(fake, 'core/app/logs/list', { appId: '68ad85a7463006c963799fff', ...RANGE });
    expect((await json<null>(response)).statusText).toBe('appUnExist');
  });

  it('does not exist before 4.14, where getChatLogs answers with `id` rows', async () => {
    const { fake } = setup({ serverVersion: '4.13' });
    const missing = await post(fake, 'core/app/logs/list', { appId: fake.credentials.appId, ...RANGE });
    expect(missing.status).toBe(404);
    const legacy = await json<ListData>(
      await post(fake, 'core/app/getChatLogs', { appId: fake.credentials.appId }),
    );
    // No dates: the last 7 days.
    expect(legacy.data.total).toBeGreaterThan(0);
    expect(legacy.data.total).toBeLessThan(300);
    expect(legacy.data.list[0]).toHaveProperty('id');
    expect(legacy.data.list[0]).toHaveProperty('updateTime');
    expect(legacy.data.list[0]).not.toHaveProperty('chatId');
  });

  it('answers the ≤ 4.10 row shape and HTTP 200 auth errors on 4.8.17', async () => {
    const { fake } = setup({ serverVersion: '4.8.17' });
    const rows = await json<ListData>(
      await post(fake, 'core/app/getChatLogs', { appId: fake.credentials.appId }),
    );
    expect(rows.data.list[0]).toHaveProperty('time');
    expect(rows.data.list[0]).not.toHaveProperty('updateTime');
    const denied = await post(fake, 'core/app/getChatLogs', { appId: fake.credentials.appId }, {});
    expect(denied.status).toBe(200);
    expect((await json<null>(denied)).code).toBe(403);
    expect((await post(fake, 'core/app/exportChatLogs', { appId: fake.credentials.appId })).status).toBe(404);
  });

  it('keeps getChatLogs out of 4.14 servers', async () => {
    const { fake } = setup();
    expect(
      (await post(fake, 'core/app/getChatLogs', { appId: fake.credentials.appId, ...RANGE })).status,
    ).toBe(404);
  });
});

describe('POST /api/core/app/logs/exportLogs', () => {
  const exportBody = (fake: FakeFastGPT) => ({
    appId: fake.credentials.appId,
    ...RANGE,
    title: 'User,Session ID,Title,Total Messages,Conversation details',
    logKeys: ['user', 'sessionId', 'title', 'messageCount'],
  });

  it('answers a CSV file with one row per chat', async () => {
    const { fake } = setup({ analytics: { chats: 30 } });
    const response = await post(fake, 'core/app/logs/exportLogs', exportBody(fake));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8;');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=usage.csv;');
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // `text()` decodes UTF-8 and drops the BOM checked above.
    const csv = await response.text();
    expect(csv.split('\n')[0]).toBe('User,Session ID,Title,Total Messages,Conversation details,用户ID');
    // Newlines inside quoted detail cells are allowed, so count rows by the chats' ids instead.
    for (const chat of fake.state.chats.values()) expect(csv).toContain(chat.chatId);
  });

  it('allows one export per second per client IP', async () => {
    const { fake, clock } = setup({ analytics: { chats: 5 } });
    expect((await post(fake, 'core/app/logs/exportLogs', exportBody(fake))).status).toBe(200);
    const limited = await post(fake, 'core/app/logs/exportLogs', exportBody(fake));
    expect(limited.status).toBe(500);
    expect(await limited.json()).toEqual({
      code: 429,
      statusText: 'error',
      message: 'Too many request, request 1 times every 1 seconds',
      data: null,
    });
    const otherClient = await post(fake, 'core/app/logs/exportLogs', exportBody(fake), {
      token: fake.credentials.userToken,
      'x-forwarded-for': '203.0.113.9',
    });
    expect(otherClient.status).toBe(200);
    clock.now += 1_000;
    expect((await post(fake, 'core/app/logs/exportLogs', exportBody(fake))).status).toBe(200);
    fake.reset();
    expect((await post(fake, 'core/app/logs/exportLogs', exportBody(fake))).status).toBe(200);
  });

  it('answers a real HTTP 429 from the limiter on 4.13 (exportChatLogs)', async () => {
    const { fake } = setup({ serverVersion: '4.13', analytics: { chats: 5 } });
    const first = await post(fake, 'core/app/exportChatLogs', { appId: fake.credentials.appId });
    expect(first.status).toBe(200);
    expect((await first.text()).split('\n')[0]).toContain('Time,Source,User');
    const limited = await post(fake, 'core/app/exportChatLogs', { appId: fake.credentials.appId });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 429, statusText: '' });
  });

  it('needs the session token and both dates', async () => {
    const { fake, clock } = setup({ analytics: { chats: 5 } });
    const denied = await post(
      fake,
      'core/app/logs/exportLogs',
      exportBody(fake),
      bearer(fake.credentials.appKey),
    );
    expect((await json<null>(denied)).statusText).toBe('unAuthorization');
    clock.now += 1_000;
    const invalid = await post(fake, 'core/app/logs/exportLogs', { appId: fake.credentials.appId });
    expect((await json<null>(invalid)).code).toBe(400);
  });
});

describe('/api/proApi/core/app/logs/*', () => {
  it('answers totals by GET with a key or the token', async () => {
    const { fake } = setup();
    const path = `/api/proApi/core/app/logs/getTotalData?appId=${fake.credentials.appId}`;
    for (const headers of [bearer(fake.credentials.appKey), { token: fake.credentials.userToken }]) {
      const body = await json<AppTotalData>(await fake.fetch(path, { headers }));
      expect(body.data.totalChats).toBe(300);
      expect(body.data.totalUsers).toBeGreaterThan(10);
      expect(body.data.totalPoints).toBeGreaterThan(0);
    }
  });

  it('answers chart data with every source key', async () => {
    const { fake } = setup();
    const response = await post(
      fake,
      'proApi/core/app/logs/getChartData',
      {
        appId: fake.credentials.appId,
        ...RANGE,
        offset: 1,
        source: [...CHAT_SOURCES],
        userTimespan: 'week',
        chatTimespan: 'day',
        appTimespan: 'month',
      },
      bearer(fake.credentials.appKey),
    );
    const { data } = await json<AppLogsChartData>(response);
    expect(data.userData.length).toBeGreaterThanOrEqual(4);
    expect(data.chatData.length).toBeGreaterThanOrEqual(25);
    expect(data.appData.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(data.userData[0]?.summary.sourceCountMap ?? {}).sort()).toEqual(
      [...CHAT_SOURCES].sort(),
    );
    const chats = data.chatData.reduce((n, p) => n + p.summary.chatItemCount, 0);
    expect(chats).toBeGreaterThan(300);
    expect(data.userData.some((p) => p.summary.retentionUserCount > 0)).toBe(true);
  });

  it('needs credentials', async () => {
    const { fake } = setup();
    const response = await post(
      fake,
      'proApi/core/app/logs/getChartData',
      { appId: fake.credentials.appId },
      {},
    );
    expect((await json<null>(response)).statusText).toBe('unAuthorization');
  });

  it('answers the open-source error when chartEndpoints is false', async () => {
    const { fake } = setup({ chartEndpoints: false });
    const chart = await post(fake, 'proApi/core/app/logs/getChartData', {
      appId: fake.credentials.appId,
      ...RANGE,
    });
    expect(chart.status).toBe(500);
    expect(await chart.json()).toEqual({
      code: 500,
      statusText: 'error',
      message: '未配置商业版链接: core,app,logs,getChartData',
      data: null,
    });
    const total = await fake.fetch(`/api/proApi/core/app/logs/getTotalData?appId=${fake.credentials.appId}`);
    expect((await json<null>(total)).message).toBe('未配置商业版链接: core,app,logs,getTotalData');
  });
});
