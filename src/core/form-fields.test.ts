import { describe, expect, it } from 'vitest';
import type { AppVariable } from '../client/types';
import {
  fieldsFromUserInput,
  fieldsFromVariables,
  fromLocalInputText,
  initialDraftValues,
  toLocalInputText,
  toTypedValues,
} from './form-fields';

describe('form fields', () => {
  it('maps every FastGPT input type to a kind, and unknown or choice-less ones to text', () => {
    const fields = fieldsFromUserInput([
      { type: 'input', key: 'a', label: 'A' },
      { type: 'textarea', key: 'b', label: 'B' },
      { type: 'numberInput', key: 'c', label: 'C' },
      { type: 'select', key: 'd', label: 'D', list: [{ label: 'x', value: 'x' }] },
      { type: 'multipleSelect', key: 'e', label: 'E', list: [{ label: 'x', value: 'x' }] },
      { type: 'switch', key: 'f', label: 'F' },
      { type: 'timePointSelect', key: 'g', label: 'G' },
      { type: 'timeRangeSelect', key: 'h', label: 'H' },
      { type: 'password', key: 'i', label: 'I' },
      { type: 'fileSelect', key: 'j', label: 'J' },
      { type: 'select', key: 'k', label: 'K' },
      { type: 'someFutureType', key: 'l', label: '' },
    ]);
    expect(fields.map((f) => f.kind)).toEqual([
      'text',
      'textarea',
      'number',
      'select',
      'multiSelect',
      'switch',
      'timePoint',
      'timeRange',
      'password',
      'text',
      'text',
      'text',
    ]);
    // A missing label falls back to the key, so the control is never unlabelled.
    expect(fields.at(-1)?.label).toBe('l');
  });

  it('skips hidden, internal, caller-set and skipped variables and reads old maxLen / enums', () => {
    const variables: AppVariable[] = [
      { key: 'uid', label: 'UID', type: 'input' },
      { key: 'secret', label: 'S', type: 'internal' },
      { key: 'ext', label: 'E', type: 'custom' },
      { key: 'h', label: 'H', type: 'hidden' },
      { key: 'name', label: 'Name', type: 'input', maxLen: 10 },
      {
        key: 'lang',
        label: 'Lang',
        type: 'select',
        enums: [{ value: 'zh' }, { value: 'en', label: 'English' }],
      },
    ];
    const fields = fieldsFromVariables(variables, ['uid']);
    expect(fields.map((f) => f.key)).toEqual(['name', 'lang']);
    expect(fields[0]?.maxLength).toBe(10);
    expect(fields[1]?.options).toEqual([
      { label: 'zh', value: 'zh' },
      { label: 'English', value: 'en' },
    ]);
  });

  it('starts from known values, else defaults, and turns drafts into typed values', () => {
    const fields = fieldsFromUserInput([
      { type: 'input', key: 'city', label: '城市', defaultValue: '' },
      { type: 'numberInput', key: 'days', label: '天数', defaultValue: 3 },
      { type: 'multipleSelect', key: 'tags', label: 'T', list: [{ label: 'a', value: 'a' }] },
      { type: 'switch', key: 'on', label: 'On', defaultValue: false },
      { type: 'timeRangeSelect', key: 'range', label: 'R' },
    ]);
    const drafts = initialDraftValues(fields, { city: '北京', days: '' });
    expect(drafts).toEqual({ city: '北京', days: '3', tags: [], on: false, range: ['', ''] });
    expect(toTypedValues(fields, { ...drafts, days: '5', tags: ['a'], on: true })).toEqual({
      city: '北京',
      days: 5,
      tags: ['a'],
      on: true,
      range: [],
    });
    // An empty number is left out rather than sent as 0 or "".
    expect(toTypedValues(fields, { ...drafts, days: '' })).not.toHaveProperty('days');
  });

  it('round-trips times between ISO instants and local input text', () => {
    const iso = fromLocalInputText('2025-05-01T09:30');
    expect(iso).toMatch(/^2025-0[45]-\d\dT\d\d:30:00\.000Z$/);
    expect(toLocalInputText(iso, false)).toBe('2025-05-01T09:30');
    expect(toLocalInputText(fromLocalInputText('2025-05-01'), true)).toBe('2025-05-01');
    expect(toLocalInputText('not a date', false)).toBe('');
    expect(fromLocalInputText('')).toBe('');
  });
});
