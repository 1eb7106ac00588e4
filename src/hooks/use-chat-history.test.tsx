import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../client/errors';
import { seedFakeChat, setupHoldableFastGPT } from '../test-setup/hook-test-helpers';
import { upsertHistoryItem, useChatHistory } from './use-chat-history';

const MUTATING_ROUTES = /updateHistory|delHistory|clearHistories/;
const NOW = Date.now();

/** Chats c1..c{count}, c1 the most recent; `c{pinned}` pinned. */
function setup(count = 5, pinned?: number) {
  const setup = setupHoldableFastGPT(MUTATING_ROUTES);
  for (let n = 1; n <= count; n++) {
    seedFakeChat(setup.fake, {
      chatId: `c${n}`,
      title: `title ${n}`,
      updateTime: NOW - n * 60_000,
      top: n === pinned,
    });
  }
  return setup;
}

const ids = (result: { current: ReturnType<typeof useChatHistory> }) =>
  result.current.histories.map((h) => h.chatId);

const failNext = (fake: ReturnType<typeof setup>['fake'], path: string) =>
  fake.injectFault({
    path,
    kind: 'status',
    status: 500,
    body: { code: 500, statusText: 'error', message: 'chatId is empty', data: null },
  });

describe('useChatHistory', () => {
  it('loads page by page, pinned first then most recent', async () => {
    const { wrapper } = setup(25, 7);
    const states: Array<[boolean, number, boolean]> = [];
    const { result } = renderHook(
      () => {
        const r = useChatHistory({ pageSize: 10 });
        states.push([r.isLoading, r.histories.length, r.isLoadingMore]);
        return r;
      },
      { wrapper },
    );
    expect(states[0]).toEqual([true, 0, false]);
    await waitFor(() => expect(result.current.histories).toHaveLength(10));
    expect(ids(result).slice(0, 3)).toEqual(['c7', 'c1', 'c2']);
    expect(result.current.total).toBe(25);
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.histories).toHaveLength(20));
    await act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.histories).toHaveLength(25));
    expect(result.current.hasMore).toBe(false);
    expect(new Set(ids(result)).size).toBe(25);
    expect(ids(result).at(-1)).toBe('c25');
  });

  it('renames at once, moves the chat up, and keeps it after the server answers', async () => {
    const { fake, wrapper, hold } = setup(5);
    const { result } = renderHook(() => useChatHistory(), { wrapper });
    await waitFor(() => expect(result.current.histories).toHaveLength(5));

    const release = hold();
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.rename('c3', 'Renamed');
    });
    await waitFor(() => expect(result.current.histories[0]?.customTitle).toBe('Renamed'));
    expect(ids(result)).toEqual(['c3', 'c1', 'c2', 'c4', 'c5']);
    await waitFor(() => expect(result.current.isMutating).toBe(true));
    expect(fake.state.chats.get('c3')?.customTitle).toBe('');

    release();
    await act(() => done);
    await waitFor(() => expect(result.current.isMutating).toBe(false));
    expect(fake.state.chats.get('c3')?.customTitle).toBe('Renamed');
    expect(ids(result)).toEqual(['c3', 'c1', 'c2', 'c4', 'c5']);
    expect(result.current.mutationError).toBeNull();
  });

  it('rolls a failed rename back and surfaces the error', async () => {
    const { fake, wrapper, hold } = setup(5);
    const { result } = renderHook(() => useChatHistory(), { wrapper });
    await waitFor(() => expect(result.current.histories).toHaveLength(5));
    failNext(fake, 'updateHistory');

    const release = hold();
    let outcome: Promise<unknown> | undefined;
    act(() => {
      outcome = result.current.rename('c3', 'Renamed').then(
        () => 'resolved',
        (error: unknown) => error,
      );
    });
    await waitFor(() => expect(result.current.histories[0]?.customTitle).toBe('Renamed'));
    release();
    await act(async () => {
      expect(await outcome).toBeInstanceOf(ValidationError);
    });
    await waitFor(() => expect(result.current.mutationError).toBeInstanceOf(ValidationError));
    expect(ids(result)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(result.current.histories[2]?.customTitle).toBe('');

    act(() => result.current.resetMutationError());
    await waitFor(() => expect(result.current.mutationError).toBeNull());
  });

  it('pins and unpins at once, and rolls a failed pin back', async () => {
    const { fake, wrapper, hold } = setup(4);
    const { result } = renderHook(() => useChatHistory(), { wrapper });
    await waitFor(() => expect(result.current.histories).toHaveLength(4));

    let release = hold();
    let done: Promise<unknown> | undefined;
    act(() => {
      done = result.current.setPinned('c4', true);
    });
    await waitFor(() => expect(ids(result)[0]).toBe('c4'));
    expect(result.current.histories[0]?.top).toBe(true);
    release();
    await act(() => done);
    expect(fake.state.chats.get('c4')?.top).toBe(true);

    failNext(fake, 'updateHistory');
    release = hold();
    act(() => {
      done = result.current.setPinned('c4', false).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.histories.find((h) => h.chatId === 'c4')?.top).toBe(false));
    release();
    await act(() => done);
    await waitFor(() => expect(result.current.histories[0]).toMatchObject({ chatId: 'c4', top: true }));
    expect(result.current.mutationError).not.toBeNull();
  });

  it('deletes at once, and puts a chat back where it was when the delete fails', async () => {
    const { fake, wrapper, hold } = setup(4);
    const { result } = renderHook(() => useChatHistory(), { wrapper });
    await waitFor(() => expect(result.current.histories).toHaveLength(4));

    let release = hold();
    let done: Promise<unknown> | undefined;
    act(() => {
      done = result.current.remove('c2');
    });
    await waitFor(() => expect(ids(result)).toEqual(['c1', 'c3', 'c4']));
    expect(result.current.total).toBe(3);
    release();
    await act(() => done);
    expect(fake.state.chats.get('c2')?.deleteTime).toBeDefined();

    failNext(fake, 'delHistory');
    release = hold();
    act(() => {
      done = result.current.remove('c3').catch(() => undefined);
    });
    await waitFor(() => expect(ids(result)).toEqual(['c1', 'c4']));
    release();
    await act(() => done);
    await waitFor(() => expect(ids(result)).toEqual(['c1', 'c3', 'c4']));
    expect(result.current.total).toBe(3);
    expect(result.current.mutationError).not.toBeNull();
  });

  it('clears every list of the app at once, and restores them when clearing fails', async () => {
    const { fake, wrapper, hold } = setup(3);
    const { result } = renderHook(
      () => ({ small: useChatHistory({ pageSize: 2 }), large: useChatHistory({ pageSize: 10 }) }),
      { wrapper },
    );
    await waitFor(() => {
      expect(result.current.small.histories).toHaveLength(2);
      expect(result.current.large.histories).toHaveLength(3);
    });

    failNext(fake, 'clearHistories');
    let release = hold();
    let done: Promise<unknown> | undefined;
    act(() => {
      done = result.current.large.clear().catch(() => undefined);
    });
    await waitFor(() => {
      expect(result.current.small.histories).toEqual([]);
      expect(result.current.large.histories).toEqual([]);
    });
    expect(result.current.large.total).toBe(0);
    release();
    await act(() => done);
    await waitFor(() => expect(result.current.large.histories).toHaveLength(3));
    expect(result.current.small.histories).toHaveLength(2);

    release = hold();
    act(() => {
      done = result.current.small.clear();
    });
    await waitFor(() => expect(result.current.large.histories).toEqual([]));
    release();
    await act(() => done);
    await waitFor(() => expect(result.current.small.isFetching).toBe(false));
    expect(result.current.large.histories).toEqual([]);
    expect(result.current.small.total).toBe(0);
  });

  it('touch / upsertHistoryItem retitle a chat and move it to the top, or add a new one', async () => {
    const { wrapper, queryClient, clients, appId } = setup(3);
    const { result } = renderHook(() => useChatHistory(), { wrapper });
    await waitFor(() => expect(result.current.histories).toHaveLength(3));

    act(() => result.current.touch('c3', { title: 'latest question', updateTime: new Date().toISOString() }));
    await waitFor(() => expect(ids(result)).toEqual(['c3', 'c1', 'c2']));
    expect(result.current.histories[0]?.title).toBe('latest question');

    act(() =>
      upsertHistoryItem(queryClient, clients.chat.cacheScope, appId, {
        chatId: 'brand-new',
        title: 'hello',
        updateTime: new Date(Date.now() + 1000).toISOString(),
      }),
    );
    await waitFor(() => expect(ids(result)).toEqual(['brand-new', 'c3', 'c1', 'c2']));
    expect(result.current.histories[0]).toMatchObject({ customTitle: '', top: false, title: 'hello' });
    expect(result.current.total).toBe(4);
  });
});
