'use client';
import {
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useChatWindowStrings } from '../../i18n';
import type { ChatWindowHistoryProps } from './chat-window-history';
import { HistoryIcon } from './history-icons';
import { LazyChatWindowHistory } from './lazy-history';

/**
 * How `ChatWindow` places the history: `auto` shows a sidebar in windows at least 640 px wide and a drawer
 * behind a Conversations button in narrower ones (a container query); `sidebar` and `drawer` force one.
 */
export type ChatWindowHistoryMode = 'auto' | 'sidebar' | 'drawer';

/** Props of {@link ChatWindowHistoryLayout}. */
export interface ChatWindowHistoryLayoutProps {
  /** Sidebar, drawer, or chosen by the window's width (default `auto`). */
  mode?: ChatWindowHistoryMode;
  /** Props of the history list. */
  historyProps?: Omit<ChatWindowHistoryProps, 'id'>;
  /** The chat column: messages and composer. */
  children: ReactNode;
}

/**
 * The layout of `<ChatWindow showHistory>`: the history beside the chat column, or, when narrow, a drawer
 * over it opened by a Conversations button. The drawer takes the focus when it opens, and Esc, a click
 * outside or opening a chat closes it and gives the focus back to the button.
 */
export function ChatWindowHistoryLayout({
  mode = 'auto',
  historyProps,
  children,
}: ChatWindowHistoryLayoutProps) {
  const strings = useChatWindowStrings();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const opened = useRef(false);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('button:not(:disabled), input')?.focus();
    else if (opened.current) toggle.current?.focus();
    opened.current = open;
  }, [open]);

  const close = useCallback(() => setOpen(false), []);
  const { onChatOpen } = historyProps ?? {};
  const handleChatOpen = useCallback(
    (chatId: string | undefined) => {
      if (openRef.current) close();
      onChatOpen?.(chatId);
    },
    [close, onChatOpen],
  );
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };
  const handleBlur = (event: FocusEvent<HTMLDivElement>) => {
    // Tabbing out of the open drawer closes it, without pulling the focus back to the button.
    const next = event.relatedTarget;
    if (!open || !(next instanceof Node)) return;
    if (event.currentTarget.contains(next) || toggle.current?.contains(next)) return;
    opened.current = false;
    setOpen(false);
  };

  return (
    <div
      className="fgk-history-layout"
      data-slot="chat-window-history-layout"
      data-history-mode={mode}
      data-drawer={open ? 'open' : 'closed'}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Esc closes the drawer from anywhere inside it. */}
      <div
        ref={panel}
        id={panelId}
        className="fgk-history-panel"
        data-state={open ? 'open' : 'closed'}
        onKeyDown={handleKeyDown}
        onBlur={handleBlur}
      >
        <LazyChatWindowHistory {...historyProps} onChatOpen={handleChatOpen} />
      </div>
      {open && <div className="fgk-history-backdrop" aria-hidden="true" onClick={close} />}
      <div className="fgk-chat-column" data-slot="chat-window-column">
        {mode !== 'sidebar' && (
          <div className="fgk-history-bar">
            <button
              ref={toggle}
              type="button"
              className="fgk-history-toggle"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen((value) => !value)}
            >
              <HistoryIcon name="list" />
              {strings.historyLabel}
            </button>
          </div>
        )}
        {children}
      </div>
    </div>
  );
}
