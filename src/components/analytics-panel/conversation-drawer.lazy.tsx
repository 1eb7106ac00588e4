'use client';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import type { ChatLogItem } from '../../client/types';
import type { Locale } from '../../i18n';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import { ChatWindow, type ChatWindowTheme } from '../chat-window';
import { formatLabel } from '../markdown';
import { getLogColumn } from './log-columns';

/** Props of {@link ConversationDrawer}. */
export interface ConversationDrawerProps {
  /** The app whose log the row is from; defaults to the provider's `appId`. */
  appId?: string;
  /** The log row whose conversation to show; `undefined` keeps the drawer closed. */
  row: ChatLogItem | undefined;
  /** Called when the reader closes the drawer (Close, Escape or a click beside it). */
  onClose: () => void;
  /** Language of the conversation's built-in strings (default `en`); the drawer's own come from the panel. */
  locale?: Locale;
  /** Colour scheme (default `auto`). */
  theme?: ChatWindowTheme;
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), ' +
  'summary, [tabindex]:not([tabindex="-1"])';

/**
 * One conversation of the log, in a modal side sheet (full screen below 640 px): its title and figures
 * (source, user, times, messages, feedback, errors, points, response time) over the read-only thread, with
 * each answer's run details and the user's feedback. Focus moves into it on open and stays there (Tab
 * wraps); Close, Escape or a click on the backdrop close it, and focus returns to what opened it.
 */
export function ConversationDrawer({ row, ...props }: ConversationDrawerProps) {
  if (!row) return null;
  return <DrawerSheet row={row} {...props} />;
}

function DrawerSheet({
  appId,
  row,
  onClose,
  locale = 'en',
  theme = 'auto',
}: Omit<ConversationDrawerProps, 'row'> & { row: ChatLogItem }) {
  const strings = useAnalyticsStrings();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  // The opener is what had focus when the sheet mounted; it gets focus back when the sheet goes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    // Focus that leaves the sheet any other way (a click on the page behind, a script) is brought back.
    const keepFocusInside = (event: FocusEvent) => {
      const sheet = dialog.current;
      if (sheet && event.target instanceof Node && !sheet.contains(event.target))
        closeButton.current?.focus();
    };
    document.addEventListener('focusin', keepFocusInside);
    return () => {
      document.removeEventListener('focusin', keepFocusInside);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Parts inside that handle Escape themselves (an open menu) mark it handled.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (element) => !element.closest('[hidden], [inert]'),
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const title = row.customTitle || row.title || strings.drawerUntitled;
  return (
    <div
      className="fgk-root fgk-drawer-layer"
      data-theme={theme}
      lang={locale}
      data-slot="conversation-drawer"
    >
      <div className="fgk-drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="fgk-drawer"
        data-slot="conversation-drawer-sheet"
        onKeyDown={handleKeyDown}
      >
        <header className="fgk-drawer-header">
          <div className="fgk-drawer-heading">
            <h2 id={titleId} className="fgk-drawer-title">
              {title}
            </h2>
            <button
              ref={closeButton}
              type="button"
              className="fgk-icon-button fgk-drawer-close"
              aria-label={strings.drawerClose}
              title={strings.drawerClose}
              onClick={onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <ConversationFacts row={row} strings={strings} locale={locale} />
        </header>
        <ChatWindow
          className="fgk-drawer-chat"
          appId={appId}
          chatId={row.chatId}
          readOnly
          locale={locale}
          theme={theme}
        />
      </div>
    </div>
  );
}

function formatTime(ms: number | null, locale: Locale, strings: AnalyticsPanelStrings): ReactNode {
  if (ms === null) return strings.drawerNoValue;
  const date = new Date(ms);
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}

/** The row's figures, read through the log table's own column accessors so both always agree. */
function ConversationFacts({
  row,
  strings,
  locale,
}: {
  row: ChatLogItem;
  strings: AnalyticsPanelStrings;
  locale: Locale;
}) {
  const none = strings.drawerNoValue;
  const { source, sourceName } = getLogColumn('source').value(row);
  const feedback = getLogColumn('feedback').value(row);
  const responseTime = getLogColumn('responseTime').value(row);
  const points = getLogColumn('points').value(row);
  const number = (value: number | null) => (value === null ? none : value.toLocaleString(locale));
  const facts: Array<[string, ReactNode]> = [
    [strings.columns.source, sourceName ?? strings.sources[source] ?? source],
    [strings.columns.user, getLogColumn('user').value(row) ?? none],
    [strings.columns.createdTime, formatTime(getLogColumn('createdTime').value(row), locale, strings)],
    [
      strings.columns.lastConversationTime,
      formatTime(getLogColumn('lastConversationTime').value(row), locale, strings),
    ],
    [strings.columns.messageCount, number(getLogColumn('messageCount').value(row))],
    [
      strings.columns.feedback,
      `${formatLabel(strings.goodCount, { count: String(feedback.good) })} · ${formatLabel(strings.badCount, {
        count: String(feedback.bad),
      })}`,
    ],
    [strings.columns.errorCount, number(getLogColumn('errorCount').value(row))],
    [strings.columns.points, points === null ? none : points.toFixed(2)],
    [
      strings.columns.responseTime,
      responseTime === null ? none : formatLabel(strings.seconds, { value: responseTime.toFixed(2) }),
    ],
  ];
  return (
    <dl className="fgk-drawer-facts" data-slot="conversation-drawer-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="fgk-drawer-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
