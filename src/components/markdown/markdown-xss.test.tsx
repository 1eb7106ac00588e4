import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { sanitizeUrl } from './sanitize-url';
import { unsafeParts } from './xss-assertions.test-helpers';
import { xssPayloads } from './xss-payloads';

const BASE = 'https://fastgpt.example.com';

describe('Markdown XSS', () => {
  it('has at least 40 payloads', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
  });

  it.each(xssPayloads)(
    'renders "$name" with no handler, script-capable element or dangerous URL',
    ({ markdown }) => {
      for (const streaming of [false, true]) {
        const { container, unmount } = render(
          <Markdown text={markdown} streaming={streaming} baseUrl={BASE} />,
        );
        expect(unsafeParts(container)).toEqual([]);
        unmount();
      }
    },
  );

  it('renders all payloads together without anything unsafe', () => {
    const all = xssPayloads.map((payload) => payload.markdown).join('\n\n');
    const { container } = render(<Markdown text={all} baseUrl={BASE} />);
    expect(unsafeParts(container)).toEqual([]);
    expect(container.querySelectorAll('a[href]').length).toBeGreaterThan(0);
  });

  it('keeps safe URLs and drops obfuscated dangerous ones in sanitizeUrl', () => {
    expect(sanitizeUrl('https://a.example/x?y#z', 'link')).toBe('https://a.example/x?y#z');
    expect(sanitizeUrl('HTTP://A.example', 'image')).toBe('http://a.example/');
    expect(sanitizeUrl('mailto:me@example.com', 'link')).toBe('mailto:me@example.com');
    expect(sanitizeUrl('mailto:me@example.com', 'image')).toBeUndefined();
    expect(sanitizeUrl('/api/x', 'image', BASE)).toBe(`${BASE}/api/x`);
    expect(sanitizeUrl('?q=1', 'link', `${BASE}/chat/share`)).toBe(`${BASE}/chat/share?q=1`);
    expect(sanitizeUrl('#top', 'link')).toBe('#top');
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'jav\u0000ascript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      '//evil.example',
      '\\\\evil.example',
      '/\\evil.example',
      ' \t//evil.example',
      'blob:https://a.example/1',
    ]) {
      expect(sanitizeUrl(url, 'link', BASE), JSON.stringify(url)).toBeUndefined();
    }
    expect(sanitizeUrl('data:image/png;base64,AAAA', 'image')).toBeUndefined();
  });

  it('never uses dangerouslySetInnerHTML in the module', async () => {
    const sources = import.meta.glob(['./*.ts', './*.tsx', '!./*.test.*', '!./*.test-helpers.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(8);
    for (const [file, source] of Object.entries(sources)) {
      expect(String(source).includes('dangerouslySetInner' + 'HTML'), file).toBe(false);
    }
  });
});
