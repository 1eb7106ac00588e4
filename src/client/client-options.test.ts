import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from './client-options';

describe('normalizeBaseUrl', () => {
  it.each([
    [undefined, 'http://localhost:3000'],
    ['https://fastgpt.example.com', 'https://fastgpt.example.com'],
    ['https://fastgpt.example.com/', 'https://fastgpt.example.com'],
    ['https://fastgpt.example.com/api', 'https://fastgpt.example.com'],
    ['https://fastgpt.example.com/api/', 'https://fastgpt.example.com'],
    ['https://fastgpt.example.com/api/v1', 'https://fastgpt.example.com'],
    ['https://example.com/fastgpt/api', 'https://example.com/fastgpt'],
    ['/proxy/fastgpt/', '/proxy/fastgpt'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });
});
