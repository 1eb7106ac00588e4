'use client';
import { type InfiniteData, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ChatRecord, FastGPTPage } from '../client/types';
import type { ChatMessage } from '../core/chat-message';
import { fastgptKeys } from '../core/query-keys';
import { recordToMessage } from '../core/record-to-message';
import { useFastGPT } from './use-fastgpt';

/**
 * Where an older page starts: `offset` records from the newest end, counted against the `baseline` total the
 * newest page had (absent for the newest page itself).
 */
export interface ChatRecordsPageParam {
  /** Records to skip from the newest end. */
  offset: number;
  /** The newest page's total when the offset was counted. */
  baseline?: number;
}

/**
 * What the records cache holds: pages newest first (`pages[0]` is the latest `pageSize` records), each page
 * chronological inside, with the offsets (counted from the newest end) they were loaded from.
 */
export type ChatRecordsData = InfiniteData<FastGPTPage<ChatRecord>, ChatRecordsPageParam>;

/** Options of {@link useChatRecords}. */
export interface UseChatRecordsOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** The chat whose records to load. */
  chatId: string;
  /** Records per page (default 20). */
  pageSize?: number;
  /** Set `false` to load nothing, e.g. for a chat that is not saved yet (default true). */
  enabled?: boolean;
  /**
   * Messages of this chat the page holds already (sent or streaming now). Each is appended after the
   * stored ones unless a stored record has the same id, so nothing shows twice and nothing moves.
   */
  live?: readonly ChatMessage[];
  /**
   * Also load records the end user deleted (FastGPT ≥ 4.14.4 keeps them, soft-deleted), as an admin's log
   * view does; each then carries `deleteTime` and its message `deletedAt`. Default false.
   */
  includeDeleted?: boolean;
  /** Load each answer's custom feedback entries (`customFeedbacks` on records and messages). Default false. */
  loadCustomFeedbacks?: boolean;
}

/** Result of {@link useChatRecords}. */
export interface UseChatRecordsResult {
  /** The loaded records, oldest first, each once. */
  records: ChatRecord[];
  /** The records a chat shows (System and hidden items left out), then the `live` messages not among them. */
  messages: ChatMessage[];
  /** How many records the chat has on the server. */
  total: number;
  /** Whether older records are left to load. */
  hasOlder: boolean;
  /** Loads the next older page (does nothing when there is none or one is loading). */
  loadOlder: () => Promise<void>;
  /** An older page is loading. */
  isLoadingOlder: boolean;
  /** The first page is loading. */
  isLoading: boolean;
  /** Any page is loading (including refetches). */
  isFetching: boolean;
  /** Why the last load failed. */
  error: Error | null;
  /** Reloads every loaded page. */
  refetch: () => Promise<void>;
}

const NO_MESSAGES: readonly ChatMessage[] = [];

// Records are replaced, never mutated, so a record keeps its message object (and settled rows skip renders).
const messageCache = new WeakMap<ChatRecord, ChatMessage | null>();

function messageOf(record: ChatRecord): ChatMessage | undefined {
  let message = messageCache.get(record);
  if (message === undefined) {
    message = recordToMessage(record) ?? null;
    messageCache.set(record, message);
  }
  return message ?? undefined;
}

function loadedCount(pages: readonly FastGPTPage<ChatRecord>[]): number {
  return pages.reduce((sum, page) => sum + page.list.length, 0);
}

/** Only the flags that are on, so the request body of a plain chat stays as it was. */
function pickTrue(flags: Record<string, boolean>): Record<string, true> {
  const out: Record<string, true> = {};
  for (const [key, on] of Object.entries(flags)) if (on) out[key] = true;
  return out;
}

/** Oldest first, each dataId once (pages overlap when records arrive while older pages load). */
function flattenRecords(data: ChatRecordsData | undefined): ChatRecord[] {
  if (!data) return [];
  const seen = new Set<string>();
  const out: ChatRecord[] = [];
  for (let i = data.pages.length - 1; i >= 0; i--) {
    for (const record of data.pages[i]?.list ?? []) {
      if (seen.has(record.dataId)) continue;
      seen.add(record.dataId);
      out.push(record);
    }
  }
  return out;
}

/**
 * Changes the cached records of one chat (for example a feedback or a deleted record), so every
 * `useChatRecords` of that chat shows it at once. The updater gets and returns one record; return `null`
 * to drop it. Returns the data as it was, to roll back with `queryClient.setQueryData`.
 *
 * @example
 * ```ts
 * // After chat.deleteChatRecord(...), keep the loaded offsets in step with the server:
 * updateCachedRecords(queryClient, scope, appId, chatId, (r) => (r.dataId === dataId ? null : r));
 * ```
 */
export function updateCachedRecords(
  queryClient: QueryClient,
  scope: string,
  appId: string | undefined,
  chatId: string,
  update: (record: ChatRecord) => ChatRecord | null,
): ChatRecordsData | undefined {
  const key = fastgptKeys.records(scope, appId ?? '', chatId);
  const previous = queryClient.getQueryData<ChatRecordsData>(key);
  if (!previous) return undefined;
  let removed = 0;
  const lists = previous.pages.map((page) => {
    const list: ChatRecord[] = [];
    for (const record of page.list) {
      const next = update(record);
      if (next) list.push(next);
      else removed++;
    }
    return list;
  });
  // An older page emptied by deletions goes (the next load asks from what is left); the newest page stays,
  // as its total is the baseline older offsets count from.
  const keep = (i: number) => i === 0 || (lists[i]?.length ?? 0) > 0 || previous.pages[i]?.list.length === 0;
  const kept = previous.pages.map((_, i) => i).filter(keep);
  queryClient.setQueryData<ChatRecordsData>(key, {
    pages: kept.map((i) => ({ list: lists[i] ?? [], total: (previous.pages[i]?.total ?? 0) - removed })),
    pageParams: kept.map((i) => previous.pageParams[i] ?? { offset: 0 }),
  });
  return previous;
}

/**
 * A chat's stored messages, loaded page by page upward: FastGPT pages from the newest end, so the first
 * page is the latest `pageSize` records and `loadOlder()` prepends the page before them. Messages of the
 * current session (`live`) are appended after the stored ones, never twice and never reordered.
 *
 * @example
 * ```tsx
 * function Thread({ chatId }: { chatId: string }) {
 *   const { messages, hasOlder, loadOlder, isLoadingOlder } = useChatRecords({ chatId });
 *   return (
 *     <>
 *       {hasOlder && <button onClick={loadOlder} disabled={isLoadingOlder}>Earlier messages</button>}
 *       {messages.map((m) => <Message key={m.id} message={m} />)}
 *     </>
 *   );
 * }
 * ```
 */
export function useChatRecords({
  appId: appIdOption,
  chatId,
  pageSize = 20,
  enabled = true,
  live = NO_MESSAGES,
  includeDeleted = false,
  loadCustomFeedbacks = false,
}: UseChatRecordsOptions): UseChatRecordsResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  // A log view holds other records than the chat itself (deleted ones), so it caches apart from it.
  const queryKey =
    includeDeleted || loadCustomFeedbacks
      ? fastgptKeys.recordsLogView(scope, appId ?? '', chatId, { includeDeleted, loadCustomFeedbacks })
      : fastgptKeys.records(scope, appId ?? '', chatId);
  const view = { includeDeleted, loadCustomFeedbacks };

  const query = useInfiniteQuery<
    FastGPTPage<ChatRecord>,
    Error,
    ChatRecordsData,
    readonly unknown[],
    ChatRecordsPageParam
  >({
    queryKey,
    queryFn: async ({ pageParam, signal }) => {
      const { offset, baseline } = pageParam;
      const params = { appId, chatId, pageSize, ...pickTrue(view) };
      const page = await chat.getChatRecords({ ...params, offset }, { signal });
      // Turns saved since the newest page loaded push every older record further from the newest end: ask
      // again past them, or this page would repeat records already shown and skip as many older ones.
      const grown = baseline === undefined ? 0 : page.total - baseline;
      if (grown <= 0) return page;
      return chat.getChatRecords({ ...params, offset: offset + grown }, { signal });
    },
    initialPageParam: { offset: 0 },
    // The next offset is what the cache holds, so records dropped from it (deleted) leave no gap; the
    // newest page's total is the baseline those offsets count from.
    getNextPageParam: (lastPage, pages) => {
      const loaded = loadedCount(pages);
      const baseline = pages[0]?.total ?? lastPage.total;
      // An empty older page means FastGPT has nothing further back; an empty newest page may just have lost
      // its records to deletions.
      const exhausted = pages.length > 1 && lastPage.list.length === 0;
      return !exhausted && loaded < baseline ? { offset: loaded, baseline } : undefined;
    },
    enabled: enabled && chatId !== '',
    retry: false,
  });

  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, refetch: refetchQuery } = query;
  const records = useMemo(() => flattenRecords(data), [data]);
  const messages = useMemo(() => {
    const out: ChatMessage[] = [];
    const ids = new Set<string>();
    for (const record of records) {
      const message = messageOf(record);
      if (!message) continue;
      out.push(message);
      ids.add(message.id);
    }
    // Hidden records are skipped above, but their ids still rule out a duplicate live copy.
    for (const record of records) ids.add(record.dataId);
    for (const message of live) {
      if (ids.has(message.id)) continue;
      ids.add(message.id);
      out.push(message);
    }
    return out;
  }, [records, live]);

  const loadOlder = useCallback(async () => {
    if (!hasNextPage || isFetchingNextPage) return;
    await fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);

  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  return {
    records,
    messages,
    total: data?.pages.at(-1)?.total ?? 0,
    hasOlder: hasNextPage,
    loadOlder,
    isLoadingOlder: isFetchingNextPage,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    error: query.error,
    refetch,
  };
}
