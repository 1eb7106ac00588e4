'use client';
import { lazy, Suspense } from 'react';
import { useChatWindowStrings } from '../../i18n';
import { useChatWindowControls } from './chat-window-context';
import type { ChatWindowHistoryProps } from './chat-window-history';
import { classNames } from './class-names';
import { HistoryIcon } from './history-icons';
import { HistorySkeleton } from './history-skeleton';
import { LazyBoundary } from './lazy-boundary';

// The sidebar (list, rename, pin, delete, infinite paging: about 5 KB gzip) is fetched the first time a
// window shows history, so `import { ChatWindow }` stays small for the windows that never do.
const ChatWindowHistoryPanel = lazy(() =>
  import('./history-sidebar.lazy').then((module) => ({ default: module.ChatWindowHistory })),
);

/**
 * What shows while the sidebar's code loads (the same frame, a working New chat button, skeleton rows), or
 * says it could not be loaded.
 */
function HistoryShell({
  className,
  onChatOpen,
  failed = false,
}: Pick<ChatWindowHistoryProps, 'className' | 'onChatOpen'> & { failed?: boolean }) {
  const strings = useChatWindowStrings();
  const { selectChat } = useChatWindowControls();
  return (
    <nav
      aria-label={strings.historyLabel}
      data-slot="chat-window-history"
      className={classNames('fgk-history', className)}
    >
      <div className="fgk-history-header">
        <button
          type="button"
          className="fgk-button fgk-history-new"
          onClick={() => {
            selectChat(undefined);
            onChatOpen?.(undefined);
          }}
        >
          <HistoryIcon name="plus" />
          {strings.historyNewChat}
        </button>
      </div>
      <div className="fgk-history-scroll" aria-busy={!failed}>
        {failed ? (
          <p className="fgk-part-failed" role="alert">
            {strings.partFailed}
          </p>
        ) : (
          <HistorySkeleton strings={strings} />
        )}
      </div>
    </nav>
  );
}

/**
 * The history sidebar, its code loaded on first use (a skeleton until then). `ChatWindow.History` and
 * `showHistory` use this; `ChatWindowHistory` is the same component loaded up front.
 */
export function LazyChatWindowHistory(props: ChatWindowHistoryProps) {
  return (
    <LazyBoundary failed={<HistoryShell className={props.className} onChatOpen={props.onChatOpen} failed />}>
      <Suspense fallback={<HistoryShell className={props.className} onChatOpen={props.onChatOpen} />}>
        <ChatWindowHistoryPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
