'use client';
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ChatHistoryItem, ChatSource, FastGPTPage } from '../client/types';
import { fastgptKeys } from '../core/query-keys';
import { useFastGPT } from './use-fastgpt';

/** What a history list's cache holds: pages in list order, each with the offset it was loaded from. */
export type ChatHistoryData = InfiniteData<FastGPTPage<ChatHistoryItem>, number>;

/** Options of {@link useChatHistory}. */
export interface UseChatHistoryOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** Only chats of this source (default: the client's own, `api` for keys, `share` for share links). */
  source?: ChatSource;
  /** Chats per page (default 20). */
  pageSize?: number;
  /** Set `false` to load nothing (default true). */
  enabled?: boolean;
}

/** Fields {@link upsertHistoryItem} changes, e.g. after a reply: `title` and `updateTime`. */
export type ChatHistoryPatch = Partial<Omit<ChatHistoryItem, 'chatId'>>;

/** Result of {@link useChatHistory}. */
export interface UseChatHistoryResult {
  /** The loaded chats: pinned first, then the most recently active. */
  histories: ChatHistoryItem[];
  /** How many chats the server has for this list. */
  total: number;
  /** Whether more chats are left to load. */
  hasMore: boolean;
  /** Loads the next page (does nothing when there is none or one is loading). */
  loadMore: () => Promise<void>;
  /** The first page is loading. */
  isLoading: boolean;
  /** Any page is loading (including refetches). */
  isFetching: boolean;
  /** A further page is loading. */
  isLoadingMore: boolean;
  /** Why the last load failed. */
  error: Error | null;
  /** Reloads every loaded page. */
  refetch: () => Promise<void>;
  /**
   * Renames a chat (`""` restores the automatic title). Shown at once; undone when the server refuses, and
   * the returned promise then rejects with the error (also in `mutationError`).
   */
  rename: (chatId: string, title: string) => Promise<void>;
  /** Pins (`true`) or unpins a chat. Optimistic, like {@link UseChatHistoryResult.rename}. */
  setPinned: (chatId: string, top: boolean) => Promise<void>;
  /** Deletes a chat. Optimistic, like {@link UseChatHistoryResult.rename}. */
  remove: (chatId: string) => Promise<void>;
  /**
   * Deletes all of this client's chats of the app (API chats with a key, the user's chats with a share
   * link). Optimistic: every list of the app empties at once.
   */
  clear: () => Promise<void>;
  /**
   * Updates a chat in the cached lists without a request (adds it on top when missing), e.g. its new title
   * and `updateTime` when a reply finishes. See {@link upsertHistoryItem}.
   */
  touch: (chatId: string, patch: ChatHistoryPatch) => void;
  /** Why the latest rename / pin / delete / clear failed (cleared when the next one starts). */
  mutationError: Error | null;
  /** A rename / pin / delete / clear is on its way. */
  isMutating: boolean;
  /** Forgets `mutationError`. */
  resetMutationError: () => void;
}

type HistoryChange =
  | { kind: 'rename'; chatId: string; title: string }
  | { kind: 'pin'; chatId: string; top: boolean }
  | { kind: 'remove'; chatId: string }
  | { kind: 'clear' };

type Snapshot = Array<[readonly unknown[], ChatHistoryData | undefined]>;

const timeOf = (item: ChatHistoryItem): number => {
  const ms = Date.parse(item.updateTime);
  return Number.isNaN(ms) ? 0 : ms;
};

/** FastGPT's order: pinned first, then by last activity, newest first. */
export function compareHistoryItems(a: ChatHistoryItem, b: ChatHistoryItem): number {
  return Number(b.top) - Number(a.top) || timeOf(b) - timeOf(a);
}

function loadedCount(pages: readonly FastGPTPage<ChatHistoryItem>[]): number {
  return pages.reduce((sum, page) => sum + page.list.length, 0);
}

/**
 * Applies a change to the whole loaded list, re-sorts it and puts it back into pages of the sizes they had
 * (the last page takes what is left over), adjusting `total` by the number of chats added or removed.
 */
function rewriteList(
  data: ChatHistoryData,
  change: (items: ChatHistoryItem[]) => ChatHistoryItem[],
): ChatHistoryData {
  const before = data.pages.flatMap((page) => page.list);
  const after = change(before).sort(compareHistoryItems);
  const delta = after.length - before.length;
  let start = 0;
  const pages = data.pages.map((page, index) => {
    const last = index === data.pages.length - 1;
    const list = last ? after.slice(start) : after.slice(start, start + page.list.length);
    start += list.length;
    return { list, total: Math.max(0, page.total + delta) };
  });
  return { ...data, pages };
}

function updateLists(
  queryClient: QueryClient,
  scope: string,
  appId: string | undefined,
  change: (items: ChatHistoryItem[]) => ChatHistoryItem[],
): void {
  queryClient.setQueriesData<ChatHistoryData>(
    { queryKey: fastgptKeys.histories(scope, appId ?? '') },
    (data) => (data ? rewriteList(data, change) : data),
  );
}

/**
 * Updates one chat in every cached history list of the app, without a request, and re-sorts the lists; a
 * chat not in a list is added to it (a new chat's first reply). `useChatCompletion` calls this when a reply
 * finishes, with the chat's new `title` and `updateTime`, so the list shows it on top at once.
 *
 * @example
 * ```ts
 * upsertHistoryItem(queryClient, scope, appId, {
 *   chatId,
 *   title: question.slice(0, 20),
 *   updateTime: new Date().toISOString(),
 * });
 * ```
 */
export function upsertHistoryItem(
  queryClient: QueryClient,
  scope: string,
  appId: string | undefined,
  item: ChatHistoryPatch & { chatId: string },
): void {
  updateLists(queryClient, scope, appId, (items) => {
    const index = items.findIndex((i) => i.chatId === item.chatId);
    if (index >= 0) return items.map((i, n) => (n === index ? { ...i, ...item } : i));
    const added: ChatHistoryItem = {
      title: '',
      customTitle: '',
      top: false,
      updateTime: new Date().toISOString(),
      ...(appId ? { appId } : {}),
      ...item,
    };
    return [added, ...items];
  });
}

/**
 * A function that updates a chat in the cached history lists of the nearest provider (see
 * {@link upsertHistoryItem}); stable across renders.
 *
 * @example
 * ```ts
 * const touchHistory = useTouchChatHistory();
 * // when a reply ends:
 * touchHistory(chatId, { title: question.slice(0, 20), updateTime: new Date().toISOString() });
 * ```
 */
export function useTouchChatHistory(
  options: { appId?: string } = {},
): (chatId: string, patch: ChatHistoryPatch) => void {
  const { scope, appId: defaultAppId } = useFastGPT();
  const queryClient = useQueryClient();
  const appId = options.appId ?? defaultAppId;
  return useCallback(
    (chatId, patch) => upsertHistoryItem(queryClient, scope, appId, { ...patch, chatId }),
    [queryClient, scope, appId],
  );
}

function applyChange(items: ChatHistoryItem[], change: HistoryChange, now: string): ChatHistoryItem[] {
  switch (change.kind) {
    case 'rename':
      // FastGPT bumps updateTime on every update, so the list order changes the same way.
      return items.map((i) =>
        i.chatId === change.chatId ? { ...i, customTitle: change.title, updateTime: now } : i,
      );
    case 'pin':
      return items.map((i) => (i.chatId === change.chatId ? { ...i, top: change.top, updateTime: now } : i));
    case 'remove':
      return items.filter((i) => i.chatId !== change.chatId);
    case 'clear':
      return [];
  }
}

/**
 * The app's chat list, pinned first then most recent, loaded page by page, with rename, pin, delete and
 * clear. Every change shows at once in every cached list of the app, and is undone when the server refuses
 * (the call's promise rejects and `mutationError` says why).
 *
 * @example
 * ```tsx
 * function Sidebar({ onOpen }: { onOpen: (chatId: string) => void }) {
 *   const { histories, hasMore, loadMore, rename, setPinned, remove } = useChatHistory();
 *   return (
 *     <ul>
 *       {histories.map((h) => (
 *         <li key={h.chatId} onClick={() => onOpen(h.chatId)}>
 *           {h.customTitle || h.title}
 *           <button onClick={() => setPinned(h.chatId, !h.top).catch(() => {})}>Pin</button>
 *           <button onClick={() => remove(h.chatId).catch(() => {})}>Delete</button>
 *         </li>
 *       ))}
 *       {hasMore && <button onClick={loadMore}>More</button>}
 *     </ul>
 *   );
 * }
 * ```
 */
export function useChatHistory({
  appId: appIdOption,
  source,
  pageSize = 20,
  enabled = true,
}: UseChatHistoryOptions = {}): UseChatHistoryResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const queryClient = useQueryClient();
  const appId = appIdOption ?? defaultAppId;
  const listsKey = fastgptKeys.histories(scope, appId ?? '');

  const query = useInfiniteQuery<
    FastGPTPage<ChatHistoryItem>,
    Error,
    ChatHistoryData,
    ReturnType<typeof fastgptKeys.historyList>,
    number
  >({
    queryKey: fastgptKeys.historyList(scope, appId ?? '', source, pageSize),
    queryFn: ({ pageParam, signal }) =>
      chat.getChatHistories({ appId, source, offset: pageParam, pageSize }, { signal }),
    initialPageParam: 0,
    // The next offset is what the cache holds, so optimistic adds and deletes leave no gap or overlap.
    getNextPageParam: (lastPage, pages) => {
      const loaded = loadedCount(pages);
      return lastPage.list.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
    enabled,
    retry: false,
  });

  const mutation = useMutation<void, Error, HistoryChange, Snapshot>({
    mutationKey: [...listsKey, 'change'],
    mutationFn: (change) => {
      switch (change.kind) {
        case 'rename':
          return chat.updateChatHistory({ appId, chatId: change.chatId, customTitle: change.title });
        case 'pin':
          return chat.updateChatHistory({ appId, chatId: change.chatId, top: change.top });
        case 'remove':
          return chat.deleteChatHistory({ appId, chatId: change.chatId });
        case 'clear':
          return chat.clearChatHistories({ appId });
      }
    },
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: listsKey });
      const snapshot: Snapshot = queryClient.getQueriesData<ChatHistoryData>({ queryKey: listsKey });
      const now = new Date().toISOString();
      updateLists(queryClient, scope, appId, (items) => applyChange(items, change, now));
      return snapshot;
    },
    onError: (_error, _change, snapshot) => {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => {
      // Refetching while another change is in flight would briefly undo that change on screen.
      if (queryClient.isMutating({ mutationKey: [...listsKey, 'change'] }) === 1) {
        return queryClient.invalidateQueries({ queryKey: listsKey });
      }
    },
  });

  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, refetch: refetchQuery } = query;
  const histories = useMemo(() => {
    const seen = new Set<string>();
    const out: ChatHistoryItem[] = [];
    for (const page of data?.pages ?? []) {
      for (const item of page.list) {
        if (seen.has(item.chatId)) continue;
        seen.add(item.chatId);
        out.push(item);
      }
    }
    return out;
  }, [data]);

  const loadMore = useCallback(async () => {
    if (!hasNextPage || isFetchingNextPage) return;
    await fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);

  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  const { mutateAsync, reset } = mutation;
  const rename = useCallback(
    (chatId: string, title: string) => mutateAsync({ kind: 'rename', chatId, title }),
    [mutateAsync],
  );
  const setPinned = useCallback(
    (chatId: string, top: boolean) => mutateAsync({ kind: 'pin', chatId, top }),
    [mutateAsync],
  );
  const remove = useCallback((chatId: string) => mutateAsync({ kind: 'remove', chatId }), [mutateAsync]);
  const clear = useCallback(() => mutateAsync({ kind: 'clear' }), [mutateAsync]);
  const touch = useCallback(
    (chatId: string, patch: ChatHistoryPatch) =>
      upsertHistoryItem(queryClient, scope, appId, { ...patch, chatId }),
    [queryClient, scope, appId],
  );

  return {
    histories,
    total: data?.pages.at(-1)?.total ?? 0,
    hasMore: hasNextPage,
    loadMore,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isLoadingMore: isFetchingNextPage,
    error: query.error,
    refetch,
    rename,
    setPinned,
    remove,
    clear,
    touch,
    mutationError: mutation.error,
    isMutating: mutation.isPending,
    resetMutationError: reset,
  };
}
