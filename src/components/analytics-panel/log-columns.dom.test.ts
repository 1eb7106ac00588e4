import { describe, expect, it } from 'vitest';
import type { ChatLogItem } from '../../client/types';
import { toCsv } from './csv';
import {
  compareLogRows,
  DEFAULT_LOG_COLUMN_KEYS,
  formatLogTime,
  getLogColumn,
  LOG_COLUMNS,
  logCsvColumns,
} from './log-columns';

// Two rows as FastGPT v4.14.5 returns them (research note A.4), one with a formula-like custom title.
const shareRow: ChatLogItem = {
  _id: '6979a3f2c1d2e3f4a5b6c7d8',
  chatId: 'Yx3kq9Lm2Pq8Rs7Tv6Wz5Ab4',
  title: '退货政策是什么',
  customTitle: '',
  source: 'share',
  sourceName: '官网客服',
  updateTime: '2026-01-29T07:41:22.518Z',
  createTime: '2026-01-29T07:38:05.104Z',
  messageCount: 6,
  userGoodFeedbackCount: 1,
  userBadFeedbackCount: 0,
  customFeedbacksCount: 0,
  markCount: 0,
  averageResponseTime: 3.4166666666666665,
  errorCount: 0,
  totalPoints: 0.4123,
  outLinkUid: 'shareChat-1769672285104-pX3q9Lm2Pq8Rs7Tv6Wz5Ab4c',
  tmbId: '65f1c2d3e4a5b6c7d8e9f001',
  versionName: 'v12',
  region: 'China, Guangdong, Shenzhen',
  originIp: '203.0.113.45',
  sourceMember: { name: '张三', avatar: '/imgs/avatar/BlueAvatar.svg', status: 'active' },
};
const apiRow: ChatLogItem = {
  _id: '6979a1aac1d2e3f4a5b6c7c1',
  chatId: 'crm-ticket-88412',
  title: '帮我查询订单 2026012900123',
  customTitle: '=HYPERLINK("http://evil.test")',
  source: 'api',
  sourceName: '',
  updateTime: '2026-01-29T06:12:40.002Z',
  createTime: '2026-01-29T06:12:31.877Z',
  messageCount: 2,
  userGoodFeedbackCount: 0,
  userBadFeedbackCount: 1,
  customFeedbacksCount: 0,
  markCount: 0,
  averageResponseTime: 8.02,
  errorCount: 1,
  totalPoints: 1.25,
  tmbId: '65f1c2d3e4a5b6c7d8e9f001',
  versionName: null,
  region: 'Other',
  originIp: '10.0.3.17',
  sourceMember: { name: '张三', status: 'active' },
};
// What a 4.8.17 server sends after the client maps `id` and `time`: most counts are missing.
const oldRow: ChatLogItem = { chatId: 'old-1', source: 'online', updateTime: 'not a date', title: 'Hi' };

const values = (row: ChatLogItem) => Object.fromEntries(LOG_COLUMNS.map((c) => [c.key, c.value(row)]));

describe('LOG_COLUMNS', () => {
  it("lists FastGPT's columns in its order, with unique keys and label keys", () => {
    expect(LOG_COLUMNS.map((c) => c.key)).toEqual([
      'title',
      'source',
      'user',
      'createdTime',
      'lastConversationTime',
      'messageCount',
      'feedback',
      'customFeedback',
      'annotatedCount',
      'responseTime',
      'errorCount',
      'points',
      'versionName',
      'region',
    ]);
    const headers = LOG_COLUMNS.flatMap((c) => c.csv.map((field) => field.header));
    expect(new Set(headers).size).toBe(headers.length);
    for (const key of DEFAULT_LOG_COLUMN_KEYS) expect(getLogColumn(key).key).toBe(key);
    expect(() => getLogColumn('nope' as 'title')).toThrow(/unknown log column "nope"/);
  });

  it('reads every column from a realistic row', () => {
    expect(values(shareRow)).toEqual({
      title: '退货政策是什么',
      source: { source: 'share', sourceName: '官网客服' },
      user: 'shareChat-1769672285104-pX3q9Lm2Pq8Rs7Tv6Wz5Ab4c',
      createdTime: Date.UTC(2026, 0, 29, 7, 38, 5, 104),
      lastConversationTime: Date.UTC(2026, 0, 29, 7, 41, 22, 518),
      messageCount: 6,
      feedback: { good: 1, bad: 0 },
      customFeedback: 0,
      annotatedCount: 0,
      responseTime: 3.4166666666666665,
      errorCount: 0,
      points: 0.4123,
      versionName: 'v12',
      region: { region: 'China, Guangdong, Shenzhen', ip: '203.0.113.45' },
    });
  });

  it('prefers the custom title, and falls back to the member when there is no end user', () => {
    expect(getLogColumn('title').value(apiRow)).toBe('=HYPERLINK("http://evil.test")');
    expect(getLogColumn('user').value(apiRow)).toBe('张三');
    expect(getLogColumn('source').value(apiRow)).toEqual({ source: 'api', sourceName: null });
  });

  it('gives null where an old server sent nothing, and zero feedback', () => {
    const old = values(oldRow);
    expect(old.title).toBe('Hi');
    expect(old.lastConversationTime).toBeNull();
    expect(old.createdTime).toBeNull();
    expect(old.messageCount).toBeNull();
    expect(old.points).toBeNull();
    expect(old.feedback).toEqual({ good: 0, bad: 0 });
    expect(old.region).toEqual({ region: null, ip: null });
  });

  it('sorts server-side only by the last message, newest first', () => {
    const sorted = LOG_COLUMNS.filter((c) => c.serverSort);
    expect(sorted.map((c) => [c.key, c.serverSort])).toEqual([
      ['lastConversationTime', { field: 'updateTime', direction: 'desc' }],
    ]);
  });
});

describe('compareLogRows', () => {
  const rows = [shareRow, oldRow, apiRow];
  const keys = (list: ChatLogItem[]) => list.map((r) => r.chatId);

  it('sorts numbers both ways and keeps rows without a value last', () => {
    const points = getLogColumn('points');
    expect(keys([...rows].sort(compareLogRows(points, 'asc')))).toEqual([
      'Yx3kq9Lm2Pq8Rs7Tv6Wz5Ab4',
      'crm-ticket-88412',
      'old-1',
    ]);
    expect(keys([...rows].sort(compareLogRows(points, 'desc')))).toEqual([
      'crm-ticket-88412',
      'Yx3kq9Lm2Pq8Rs7Tv6Wz5Ab4',
      'old-1',
    ]);
  });

  it('puts the worst-rated chats first when feedback sorts descending', () => {
    const feedback = getLogColumn('feedback');
    expect(keys([...rows].sort(compareLogRows(feedback, 'desc')))).toEqual([
      'crm-ticket-88412',
      'Yx3kq9Lm2Pq8Rs7Tv6Wz5Ab4',
      'old-1',
    ]);
  });

  it('sorts text by the locale', () => {
    const version = getLogColumn('versionName');
    const a = { ...oldRow, chatId: 'a', versionName: 'v10' };
    const b = { ...oldRow, chatId: 'b', versionName: 'v9' };
    // Numeric collation: v9 before v10.
    expect(keys([a, b].sort(compareLogRows(version, 'asc')))).toEqual(['b', 'a']);
  });
});

describe('logCsvColumns', () => {
  it('writes two rows through toCsv, every column escaped', () => {
    const csv = toCsv(
      [shareRow, apiRow],
      logCsvColumns(LOG_COLUMNS, {
        sourceLabel: (source) => (source === 'api' ? 'API Call' : source),
        formatTime: (ms) => new Date(ms).toISOString(),
      }),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Title,Source,User,Created,Last message,Messages,Good feedback,Bad feedback,Custom feedback,Marks,' +
        'Avg. response time,Errors,Points,Version,Region,IP',
    );
    expect(lines[1]).toBe(
      '退货政策是什么,官网客服,shareChat-1769672285104-pX3q9Lm2Pq8Rs7Tv6Wz5Ab4c,2026-01-29T07:38:05.104Z,' +
        '2026-01-29T07:41:22.518Z,6,1,0,0,0,3.42,0,0.41,v12,"China, Guangdong, Shenzhen",203.0.113.45',
    );
    expect(lines[2]).toBe(
      '"\'=HYPERLINK(""http://evil.test"")",API Call,张三,2026-01-29T06:12:31.877Z,2026-01-29T06:12:40.002Z,' +
        '2,0,1,0,0,8.02,1,1.25,,Other,10.0.3.17',
    );
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('writes local times as YYYY-MM-DD HH:mm:ss by default, and empty cells for missing values', () => {
    expect(formatLogTime(new Date(2026, 0, 29, 7, 4, 5).getTime())).toBe('2026-01-29 07:04:05');
    const csv = toCsv(
      [oldRow],
      logCsvColumns([getLogColumn('source'), getLogColumn('lastConversationTime')]),
    );
    expect(csv).toBe('Source,Last message\r\nonline,\r\n');
  });
});
