import { describe, expect, it } from 'vitest';
import type { AppVariable, ChatSource } from '../client/types';
import { CHAT_SOURCES } from '../client/types';
import { FakeHttpError } from './fake-errors';
import type { FakeChat, FakeChatItem } from './fake-model';
import {
  computeChartData,
  computeTotalData,
  csvField,
  exportChatLogsCsv,
  queryChatLogs,
} from './log-queries';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Monday 2026-01-05 00:00 UTC. */
const MON = Date.UTC(2026, 0, 5);
const TMB_A = '65f1c2d3e4a5b6c7d8e9f001';
const TMB_B = '65f1c2d3e4a5b6c7d8e9f002';

let counter = 0;
function nextId(): string {
  counter++;
  return counter.toString(16).padStart(24, '0');
}

function human(time: number, text = 'hello'): FakeChatItem {
  return {
    _id: nextId(),
    dataId: `h${counter}`,
    obj: 'Human',
    value: [{ type: 'text', text: { content: text } }],
    time,
  };
}

function ai(time: number, extra: Partial<FakeChatItem> = {}): FakeChatItem {
  return {
    _id: nextId(),
    dataId: `a${counter}`,
    obj: 'AI',
    value: [{ type: 'text', text: { content: 'answer' } }],
    time,
    durationSeconds: 2,
    responseData: [{ moduleName: 'AI', moduleType: 'chatNode', totalPoints: 0.5 }],
    ...extra,
  };
}

/** A chat with one turn at `time` unless `items` are given; updateTime = the last item's time. */
function chat(time: number, overrides: Partial<FakeChat> = {}): FakeChat {
  const items = overrides.items ?? [human(time), ai(time + 1000)];
  const last = items[items.length - 1];
  return {
    _id: nextId(),
    chatId: `chat-${counter}`,
    appId: 'app',
    teamId: 'team',
    title: 'hello',
    customTitle: '',
    top: false,
    source: 'api',
    sourceName: '',
    tmbId: TMB_A,
    createTime: items[0]?.time ?? time,
    updateTime: last?.time ?? time,
    variables: {},
    items,
    ...overrides,
  };
}

const RANGE = {
  dateStart: new Date(MON - 30 * DAY).toISOString(),
  dateEnd: new Date(MON + 30 * DAY).toISOString(),
};

function ids(page: { list: Array<Record<string, unknown>> }): unknown[] {
  return page.list.map((row) => row.chatId ?? row.id);
}

function catchError(fn: () => unknown): FakeHttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FakeHttpError) return error;
    throw error;
  }
  throw new Error('expected a FakeHttpError');
}

describe('queryChatLogs filters', () => {
  it('requires dateStart and dateEnd on 4.14+ (zod validation error)', () => {
    const error = catchError(() => queryChatLogs([], { dateEnd: RANGE.dateEnd }, { version: '4.14' }));
    expect(error.kind).toBe('validation');
    expect(error.zodError[0]?.path).toEqual(['dateStart']);
    expect(error.isZodOn('4.14')).toBe(true);
    const missingEnd = catchError(() =>
      queryChatLogs([], { dateStart: RANGE.dateStart }, { version: 'newest' }),
    );
    expect(missingEnd.zodError[0]?.path).toEqual(['dateEnd']);
  });

  it('defaults the range to the last 7 days on the pre-4.14 route', () => {
    const now = MON + 10 * DAY;
    const recent = chat(now - 2 * DAY);
    const old = chat(now - 8 * DAY);
    const page = queryChatLogs([recent, old], {}, { version: '4.13', now });
    expect(ids(page)).toEqual([recent.chatId]);
  });

  it('filters on updateTime, both ends inclusive', () => {
    const start = MON;
    const end = MON + DAY;
    const atStart = chat(0, { items: [human(start)] });
    const atEnd = chat(0, { items: [human(end)] });
    const before = chat(0, { items: [human(start - 1)] });
    const after = chat(0, { items: [human(end + 1)] });
    // Created before the range but active inside it: the filter is on last activity.
    const continued = chat(0, { items: [human(start - 5 * DAY), ai(start + HOUR)] });
    const page = queryChatLogs(
      [atStart, atEnd, before, after, continued],
      { dateStart: new Date(start).toISOString(), dateEnd: new Date(end).toISOString() },
      { version: '4.14' },
    );
    expect(page.total).toBe(3);
    expect(ids(page)).toEqual([atEnd.chatId, continued.chatId, atStart.chatId]);
  });

  it('filters by sources; an empty list matches nothing and an absent one everything', () => {
    const chats = (['api', 'share', 'online'] as ChatSource[]).map((source, i) =>
      chat(MON + i * HOUR, { source }),
    );
    expect(queryChatLogs(chats, { ...RANGE, sources: ['share', 'online'] }, { version: '4.14' }).total).toBe(
      2,
    );
    expect(queryChatLogs(chats, { ...RANGE, sources: [] }, { version: '4.14' }).total).toBe(0);
    expect(queryChatLogs(chats, RANGE, { version: '4.14' }).total).toBe(3);
  });

  it('searches chatId, title and customTitle literally and case-insensitively', () => {
    const byId = chat(MON, { chatId: 'CRM-Ticket-88412' });
    const byTitle = chat(MON + 1, { title: '退货政策是什么' });
    const byCustom = chat(MON + 2, { customTitle: 'VIP (follow-up)' });
    const dotted = chat(MON + 3, { title: 'abc' });
    const all = [byId, byTitle, byCustom, dotted];
    const search = (chatSearch: string) =>
      ids(queryChatLogs(all, { ...RANGE, chatSearch }, { version: '4.14' }));
    expect(search('crm-ticket')).toEqual([byId.chatId]);
    expect(search('退货')).toEqual([byTitle.chatId]);
    expect(search('vip (FOLLOW')).toEqual([byCustom.chatId]);
    expect(search('a.c')).toEqual([]);
    expect(search('')).toHaveLength(4);
  });

  it('filters by feedback type, and by unread feedback with unreadOnly', () => {
    const good = chat(MON, { items: [human(MON), ai(MON + 1, { userGoodFeedback: 'yes' })] });
    const bad = chat(MON + 10, { items: [human(MON + 10), ai(MON + 11, { userBadFeedback: 'wrong' })] });
    const readBad = chat(MON + 20, {
      items: [human(MON + 20), ai(MON + 21, { userBadFeedback: 'slow', isFeedbackRead: true })],
    });
    const none = chat(MON + 30);
    const all = [good, bad, readBad, none];
    const q = (body: Record<string, unknown>) =>
      ids(queryChatLogs(all, { ...RANGE, ...body }, { version: '4.14' }));
    expect(q({ feedbackType: 'good' })).toEqual([good.chatId]);
    expect(q({ feedbackType: 'bad' })).toEqual([readBad.chatId, bad.chatId]);
    expect(q({ feedbackType: 'has_feedback' })).toEqual([readBad.chatId, bad.chatId, good.chatId]);
    expect(q({ feedbackType: 'all' })).toHaveLength(4);
    expect(q({ feedbackType: 'bad', unreadOnly: true })).toEqual([bad.chatId]);
    // unreadOnly means nothing without a feedback filter.
    expect(q({ feedbackType: 'all', unreadOnly: true })).toHaveLength(4);
    // Pre-4.14 servers have no feedback filter.
    expect(ids(queryChatLogs(all, { ...RANGE, feedbackType: 'good' }, { version: '4.13' }))).toHaveLength(4);
  });

  it('filters chats with errors on newest servers only', () => {
    const failedNode = chat(MON, {
      items: [
        human(MON),
        ai(MON + 1, { responseData: [{ moduleName: 'AI', moduleType: 'chatNode', errorText: 'x' }] }),
      ],
    });
    const failedRun = chat(MON + 10, { items: [human(MON + 10), ai(MON + 11, { errorMsg: 'timeout' })] });
    const fine = chat(MON + 20);
    const all = [failedNode, failedRun, fine];
    expect(ids(queryChatLogs(all, { ...RANGE, errorFilter: 'has_error' }, { version: 'newest' }))).toEqual([
      failedRun.chatId,
      failedNode.chatId,
    ]);
    expect(queryChatLogs(all, { ...RANGE, errorFilter: 'all' }, { version: 'newest' }).total).toBe(3);
    expect(queryChatLogs(all, { ...RANGE, errorFilter: 'has_error' }, { version: '4.14' }).total).toBe(3);
  });

  it('filters by team members, and rejects ids that are not ObjectIds', () => {
    const a = chat(MON, { tmbId: TMB_A });
    const b = chat(MON + 1, { tmbId: TMB_B });
    expect(ids(queryChatLogs([a, b], { ...RANGE, tmbIds: [TMB_B] }, { version: '4.14' }))).toEqual([
      b.chatId,
    ]);
    expect(queryChatLogs([a, b], { ...RANGE, tmbIds: [] }, { version: '4.14' }).total).toBe(2);
    const error = catchError(() => queryChatLogs([a], { ...RANGE, tmbIds: ['nope'] }, { version: '4.14' }));
    expect(error.kind).toBe('plain');
  });

  it('combines tmbIds and outLinkUids on newest servers', () => {
    const member = chat(MON, { tmbId: TMB_A });
    const shareUser = chat(MON + 1, { tmbId: TMB_A, source: 'share', outLinkUid: 'u-1' });
    const otherUser = chat(MON + 2, { tmbId: TMB_A, source: 'share', outLinkUid: 'u-2' });
    const all = [member, shareUser, otherUser];
    const q = (body: Record<string, unknown>) =>
      ids(queryChatLogs(all, { ...RANGE, ...body }, { version: 'newest' }));
    expect(q({ tmbIds: [TMB_A] })).toEqual([member.chatId]);
    expect(q({ outLinkUids: ['u-2'] })).toEqual([otherUser.chatId]);
    expect(q({ tmbIds: [TMB_A], outLinkUids: ['u-1'] })).toEqual([shareUser.chatId, member.chatId]);
    expect(q({ tmbIds: [], outLinkUids: [] })).toEqual([]);
  });
});

describe('queryChatLogs paging and order', () => {
  const chats = Array.from({ length: 25 }, (_, i) => chat(MON + i * HOUR));
  const newestFirst = [...chats].reverse().map((c) => c.chatId);

  it('sorts by updateTime, newest first, and pages 10 by default', () => {
    const page = queryChatLogs(chats, RANGE, { version: '4.14' });
    expect(page.total).toBe(25);
    expect(ids(page)).toEqual(newestFirst.slice(0, 10));
  });

  it('pages by pageNum, by offset, and by numbers sent as strings', () => {
    expect(ids(queryChatLogs(chats, { ...RANGE, pageNum: 3, pageSize: 10 }, { version: '4.14' }))).toEqual(
      newestFirst.slice(20, 25),
    );
    expect(ids(queryChatLogs(chats, { ...RANGE, pageNum: '2', pageSize: '4' }, { version: '4.14' }))).toEqual(
      newestFirst.slice(4, 8),
    );
    expect(
      ids(queryChatLogs(chats, { ...RANGE, offset: 7, pageNum: 5, pageSize: 3 }, { version: '4.14' })),
    ).toEqual(newestFirst.slice(7, 10));
    const beyond = queryChatLogs(chats, { ...RANGE, pageNum: 9, pageSize: 10 }, { version: '4.14' });
    expect(beyond).toEqual({ total: 25, list: [] });
  });

  it('uses paging given by the caller (e.g. from the query string)', () => {
    const page = queryChatLogs(chats, RANGE, { version: '4.14', page: { offset: 1, pageSize: 2 } });
    expect(ids(page)).toEqual(newestFirst.slice(1, 3));
  });

  it('puts chats with feedback first on 4.8.17', () => {
    const plain = chat(MON + 5 * HOUR);
    const good = chat(MON, { items: [human(MON), ai(MON + 1, { userGoodFeedback: 'yes' })] });
    const bad = chat(MON - HOUR, {
      items: [human(MON - HOUR), ai(MON - HOUR + 1, { userBadFeedback: 'no' })],
    });
    expect(ids(queryChatLogs([plain, good, bad], RANGE, { version: '4.8.17' }))).toEqual([
      bad.chatId,
      good.chatId,
      plain.chatId,
    ]);
    expect(ids(queryChatLogs([plain, good, bad], RANGE, { version: '4.14' }))).toEqual([
      plain.chatId,
      good.chatId,
      bad.chatId,
    ]);
  });

  it('keeps soft-deleted chats and items on 4.14+, and drops them before', () => {
    const deleted = chat(MON, { deleteTime: MON + DAY });
    const withDeletedItem = chat(MON + HOUR, {
      items: [
        human(MON + HOUR),
        ai(MON + HOUR + 1),
        human(MON + HOUR + 2),
        ai(MON + HOUR + 3, { deleteTime: MON + DAY }),
      ],
    });
    const modern = queryChatLogs([deleted, withDeletedItem], RANGE, { version: '4.14' });
    expect(modern.total).toBe(2);
    expect(modern.list[0]?.messageCount).toBe(4);
    const legacy = queryChatLogs([deleted, withDeletedItem], RANGE, { version: '4.13', now: MON });
    expect(legacy.total).toBe(1);
    expect(legacy.list[0]?.messageCount).toBe(3);
  });
});

describe('queryChatLogs rows', () => {
  const rich = chat(MON, {
    chatId: 'rich',
    title: '退货政策是什么',
    customTitle: '重要客户',
    source: 'share',
    sourceName: '官网客服',
    outLinkUid: 'shareChat-1',
    versionName: 'v12',
    region: 'China, Guangdong, Shenzhen',
    originIp: '203.0.113.45',
    items: [
      human(MON),
      ai(MON + 3000, {
        durationSeconds: 3,
        userGoodFeedback: 'yes',
        customFeedbacks: ['a', 'b'],
        responseData: [
          { moduleName: 'search', moduleType: 'datasetSearchNode', totalPoints: 0.25 },
          { moduleName: 'AI', moduleType: 'chatNode', totalPoints: 1, errorText: 'boom' },
        ],
      }),
      human(MON + 10_000, 'again'),
      ai(MON + 15_000, {
        durationSeconds: 4.5,
        userBadFeedback: 'no',
        customFeedbacks: ['c'],
        adminFeedback: { feedbackDataId: 'f', datasetId: 'd', collectionId: 'c', q: 'q', a: 'a' },
        errorMsg: 'timeout',
      }),
      { _id: nextId(), dataId: 's', obj: 'System', value: [], time: MON + 16_000 },
    ],
  });
  const members = (tmbId: string) => (tmbId === TMB_A ? { name: '张三', avatar: '/a.svg' } : undefined);

  it('computes counts and units of §A.4 with the 4.14 field names', () => {
    const [row] = queryChatLogs([rich], RANGE, { version: '4.14', members }).list;
    expect(row).toEqual({
      _id: rich._id,
      chatId: 'rich',
      title: '退货政策是什么',
      customTitle: '重要客户',
      source: 'share',
      sourceName: '官网客服',
      updateTime: new Date(MON + 16_000).toISOString(),
      createTime: new Date(MON).toISOString(),
      messageCount: 5,
      userGoodFeedbackCount: 1,
      userBadFeedbackCount: 1,
      customFeedbacksCount: 3,
      markCount: 1,
      averageResponseTime: 3.75,
      errorCount: 2,
      totalPoints: 1.75,
      outLinkUid: 'shareChat-1',
      tmbId: TMB_A,
      versionName: 'v12',
      region: 'China, Guangdong, Shenzhen',
      originIp: '203.0.113.45',
      sourceMember: { name: '张三', avatar: '/a.svg', status: 'active' },
    });
    expect(Object.keys(row ?? {})).not.toContain('id');
  });

  it('counts custom feedback per item on newest servers and sends null versionName', () => {
    const [row] = queryChatLogs([rich], RANGE, { version: 'newest' }).list;
    expect(row?.customFeedbacksCount).toBe(2);
    const [bare] = queryChatLogs([chat(MON)], RANGE, { version: 'newest' }).list;
    expect(bare?.versionName).toBeNull();
    expect(bare?.averageResponseTime).toBe(2);
    expect(bare).not.toHaveProperty('sourceMember');
    expect(bare).not.toHaveProperty('outLinkUid');
  });

  it('names the chat id `id` on ≤ 4.13 and drops 4.14-only fields', () => {
    const [row] = queryChatLogs([rich], RANGE, { version: '4.13', now: MON }).list;
    expect(row?.id).toBe('rich');
    expect(row).not.toHaveProperty('chatId');
    expect(row).not.toHaveProperty('versionName');
    expect(row).not.toHaveProperty('region');
    expect(row).not.toHaveProperty('originIp');
    expect(row).toMatchObject({
      updateTime: new Date(MON + 16_000).toISOString(),
      averageResponseTime: 3.75,
    });
    expect(row?.customFeedbacksCount).toBe(2);
  });

  it('sends the ≤ 4.10 shape on 4.8.17: `time` and no response-time, error or point fields', () => {
    const [row] = queryChatLogs([rich], RANGE, { version: '4.8.17', now: MON }).list;
    expect(Object.keys(row ?? {})).toEqual([
      '_id',
      'id',
      'title',
      'source',
      'time',
      'messageCount',
      'userGoodFeedbackCount',
      'userBadFeedbackCount',
      'customFeedbacksCount',
      'markCount',
      'outLinkUid',
      'tmbId',
    ]);
    expect(row?.time).toBe(new Date(MON + 16_000).toISOString());
  });
});

describe('computeChartData', () => {
  // Week 0 (Mon Dec 29): alice once, before the range. Week 1 (Mon Jan 5): alice and bob.
  // Week 2 (Mon Jan 12): alice again (retained), carol for the first time (new), one failed answer.
  const aliceOld = chat(MON - 6 * DAY, { source: 'share', outLinkUid: 'alice' });
  const alice1 = chat(MON + 10 * HOUR, { source: 'share', outLinkUid: 'alice' });
  const bob1 = chat(MON + DAY + 10 * HOUR, {
    source: 'api',
    outLinkUid: 'bob',
    items: [
      human(MON + DAY + 10 * HOUR),
      ai(MON + DAY + 10 * HOUR + 1000, { userGoodFeedback: 'yes', durationSeconds: 3 }),
      human(MON + DAY + 11 * HOUR),
      ai(MON + DAY + 11 * HOUR + 1000, { userBadFeedback: 'no', durationSeconds: 5 }),
    ],
  });
  const alice2 = chat(MON + 8 * DAY + 10 * HOUR, { source: 'share', outLinkUid: 'alice' });
  const carol2 = chat(MON + 9 * DAY + 10 * HOUR, {
    source: 'online',
    tmbId: TMB_B,
    items: [human(MON + 9 * DAY + 10 * HOUR), ai(MON + 9 * DAY + 10 * HOUR + 1000, { errorMsg: 'timeout' })],
  });
  const chats = [aliceOld, alice1, bob1, alice2, carol2];
  const range = {
    dateStart: new Date(MON).toISOString(),
    dateEnd: new Date(MON + 14 * DAY - 1).toISOString(),
  };

  it('buckets users by week with new and retained users', () => {
    const data = computeChartData(chats, { ...range, userTimespan: 'week', offset: 1 });
    expect(data.userData.map((p) => p.timestamp)).toEqual([MON, MON + 7 * DAY]);
    const [week1, week2] = data.userData;
    expect(week1?.summary).toMatchObject({ userCount: 2, newUserCount: 1, retentionUserCount: 1 });
    expect(week2?.summary).toMatchObject({ userCount: 2, newUserCount: 1, retentionUserCount: 1 });
    expect(week1?.summary.sourceCountMap).toEqual({ ...zeroSources(), share: 1, api: 1 });
    expect(Object.keys(week2?.summary.sourceCountMap ?? {}).sort()).toEqual([...CHAT_SOURCES].sort());
    expect(week1?.summary.points).toBe(1.5);
  });

  it('retains against `offset` buckets earlier', () => {
    const data = computeChartData(chats, { ...range, userTimespan: 'week', offset: 2 });
    // Week 2 looks back at week 0, where only alice was active.
    expect(data.userData[1]?.summary.retentionUserCount).toBe(1);
    // Week 1 looks back at Dec 22, where nobody was.
    expect(data.userData[0]?.summary.retentionUserCount).toBe(0);
  });

  it('buckets chats and answers by day, with error counts', () => {
    const data = computeChartData(chats, { ...range, chatTimespan: 'day' });
    expect(data.chatData).toEqual([
      { timestamp: MON, summary: { chatItemCount: 1, chatCount: 1, errorCount: 0, points: 0.5 } },
      { timestamp: MON + DAY, summary: { chatItemCount: 2, chatCount: 1, errorCount: 0, points: 1 } },
      { timestamp: MON + 8 * DAY, summary: { chatItemCount: 1, chatCount: 1, errorCount: 0, points: 0.5 } },
      { timestamp: MON + 9 * DAY, summary: { chatItemCount: 1, chatCount: 1, errorCount: 1, points: 0.5 } },
    ]);
  });

  it('sums feedback and reply seconds per month', () => {
    const data = computeChartData(chats, { ...range, appTimespan: 'month' });
    expect(data.appData).toEqual([
      {
        timestamp: Date.UTC(2026, 0, 1),
        summary: { goodFeedBackCount: 1, badFeedBackCount: 1, chatCount: 4, totalResponseTime: 14 },
      },
    ]);
  });

  it('buckets by quarter and by a time zone', () => {
    const late = chat(Date.UTC(2026, 1, 10, 20), { outLinkUid: 'dave' });
    const quarterRange = { dateStart: '2026-01-01T00:00:00Z', dateEnd: '2026-03-31T00:00:00Z' };
    const quarter = computeChartData([late], { ...quarterRange, userTimespan: 'quarter' });
    expect(quarter.userData[0]?.timestamp).toBe(Date.UTC(2026, 0, 1));
    // 20:00 UTC is 04:00 the next day in UTC+8: the day bucket starts at local midnight.
    for (const timezone of ['+08:00', 'Asia/Shanghai']) {
      const zoned = computeChartData([late], { ...quarterRange, timezone });
      expect(zoned.chatData[0]?.timestamp).toBe(Date.UTC(2026, 1, 11) - 8 * HOUR);
    }
  });

  it('counts only the chosen sources and can fill empty buckets', () => {
    const onlyApi = computeChartData(chats, { ...range, source: ['api'] });
    expect(onlyApi.userData.map((p) => p.timestamp)).toEqual([MON + DAY]);
    const filled = computeChartData(chats, { ...range, chatTimespan: 'day', fillEmptyBuckets: true });
    expect(filled.chatData).toHaveLength(10);
    expect(filled.chatData[2]).toEqual({
      timestamp: MON + 2 * DAY,
      summary: { chatItemCount: 0, chatCount: 0, errorCount: 0, points: 0 },
    });
  });

  it('rejects a missing date or an unknown timespan', () => {
    expect(
      catchError(() => computeChartData(chats, { dateStart: range.dateStart, dateEnd: undefined })).kind,
    ).toBe('validation');
    expect(catchError(() => computeChartData(chats, { ...range, userTimespan: 'hour' })).kind).toBe(
      'validation',
    );
  });
});

function zeroSources(): Record<ChatSource, number> {
  return Object.fromEntries(CHAT_SOURCES.map((s) => [s, 0])) as Record<ChatSource, number>;
}

describe('computeTotalData', () => {
  it('counts distinct users, chats (deleted ones too) and points', () => {
    const chats = [
      chat(MON, { outLinkUid: 'alice' }),
      chat(MON + 1, { outLinkUid: 'alice', deleteTime: MON + 2 }),
      chat(MON + 2, { tmbId: TMB_B }),
      chat(MON + 3, { items: [human(MON + 3)] }),
    ];
    expect(computeTotalData(chats)).toEqual({ totalUsers: 3, totalChats: 4, totalPoints: 1.5 });
    expect(computeTotalData([])).toEqual({ totalUsers: 0, totalChats: 0, totalPoints: 0 });
  });
});

describe('csvField', () => {
  it('quotes quotes, commas and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it.each(['=', '+', '-', '@', '|'])('guards a leading %s against formula injection', (prefix) => {
    expect(csvField(`${prefix}SUM(A1)`)).toBe(`'${prefix}SUM(A1)`);
    expect(csvField(`${prefix}1,2`)).toBe(`"'${prefix}1,2"`);
    expect(csvField(`a${prefix}b`)).toBe(`a${prefix}b`);
  });
});

describe('exportChatLogsCsv', () => {
  const variables: AppVariable[] = [
    { key: 'uid', label: '用户ID', type: 'input' },
    { key: 'secret', label: 'Secret', type: 'password' },
    { key: 'lang', label: 'Lang, code', type: 'select' },
  ];
  const app = { chatConfig: { variables } };
  const older = chat(Date.UTC(2026, 0, 28, 23, 30), {
    title: 'Say "hi", then\nleave',
    outLinkUid: '=cmd|calc',
    variables: { uid: '@admin', secret: 'x', lang: 'zh' },
  });
  const newer = chat(Date.UTC(2026, 0, 29, 1), {
    customTitle: '+1 buyer',
    tmbId: TMB_B,
    items: [
      human(Date.UTC(2026, 0, 29, 1), '-5 degrees?'),
      ai(Date.UTC(2026, 0, 29, 1, 0, 2), { userGoodFeedback: 'yes' }),
    ],
  });
  const body = {
    dateStart: '2026-01-23T00:00:00+08:00',
    dateEnd: '2026-01-29T23:59:59+08:00',
    title: 'User,Title,last conversation time,User Feedback,Conversation details',
    logKeys: ['user', 'title', 'lastConversationTime', 'feedback'],
  };
  const members = (tmbId: string) => (tmbId === TMB_B ? { name: '李四' } : undefined);

  it('writes a BOM, the title line plus variable labels, and one row per chat, newest first', () => {
    const csv = exportChatLogsCsv([older, newer], body, app, { version: '4.14', members });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header] = csv.slice(1).split('\n');
    expect(header).toBe(`${body.title},用户ID,"Lang, code"`);
    const newerAnswer = newer.items[1] as FakeChatItem;
    const newerRow =
      `李四,'+1 buyer,2026-01-29 09:00:02,` +
      `"{""good"":[{""chatItemId"":""${newerAnswer.dataId}"",""feedback"":""yes""}],""bad"":[]}",`;
    expect(csv).toContain(`\n${newerRow}`);
    expect(csv.indexOf(newerRow)).toBeLessThan(csv.indexOf("'=cmd|calc"));
    // The older chat: its times are written in the UTC offset of dateStart (+08:00).
    expect(csv).toContain(`'=cmd|calc,"Say ""hi"", then\nleave",2026-01-29 07:30:01,`);
    expect(csv).toContain(`,'@admin,zh\n`);
    expect(csv).not.toContain(',x\n');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('puts the last items of the chat as JSON in the details column', () => {
    const csv = exportChatLogsCsv([newer], body, app, { version: '4.14' });
    const questionId = (newer.items[0] as FakeChatItem).dataId;
    expect(csv).toContain(`""id"":""${questionId}"",""value"":""-5 degrees?""`);
  });

  it('uses FastGPT default columns without logKeys, and the fixed legacy columns on 4.13', () => {
    const modern = exportChatLogsCsv(
      [newer],
      { dateStart: body.dateStart, dateEnd: body.dateEnd },
      { chatConfig: {} },
      {
        version: '4.14',
      },
    );
    expect(modern.slice(1).split('\n')[0]).toBe(
      'User,Title,last conversation time,Total Messages,User Feedback,IP & Region,Conversation details',
    );
    const legacy = exportChatLogsCsv(
      [newer],
      {},
      { chatConfig: {} },
      { version: '4.13', now: Date.UTC(2026, 0, 30) },
    );
    expect(legacy.slice(1).split('\n')[0]).toBe(
      'Time,Source,User,Contact,Title,Total Messages,Good,Bad,Custom Feedback,Marks,Conversation details',
    );
    expect(legacy.split('\n')[1]).toMatch(/^2026-01-29 01:00:02,api,,,'\+1 buyer,2,1,0,0,0,/);
  });

  it('applies the list filters and requires the dates on 4.14', () => {
    const csv = exportChatLogsCsv([older, newer], { ...body, chatSearch: 'buyer' }, app, { version: '4.14' });
    expect(csv.trimEnd().split('\n')).toHaveLength(2);
    expect(catchError(() => exportChatLogsCsv([], { title: 'x' }, app, { version: '4.14' })).kind).toBe(
      'validation',
    );
  });
});
