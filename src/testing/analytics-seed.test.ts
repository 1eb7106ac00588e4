import { describe, expect, it } from 'vitest';
import { CHAT_SOURCES } from '../client/types';
import { createBulkChats, SEED_MEMBERS, seedAnalyticsChats } from './analytics-seed';
import type { FakeChat, FakeChatItem } from './fake-model';
import { itemHasError, itemPoints } from './log-queries';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 29, 7, 41, 22, 518);
const APP_ID = '68ad85a7463006c963799a05';

function allItems(chats: FakeChat[]): FakeChatItem[] {
  return chats.flatMap((c) => c.items);
}

describe('seedAnalyticsChats', () => {
  const chats = seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 42 });
  const answers = allItems(chats).filter((i) => i.obj === 'AI');

  it('is reproducible from the seed', () => {
    expect(seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 42 })).toEqual(chats);
    expect(seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 'forty-two' })).toEqual(
      seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 'forty-two' }),
    );
    const other = seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 43 });
    expect(other.map((c) => c.chatId)).not.toEqual(chats.map((c) => c.chatId));
  });

  it('creates 300 chats of the app by default, with unique ids', () => {
    expect(chats).toHaveLength(300);
    expect(new Set(chats.map((c) => c.chatId)).size).toBe(300);
    expect(new Set(chats.map((c) => c._id)).size).toBe(300);
    expect(new Set(allItems(chats).map((i) => i.dataId)).size).toBe(allItems(chats).length);
    for (const c of chats) {
      expect(c.appId).toBe(APP_ID);
      expect(c._id).toMatch(/^[0-9a-f]{24}$/);
    }
  });

  it('covers every source, api and share most often', () => {
    const counts = new Map<string, number>();
    for (const c of chats) counts.set(c.source, (counts.get(c.source) ?? 0) + 1);
    for (const source of CHAT_SOURCES) expect(counts.get(source), source).toBeGreaterThan(0);
    expect(counts.get('api')).toBeGreaterThan(counts.get('online') ?? 0);
    expect(counts.get('share')).toBeGreaterThan(counts.get('test') ?? 0);
    for (const c of chats.filter((x) => x.source === 'share')) {
      expect(c.outLinkUid).toMatch(/^shareChat-\d+-[A-Za-z0-9]{24}$/);
      expect(c.shareId).toBe('bN3k8QwE2rT6yU1iO9pA4sD7');
      expect(c.sourceName).toBe('官网客服');
    }
    expect(chats.filter((c) => c.source === 'api').every((c) => c.sourceName !== '')).toBe(true);
  });

  it('spreads chats over the last 30 days, with chronological items', () => {
    const days = new Set(chats.map((c) => Math.floor(c.updateTime / DAY)));
    expect(days.size).toBeGreaterThanOrEqual(25);
    for (const c of chats) {
      expect(c.createTime).toBeGreaterThanOrEqual(NOW - 30 * DAY);
      expect(c.updateTime).toBeLessThanOrEqual(NOW);
      expect(c.createTime).toBe(c.items[0]?.time);
      expect(c.updateTime).toBe(c.items[c.items.length - 1]?.time);
      const times = c.items.map((i) => i.time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const itemIds = c.items.map((i) => i._id);
      expect(itemIds).toEqual([...itemIds].sort());
    }
    expect(Math.min(...chats.map((c) => c.createTime))).toBeLessThan(NOW - 25 * DAY);
  });

  it('has 1–8 Human/AI turns per chat and titles from the latest question', () => {
    for (const c of chats) {
      expect(c.items.length % 2).toBe(0);
      expect(c.items.length / 2).toBeGreaterThanOrEqual(1);
      expect(c.items.length / 2).toBeLessThanOrEqual(8);
      c.items.forEach((item, i) => {
        expect(item.obj).toBe(i % 2 === 0 ? 'Human' : 'AI');
      });
      const lastQuestion = c.items[c.items.length - 2]?.value[0];
      expect(lastQuestion?.type === 'text' && lastQuestion.text.content.slice(0, 20)).toBe(c.title);
    }
    expect(new Set(chats.map((c) => c.items.length)).size).toBeGreaterThanOrEqual(6);
  });

  it('brings users back, so new and retained users differ', () => {
    const perUser = new Map<string, number>();
    for (const c of chats) if (c.outLinkUid) perUser.set(c.outLinkUid, (perUser.get(c.outLinkUid) ?? 0) + 1);
    const repeat = [...perUser.values()].filter((n) => n > 1).length;
    const once = [...perUser.values()].filter((n) => n === 1).length;
    expect(repeat).toBeGreaterThan(10);
    expect(once).toBeGreaterThan(0);
  });

  it('includes feedback, custom feedback, marks, errors, points and reply times', () => {
    expect(answers.filter((i) => i.userGoodFeedback).length).toBeGreaterThan(20);
    expect(answers.filter((i) => i.userBadFeedback).length).toBeGreaterThan(10);
    expect(answers.some((i) => i.userGoodFeedback && i.userBadFeedback)).toBe(false);
    expect(answers.filter((i) => i.customFeedbacks?.length).length).toBeGreaterThan(3);
    expect(answers.filter((i) => i.adminFeedback).length).toBeGreaterThan(3);
    expect(answers.filter(itemHasError).length).toBeGreaterThan(5);
    expect(answers.some((i) => i.errorMsg)).toBe(true);
    expect(answers.some((i) => i.responseData?.some((n) => n.errorText) && !i.errorMsg)).toBe(true);
    expect(answers.every((i) => itemPoints(i) > 0)).toBe(true);
    expect(answers.every((i) => typeof i.durationSeconds === 'number' && i.durationSeconds > 0)).toBe(true);
    expect(answers.some((i) => (i.durationSeconds ?? 0) > 8)).toBe(true);
  });

  it('sets versions, IPs and regions, and a few pinned and soft-deleted chats and items', () => {
    expect(new Set(chats.map((c) => c.versionName))).toEqual(new Set(['v10', 'v11', 'v12', undefined]));
    expect(chats.filter((c) => c.source === 'test').every((c) => c.versionName === undefined)).toBe(true);
    expect(chats.every((c) => c.originIp && c.region)).toBe(true);
    expect(chats.some((c) => c.region === 'China, Guangdong, Shenzhen')).toBe(true);
    const deleted = chats.filter((c) => c.deleteTime !== undefined);
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.length).toBeLessThan(30);
    expect(deleted.every((c) => (c.deleteTime ?? 0) >= c.updateTime && (c.deleteTime ?? 0) <= NOW)).toBe(
      true,
    );
    expect(chats.filter((c) => c.top).length).toBeGreaterThan(0);
    expect(allItems(chats).some((i) => i.deleteTime !== undefined)).toBe(true);
    expect(chats.some((c) => c.customTitle !== '')).toBe(true);
  });

  it('uses the given owner, members, link, key names, team, size and range', () => {
    const owner = '65f1c2d3e4a5b6c7d8e9fabc';
    const custom = seedAnalyticsChats({
      appId: 'app-2',
      teamId: 'team-2',
      now: NOW,
      days: 7,
      chats: 40,
      seed: 1,
      tmbId: owner,
      memberTmbIds: [owner],
      shareId: 'link-2',
      shareName: 'Docs bot',
      apiKeyNames: ['ci-key'],
    });
    expect(custom).toHaveLength(40);
    expect(custom.every((c) => c.tmbId === owner && c.teamId === 'team-2')).toBe(true);
    expect(custom.every((c) => c.createTime >= NOW - 7 * DAY)).toBe(true);
    expect(custom.filter((c) => c.source === 'share').every((c) => c.shareId === 'link-2')).toBe(true);
    expect(custom.filter((c) => c.source === 'api').every((c) => c.sourceName === 'ci-key')).toBe(true);
    expect(SEED_MEMBERS[0]?.tmbId).toBe('65f1c2d3e4a5b6c7d8e9f001');
  });

  it('is fast', () => {
    const start = performance.now();
    seedAnalyticsChats({ appId: APP_ID, now: NOW, seed: 7 });
    // The brief asks for < 50 ms; the bound leaves room for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(150);
  });
});

describe('createBulkChats', () => {
  it('creates 10 000 small, valid chats quickly and reproducibly', () => {
    const start = performance.now();
    const chats = createBulkChats({ appId: APP_ID, now: NOW, count: 10_000, seed: 3 });
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(chats).toHaveLength(10_000);
    expect(new Set(chats.map((c) => c.chatId)).size).toBe(10_000);
    for (const c of chats) {
      expect(c.items).toHaveLength(2);
      expect(c.createTime).toBeGreaterThanOrEqual(NOW - 30 * DAY);
      expect(c.updateTime).toBeLessThanOrEqual(NOW);
      expect((c.items[0] as FakeChatItem)._id < (c.items[1] as FakeChatItem)._id).toBe(true);
    }
    const sources = new Set(chats.map((c) => c.source));
    expect(sources.size).toBe(CHAT_SOURCES.length);
    expect(createBulkChats({ appId: APP_ID, now: NOW, count: 50, seed: 3 })).toEqual(
      createBulkChats({ appId: APP_ID, now: NOW, count: 50, seed: 3 }),
    );
  });
});
