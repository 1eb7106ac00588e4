import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown';
import { unsafeParts } from './xss-assertions.test-helpers';
import { XSS_FLAG, xssPayloads } from './xss-payloads';

const BASE = 'https://fastgpt.example.com';
const flags = globalThis as unknown as Record<string, unknown> & { IS_REACT_ACT_ENVIRONMENT?: boolean };
flags.IS_REACT_ACT_ENVIRONMENT = true;

const settle = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 150)));

function poke(root: Element) {
  // Give any handler that slipped through its chance to fire.
  for (const element of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error', 'animationstart']) {
      element.dispatchEvent(new Event(type));
    }
  }
}

describe('Markdown XSS in Chromium', () => {
  afterEach(() => {
    delete flags[XSS_FLAG];
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('positive control: the harness notices a payload that does run', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    host.innerHTML = `<img src="/does-not-exist.png" onerror="window.${XSS_FLAG}=1">`;
    await vi.waitFor(() => expect(flags[XSS_FLAG]).toBe(1), { timeout: 3_000 });
    expect(unsafeParts(host)).not.toEqual([]);
  });

  it(`renders all ${xssPayloads.length} payloads, whole and streamed, without running any script`, async () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    const view = (length: number, streaming: boolean) => (
      <>
        {xssPayloads.map((payload) => (
          <section key={payload.name} aria-label={payload.name}>
            <Markdown text={payload.markdown} baseUrl={BASE} />
            <Markdown text={payload.markdown.slice(0, length)} streaming={streaming} baseUrl={BASE} />
          </section>
        ))}
      </>
    );
    const longest = Math.max(...xssPayloads.map((payload) => payload.markdown.length));
    for (let length = 0; length <= longest; length += 3) {
      await act(async () => root.render(view(length, true)));
      expect(unsafeParts(host)).toEqual([]);
    }
    await act(async () => root.render(view(longest, false)));
    await settle();
    poke(host);
    await settle();

    expect(flags[XSS_FLAG]).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
    expect(unsafeParts(host)).toEqual([]);
    expect(host.querySelectorAll('.fgk-markdown').length).toBe(2 * xssPayloads.length);
    act(() => root.unmount());
  });
});
