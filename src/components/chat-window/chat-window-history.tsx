'use client';
import {
  type ComponentPropsWithoutRef,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ChatHistoryItem, ChatSource } from '../../client/types';
import type { ChatState } from '../../core/chat-store';
import { useChatHistory } from '../../hooks';
import { type ChatWindowStrings, useChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { classNames } from './class-names';
import { formatHistoryTime } from './format-history-time';
import { HistoryClearAll } from './history-clear-all';
import { HistoryIcon } from './history-icons';
import { HistoryItem, type HistoryItemHandlers, type HistoryItemMode } from './history-item';
import { HistorySkeleton } from './history-skeleton';

const selectChatId = (state: ChatState) => state.chatId;

/** Props of {@link ChatWindowHistory}; other props go to the `nav` landmark. */
export interface ChatWindowHistoryProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'children'> {
  /** Chats loaded per page (default 20). */
  pageSize?: number;
  /** Only chats of this source (default: the client's own: `api` with a key, `share` with a share link). */
  source?: ChatSource;
  /**
   * Called after the user opens a chat from the list (its id) or starts a new one (`undefined`), e.g. to
   * close a drawer that holds the list.
   */
  onChatOpen?: (chatId: string | undefined) => void;
}

/** Which failed change the message under the header describes. */
type FailureKind = 'rename' | 'pin' | 'delete' | 'clear';

const FAILURE_STRING: Record<
  FailureKind,
  'historyRenameFailed' | 'historyPinFailed' | 'historyDeleteFailed' | 'historyClearFailed'
> = {
  rename: 'historyRenameFailed',
  pin: 'historyPinFailed',
  delete: 'historyDeleteFailed',
  clear: 'historyClearFailed',
};

/**
 * Where the focus goes after a render: a row's control (once the row is pinned or not, when `pinned` is
 * given, since pinning re-mounts the row in the other group), or the New chat button.
 */
type FocusRequest = { chatId: string; target: 'open' | 'pin'; pinned?: boolean } | 'new' | null;

/** How often the relative times ("5 min. ago") are brought up to date. */
const CLOCK_TICK_MS = 60_000;

const titleOf = (item: ChatHistoryItem, strings: ChatWindowStrings) =>
  item.customTitle || item.title || strings.historyUntitled;

/**
 * The history sidebar of a chat window: New chat, the app's chats (pinned first, the open one marked with
 * `aria-current`), each with inline Rename (Enter saves, Esc cancels, empty restores the automatic title),
 * Pin/Unpin and Delete (confirmed inline), and Clear all (confirmed). The list loads page by page as its
 * end scrolls into view, or with the Load more button. Changes show at once and are undone, with a
 * message, when FastGPT refuses them. Place it inside `ChatWindow.Root`, or set `showHistory` on `ChatWindow`.
 *
 * @example
 * <ChatWindow.Root>
 *   <ChatWindow.History />
 *   <ChatWindow.Messages />
 *   <ChatWindow.Composer />
 * </ChatWindow.Root>
 */
export function ChatWindowHistory({
  pageSize = 20,
  source,
  onChatOpen,
  className,
  ...rest
}: ChatWindowHistoryProps) {
  const { appId, selectChat, actions } = useChatWindowControls();
  const { stop } = actions;
  const currentChatId = useChatWindowState(selectChatId);
  const strings = useChatWindowStrings();
  const history = useChatHistory({ appId, source, pageSize });
  const { histories, hasMore, loadMore, isLoading, isLoadingMore, error, refetch } = history;
  const { rename, setPinned, remove, clear } = history;

  const [modes, setModes] = useState<{ chatId: string; mode: HistoryItemMode } | null>(null);
  const [failure, setFailure] = useState<{ kind: FailureKind; message: string } | null>(null);
  const focusRequest = useRef<FocusRequest>(null);
  const navRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  // Re-renders now and then so relative times stay true; the labels themselves read the clock below.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const pinnedId = useId();
  const recentId = useId();

  // Read through refs so the row callbacks stay stable and memoized rows skip unrelated renders.
  const latest = useRef({ histories, currentChatId, onChatOpen });
  latest.current = { histories, currentChatId, onChatOpen };

  useEffect(() => {
    const request = focusRequest.current;
    const nav = navRef.current;
    if (!request || !nav) return;
    if (request === 'new') {
      focusRequest.current = null;
      nav.querySelector<HTMLElement>('[data-focus="new"]')?.focus();
      return;
    }
    const row = Array.from(nav.querySelectorAll<HTMLElement>('[data-chat-id]')).find(
      (element) => element.dataset.chatId === request.chatId,
    );
    if (row && request.pinned !== undefined && row.dataset.pinned !== String(request.pinned)) return;
    focusRequest.current = null;
    row?.querySelector<HTMLElement>(`[data-focus="${request.target}"]`)?.focus();
  });

  const fail = useCallback(
    (kind: FailureKind) => (reason: unknown) => {
      const message = reason instanceof Error ? reason.message : String(reason);
      setFailure({ kind, message });
    },
    [],
  );

  const startNewChat = () => {
    selectChat(undefined);
    onChatOpen?.(undefined);
  };

  const handlers = useMemo<HistoryItemHandlers>(
    () => ({
      onOpen: (chatId) => {
        if (chatId !== latest.current.currentChatId) selectChat(chatId);
        latest.current.onChatOpen?.(chatId);
      },
      onMode: (chatId, mode) => {
        setModes(mode === 'idle' ? null : { chatId, mode });
        if (mode === 'idle') focusRequest.current = { chatId, target: 'open' };
      },
      onRename: (chatId, title) => {
        setModes(null);
        setFailure(null);
        focusRequest.current = { chatId, target: 'open' };
        rename(chatId, title).catch(fail('rename'));
      },
      onPin: (chatId, top) => {
        setFailure(null);
        // The row moves to the other group; the focus follows it.
        focusRequest.current = { chatId, target: 'pin', pinned: top };
        setPinned(chatId, top).catch((reason: unknown) => {
          focusRequest.current = { chatId, target: 'pin' };
          fail('pin')(reason);
        });
      },
      onDelete: (chatId) => {
        const list = latest.current.histories;
        const index = list.findIndex((item) => item.chatId === chatId);
        const neighbour = list[index + 1] ?? list[index - 1];
        setModes(null);
        setFailure(null);
        focusRequest.current = neighbour ? { chatId: neighbour.chatId, target: 'open' } : 'new';
        // The open chat is gone: the window starts a new one rather than showing a deleted chat. A reply
        // still running there is stopped first: FastGPT saves it when its run ends, bringing the chat back.
        const open = chatId === latest.current.currentChatId;
        const stopped = open ? stop() : Promise.resolve();
        if (open) selectChat(undefined);
        stopped.then(() => remove(chatId)).catch(fail('delete'));
      },
    }),
    [selectChat, stop, rename, setPinned, remove, fail],
  );

  const clearAll = () => {
    setModes(null);
    setFailure(null);
    focusRequest.current = 'new';
    // Whatever runs is stopped first (FastGPT would save it after the clear), and the window starts over:
    // the open chat is gone too, even one not listed yet.
    const stopped = stop();
    selectChat(undefined);
    stopped.then(() => clear()).catch(fail('clear'));
  };

  const retry = () => {
    // A failed further page is fetched again; a failed first load or refresh reloads the list.
    void (histories.length > 0 && hasMore ? loadMore() : refetch());
  };

  // Further pages load as the end of the list scrolls into view; the Load more button covers browsers (and
  // tests) without IntersectionObserver. After an error only Retry loads, so a failing server is not hammered.
  const autoLoad = hasMore && !isLoadingMore && !error;
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!autoLoad || !sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { root: scrollRef.current, rootMargin: '0px 0px 160px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [autoLoad, loadMore]);

  const now = Date.now();
  const locale = strings.historyDateLocale;
  const pinned = histories.filter((item) => item.top);
  const recent = histories.filter((item) => !item.top);
  const renderItems = (items: ChatHistoryItem[]) =>
    items.map((item) => {
      const time = formatHistoryTime(item.updateTime, locale, now);
      return (
        <HistoryItem
          key={item.chatId}
          item={item}
          title={titleOf(item, strings)}
          timeLabel={time.label}
          timeFull={time.full}
          timeIso={time.iso}
          current={item.chatId === currentChatId}
          mode={modes?.chatId === item.chatId ? modes.mode : 'idle'}
          strings={strings}
          {...handlers}
        />
      );
    });

  const showError = error !== null && !isLoading;
  const empty = !isLoading && !error && histories.length === 0;

  return (
    <nav
      ref={navRef}
      aria-label={strings.historyLabel}
      data-slot="chat-window-history"
      {...rest}
      className={classNames('fgk-history', className)}
    >
      <div className="fgk-history-header">
        <button type="button" className="fgk-button fgk-history-new" data-focus="new" onClick={startNewChat}>
          <HistoryIcon name="plus" />
          {strings.historyNewChat}
        </button>
      </div>
      {failure && (
        <div className="fgk-history-failure" role="alert" data-slot="chat-window-history-failure">
          <p className="fgk-history-failure-text">
            {formatLabel(strings[FAILURE_STRING[failure.kind]], { message: failure.message })}
          </p>
          <button
            type="button"
            className="fgk-icon-button"
            aria-label={strings.historyDismiss}
            title={strings.historyDismiss}
            onClick={() => setFailure(null)}
          >
            <HistoryIcon name="close" />
          </button>
        </div>
      )}
      <div ref={scrollRef} className="fgk-history-scroll" aria-busy={isLoading || isLoadingMore}>
        {isLoading && <HistorySkeleton strings={strings} />}
        {empty && <p className="fgk-history-empty">{strings.historyEmpty}</p>}
        {pinned.length > 0 && (
          <div className="fgk-history-group" data-group="pinned">
            <p id={pinnedId} className="fgk-history-group-title">
              <HistoryIcon name="pin" />
              {strings.historyPinned}
            </p>
            <ul className="fgk-history-list" aria-labelledby={pinnedId}>
              {renderItems(pinned)}
            </ul>
          </div>
        )}
        {recent.length > 0 && (
          <div className="fgk-history-group" data-group="recent">
            {pinned.length > 0 && (
              <p id={recentId} className="fgk-history-group-title">
                {strings.historyRecent}
              </p>
            )}
            <ul className="fgk-history-list" aria-labelledby={pinned.length > 0 ? recentId : undefined}>
              {renderItems(recent)}
            </ul>
          </div>
        )}
        {showError && (
          <div className="fgk-history-error" role="alert" data-slot="chat-window-history-error">
            <p className="fgk-history-error-text">
              {formatLabel(strings.historyLoadFailed, { message: error.message })}
            </p>
            <button type="button" className="fgk-button" onClick={retry}>
              {strings.retry}
            </button>
          </div>
        )}
        {isLoadingMore && (
          <p className="fgk-history-more-status" role="status">
            <span className="fgk-spinner" aria-hidden="true" />
            {strings.historyLoadingMore}
          </p>
        )}
        {hasMore && !isLoadingMore && !error && (
          <button type="button" className="fgk-button fgk-history-load-more" onClick={() => void loadMore()}>
            {strings.historyLoadMore}
          </button>
        )}
        <div ref={sentinelRef} className="fgk-history-sentinel" aria-hidden="true" />
      </div>
      {histories.length > 0 && <HistoryClearAll strings={strings} onConfirm={clearAll} />}
    </nav>
  );
}
