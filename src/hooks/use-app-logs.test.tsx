import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../client/errors';
import { setupHoldableFastGPT } from '../test-setup/hook-test-helpers';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import type { FakeFastGPTOptions } from '../testing';
import { DEFAULT_FAKE_CREDENTIALS } from '../testing';
import { type UseAppLogsOptions, useAppLogs } from './use-app-logs';

const DAY = 86_400_000;
const end = new Date();
const dateRange = { start: new Date(end.getTime() - 31 * DAY), end };
const tokenClient = { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken };

function setupLogs(fake: FakeFastGPTOptions = {}) {
  return setupHoldableFastGPT(/logs\/list/, { fake: { analytics: {}, ...fake }, client: tokenClient });
}

const listBodies = (fake: ReturnType<typeof setupFastGPT>['fake']) =>
  fake.requests.filter((r) => r.path.endsWith('logs/list')).map((r) => r.body as Record<string, unknown>);

describe('useAppLogs', () => {
  it('shows loading, then a page of rows with the total', async () => {
    const { fake, wrapper } = setupLogs();
    const states: Array<[boolean, number]> = [];
    const { result } = renderHook(
      () => {
        const r = useAppLogs({ dateRange });
        states.push([r.isLoading, r.rows.length]);
        return r;
      },
      { wrapper },
    );
    expect(states[0]).toEqual([true, 0]);
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    expect(states.at(-1)).toEqual([false, 20]);
    expect(result.current.total).toBeGreaterThan(200);
    expect(listBodies(fake)[0]).toMatchObject({
      appId: fake.credentials.appId,
      dateStart: dateRange.start.toISOString(),
      dateEnd: dateRange.end.toISOString(),
      pageNum: 1,
      pageSize: 20,
    });
    const times = result.current.rows.map((r) => Date.parse(r.updateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keeps the previous page on screen while the next one loads', async () => {
    const { wrapper, hold } = setupLogs();
    const { result, rerender } = renderHook((props: UseAppLogsOptions) => useAppLogs(props), {
      wrapper,
      initialProps: { dateRange, page: 1 },
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    const firstPage = result.current.rows;

    const release = hold();
    rerender({ dateRange, page: 2 });
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(result.current.rows).toBe(firstPage);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.isLoading).toBe(false);

    release();
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.rows).toHaveLength(20);
    expect(result.current.rows[0]?.chatId).not.toBe(firstPage[0]?.chatId);
    const seen = new Set(firstPage.map((r) => r.chatId));
    expect(result.current.rows.every((r) => !seen.has(r.chatId))).toBe(true);
  });

  it('sends the source, search and feedback filters and shows only matching rows', async () => {
    const { fake, wrapper } = setupLogs();
    const { result, rerender } = renderHook((props: UseAppLogsOptions) => useAppLogs(props), {
      wrapper,
      initialProps: { dateRange, sources: ['share'], pageSize: 50 },
    });
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.rows.length).toBeGreaterThan(0);
    expect(result.current.rows.every((r) => r.source === 'share')).toBe(true);
    expect(listBodies(fake).at(-1)).toMatchObject({ sources: ['share'] });

    rerender({ dateRange, feedback: 'good', pageSize: 50 });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.rows.length).toBeGreaterThan(0);
    expect(result.current.rows.every((r) => (r.userGoodFeedbackCount ?? 0) > 0)).toBe(true);
    expect(listBodies(fake).at(-1)).toMatchObject({ feedbackType: 'good' });
    expect(listBodies(fake).at(-1)).not.toHaveProperty('sources');

    const target = result.current.rows[0];
    if (!target) throw new Error('a row');
    rerender({ dateRange, search: target.chatId.slice(0, 12) });
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    await waitFor(() => expect(result.current.rows.map((r) => r.chatId)).toContain(target.chatId));
    expect(listBodies(fake).at(-1)).toMatchObject({ chatSearch: target.chatId.slice(0, 12) });
  });

  it('asks for chats with errors only (newest servers)', async () => {
    const { fake, wrapper } = setupLogs({ serverVersion: 'newest' });
    const { result } = renderHook(() => useAppLogs({ dateRange, hasError: true, pageSize: 100 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(listBodies(fake)[0]).toMatchObject({ errorFilter: 'has_error' });
    expect(result.current.rows.length).toBeGreaterThan(0);
    expect(result.current.rows.every((r) => (r.errorCount ?? 0) > 0)).toBe(true);
  });

  it('exports the filtered chats as CSV through the server', async () => {
    const { fake, wrapper } = setupLogs();
    const { result } = renderHook(() => useAppLogs({ dateRange, sources: ['api'] }), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    let csv = '';
    await act(async () => {
      csv = await result.current.exportCsv({ logKeys: ['title', 'messageCount'] });
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const exportRequest = fake.requests.find((r) => r.path.endsWith('exportLogs'));
    expect(exportRequest?.body).toMatchObject({ sources: ['api'], logKeys: ['title', 'messageCount'] });
    expect(csv.trim().split('\n').length - 1).toBe(result.current.total);
    expect(result.current.isExporting).toBe(false);
  });

  it('surfaces an authentication error when the client has only an app key', async () => {
    const { wrapper } = setupFastGPT({ fake: { analytics: {} } });
    const { result } = renderHook(() => useAppLogs({ dateRange }), { wrapper });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(AuthenticationError));
    expect(result.current.rows).toEqual([]);
  });
});
