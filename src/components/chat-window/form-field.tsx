'use client';
import type { ReactNode } from 'react';
import type { FormDraftValue, FormFieldSpec } from '../../core/form-fields';
import type { FormFieldError } from '../../core/validate-form-values';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** The field. */
  field: FormFieldSpec;
  /** Its current draft. */
  value: FormDraftValue;
  /** Called with the field's key and its new draft. */
  onChange: (key: string, value: FormDraftValue) => void;
  /** Why its value is refused, shown under it; `undefined` when it is fine (or not checked yet). */
  error: FormFieldError | undefined;
  /** Prefix of the element ids, unique per form (e.g. from `useId`). */
  idPrefix: string;
  /** Read-only: an answered form shows its values. */
  disabled?: boolean;
  /** Receives the field's first focusable control, so the form can move focus to it. */
  controlRef?: (key: string, element: HTMLElement | null) => void;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

const ERROR_STRING = {
  required: 'formRequired',
  tooShort: 'formTooShort',
  tooLong: 'formTooLong',
  notANumber: 'formNotANumber',
  belowMin: 'formBelowMin',
  aboveMax: 'formAboveMax',
  rangeOrder: 'formRangeOrder',
} as const satisfies Record<FormFieldError['code'], keyof ChatWindowStrings>;

/** The sentence telling the user why a field's value is refused. */
export function formErrorText(error: FormFieldError, strings: ChatWindowStrings): string {
  return formatLabel(strings[ERROR_STRING[error.code]], { limit: error.limit ?? '' });
}

const asText = (value: FormDraftValue) => (typeof value === 'string' ? value : '');

/**
 * One labelled control for a form field, by kind: text box, text area, password, number (a text box with a
 * decimal keypad, so whatever was typed stays visible with its error), select, a group of checkboxes for a
 * multi-select, a switch, a date/time picker or a pair of them for a range. Help text and the error are
 * tied to the control with `aria-describedby`; a refused control is `aria-invalid`.
 */
export function FormField({
  field,
  value,
  onChange,
  error,
  idPrefix,
  disabled = false,
  controlRef,
  strings,
}: FormFieldProps) {
  const { key, kind, label, description, required } = field;
  const id = `${idPrefix}-${key}`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  const ref = (element: HTMLElement | null) => controlRef?.(key, element);
  const change = (next: FormDraftValue) => onChange(key, next);
  const common = { id, disabled, 'aria-invalid': invalid, 'aria-describedby': describedBy };

  // The required mark is drawn by CSS (hidden from assistive technology, which hears `required` instead).
  const requiredMark = required ? '' : undefined;
  const help = (
    <>
      {description && (
        <p id={descriptionId} className="fgk-form-description">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} className="fgk-form-error" data-slot="form-field-error">
          {formErrorText(error, strings)}
        </p>
      )}
    </>
  );
  const shell = (control: ReactNode) => (
    <div className="fgk-form-field" data-slot="form-field" data-kind={kind} data-invalid={invalid}>
      <label className="fgk-form-label" htmlFor={id} data-required={requiredMark}>
        {label}
      </label>
      {control}
      {help}
    </div>
  );

  // Several controls under one name (checkboxes, a range's two ends): a fieldset named by its legend.
  const group = (controls: ReactNode) => (
    <fieldset
      className="fgk-form-field fgk-form-group"
      data-slot="form-field"
      data-kind={kind}
      data-invalid={invalid}
      aria-describedby={describedBy}
    >
      <legend className="fgk-form-label" data-required={requiredMark}>
        {label}
      </legend>
      {controls}
      {help}
    </fieldset>
  );

  switch (kind) {
    case 'switch':
      return (
        <div className="fgk-form-field" data-slot="form-field" data-kind={kind}>
          <div className="fgk-form-switch-row">
            <label className="fgk-form-label" htmlFor={id} data-required={requiredMark}>
              {label}
            </label>
            <input
              ref={ref}
              {...common}
              type="checkbox"
              role="switch"
              className="fgk-form-switch"
              checked={value === true}
              aria-checked={value === true}
              onChange={(event) => change(event.target.checked)}
            />
          </div>
          {help}
        </div>
      );
    case 'multiSelect': {
      const chosen = Array.isArray(value) ? value : [];
      return group(
        <div className="fgk-form-choices">
          {field.options.map((option, index) => (
            <label key={option.value} className="fgk-form-choice">
              <input
                ref={index === 0 ? ref : undefined}
                id={index === 0 ? id : undefined}
                type="checkbox"
                className="fgk-form-checkbox"
                disabled={disabled}
                aria-invalid={invalid}
                checked={chosen.includes(option.value)}
                onChange={(event) =>
                  change(
                    event.target.checked
                      ? field.options
                          .map((o) => o.value)
                          .filter((v) => v === option.value || chosen.includes(v))
                      : chosen.filter((v) => v !== option.value),
                  )
                }
              />
              {option.label}
            </label>
          ))}
        </div>,
      );
    }
    case 'timeRange': {
      const [start = '', end = ''] = Array.isArray(value) ? value : [];
      const type = field.dateOnly ? 'date' : 'datetime-local';
      return group(
        <div className="fgk-form-range">
          <label className="fgk-form-range-part">
            <span className="fgk-form-range-label">{strings.formRangeStart}</span>
            <input
              ref={ref}
              id={id}
              type={type}
              className="fgk-form-input"
              disabled={disabled}
              required={required}
              aria-invalid={invalid}
              value={start}
              onChange={(event) => change([event.target.value, end])}
            />
          </label>
          <label className="fgk-form-range-part">
            <span className="fgk-form-range-label">{strings.formRangeEnd}</span>
            <input
              type={type}
              className="fgk-form-input"
              disabled={disabled}
              required={required}
              aria-invalid={invalid}
              value={end}
              onChange={(event) => change([start, event.target.value])}
            />
          </label>
        </div>,
      );
    }
    case 'textarea':
      return shell(
        <textarea
          ref={ref}
          {...common}
          className="fgk-form-input fgk-form-textarea"
          rows={3}
          required={required}
          value={asText(value)}
          onChange={(event) => change(event.target.value)}
        />,
      );
    case 'select':
      return shell(
        <select
          ref={ref}
          {...common}
          className="fgk-form-input fgk-form-select"
          required={required}
          value={asText(value)}
          onChange={(event) => change(event.target.value)}
        >
          <option value="">{strings.formSelectPlaceholder}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>,
      );
    default:
      return shell(
        <input
          ref={ref}
          {...common}
          className="fgk-form-input"
          required={required}
          {...inputTypeOf(field)}
          value={asText(value)}
          onChange={(event) => change(event.target.value)}
        />,
      );
  }
}

function inputTypeOf(field: FormFieldSpec) {
  switch (field.kind) {
    case 'password':
      return { type: 'password', autoComplete: 'off' } as const;
    // Not type="number": browsers blank what they cannot parse, and the user's text would vanish.
    case 'number':
      return { type: 'text', inputMode: 'decimal', autoComplete: 'off' } as const;
    case 'timePoint':
      return { type: field.dateOnly ? 'date' : 'datetime-local' } as const;
    default:
      return { type: 'text' } as const;
  }
}
