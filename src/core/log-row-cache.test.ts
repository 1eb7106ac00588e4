import { describe, expect, it } from 'vitest';
import type { ChatLogItem } from '../client/types';
import { createLogRowCache, sameLogRow } from './log-row-cache';

const row = (chatId: string, extra: Partial<ChatLogItem> = {}): ChatLogItem => ({
  _id: `id-${chatId}`,
  chatId,
  source: 'api',
  updateTime: '2026-01-29T07:41:22.518Z',
  messageCount: 4,
  sourceMember: { name: '张三', avatar: '/a.svg', status: 'active' },
  ...extra,
});

describe('createLogRowCache', () => {
  it('hands back the first object for an unchanged row from a later page or filter', () => {
    const cache = createLogRowCache();
    const first = cache.intern(row('a'));
    expect(cache.intern(row('a'))).toBe(first);
    expect(cache.created).toBe(1);
  });

  it('takes the new object when the chat changed', () => {
    const cache = createLogRowCache();
    const first = cache.intern(row('a'));
    const changed = row('a', { messageCount: 6 });
    expect(cache.intern(changed)).toBe(changed);
    expect(cache.intern(row('a', { messageCount: 6 }))).toBe(changed);
    expect(first.messageCount).toBe(4);
    expect(cache.created).toBe(2);
  });

  it('starts over past maxRows instead of growing without bound', () => {
    const cache = createLogRowCache({ maxRows: 2 });
    const a = cache.intern(row('a'));
    cache.intern(row('b'));
    cache.intern(row('c'));
    expect(cache.intern(row('a'))).not.toBe(a);
  });
});

describe('sameLogRow', () => {
  it('compares the member by value and notices added or removed fields', () => {
    expect(sameLogRow(row('a'), row('a'))).toBe(true);
    expect(sameLogRow(row('a'), row('a', { sourceMember: { name: '李四' } }))).toBe(false);
    expect(sameLogRow(row('a'), row('a', { region: 'Other' }))).toBe(false);
  });
});
