import { draftValueOf, type FormDraftValues, type FormFieldSpec, parseNumberText } from './form-fields';

/** Why a field's value is refused. */
export type FormErrorCode =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'notANumber'
  | 'belowMin'
  | 'aboveMax'
  | 'rangeOrder';

/** A refused field: why, and the limit it broke (length or number) when there is one. */
export interface FormFieldError {
  /** Why. */
  code: FormErrorCode;
  /** The broken limit: the length for `tooShort`/`tooLong`, the number for `belowMin`/`aboveMax`. */
  limit?: number;
}

/** The refused fields by key; a valid form has none. */
export type FormErrors = Record<string, FormFieldError>;

const length = (value: string) => Array.from(value).length;

function checkField(field: FormFieldSpec, drafts: FormDraftValues): FormFieldError | undefined {
  const draft = draftValueOf(field, drafts);
  switch (field.kind) {
    // A switch is always answered: off is an answer.
    case 'switch':
      return undefined;
    case 'multiSelect':
      return field.required && (!Array.isArray(draft) || draft.length === 0)
        ? { code: 'required' }
        : undefined;
    case 'timeRange': {
      const [start = '', end = ''] = Array.isArray(draft) ? draft : [];
      if (start === '' || end === '') {
        return field.required || start !== '' || end !== '' ? { code: 'required' } : undefined;
      }
      // Both are local input texts of one format, so text order is time order.
      return end < start ? { code: 'rangeOrder' } : undefined;
    }
    case 'number': {
      const parsed = parseNumberText(typeof draft === 'string' ? draft : '');
      if (parsed === undefined) return field.required ? { code: 'required' } : undefined;
      if (Number.isNaN(parsed)) return { code: 'notANumber' };
      if (field.min !== undefined && parsed < field.min) return { code: 'belowMin', limit: field.min };
      if (field.max !== undefined && parsed > field.max) return { code: 'aboveMax', limit: field.max };
      return undefined;
    }
    default: {
      const value = typeof draft === 'string' ? draft : '';
      // Spaces alone are no answer to a required question.
      if (value.trim() === '') return field.required ? { code: 'required' } : undefined;
      if (field.minLength !== undefined && length(value) < field.minLength) {
        return { code: 'tooShort', limit: field.minLength };
      }
      if (field.maxLength !== undefined && length(value) > field.maxLength) {
        return { code: 'tooLong', limit: field.maxLength };
      }
      return undefined;
    }
  }
}

/**
 * Checks a form's drafts against its fields' rules: required, text length (in characters, so a Chinese
 * character or an emoji counts once), number parsing and min/max, and a time range's order. Empty
 * optional fields pass.
 */
export function validateFormValues(fields: readonly FormFieldSpec[], drafts: FormDraftValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const error = checkField(field, drafts);
    if (error) errors[field.key] = error;
  }
  return errors;
}

/** The key of the first refused field in form order, where focus should go. */
export function firstInvalidKey(fields: readonly FormFieldSpec[], errors: FormErrors): string | undefined {
  return fields.find((field) => Object.hasOwn(errors, field.key))?.key;
}
