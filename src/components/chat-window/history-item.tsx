'use client';
import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  type SubmitEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import type { ChatHistoryItem } from '../../client/types';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import type { HistoryTime } from './format-history-time';
import { HistoryIcon } from './history-icons';
import { isImeComposing } from './is-ime-composing';

/** What a history row shows: the chat, or its rename box, or the question that confirms deleting it. */
export type HistoryItemMode = 'idle' | 'rename' | 'delete';

/** Callbacks of a {@link HistoryItem}; each receives the row's chat id. Keep them stable. */
export interface HistoryItemHandlers {
  /** The user opened the chat. */
  onOpen: (chatId: string) => void;
  /** The user asked to rename, or to delete, the chat (shows the rename box or the question). */
  onMode: (chatId: string, mode: HistoryItemMode) => void;
  /** The user finished renaming: `title` is trimmed; `""` restores the automatic title. */
  onRename: (chatId: string, title: string) => void;
  /** The user pinned (`true`) or unpinned the chat. */
  onPin: (chatId: string, top: boolean) => void;
  /** The user confirmed deleting the chat. */
  onDelete: (chatId: string) => void;
}

/** Props of {@link HistoryItem}. */
export interface HistoryItemProps extends HistoryItemHandlers {
  /** The chat. */
  item: ChatHistoryItem;
  /** The title shown: the custom title, else the automatic one, else the "untitled" string. */
  title: string;
  /** When the chat was last active, compact (see {@link HistoryTime}). */
  timeLabel: string;
  /** When the chat was last active, in full (the label's tooltip). */
  timeFull: string;
  /** When the chat was last active, ISO (the `time` element's `dateTime`). */
  timeIso: string | undefined;
  /** Whether the window shows this chat now. */
  current: boolean;
  /** What the row shows. */
  mode: HistoryItemMode;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/**
 * One chat of the history list: a button that opens it (marked `aria-current` when shown) with its title
 * and last activity, and Rename, Pin/Unpin and Delete buttons; or the inline rename box; or the inline
 * delete confirmation.
 */
export const HistoryItem = memo(function HistoryItem(props: HistoryItemProps) {
  const { item, title, timeLabel, timeFull, timeIso, current, mode, strings, onOpen, onMode, onPin } = props;
  const { chatId, top } = item;
  return (
    <li
      className="fgk-history-item"
      data-slot="chat-window-history-item"
      data-chat-id={chatId}
      data-pinned={top}
      data-current={current}
      data-mode={mode}
    >
      {mode === 'rename' ? (
        <RenameBox {...props} />
      ) : mode === 'delete' ? (
        <DeleteConfirm {...props} />
      ) : (
        <>
          <button
            type="button"
            className="fgk-history-open"
            data-focus="open"
            aria-current={current ? 'page' : undefined}
            onClick={() => onOpen(chatId)}
          >
            <span className="fgk-history-title">{title}</span>
            {/* A space, so the accessible name reads "Title 5 min. ago", not "Title5 min. ago". */}{' '}
            {timeLabel && (
              <time className="fgk-history-time" dateTime={timeIso} title={timeFull}>
                {timeLabel}
              </time>
            )}
          </button>
          <div className="fgk-history-actions">
            <button
              type="button"
              className="fgk-icon-button fgk-history-action"
              data-focus="rename"
              aria-label={formatLabel(strings.historyRename, { title })}
              title={formatLabel(strings.historyRename, { title })}
              onClick={() => onMode(chatId, 'rename')}
            >
              <HistoryIcon name="pencil" />
            </button>
            <button
              type="button"
              className="fgk-icon-button fgk-history-action"
              data-focus="pin"
              aria-label={formatLabel(top ? strings.historyUnpin : strings.historyPin, { title })}
              title={formatLabel(top ? strings.historyUnpin : strings.historyPin, { title })}
              onClick={() => onPin(chatId, !top)}
            >
              <HistoryIcon name={top ? 'unpin' : 'pin'} />
            </button>
            <button
              type="button"
              className="fgk-icon-button fgk-history-action fgk-history-action-danger"
              data-focus="delete"
              aria-label={formatLabel(strings.historyDelete, { title })}
              title={formatLabel(strings.historyDelete, { title })}
              onClick={() => onMode(chatId, 'delete')}
            >
              <HistoryIcon name="trash" />
            </button>
          </div>
        </>
      )}
    </li>
  );
});

function RenameBox({ item, title, strings, onRename, onMode }: HistoryItemProps) {
  const { chatId } = item;
  const [value, setValue] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  // Enter, Esc and the blur that follows them must settle the rename only once.
  const settled = useRef(false);
  const hintId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const cancel = () => {
    if (settled.current) return;
    settled.current = true;
    onMode(chatId, 'idle');
  };
  const save = () => {
    if (settled.current) return;
    const next = value.trim();
    // Unchanged text must not turn the automatic title into a fixed custom one.
    if (next === (item.customTitle || item.title)) return cancel();
    settled.current = true;
    onRename(chatId, next);
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // The drawer closes on Esc too; this Esc belongs to the rename.
      event.stopPropagation();
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter') {
      // Handled here rather than by the form's implicit submit, which Safari fires for IME Enter too.
      event.preventDefault();
      if (!isImeComposing(event)) save();
    }
  };
  const handleBlur = (event: FocusEvent<HTMLFormElement>) => {
    // Leaving the box (not for its own buttons) keeps what was typed, as most chat apps do.
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    save();
  };

  return (
    <form className="fgk-history-rename" onSubmit={handleSubmit} onBlur={handleBlur}>
      <input
        ref={input}
        className="fgk-history-rename-input"
        type="text"
        value={value}
        maxLength={200}
        placeholder={item.title || strings.historyRenamePlaceholder}
        aria-label={formatLabel(strings.historyRenameInput, { title })}
        aria-describedby={hintId}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <span id={hintId} className="fgk-visually-hidden">
        {strings.historyRenameHint}
      </span>
      <button
        type="submit"
        className="fgk-icon-button fgk-history-action"
        aria-label={strings.historyRenameSave}
        title={strings.historyRenameSave}
      >
        <HistoryIcon name="check" />
      </button>
      <button
        type="button"
        className="fgk-icon-button fgk-history-action"
        aria-label={strings.historyCancel}
        title={strings.historyCancel}
        onClick={cancel}
      >
        <HistoryIcon name="close" />
      </button>
    </form>
  );
}

function DeleteConfirm({ item, title, strings, onDelete, onMode }: HistoryItemProps) {
  const { chatId } = item;
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Deleting cannot be undone: the safe choice gets the focus.
    cancelButton.current?.focus();
  }, []);
  const handleKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onMode(chatId, 'idle');
  };
  return (
    <fieldset className="fgk-history-confirm" onKeyDown={handleKeyDown}>
      <legend className="fgk-history-confirm-text">
        {formatLabel(strings.historyDeleteConfirm, { title })}
      </legend>
      <div className="fgk-history-confirm-actions">
        <button type="button" className="fgk-history-danger-button" onClick={() => onDelete(chatId)}>
          {strings.historyDeleteConfirmButton}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="fgk-button fgk-history-confirm-button"
          onClick={() => onMode(chatId, 'idle')}
        >
          {strings.historyCancel}
        </button>
      </div>
    </fieldset>
  );
}
