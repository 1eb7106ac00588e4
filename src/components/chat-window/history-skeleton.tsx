'use client';
import type { ChatWindowStrings } from '../../i18n';

const SKELETON_ROWS = [0, 1, 2, 3, 4];

/** The history list while it loads: a status for screen readers and shimmering rows. */
export function HistorySkeleton({ strings }: { strings: ChatWindowStrings }) {
  return (
    <>
      <p role="status" className="fgk-visually-hidden">
        {strings.historyLoading}
      </p>
      <div className="fgk-history-skeleton" data-slot="chat-window-history-skeleton" aria-hidden="true">
        {SKELETON_ROWS.map((row) => (
          <span key={row} className="fgk-history-skeleton-row" />
        ))}
      </div>
    </>
  );
}
