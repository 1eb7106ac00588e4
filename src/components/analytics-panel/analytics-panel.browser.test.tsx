import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../styles/tokens.css';
import '../../styles/chat-window.css';
import '../../styles/analytics-charts.css';
import '../../styles/analytics-panel.css';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS } from '../../testing';
import { AnalyticsPanel } from './analytics-panel';

const flags = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
flags.IS_REACT_ACT_ENVIRONMENT = false;

const LOADED = { timeout: 30_000 };
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const domRows = () => document.querySelectorAll('tr.fgk-log-row');
const scroller = () => document.querySelector('.fgk-log-scroll') as HTMLElement;

async function scrollTo(element: HTMLElement, top: number) {
  element.scrollTop = top;
  await new Promise((resolve) => element.addEventListener('scroll', resolve, { once: true }));
  await nextFrame();
  await nextFrame();
}

describe('AnalyticsPanel in Chromium', () => {
  it('keeps at most 60 rows in the DOM with 10,000 loaded, wherever the reader scrolls or jumps', async () => {
    const setup = setupFastGPT({
      fake: { analytics: { chats: 10_000, days: 80 } },
      client: { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken },
    });
    render(
      <div style={{ width: 1200 }}>
        <AnalyticsPanel defaultFilters={{ preset: '90d' }} pageSize={10_000} />
      </div>,
      { wrapper: setup.wrapper },
    );
    await vi.waitFor(
      () =>
        expect(document.querySelector('.fgk-log-footer')?.textContent).toMatch(
          /^10,000 of 10,000 conversations/,
        ),
      LOADED,
    );
    expect(domRows().length).toBeGreaterThan(5);
    expect(domRows().length).toBeLessThanOrEqual(60);

    const element = scroller();
    await scrollTo(element, element.scrollHeight / 2);
    const middle = [...domRows()].map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(middle.length).toBeLessThanOrEqual(60);
    // The rows in view are the middle of the list, not the top.
    expect(Math.min(...middle)).toBeGreaterThan(4_000);

    await scrollTo(element, element.scrollHeight);
    const end = [...domRows()].map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(end.length).toBeLessThanOrEqual(60);
    expect(Math.max(...end)).toBe(10_001);

    // Home and End move the keyboard focus across the whole list, rendering only what is in view.
    const lastOpen = document.querySelector('tr.fgk-log-row:last-of-type .fgk-log-open') as HTMLElement;
    lastOpen.focus();
    fireEvent.keyDown(lastOpen, { key: 'Home' });
    await vi.waitFor(() =>
      expect(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')).toBe('2'),
    );
    expect(element.scrollTop).toBe(0);
    expect(domRows().length).toBeLessThanOrEqual(60);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    await vi.waitFor(() =>
      expect(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')).toBe('10001'),
    );
    expect(domRows().length).toBeLessThanOrEqual(60);
  }, 60_000);
});
