import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS } from '../testing';
import { type UseAppLogRowsOptions, useAppLogRows } from './use-app-log-rows';

const DAY = 86_400_000;
const end = new Date();
const dateRange = { start: new Date(end.getTime() - 31 * DAY), end };
const tokenClient = { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken };

function setupRows(chats = 250) {
  return setupFastGPT({ fake: { analytics: { chats } }, client: tokenClient });
}

describe('useAppLogRows', () => {
  it('adds page after page to one list, newest activity first, and knows when all are in', async () => {
    const { fake, wrapper } = setupRows();
    const { result } = renderHook(() => useAppLogRows({ dateRange }), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    expect(result.current.total).toBe(250);
    expect(result.current.hasMore).toBe(true);
    await act(() => result.current.loadMore());
    expect(result.current.rows).toHaveLength(200);
    await act(() => result.current.loadMore());
    expect(result.current.rows).toHaveLength(250);
    expect(result.current.hasMore).toBe(false);
    const times = result.current.rows.map((row) => Date.parse(row.updateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const pageNums = fake.requests
      .filter((r) => r.path.endsWith('logs/list'))
      .map((r) => (r.body as { pageNum: number }).pageNum);
    expect(pageNums).toEqual([1, 2, 3]);
  });

  it('loadAll fetches the remaining pages and stops at the limit', async () => {
    const { wrapper } = setupRows();
    const { result } = renderHook(() => useAppLogRows({ dateRange, pageSize: 50 }), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(50));
    let loaded: readonly unknown[] = [];
    await act(async () => {
      loaded = await result.current.loadAll(120);
    });
    expect(loaded).toHaveLength(150);
    await act(async () => {
      loaded = await result.current.loadAll();
    });
    expect(loaded).toHaveLength(250);
    expect(result.current.rows).toHaveLength(250);
  });

  it('hands back the same row objects after a filter change for chats that did not change', async () => {
    const { wrapper } = setupRows();
    const { result, rerender } = renderHook((props: UseAppLogRowsOptions) => useAppLogRows(props), {
      wrapper,
      initialProps: { dateRange, pageSize: 300 } as UseAppLogRowsOptions,
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(250));
    const before = new Map(result.current.rows.map((row) => [row.chatId, row]));

    rerender({ dateRange, pageSize: 300, sources: ['api'] });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    const apiRows = result.current.rows;
    expect(apiRows.length).toBeGreaterThan(0);
    expect(apiRows.every((row) => row.source === 'api')).toBe(true);
    expect(apiRows.filter((row) => before.get(row.chatId) !== row)).toEqual([]);
  });

  it('loadAll right after a filter change reads the new filters, not the rows still on screen', async () => {
    const { wrapper } = setupRows();
    const { result, rerender } = renderHook((props: UseAppLogRowsOptions) => useAppLogRows(props), {
      wrapper,
      initialProps: { dateRange, pageSize: 50 } as UseAppLogRowsOptions,
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(50));
    rerender({ dateRange, pageSize: 50, sources: ['api'] });
    expect(result.current.isPlaceholderData).toBe(true);
    let loaded: readonly { source: string }[] = [];
    await act(async () => {
      loaded = await result.current.loadAll();
    });
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every((row) => row.source === 'api')).toBe(true);
  });

  it('keeps the loaded rows when a further page fails, and reports it apart', async () => {
    const { fake, wrapper } = setupRows();
    const { result } = renderHook(() => useAppLogRows({ dateRange }), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    fake.injectFault({ kind: 'networkError', path: 'logs/list' });
    await act(() => result.current.loadMore());
    expect(result.current.rows).toHaveLength(100);
    expect(result.current.loadMoreError).toBeInstanceOf(Error);
    expect(result.current.error).toBeNull();
    await act(() => result.current.loadMore());
    expect(result.current.rows).toHaveLength(200);
    expect(result.current.loadMoreError).toBeNull();
  });
});
