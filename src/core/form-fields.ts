import type { AppVariable, UserInputFormItem } from '../client/types';

/** How a form field is edited, whatever FastGPT called its type. */
export type FormFieldKind =
  | 'text'
  | 'textarea'
  | 'password'
  | 'number'
  | 'select'
  | 'multiSelect'
  | 'switch'
  | 'timePoint'
  | 'timeRange';

/** One choice of a select or multi-select field. */
export interface FormFieldOption {
  /** Text shown. */
  label: string;
  /** Value sent back. */
  value: string;
}

/** One field of a form, normalised from a userInput form item or an app variable. */
export interface FormFieldSpec {
  /** The key the values object uses. */
  key: string;
  /** The label shown. */
  label: string;
  /** How it is edited. */
  kind: FormFieldKind;
  /** Help text under the label. */
  description: string;
  /** Whether a value is needed before submitting. */
  required: boolean;
  /** Shortest accepted text, in characters. */
  minLength?: number;
  /** Longest accepted text, in characters. */
  maxLength?: number;
  /** Smallest accepted number. */
  min?: number;
  /** Largest accepted number. */
  max?: number;
  /** Choices of select and multi-select fields. */
  options: FormFieldOption[];
  /** Whether time pickers ask for a date only (FastGPT's `timeGranularity: 'day'`). */
  dateOnly: boolean;
  /** The value FastGPT pre-fills. */
  defaultValue: unknown;
}

/**
 * What a field holds while it is edited: text for text, number (as typed), select and time fields,
 * the chosen values for a multi-select, a boolean for a switch, `[start, end]` for a time range.
 * Time texts are in the format of `<input type="datetime-local">` (or `type="date"` when date-only).
 */
export type FormDraftValue = string | boolean | string[] | [string, string];

/** Every field's draft, by key. */
export type FormDraftValues = Record<string, FormDraftValue>;

const KIND_BY_TYPE: Record<string, FormFieldKind> = {
  input: 'text',
  textarea: 'textarea',
  JSONEditor: 'textarea',
  password: 'password',
  numberInput: 'number',
  select: 'select',
  multipleSelect: 'multiSelect',
  switch: 'switch',
  timePointSelect: 'timePoint',
  timeRangeSelect: 'timeRange',
};

/** Variable types the user never fills in: set by the app (`internal`/`hidden`) or by the caller (`custom`). */
const HIDDEN_VARIABLE_TYPES = new Set(['internal', 'hidden', 'custom']);

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function optionsOf(list: unknown): FormFieldOption[] {
  if (!Array.isArray(list)) return [];
  const options: FormFieldOption[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { label, value } = item as { label?: unknown; value?: unknown };
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const shown = typeof label === 'string' && label !== '' ? label : String(value);
    options.push({ label: shown, value: String(value) });
  }
  return options;
}

function specOf(
  item: UserInputFormItem | AppVariable,
  limits: { maxLength: unknown; list: unknown },
): FormFieldSpec {
  const kind = KIND_BY_TYPE[String(item.type)];
  const options = optionsOf(limits.list);
  const spec: FormFieldSpec = {
    key: String(item.key),
    label: text(item.label) || String(item.key),
    // A select without choices cannot be answered; a text box at least can. Unknown types degrade alike.
    kind:
      kind === undefined || ((kind === 'select' || kind === 'multiSelect') && options.length === 0)
        ? 'text'
        : kind,
    description: text(item.description),
    required: item.required === true,
    options,
    dateOnly: item.timeGranularity === 'day',
    defaultValue: item.defaultValue,
  };
  const minLength = finite(item.minLength);
  const maxLength = finite(limits.maxLength);
  const min = finite(item.min);
  const max = finite(item.max);
  if (minLength !== undefined && minLength > 0) spec.minLength = minLength;
  if (maxLength !== undefined && maxLength > 0) spec.maxLength = maxLength;
  if (min !== undefined) spec.min = min;
  if (max !== undefined) spec.max = max;
  return spec;
}

/** The fields of a userInput (form input) node. */
export function fieldsFromUserInput(items: readonly UserInputFormItem[] | undefined): FormFieldSpec[] {
  if (!Array.isArray(items)) return [];
  return items
    .filter((item) => typeof item?.key === 'string' && item.key !== '')
    .map((item) => specOf(item, { maxLength: item.maxLength, list: item.list }));
}

/**
 * Whether the variables form asks the user for `variable`: not a hidden, internal or caller-set (`custom`)
 * one, and not one of `skipKeys` (values the caller already passes).
 */
export function isAskedVariable(
  variable: AppVariable | undefined,
  skipKeys: readonly string[] = [],
): boolean {
  return (
    typeof variable?.key === 'string' &&
    variable.key !== '' &&
    !HIDDEN_VARIABLE_TYPES.has(String(variable.type)) &&
    !skipKeys.includes(variable.key)
  );
}

/**
 * The fields of the app's variables form: hidden, internal and caller-set (`custom`) variables are left
 * out, and so are the keys in `skipKeys` (values the caller already passes). Old servers' `maxLen` and
 * `enums` are read when `maxLength` and `list` are absent.
 */
export function fieldsFromVariables(
  variables: readonly AppVariable[] | undefined,
  skipKeys: readonly string[] = [],
): FormFieldSpec[] {
  if (!Array.isArray(variables)) return [];
  return variables
    .filter((variable) => isAskedVariable(variable, skipKeys))
    .map((variable) =>
      specOf(variable, {
        maxLength: variable.maxLength ?? variable.maxLen,
        list: variable.list && variable.list.length > 0 ? variable.list : variable.enums,
      }),
    );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO text or epoch ms) as the local text a date or datetime-local input shows. */
export function toLocalInputText(value: unknown, dateOnly: boolean): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  if (typeof value === 'string' && value === '') return '';
  // Already local input text: keep it as it is rather than shifting it through a time zone.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value)) {
    return dateOnly ? value.slice(0, 10) : value.length === 10 ? `${value}T00:00` : value;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return dateOnly ? day : `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local input text as the ISO instant FastGPT gets (what its own date pickers send); `''` stays `''`. */
export function fromLocalInputText(value: string): string {
  if (value === '') return '';
  // A date alone is midnight local time, as a date picker means it.
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function draftOf(field: FormFieldSpec, value: unknown): FormDraftValue {
  switch (field.kind) {
    case 'switch':
      return value === true || value === 'true';
    case 'multiSelect':
      if (Array.isArray(value)) return value.map(String);
      return typeof value === 'string' && value !== '' ? [value] : [];
    case 'timePoint':
      return toLocalInputText(value, field.dateOnly);
    case 'timeRange': {
      const [start, end] = Array.isArray(value) ? value : [];
      return [toLocalInputText(start, field.dateOnly), toLocalInputText(end, field.dateOnly)];
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
    default:
      if (value === undefined || value === null) return '';
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The drafts a form starts with: the known value of each field (a submitted answer, a stored variable)
 * when there is one, else its default.
 */
export function initialDraftValues(
  fields: readonly FormFieldSpec[],
  known: Record<string, unknown> = {},
): FormDraftValues {
  const drafts: FormDraftValues = {};
  for (const field of fields) {
    const value =
      Object.hasOwn(known, field.key) && !isBlank(known[field.key]) ? known[field.key] : field.defaultValue;
    drafts[field.key] = draftOf(field, value);
  }
  return drafts;
}

/** One field's draft, or its empty draft when there is none. */
export function draftValueOf(field: FormFieldSpec, drafts: FormDraftValues): FormDraftValue {
  return Object.hasOwn(drafts, field.key) ? (drafts[field.key] as FormDraftValue) : draftOf(field, undefined);
}

/**
 * The typed values FastGPT expects, by key: numbers as numbers (left out when empty), multi-selects as
 * arrays, switches as booleans, times as ISO instants (a range as `[start, end]`), the rest as text.
 * Run {@link validateFormValues} first: a number that does not parse is left out here.
 */
export function toTypedValues(
  fields: readonly FormFieldSpec[],
  drafts: FormDraftValues,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = draftValueOf(field, drafts);
    switch (field.kind) {
      case 'number': {
        const parsed = parseNumberText(typeof draft === 'string' ? draft : '');
        if (parsed !== undefined) values[field.key] = parsed;
        break;
      }
      case 'switch':
        values[field.key] = draft === true;
        break;
      case 'multiSelect':
        values[field.key] = Array.isArray(draft) ? [...draft] : [];
        break;
      case 'timePoint':
        values[field.key] = fromLocalInputText(typeof draft === 'string' ? draft : '');
        break;
      case 'timeRange': {
        const [start = '', end = ''] = Array.isArray(draft) ? draft : [];
        values[field.key] =
          start === '' && end === '' ? [] : [fromLocalInputText(start), fromLocalInputText(end)];
        break;
      }
      default:
        values[field.key] = typeof draft === 'string' ? draft : String(draft);
    }
  }
  return values;
}

/**
 * A number as typed: `undefined` when blank, `NaN` when it is not a number (thousands separators included,
 * so `1,000` is never read as 1). Full-width digits, point and minus (Chinese input methods type them) count.
 */
export function parseNumberText(value: string): number | undefined {
  const normalized = value
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/－/g, '-')
    .replace(/．/g, '.');
  if (normalized === '') return undefined;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return Number.NaN;
  return Number(normalized);
}
