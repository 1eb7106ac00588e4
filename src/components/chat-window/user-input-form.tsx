'use client';
import { type SubmitEvent, useId, useMemo, useRef, useState } from 'react';
import type { UserInputInteractive } from '../../client/types';
import {
  draftValueOf,
  type FormDraftValue,
  type FormDraftValues,
  fieldsFromUserInput,
  initialDraftValues,
  toTypedValues,
} from '../../core/form-fields';
import { type FormErrors, firstInvalidKey, validateFormValues } from '../../core/validate-form-values';
import type { ChatWindowStrings } from '../../i18n';
import { FormField } from './form-field';

/** Props of {@link UserInputForm}. */
export interface UserInputFormProps {
  /** The paused form-input node. */
  interactive: UserInputInteractive;
  /** Whether it was answered (then it is read-only and shows the answer). */
  answered: boolean;
  /** The values sent, once answered; absent, the form items' own `value`s are shown. */
  answer: Record<string, unknown> | undefined;
  /** Sends the typed values (the chat's `answerInteractive`). */
  onAnswer: (values: Record<string, unknown>) => Promise<void>;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

const NO_ERRORS: FormErrors = {};

/**
 * A workflow's userInput node as a typed form: its description, one labelled control per item and a
 * submit button. Submitting checks required fields, lengths and number limits; refused fields get their
 * reason beside them and focus moves to the first, keeping everything typed. Valid values go back typed
 * (numbers, booleans, arrays) and the reply continues in the same message. Answered, it shows the values
 * read-only.
 */
export function UserInputForm({ interactive, answered, answer, onAnswer, strings }: UserInputFormProps) {
  const { description, inputForm } = interactive.params;
  const fields = useMemo(() => fieldsFromUserInput(inputForm), [inputForm]);
  const [drafts, setDrafts] = useState<FormDraftValues>(() => initialDraftValues(fields));
  const [checked, setChecked] = useState(false);
  const controls = useRef(new Map<string, HTMLElement>());
  const idPrefix = useId();
  const descriptionId = `${idPrefix}-description`;

  const answeredValues = useMemo(() => {
    if (!answered) return undefined;
    const known: Record<string, unknown> = {};
    for (const item of inputForm ?? []) known[item.key] = item.value;
    return initialDraftValues(fields, { ...known, ...answer });
  }, [answered, answer, inputForm, fields]);
  const shown = answeredValues ?? drafts;
  // Errors appear after the first refused submit and then follow every change.
  const errors = checked && !answered ? validateFormValues(fields, drafts) : NO_ERRORS;
  const hasErrors = Object.keys(errors).length > 0;

  const change = (key: string, value: FormDraftValue) =>
    setDrafts((current) => ({ ...current, [key]: value }));
  const registerControl = (key: string, element: HTMLElement | null) => {
    if (element) controls.current.set(key, element);
    else controls.current.delete(key);
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (answered) return;
    const first = firstInvalidKey(fields, validateFormValues(fields, drafts));
    if (first !== undefined) {
      setChecked(true);
      controls.current.get(first)?.focus();
      return;
    }
    void onAnswer(toTypedValues(fields, drafts));
  };

  return (
    <form
      className="fgk-interactive fgk-form"
      data-slot="chat-window-user-input"
      data-state={answered ? 'answered' : 'waiting'}
      aria-labelledby={description ? descriptionId : undefined}
      aria-label={description ? undefined : strings.formSubmit}
      noValidate
      onSubmit={handleSubmit}
    >
      {description && (
        <p id={descriptionId} className="fgk-interactive-description">
          {description}
        </p>
      )}
      <div className="fgk-form-fields">
        {fields.map((field) => (
          <FormField
            key={field.key}
            field={field}
            value={draftValueOf(field, shown)}
            onChange={change}
            error={errors[field.key]}
            idPrefix={idPrefix}
            disabled={answered}
            controlRef={registerControl}
            strings={strings}
          />
        ))}
      </div>
      {hasErrors && (
        <p className="fgk-form-summary" role="alert">
          {strings.formFixErrors}
        </p>
      )}
      {answered ? (
        <p className="fgk-interactive-note" data-slot="chat-window-user-input-submitted">
          {strings.formSubmitted}
        </p>
      ) : (
        <div className="fgk-form-actions">
          <button type="submit" className="fgk-button fgk-button-primary">
            {strings.formSubmit}
          </button>
        </div>
      )}
    </form>
  );
}
