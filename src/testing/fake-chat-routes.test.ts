import { describe, expect, it } from 'vitest';
import { createFakeFastGPT, type FakeFastGPT, type FakeFastGPTOptions } from './index';

let clock = Date.parse('2026-01-29T07:41:22.600Z');
const make = (options: FakeFastGPTOptions = {}) =>
  createFakeFastGPT({ analytics: false, now: () => clock, ...options });

interface CallInit {
  method?: string;
  body?: unknown;
  key?: string | null;
}

async function call(fake: FakeFastGPT, path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = init.key === undefined ? fake.credentials.appKey : init.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  return fake.fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

// biome-ignore lint/suspicious/noExplicitAny: test helper over untyped JSON.
async function data(fake: FakeFastGPT, path: string, init: CallInit = {}): Promise<any> {
  const json = await (await call(fake, path, init)).json();
  return json.data;
}

function ask(fake: FakeFastGPT, content: unknown, extra: Record<string, unknown> = {}, key?: string | null) {
  clock += 1000;
  return call(fake, '/api/v1/chat/completions', {
    body: { messages: [{ role: 'user', content }], ...extra },
    ...(key === undefined ? {} : { key }),
  });
}

describe('persistence and history', () => {
  it('rewrites the title every turn to the first 20 characters of the question', async () => {
    const fake = make();
    await ask(fake, '第一个问题：这是一个非常非常长的问题，超过了二十个字符的限制', { chatId: 'c1' });
    expect(fake.state.chats.get('c1')?.title).toBe('第一个问题：这是一个非常非常长的问题，超');
    await ask(fake, 'second question', { chatId: 'c1' });
    expect(fake.state.chats.get('c1')?.title).toBe('second question');
    await ask(fake, [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }], { chatId: 'c1' });
    expect(fake.state.chats.get('c1')?.title).toBe('新对话');
    const chat = fake.state.chats.get('c1');
    expect(chat).toMatchObject({ source: 'api', sourceName: 'fake-app-key', customTitle: '', top: false });
    expect(chat?.items.at(-2)?.value).toEqual([
      { type: 'file', file: { type: 'image', url: 'https://x.test/a.png' } },
    ]);
  });

  it('saves message.dataId, responseChatItemId, customUid and merged variables', async () => {
    const fake = make();
    await call(fake, '/api/v1/chat/completions', {
      body: {
        chatId: 'c1',
        responseChatItemId: 'aiItem1',
        customUid: 'end-user-7',
        variables: { uid: 'u1', lang: 'zh' },
        messages: [{ role: 'user', content: 'hi', dataId: 'humanItem1' }],
      },
    });
    await ask(fake, 'again', { chatId: 'c1', variables: { lang: 'en' } });
    const chat = fake.state.chats.get('c1');
    expect(chat?.items.map((i) => [i.obj, i.dataId.length])).toEqual([
      ['Human', 10],
      ['AI', 7],
      ['Human', 24],
      ['AI', 16],
    ]);
    expect(chat?.items[0]?.dataId).toBe('humanItem1');
    expect(chat?.items[1]?.dataId).toBe('aiItem1');
    expect(chat?.outLinkUid).toBe('end-user-7');
    expect(chat?.variables).toEqual({ uid: 'u1', lang: 'en' });
  });

  it('saves a chat without chatId under a generated id and answers id "" (4.14)', async () => {
    const fake = make();
    const res = await ask(fake, 'hello');
    expect((await res.json()).id).toBe('');
    const [chat] = [...fake.state.chats.values()];
    expect(chat?.chatId).toMatch(/^[a-z][A-Za-z0-9]{23}$/);
    expect(chat?.items).toHaveLength(2);
  });

  it('sorts histories by top then updateTime, excludes soft-deleted chats, pages by 10', async () => {
    const fake = make();
    for (let i = 0; i < 12; i++) await ask(fake, `q${i}`, { chatId: `c${i}` });
    const appId = fake.credentials.appId;
    await call(fake, '/api/core/chat/updateHistory', { body: { appId, chatId: 'c3', top: true } });
    clock += 1000;
    await call(fake, `/api/core/chat/delHistory?chatId=c11&appId=${appId}`, { method: 'DELETE' });
    const page = await data(fake, '/api/core/chat/getHistories', { body: { appId } });
    expect(page.total).toBe(11);
    expect(page.list.map((h: { chatId: string }) => h.chatId)).toEqual([
      'c3',
      'c10',
      'c9',
      'c8',
      'c7',
      'c6',
      'c5',
      'c4',
      'c2',
      'c1',
    ]);
    expect(page.list[0]).toEqual({
      chatId: 'c3',
      updateTime: expect.stringMatching(/Z$/),
      appId,
      customTitle: '',
      title: 'q3',
      top: true,
    });
    const second = await data(fake, '/api/core/chat/getHistories', {
      body: { appId, pageSize: '5', pageNum: 3 },
    });
    expect(second.list.map((h: { chatId: string }) => h.chatId)).toEqual(['c0']);
    expect(fake.state.chats.get('c11')?.deleteTime).toBeDefined();
    expect(await data(fake, '/api/core/chat/getHistories', { body: { appId, source: 'share' } })).toEqual({
      list: [],
      total: 0,
    });
  });

  it('deletes chats for real on 4.13 and clears only API chats', async () => {
    const fake = make({ serverVersion: '4.13' });
    await ask(fake, 'a', { chatId: 'a' });
    await ask(fake, 'b', { chatId: 'b' });
    await call(fake, `/api/core/chat/delHistory?chatId=a&appId=${fake.credentials.appId}`, {
      method: 'DELETE',
    });
    expect(fake.state.chats.has('a')).toBe(false);
    await call(fake, '/api/v1/chat/completions', {
      key: null,
      body: {
        shareId: fake.credentials.shareId,
        outLinkUid: 'u1',
        chatId: 's',
        messages: [{ role: 'user', content: 'x' }],
      },
    });
    await call(fake, `/api/core/chat/clearHistories?appId=${fake.credentials.appId}`, { method: 'DELETE' });
    expect([...fake.state.chats.keys()]).toEqual(['s']);
  });

  it('updateHistory sets only the given fields and ignores unknown chats', async () => {
    const fake = make();
    await ask(fake, 'hello', { chatId: 'c1' });
    const appId = fake.credentials.appId;
    expect(
      await data(fake, '/api/core/chat/updateHistory', {
        body: { appId, chatId: 'c1', customTitle: 'Mine' },
      }),
    ).toBe(null);
    await call(fake, '/api/core/chat/history/updateHistory', {
      method: 'PUT',
      body: { appId, chatId: 'c1', top: true },
    });
    await call(fake, '/api/core/chat/updateHistory', { body: { appId, chatId: 'nope', top: true } });
    expect(fake.state.chats.get('c1')).toMatchObject({ customTitle: 'Mine', top: true, title: 'hello' });
  });
});

describe('records', () => {
  async function threeTurns() {
    const fake = make();
    for (const q of ['one', 'two', 'three']) await ask(fake, q, { chatId: 'c1' });
    return fake;
  }
  const texts = (list: Array<{ value: Array<{ text?: { content: string } }> }>) =>
    list.map((r) => r.value[0]?.text?.content.slice(0, 14));

  it('returns the newest page first, chronological inside, with total', async () => {
    const fake = await threeTurns();
    const body = { appId: fake.credentials.appId, chatId: 'c1', pageSize: 4 };
    const latest = await data(fake, '/api/core/chat/getPaginationRecords', { body: { ...body, offset: 0 } });
    expect(latest.total).toBe(6);
    expect(texts(latest.list)).toEqual(['two', 'You said: “two', 'three', 'You said: “thr']);
    const older = await data(fake, '/api/core/chat/record/getPaginationRecords', {
      body: { ...body, offset: 4 },
    });
    expect(texts(older.list)).toEqual(['one', 'You said: “one']);
  });

  it('strips responseData, adds AI extras, and customFeedbacks only when asked', async () => {
    const fake = await threeTurns();
    const body = { appId: fake.credentials.appId, chatId: 'c1', pageSize: 2 };
    const plain = await data(fake, '/api/core/chat/getPaginationRecords', { body });
    const [human, ai] = plain.list;
    expect(Object.keys(human).sort()).toEqual(['_id', 'dataId', 'obj', 'time', 'value']);
    expect(ai).toMatchObject({ obj: 'AI', durationSeconds: 1.22, llmModuleAccount: 1, totalQuoteList: [] });
    expect(ai.responseData).toBeUndefined();
    expect(ai.customFeedbacks).toBeUndefined();
    const withCustom = await data(fake, '/api/core/chat/getPaginationRecords', {
      body: { ...body, loadCustomFeedbacks: true },
    });
    expect(withCustom.list[1].customFeedbacks).toEqual([]);
  });

  it('hides soft-deleted items and chats unless includeDeleted, which the log drawer sends', async () => {
    const fake = await threeTurns();
    const chat = fake.state.chats.get('c1');
    if (!chat) throw new Error('not saved');
    (chat.items[1] as { deleteTime?: number }).deleteTime = clock;
    const body = { appId: fake.credentials.appId, chatId: 'c1', pageSize: 10 };
    const live = await data(fake, '/api/core/chat/getPaginationRecords', { body });
    expect(live.total).toBe(5);
    expect(live.list.map((r: { dataId: string }) => r.dataId)).not.toContain(chat.items[1]?.dataId);

    const logView = { ...body, includeDeleted: true, loadCustomFeedbacks: true };
    const all = await data(fake, '/api/core/chat/getPaginationRecords', { body: logView });
    expect(all.total).toBe(6);
    expect(all.list[1]).toMatchObject({
      dataId: chat.items[1]?.dataId,
      deleteTime: new Date(clock).toISOString(),
    });
    expect(all.list[0].deleteTime).toBeNull();

    chat.deleteTime = clock;
    expect((await data(fake, '/api/core/chat/getPaginationRecords', { body })).total).toBe(0);
    expect((await data(fake, '/api/core/chat/getPaginationRecords', { body: logView })).total).toBe(6);
  });

  it('answers empty lists for missing params and node responses from getResData', async () => {
    const fake = await threeTurns();
    const appId = fake.credentials.appId;
    expect(await data(fake, '/api/core/chat/getPaginationRecords', { body: { appId } })).toEqual({
      list: [],
      total: 0,
    });
    const ai = fake.state.chats.get('c1')?.items[1];
    const res = await data(fake, `/api/core/chat/getResData?appId=${appId}&chatId=c1&dataId=${ai?.dataId}`);
    expect(res.map((r: { moduleType: string }) => r.moduleType)).toEqual(['workflowStart', 'chatNode']);
    const human = fake.state.chats.get('c1')?.items[0];
    expect(
      await data(fake, `/api/core/chat/record/getResData?appId=${appId}&chatId=c1&dataId=${human?.dataId}`),
    ).toEqual([]);
  });
});

describe('feedback', () => {
  it('sets given fields and clears omitted ones', async () => {
    const fake = make();
    await ask(fake, 'hi', { chatId: 'c1' });
    const item = fake.state.chats.get('c1')?.items[1];
    const base = { appId: fake.credentials.appId, chatId: 'c1', dataId: item?.dataId };
    const send = (extra: object) =>
      data(fake, '/api/core/chat/feedback/updateUserFeedback', { body: { ...base, ...extra } });
    expect(await send({ userBadFeedback: 'wrong' })).toEqual({});
    expect(item).toMatchObject({ userBadFeedback: 'wrong' });
    await send({ userGoodFeedback: 'yes' });
    expect(item?.userGoodFeedback).toBe('yes');
    expect(item?.userBadFeedback).toBeUndefined();
    await send({});
    expect(item?.userGoodFeedback).toBeUndefined();
  });

  it('fails with "Chat item not found" on 4.14 and is a no-op with data null on 4.13', async () => {
    const fake = make();
    await ask(fake, 'hi', { chatId: 'c1' });
    const body = { appId: fake.credentials.appId, chatId: 'c1', dataId: 'nope', userGoodFeedback: 'yes' };
    const res = await call(fake, '/api/core/chat/feedback/updateUserFeedback', { body });
    expect(await res.json()).toEqual({
      code: 500,
      statusText: 'error',
      message: 'Chat item not found',
      data: null,
    });
    fake.setOptions({ serverVersion: '4.13' });
    expect(await (await call(fake, '/api/core/chat/feedback/updateUserFeedback', { body })).json()).toEqual({
      code: 200,
      statusText: '',
      message: '',
      data: null,
    });
  });
});

describe('item/delete parameter source per version', () => {
  async function setup(options: FakeFastGPTOptions) {
    const fake = make(options);
    await ask(fake, 'hi', { chatId: 'c1' });
    const dataId = fake.state.chats.get('c1')?.items[0]?.dataId ?? '';
    const params = { appId: fake.credentials.appId, chatId: 'c1', contentId: dataId };
    return { fake, params, query: new URLSearchParams(params).toString() };
  }

  it('4.13 reads the query and deletes for real', async () => {
    const { fake, params, query } = await setup({ serverVersion: '4.13' });
    const viaBody = await call(fake, '/api/core/chat/item/delete', { method: 'DELETE', body: params });
    expect((await viaBody.json()).message).toBe('contentId or chatId is empty');
    await call(fake, `/api/core/chat/item/delete?${query}`, { method: 'DELETE' });
    expect(fake.state.chats.get('c1')?.items).toHaveLength(1);
  });

  it('4.14 reads the body only and soft-deletes', async () => {
    const { fake, params, query } = await setup({ serverVersion: '4.14' });
    const viaQuery = await call(fake, `/api/core/chat/item/delete?${query}`, { method: 'DELETE' });
    expect(await viaQuery.json()).toEqual({
      code: 500,
      statusText: 'error',
      message: 'contentId or chatId is empty',
      data: null,
    });
    await call(fake, '/api/core/chat/item/delete', { body: params });
    expect(fake.state.chats.get('c1')?.items[0]?.deleteTime).toBeDefined();
    const records = await data(fake, '/api/core/chat/getPaginationRecords', { body: { ...params } });
    expect(records.total).toBe(1);
    expect((await call(fake, '/api/core/chat/record/delete', { body: params })).status).toBe(404);
  });

  it('newest also has /record/delete with body or query and contentIds', async () => {
    const { fake, query } = await setup({ serverVersion: 'newest' });
    await call(fake, `/api/core/chat/record/delete?${query}`, { method: 'DELETE' });
    const aiId = fake.state.chats.get('c1')?.items[1]?.dataId;
    await call(fake, '/api/core/chat/record/delete', {
      method: 'DELETE',
      body: { appId: fake.credentials.appId, chatId: 'c1', contentIds: [aiId] },
    });
    expect(fake.state.chats.get('c1')?.items.every((i) => i.deleteTime !== undefined)).toBe(true);
  });
});

describe('interactive continuation', () => {
  it('folds a userSelect answer into the same AI record without a Human item', async () => {
    const fake = make();
    await ask(fake, 'please select a city', { chatId: 'c1' });
    const chat = fake.state.chats.get('c1');
    expect(chat?.items).toHaveLength(2);
    await ask(fake, '上海', { chatId: 'c1', responseChatItemId: 'ignored' });
    expect(chat?.items).toHaveLength(2);
    const ai = chat?.items[1];
    expect(ai?.value[0]).toMatchObject({
      type: 'interactive',
      interactive: { params: { userSelectedVal: '上海' } },
    });
    expect(ai?.value[1]).toEqual({
      type: 'text',
      text: { content: '你选择了「上海」。上海今天晴，气温 21℃。' },
    });
    expect(ai?.durationSeconds).toBe(1.66);
    expect(ai?.responseData?.map((r) => r.moduleType)).toEqual([
      'workflowStart',
      'classifyQuestion',
      'userSelect',
      'chatNode',
    ]);
    expect(chat?.title).toBe('please select a city');
    await ask(fake, 'hello again', { chatId: 'c1' });
    expect(chat?.items).toHaveLength(4);
  });

  it('writes form values and submitted into the userInput item', async () => {
    const fake = make();
    await ask(fake, 'fill the form', { chatId: 'c1' });
    const res = await ask(fake, JSON.stringify({ city: '北京', days: 3, unit: 'C' }), { chatId: 'c1' });
    expect((await res.json()).choices[0].message.content).toContain('城市：北京');
    const first = fake.state.chats.get('c1')?.items[1]?.value[0];
    if (first?.type !== 'interactive' || first.interactive.type !== 'userInput') throw new Error('no form');
    expect(first.interactive.params.submitted).toBe(true);
    expect(first.interactive.params.inputForm.map((f) => f.value)).toEqual([
      '北京',
      3,
      'C',
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});

describe('share links', () => {
  const share = (fake: FakeFastGPT, uid: string) => ({ shareId: fake.credentials.shareId, outLinkUid: uid });

  it('saves share chats with source share and the link name, scoped to the uid', async () => {
    const fake = make();
    await ask(fake, 'from u1', { chatId: 's1', ...share(fake, 'u1') }, null);
    await ask(fake, 'from u2', { chatId: 's2', ...share(fake, 'u2') }, null);
    expect(fake.state.chats.get('s1')).toMatchObject({
      source: 'share',
      sourceName: '官网客服',
      shareId: fake.credentials.shareId,
      outLinkUid: 'u1',
      tmbId: fake.credentials.tmbId,
    });
    const list = await data(fake, '/api/core/chat/getHistories', { key: null, body: share(fake, 'u1') });
    expect(list.list.map((h: { chatId: string }) => h.chatId)).toEqual(['s1']);
    const chat = fake.state.chats.get('s1');
    if (chat) chat.updateTime = clock - 31 * 86_400_000;
    expect(
      (await data(fake, '/api/core/chat/getHistories', { key: null, body: share(fake, 'u1') })).total,
    ).toBe(0);
  });

  it('answers 504000 for another uid’s chat, 501 for an unknown link, 403 without the uid', async () => {
    const fake = make();
    await ask(fake, 'mine', { chatId: 's1', ...share(fake, 'u1') }, null);
    const appId = fake.credentials.appId;
    const other = await call(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { appId, chatId: 's1', ...share(fake, 'u2') },
    });
    expect((await other.json()).code).toBe(504000);
    const steal = await ask(fake, 'x', { chatId: 's1', ...share(fake, 'u2') }, null);
    expect((await steal.json()).code).toBe(504000);
    const wrongApp = await call(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { appId: fake.credentials.secondAppId, chatId: 's1', ...share(fake, 'u1') },
    });
    expect((await wrongApp.json()).code).toBe(504000);
    const unknown = await call(fake, '/api/core/chat/getHistories', {
      key: null,
      body: { shareId: 'nope', outLinkUid: 'u1' },
    });
    expect(await unknown.json()).toMatchObject({ code: 501, statusText: 'linkUnInvalid' });
    const noUid = await call(fake, '/api/core/chat/getHistories', {
      key: null,
      body: { shareId: fake.credentials.shareId },
    });
    expect(await noUid.json()).toMatchObject({ code: 403, statusText: 'unAuthorization' });
  });

  it('filters node responses to public nodes', async () => {
    const fake = make();
    const res = await ask(fake, 'cite please', { chatId: 's1', detail: true, ...share(fake, 'u1') }, null);
    const body = await res.json();
    expect(body.responseData).toEqual([
      { moduleType: 'datasetSearchNode', runningTime: 0.87, quoteList: expect.any(Array) },
    ]);
    const record = await data(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { appId: fake.credentials.appId, chatId: 's1', ...share(fake, 'u1') },
    });
    expect(record.list[1].value[0].text.content).toContain('(CITE)');
    const link = fake.state.shareLinks.get(fake.credentials.shareId);
    if (link) link.showCite = false;
    const hidden = await data(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { appId: fake.credentials.appId, chatId: 's1', ...share(fake, 'u1') },
    });
    expect(hidden.list[1].value[0].text.content).not.toContain('(CITE)');
  });

  it('outLink/init returns the app without chatModels and a user avatar', async () => {
    const fake = make();
    await ask(fake, 'hello', { chatId: 's1', ...share(fake, 'u1') }, null);
    const q = new URLSearchParams({ ...share(fake, 'u1'), chatId: 's1' });
    const init = await data(fake, `/api/core/chat/outLink/init?${q}`, { key: null });
    expect(init).toMatchObject({
      chatId: 's1',
      appId: fake.credentials.appId,
      title: 'hello',
      userAvatar: expect.any(String),
    });
    expect(init.app.chatModels).toBeUndefined();
    const other = await call(
      fake,
      `/api/core/chat/outLink/init?${new URLSearchParams({ ...share(fake, 'u2'), chatId: 's1' })}`,
      {
        key: null,
      },
    );
    expect((await other.json()).code).toBe(504000);
    const noUid = await call(fake, `/api/core/chat/outLink/init?shareId=${fake.credentials.shareId}`, {
      key: null,
    });
    expect((await noUid.json()).code).toBe(501);
  });

  it('nested placement reads outLinkAuthData (JSON in queries) and rejects appId on CRUD', async () => {
    const fake = make({ shareAuthPlacement: 'nested', serverVersion: 'newest' });
    const outLinkAuthData = share(fake, 'u1');
    await ask(fake, 'hi', { chatId: 's1', outLinkAuthData }, null);
    expect(fake.state.chats.get('s1')?.source).toBe('share');
    const legacy = await ask(fake, 'hi', { chatId: 's2', ...share(fake, 'u1') }, null);
    expect((await legacy.json()).code).toBe(403);
    const q = new URLSearchParams({ chatId: 's1', outLinkAuthData: JSON.stringify(outLinkAuthData) });
    expect((await data(fake, `/api/core/chat/outLink/init?${q}`, { key: null })).chatId).toBe('s1');
    const records = await data(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { chatId: 's1', outLinkAuthData },
    });
    expect(records.total).toBe(2);
    const withAppId = await call(fake, '/api/core/chat/getPaginationRecords', {
      key: null,
      body: { appId: fake.credentials.appId, chatId: 's1', outLinkAuthData },
    });
    expect(withAppId.status).toBe(400);
  });
});

describe('init and question guide', () => {
  it('init returns the chat, its variables and the app config', async () => {
    const fake = make();
    await ask(fake, 'hello', { chatId: 'c1', variables: { uid: 'u-1001' } });
    const init = await data(fake, `/api/core/chat/init?appId=${fake.credentials.appId}&chatId=c1`);
    expect(init).toMatchObject({
      chatId: 'c1',
      appId: fake.credentials.appId,
      title: 'hello',
      variables: { uid: 'u-1001' },
      app: { chatModels: ['gpt-4o-mini'], type: 'advanced', chatConfig: { questionGuide: { open: true } } },
    });
  });

  it('createQuestionGuide returns 3 questions about the last question', async () => {
    const fake = make();
    await ask(fake, '量子计算', { chatId: 'c1' });
    const questions = await data(fake, '/api/core/ai/agent/v2/createQuestionGuide', {
      body: { appId: fake.credentials.appId, chatId: 'c1' },
    });
    expect(questions).toHaveLength(3);
    for (const q of questions) expect(q).toContain('量子计算');
  });
});
