'use client';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ChatWindowStrings } from '../../i18n';
import { HistoryIcon } from './history-icons';

/** Props of {@link HistoryClearAll}. */
export interface HistoryClearAllProps {
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** The user confirmed deleting every chat. */
  onConfirm: () => void;
}

/** The foot of the history sidebar: Clear all, which asks inline before deleting every chat. */
export function HistoryClearAll({ strings, onConfirm }: HistoryClearAllProps) {
  const [asking, setAsking] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    // Deleting everything cannot be undone: the question opens on Cancel, and closing it returns the focus.
    if (asking) cancelButton.current?.focus();
    else if (returnFocus.current) clearButton.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };

  return (
    <div className="fgk-history-footer" data-slot="chat-window-history-clear">
      {asking ? (
        <fieldset className="fgk-history-confirm" onKeyDown={handleKeyDown}>
          <legend className="fgk-history-confirm-text">{strings.historyClearConfirm}</legend>
          <div className="fgk-history-confirm-actions">
            <button
              type="button"
              className="fgk-history-danger-button"
              onClick={() => {
                setAsking(false);
                onConfirm();
              }}
            >
              {strings.historyClearConfirmButton}
            </button>
            <button
              ref={cancelButton}
              type="button"
              className="fgk-button fgk-history-confirm-button"
              onClick={cancel}
            >
              {strings.historyCancel}
            </button>
          </div>
        </fieldset>
      ) : (
        <button ref={clearButton} type="button" className="fgk-history-clear" onClick={() => setAsking(true)}>
          <HistoryIcon name="trash" />
          {strings.historyClearAll}
        </button>
      )}
    </div>
  );
}
