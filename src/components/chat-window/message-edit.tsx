'use client';
import { type KeyboardEvent, type SubmitEvent, useEffect, useId, useRef, useState } from 'react';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatState } from '../../core/chat-store';
import { textOf } from '../../core/message-content';
import type { ChatWindowStrings } from '../../i18n';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { focusComposer } from './focus-composer';
import { isImeComposing } from './is-ime-composing';
import { useAutoGrow } from './use-auto-grow';

const selectBusy = (state: ChatState) => state.status === 'submitted' || state.status === 'streaming';

/** Props of {@link MessageEdit}. */
export interface MessageEditProps {
  /** The user message being edited. */
  message: ChatMessage;
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** Called when editing ends: `saved` after the new text was sent, `cancelled` otherwise. */
  onClose: (outcome: 'saved' | 'cancelled') => void;
}

/**
 * Edits a user message in place: an auto-growing text box prefilled with its text, Save and Cancel. Enter
 * saves, Shift+Enter adds a line, Esc cancels, and Enter never saves while an IME is composing. Saving sends
 * the new text with the chat's `edit`, which replaces this message and everything after it. An empty text
 * is refused with a message; saving waits while a reply runs.
 */
export function MessageEdit({ message, strings, onClose }: MessageEditProps) {
  const { actions } = useChatWindowControls();
  const busy = useChatWindowState(selectBusy);
  const [text, setText] = useState(() => textOf(message));
  const [empty, setEmpty] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    // The caret goes to the end, where a correction usually starts.
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  useAutoGrow(textarea, text);

  const save = () => {
    if (busy) return;
    if (text.trim() === '') {
      setEmpty(true);
      textarea.current?.focus();
      return;
    }
    focusComposer(textarea.current);
    void actions.edit(message.id, text);
    onClose('saved');
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose('cancelled');
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    if (isImeComposing(event)) return;
    event.preventDefault();
    save();
  };

  return (
    <form className="fgk-message-edit" data-slot="chat-window-message-edit" onSubmit={handleSubmit}>
      <label className="fgk-visually-hidden" htmlFor={inputId}>
        {strings.editLabel}
      </label>
      <textarea
        ref={textarea}
        id={inputId}
        className="fgk-message-edit-input"
        rows={1}
        value={text}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (empty) setEmpty(false);
        }}
        onKeyDown={handleKeyDown}
      />
      {empty && (
        <p id={errorId} className="fgk-message-actions-error" role="alert">
          {strings.editEmpty}
        </p>
      )}
      <div className="fgk-message-edit-buttons">
        <button type="button" className="fgk-button fgk-action-compact" onClick={() => onClose('cancelled')}>
          {strings.editCancel}
        </button>
        <button type="submit" className="fgk-button fgk-button-primary fgk-action-compact" disabled={busy}>
          {strings.editSave}
        </button>
      </div>
    </form>
  );
}
