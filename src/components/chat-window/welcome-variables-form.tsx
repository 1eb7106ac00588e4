'use client';
import { type SubmitEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  draftValueOf,
  type FormDraftValue,
  type FormDraftValues,
  type FormFieldSpec,
  initialDraftValues,
  toTypedValues,
} from '../../core/form-fields';
import { type FormErrors, firstInvalidKey, validateFormValues } from '../../core/validate-form-values';
import { useChatWindowStrings } from '../../i18n';
import { useChatWindowControls } from './chat-window-context';
import { FormField } from './form-field';

/** Props of {@link WelcomeVariablesForm}. */
export interface WelcomeVariablesFormProps {
  /** The variables to ask for (hidden ones and the caller's already left out). */
  fields: readonly FormFieldSpec[];
  /** The chat's stored values, shown until the user changes them. */
  stored: Record<string, unknown>;
}

const NO_ERRORS: FormErrors = {};

/**
 * The app's variables as a form above the first message. Every change goes at once to the window's
 * `formVariables` (sent with each message). It registers a send guard: sending with a required variable
 * empty (or a value out of bounds) is refused, the errors appear beside the fields and focus moves to the
 * first; the composer says why.
 */
export function WelcomeVariablesForm({ fields, stored }: WelcomeVariablesFormProps) {
  const { formVariables, setFormVariables, sendGuards } = useChatWindowControls();
  const strings = useChatWindowStrings();
  // Only what the user edited here; the rest comes from what was entered before (a remount), the chat's
  // stored values and the defaults.
  const [edited, setEdited] = useState<FormDraftValues>({});
  const [checked, setChecked] = useState(false);
  const controls = useRef(new Map<string, HTMLElement>());
  const idPrefix = useId();
  const headingId = `${idPrefix}-heading`;

  const values = useMemo(
    () => ({ ...initialDraftValues(fields, { ...stored, ...formVariables }), ...edited }),
    [fields, stored, formVariables, edited],
  );
  const errors = checked ? validateFormValues(fields, values) : NO_ERRORS;

  const latest = useRef({ fields, values });
  useEffect(() => {
    latest.current = { fields, values };
    // A refused send is lifted as soon as the fields are fine.
    sendGuards.recheck();
  });
  useEffect(
    () =>
      sendGuards.add({
        reason: 'variables',
        isValid: () => {
          const { fields: now, values: current } = latest.current;
          return firstInvalidKey(now, validateFormValues(now, current)) === undefined;
        },
        reveal: (focus) => {
          setChecked(true);
          if (!focus) return;
          const { fields: now, values: current } = latest.current;
          const first = firstInvalidKey(now, validateFormValues(now, current));
          if (first !== undefined) controls.current.get(first)?.focus();
        },
      }),
    [sendGuards],
  );

  const change = (key: string, value: FormDraftValue) => {
    const next = { ...values, [key]: value };
    setEdited((current) => ({ ...current, [key]: value }));
    setFormVariables(toTypedValues(fields, next));
  };
  const registerControl = (key: string, element: HTMLElement | null) => {
    if (element) controls.current.set(key, element);
    else controls.current.delete(key);
  };
  // Enter in a text box would submit: check the fields instead, as a send would.
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const first = firstInvalidKey(fields, validateFormValues(fields, values));
    if (first !== undefined) controls.current.get(first)?.focus();
  };

  return (
    <form
      className="fgk-form fgk-welcome-variables"
      data-slot="chat-window-variables"
      aria-labelledby={headingId}
      noValidate
      onSubmit={handleSubmit}
    >
      <h2 id={headingId} className="fgk-welcome-heading">
        {strings.variablesHeading}
      </h2>
      <div className="fgk-form-fields">
        {fields.map((field) => (
          <FormField
            key={field.key}
            field={field}
            value={draftValueOf(field, values)}
            onChange={change}
            error={errors[field.key]}
            idPrefix={idPrefix}
            controlRef={registerControl}
            strings={strings}
          />
        ))}
      </div>
    </form>
  );
}
