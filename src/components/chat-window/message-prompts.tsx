'use client';
import { type KeyboardEvent, type SubmitEvent, useEffect, useId, useRef, useState } from 'react';
import type { ChatWindowStrings } from '../../i18n';

/** Props of {@link DeleteConfirm}. */
export interface DeleteConfirmProps {
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** Deletes the message. */
  onConfirm: () => void;
  /** Keeps it. */
  onCancel: () => void;
}

/** The inline "Delete this message?" question; focus starts on Cancel, Esc cancels. */
export function DeleteConfirm({ strings, onConfirm, onCancel }: DeleteConfirmProps) {
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const handleKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <fieldset
      className="fgk-message-delete-confirm"
      aria-labelledby={questionId}
      data-slot="chat-window-delete-confirm"
      onKeyDown={handleKeyDown}
    >
      <span id={questionId} className="fgk-message-delete-question">
        {strings.deleteConfirm}
      </span>
      <button type="button" className="fgk-button fgk-action-danger fgk-action-compact" onClick={onConfirm}>
        {strings.deleteConfirmYes}
      </button>
      <button ref={cancel} type="button" className="fgk-button fgk-action-compact" onClick={onCancel}>
        {strings.deleteCancel}
      </button>
    </fieldset>
  );
}

/** Props of {@link ReasonForm}. */
export interface ReasonFormProps {
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** Rates the answer bad with the reason (undefined when left empty). */
  onSubmit: (reason: string | undefined) => void;
  /** Gives no rating. */
  onCancel: () => void;
}

/** The optional reason given with a bad rating; Esc cancels. */
export function ReasonForm({ strings, onSubmit, onCancel }: ReasonFormProps) {
  const inputId = useId();
  const [reason, setReason] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(reason.trim() || undefined);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form
      className="fgk-feedback-form"
      data-slot="chat-window-feedback-form"
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
    >
      <label className="fgk-feedback-label" htmlFor={inputId}>
        {strings.feedbackReasonLabel}
      </label>
      <textarea
        ref={input}
        id={inputId}
        className="fgk-feedback-input"
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="fgk-feedback-buttons">
        <button type="submit" className="fgk-button fgk-button-primary fgk-action-compact">
          {strings.feedbackSubmit}
        </button>
        <button type="button" className="fgk-button fgk-action-compact" onClick={onCancel}>
          {strings.feedbackCancel}
        </button>
      </div>
    </form>
  );
}
