import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../core/chat-message';
import { seedFakeChat, setupDelayedFastGPT } from '../test-setup/hook-test-helpers';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { type UseChatRecordsOptions, updateCachedRecords, useChatRecords } from './use-chat-records';

const textOf = (message: ChatMessage): string =>
  message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

function liveMessage(id: string, role: ChatMessage['role'], text: string): ChatMessage {
  return { id, role, parts: [{ type: 'text', text }], status: 'done', createdAt: Date.now() };
}

function recordOffsets(fake: ReturnType<typeof setupFastGPT>['fake']): unknown[] {
  return fake.requests
    .filter((r) => r.path.endsWith('getPaginationRecords'))
    .map((r) => (r.body as { offset: number }).offset);
}

function summary(result: ReturnType<typeof useChatRecords>) {
  return {
    isLoading: result.isLoading,
    isLoadingOlder: result.isLoadingOlder,
    count: result.messages.length,
    first: result.messages[0] ? textOf(result.messages[0]) : undefined,
    hasOlder: result.hasOlder,
  };
}

describe('useChatRecords', () => {
  it('loads the newest page first, then prepends older pages until none are left', async () => {
    const { fake, wrapper } = setupDelayedFastGPT(() => 15);
    seedFakeChat(fake, { chatId: 'c1', turns: 25 });
    const states: ReturnType<typeof summary>[] = [];
    const { result } = renderHook(
      () => {
        const r = useChatRecords({ chatId: 'c1', pageSize: 20 });
        states.push(summary(r));
        return r;
      },
      { wrapper },
    );

    expect(states[0]).toEqual({
      isLoading: true,
      isLoadingOlder: false,
      count: 0,
      first: undefined,
      hasOlder: false,
    });
    await waitFor(() => expect(result.current.messages).toHaveLength(20));
    expect(result.current.total).toBe(50);
    expect(result.current.hasOlder).toBe(true);
    expect(textOf(result.current.messages[0] as ChatMessage)).toBe('question 16');
    expect(textOf(result.current.messages.at(-1) as ChatMessage)).toBe('answer 25');

    let loading: Promise<void> | undefined;
    act(() => {
      loading = result.current.loadOlder();
    });
    await act(() => loading);
    await waitFor(() => expect(result.current.messages).toHaveLength(40));
    expect(textOf(result.current.messages[0] as ChatMessage)).toBe('question 6');
    expect(result.current.records.map((r) => r.dataId).slice(18, 22)).toEqual([
      'c1-q15',
      'c1-a15',
      'c1-q16',
      'c1-a16',
    ]);

    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.messages).toHaveLength(50));
    expect(textOf(result.current.messages[0] as ChatMessage)).toBe('question 1');
    expect(result.current.hasOlder).toBe(false);
    await act(() => result.current.loadOlder());
    expect(recordOffsets(fake)).toEqual([0, 20, 40]);

    const seen = states.filter((s, i) => i === 0 || JSON.stringify(s) !== JSON.stringify(states[i - 1]));
    expect(seen.map((s) => [s.isLoading, s.isLoadingOlder, s.count])).toEqual([
      [true, false, 0],
      [false, false, 20],
      [false, true, 20],
      [false, false, 40],
      [false, true, 40],
      [false, false, 50],
    ]);
  });

  it('loads the right older page after new turns were saved since the first page', async () => {
    const { fake, clients, wrapper } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c2', turns: 15 });
    const { result } = renderHook(() => useChatRecords({ chatId: 'c2', pageSize: 10 }), { wrapper });
    await waitFor(() => expect(result.current.messages).toHaveLength(10));
    expect(textOf(result.current.messages[0] as ChatMessage)).toBe('question 11');

    // Two turns (four records) land at the newest end, as a live chat saves them.
    await clients.chat.createChatCompletion({ chatId: 'c2', messages: [{ role: 'user', content: 'new 1' }] });
    await clients.chat.createChatCompletion({ chatId: 'c2', messages: [{ role: 'user', content: 'new 2' }] });

    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.messages).toHaveLength(20));
    expect(result.current.messages.map(textOf).slice(0, 2)).toEqual(['question 6', 'answer 6']);
    expect(new Set(result.current.records.map((r) => r.dataId)).size).toBe(20);
    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.messages).toHaveLength(30));
    expect(textOf(result.current.messages[0] as ChatMessage)).toBe('question 1');
    expect(result.current.hasOlder).toBe(false);
  });

  it('appends live messages once, after the stored ones, even when pages overlap', async () => {
    const { fake, wrapper } = setupFastGPT();
    const chat = seedFakeChat(fake, { chatId: 'c2', turns: 25 });
    const live = [
      liveMessage('c2-a25', 'assistant', 'answer 25 (live copy)'),
      liveMessage('new-q', 'user', 'new question'),
      liveMessage('new-a', 'assistant', 'new answer'),
    ];
    const { result, rerender } = renderHook((props: UseChatRecordsOptions) => useChatRecords(props), {
      wrapper,
      initialProps: { chatId: 'c2', live },
    });
    await waitFor(() => expect(result.current.records).toHaveLength(20));
    expect(result.current.messages.map((m) => m.id).slice(-3)).toEqual(['c2-a25', 'new-q', 'new-a']);
    expect(textOf(result.current.messages.at(-3) as ChatMessage)).toBe('answer 25');

    // The live turn is saved on the server: the newest-end offsets shift by two.
    const last = chat.items.at(-1);
    if (!last) throw new Error('seeded chat has items');
    chat.items.push(
      { ...last, _id: 'ffffffffffffffffffffff01', dataId: 'new-q', obj: 'Human', time: last.time + 1 },
      { ...last, _id: 'ffffffffffffffffffffff02', dataId: 'new-a', time: last.time + 2 },
    );
    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.records.length).toBeGreaterThan(20));
    const ids = result.current.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A full older page despite the shift: 20 + 20 records, then the two live messages.
    expect(ids).toHaveLength(42);
    expect(ids[0]).toBe('c2-q6');
    expect(ids.slice(-3)).toEqual(['c2-a25', 'new-q', 'new-a']);

    // Once the live messages are in the records, the same ids keep their places.
    rerender({ chatId: 'c2', live: [...live, liveMessage('next-q', 'user', 'next')] });
    await act(() => result.current.refetch());
    // A refetch reloads the same two pages from the new newest end.
    await waitFor(() => expect(result.current.messages).toHaveLength(41));
    expect(result.current.messages.map((m) => m.id).slice(-4)).toEqual([
      'c2-a25',
      'new-q',
      'new-a',
      'next-q',
    ]);
  });

  it('keeps a settled message object when the records are read again', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c3', turns: 2 });
    const { result, rerender } = renderHook((props: UseChatRecordsOptions) => useChatRecords(props), {
      wrapper,
      initialProps: { chatId: 'c3' } as UseChatRecordsOptions,
    });
    await waitFor(() => expect(result.current.messages).toHaveLength(4));
    const first = result.current.messages[0];
    rerender({ chatId: 'c3', live: [liveMessage('x', 'user', 'x')] });
    expect(result.current.messages[0]).toBe(first);
    expect(result.current.messages).toHaveLength(5);
  });

  it('loads nothing while disabled, and reports a failed load', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c4', turns: 1 });
    const { result, rerender } = renderHook((props: UseChatRecordsOptions) => useChatRecords(props), {
      wrapper,
      initialProps: { chatId: 'c4', enabled: false },
    });
    expect(result.current.isLoading).toBe(false);
    expect(result.current.messages).toEqual([]);
    expect(recordOffsets(fake)).toEqual([]);

    fake.injectFault({ path: 'getPaginationRecords', kind: 'status', status: 500 });
    rerender({ chatId: 'c4', enabled: true });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.isLoading).toBe(false);
    expect(result.current.messages).toEqual([]);
  });

  it('updateCachedRecords drops a record and keeps the next offset in step', async () => {
    const { fake, wrapper, queryClient, clients, appId } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c5', turns: 15 });
    const { result } = renderHook(() => useChatRecords({ chatId: 'c5', pageSize: 10 }), { wrapper });
    await waitFor(() => expect(result.current.records).toHaveLength(10));
    await clients.chat.deleteChatRecord({ chatId: 'c5', contentId: 'c5-a15' });
    await act(async () => {
      updateCachedRecords(queryClient, clients.chat.cacheScope, appId, 'c5', (r) =>
        r.dataId === 'c5-a15' ? null : r,
      );
    });
    await waitFor(() => expect(result.current.total).toBe(29));
    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.records).toHaveLength(19));
    expect(recordOffsets(fake)).toEqual([0, 9]);
    const ids = result.current.records.map((r) => r.dataId);
    expect(ids).toHaveLength(19);
    expect(ids[0]).toBe('c5-q6');
    expect(ids.slice(8, 11)).toEqual(['c5-q10', 'c5-a10', 'c5-q11']);
  });

  it('with includeDeleted and loadCustomFeedbacks shows deleted records and custom feedback, cached apart', async () => {
    const { fake, wrapper } = setupFastGPT();
    const chat = seedFakeChat(fake, { chatId: 'c1', turns: 2 });
    const [, firstAnswer, , lastAnswer] = chat.items;
    if (!firstAnswer || !lastAnswer) throw new Error('not seeded');
    firstAnswer.deleteTime = Date.parse('2026-01-29T08:00:00Z');
    lastAnswer.customFeedbacks = ['Wrong price'];

    const plain = renderHook(() => useChatRecords({ chatId: 'c1' }), { wrapper });
    await waitFor(() => expect(plain.result.current.messages).toHaveLength(3));
    expect(plain.result.current.messages.map(textOf)).not.toContain('answer 1');

    const log = renderHook(
      () => useChatRecords({ chatId: 'c1', includeDeleted: true, loadCustomFeedbacks: true }),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(log.result.current.messages).toHaveLength(4));
    const messages = log.result.current.messages;
    expect(messages[1]).toMatchObject({ id: 'c1-a1', deletedAt: Date.parse('2026-01-29T08:00:00Z') });
    expect(messages[3]).toMatchObject({ id: 'c1-a2', customFeedbacks: ['Wrong price'] });
    expect(messages[3]?.deletedAt).toBeUndefined();
    const bodies = fake.requests.filter((r) => r.path.endsWith('getPaginationRecords')).map((r) => r.body);
    expect(bodies.at(-1)).toMatchObject({ includeDeleted: true, loadCustomFeedbacks: true });
    expect(bodies[0]).not.toHaveProperty('includeDeleted');
    // The plain view keeps its own cache entry: the deleted answer does not leak into the chat itself.
    expect(plain.result.current.messages).toHaveLength(3);
  });
});
