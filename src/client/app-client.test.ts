import { describe, expect, it } from 'vitest';
import { createFakeFastGPT } from '../testing';
import { AppClient } from './app-client';
import { createFastGPTClient } from './create-fastgpt-client';
import { AuthenticationError, NotFoundError } from './errors';

const DAY = 86_400_000;

function setup(options: Parameters<typeof createFakeFastGPT>[0] = {}) {
  const fake = createFakeFastGPT(options);
  const app = new AppClient({
    fetch: fake.fetch,
    baseUrl: fake.baseUrl,
    token: fake.credentials.userToken,
    appId: fake.credentials.appId,
    maxRetries: 0,
  });
  return { fake, app };
}

describe('AppClient', () => {
  it('pages the seeded log table, newest activity first, with the total', async () => {
    const { app } = setup();
    const range = { dateStart: new Date(Date.now() - 31 * DAY), dateEnd: new Date() };
    const first = await app.getChatLogs({ ...range, pageSize: 20 });
    expect(first.total).toBeGreaterThanOrEqual(300);
    expect(first.list).toHaveLength(20);
    const times = first.list.map((row) => Date.parse(row.updateTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await app.getChatLogs({ ...range, pageSize: 20, pageNum: 2 });
    expect(second.list[0]?.chatId).not.toBe(first.list[0]?.chatId);
    expect(Date.parse(second.list[0]?.updateTime ?? '')).toBeLessThanOrEqual(times.at(-1) ?? 0);
  });

  it('filters by source, search and feedback', async () => {
    const { app } = setup();
    const range = { dateStart: new Date(Date.now() - 31 * DAY), dateEnd: new Date() };
    const share = await app.getChatLogs({ ...range, sources: ['share'], pageSize: 100 });
    expect(share.list.length).toBeGreaterThan(0);
    expect(share.list.every((row) => row.source === 'share')).toBe(true);
    const bad = await app.getChatLogs({ ...range, feedbackType: 'bad', pageSize: 100 });
    expect(bad.list.every((row) => (row.userBadFeedbackCount ?? 0) > 0)).toBe(true);
  });

  it('maps the ≤ 4.14.3 log rows (id, time) to chatId and updateTime via the legacy route', async () => {
    const { fake, app } = setup({ serverVersion: '4.13' });
    const page = await app.getChatLogs({
      dateStart: new Date(Date.now() - 31 * DAY),
      dateEnd: new Date(),
      pageSize: 5,
    });
    expect(page.list).toHaveLength(5);
    expect(page.list[0]?.chatId).toBeTruthy();
    expect(page.list[0]?.updateTime).toBeTruthy();
    expect(fake.requests.map((r) => r.path)).toContain('/api/core/app/getChatLogs');
  });

  it('says which credential the log table needs when only an API key is sent', async () => {
    const fake = createFakeFastGPT();
    const app = new AppClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      maxRetries: 0,
    });
    const error = await app
      .getChatLogs({ appId: fake.credentials.appId, dateStart: new Date(0), dateEnd: new Date() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('reads chart data and totals, and reports editions without chart endpoints', async () => {
    const { app } = setup();
    const chart = await app.getAppLogsChart({
      dateStart: new Date(Date.now() - 7 * DAY),
      dateEnd: new Date(),
      source: ['api', 'online', 'share'],
    });
    expect(chart.chatData.length).toBeGreaterThan(0);
    expect(chart.userData[0]?.summary.sourceCountMap).toBeDefined();
    const totals = await app.getAppTotalData();
    expect(totals.totalChats).toBeGreaterThan(0);

    const { app: openSource } = setup({ chartEndpoints: false });
    const error = await openSource.getAppTotalData().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/commercial edition/);
  });

  it('exports the log table as CSV', async () => {
    const { app } = setup();
    const csv = await app.exportChatLogs({
      dateStart: new Date(Date.now() - 31 * DAY),
      dateEnd: new Date(),
      title: 'Title,Source',
      logKeys: ['title', 'source'],
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\n').length).toBeGreaterThan(10);
  });

  it('createFastGPTClient shares one set of options', () => {
    const { chat, app } = createFastGPTClient({ baseUrl: 'https://fastgpt.example.com/api/', appId: 'a1' });
    expect(chat.baseUrl).toBe('https://fastgpt.example.com');
    expect(app.baseUrl).toBe('https://fastgpt.example.com');
    expect(app.appId).toBe('a1');
  });
});
