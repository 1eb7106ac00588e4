import { describe, expect, it } from 'vitest';
import type { UserInputFormItem } from '../client/types';
import { type FormFieldSpec, fieldsFromUserInput } from './form-fields';
import { firstInvalidKey, validateFormValues } from './validate-form-values';

const field = (item: Partial<UserInputFormItem> & Pick<UserInputFormItem, 'type'>): FormFieldSpec => {
  const [spec] = fieldsFromUserInput([{ key: 'f', label: 'F', ...item }]);
  if (!spec) throw new Error('no field');
  return spec;
};
const check = (spec: FormFieldSpec, value: unknown) => validateFormValues([spec], { f: value as never }).f;

describe('validateFormValues', () => {
  it('refuses an empty required text, and spaces alone, but passes an empty optional one', () => {
    expect(check(field({ type: 'input', required: true }), '')).toEqual({ code: 'required' });
    expect(check(field({ type: 'textarea', required: true }), '   ')).toEqual({ code: 'required' });
    expect(check(field({ type: 'input', required: false, minLength: 3 }), '')).toBeUndefined();
  });

  it('counts text length in characters, so Chinese and emoji count once', () => {
    const spec = field({ type: 'input', maxLength: 3, minLength: 2 });
    expect(check(spec, '北京市')).toBeUndefined();
    expect(check(spec, '😀😀')).toBeUndefined();
    expect(check(spec, '北京市区')).toEqual({ code: 'tooLong', limit: 3 });
    expect(check(spec, '北')).toEqual({ code: 'tooShort', limit: 2 });
  });

  it('parses numbers, refusing text, thousands separators and values outside min/max', () => {
    const spec = field({ type: 'numberInput', min: 1, max: 7, required: true });
    expect(check(spec, '')).toEqual({ code: 'required' });
    expect(check(spec, 'abc')).toEqual({ code: 'notANumber' });
    expect(check(spec, '1,000')).toEqual({ code: 'notANumber' });
    expect(check(spec, '0')).toEqual({ code: 'belowMin', limit: 1 });
    expect(check(spec, '7.5')).toEqual({ code: 'aboveMax', limit: 7 });
    expect(check(spec, ' 7 ')).toBeUndefined();
    expect(check(spec, '５')).toBeUndefined();
    expect(check(field({ type: 'numberInput', min: -3 }), '-2.5')).toBeUndefined();
  });

  it('needs one choice in a required multi-select; a switch always passes', () => {
    const list = [{ label: 'A', value: 'a' }];
    expect(check(field({ type: 'multipleSelect', list, required: true }), [])).toEqual({ code: 'required' });
    expect(check(field({ type: 'multipleSelect', list, required: true }), ['a'])).toBeUndefined();
    expect(check(field({ type: 'switch', required: true }), false)).toBeUndefined();
  });

  it('needs both ends of a time range once one is given, in order', () => {
    const spec = field({ type: 'timeRangeSelect' });
    expect(check(spec, ['', ''])).toBeUndefined();
    expect(check(spec, ['2025-05-01T10:00', ''])).toEqual({ code: 'required' });
    expect(check(spec, ['2025-05-02T10:00', '2025-05-01T10:00'])).toEqual({ code: 'rangeOrder' });
    expect(check(spec, ['2025-05-01T10:00', '2025-05-01T10:00'])).toBeUndefined();
    expect(check(field({ type: 'timeRangeSelect', required: true }), ['', ''])).toEqual({ code: 'required' });
  });

  it('names the first refused field in form order', () => {
    const fields = fieldsFromUserInput([
      { type: 'input', key: 'a', label: 'A' },
      { type: 'input', key: 'b', label: 'B', required: true },
      { type: 'numberInput', key: 'c', label: 'C', required: true },
    ]);
    const errors = validateFormValues(fields, { a: '', b: '', c: '' });
    expect(Object.keys(errors)).toEqual(['b', 'c']);
    expect(firstInvalidKey(fields, errors)).toBe('b');
    expect(firstInvalidKey(fields, {})).toBeUndefined();
  });
});
