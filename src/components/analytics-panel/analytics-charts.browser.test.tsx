import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../styles/tokens.css';
import '../../styles/chat-window.css';
import '../../styles/analytics-charts.css';
import type { AnalyticsPoint } from '../../hooks/use-app-analytics';
import { AnalyticsCharts } from './analytics-charts';

const flags = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
flags.IS_REACT_ACT_ENVIRONMENT = false;

const series: AnalyticsPoint[] = Array.from({ length: 2_000 }, (_, i) => ({
  timestamp: new Date(2025, 0, 1 + i).getTime(),
  users: 5,
  newUsers: i % 4,
  retainedUsers: i % 3,
  chats: 10 + (i % 9),
  messages: 30 + (i % 13),
  points: i % 5,
  errors: i % 7 === 0 ? 2 : 0,
  goodFeedback: i % 3,
  badFeedback: i % 2,
  averageResponseTime: 1 + (i % 4) / 2,
}));

const svgs = () => [...document.querySelectorAll<SVGSVGElement>('svg.fgk-chart-svg')];
const paths = () => [...document.querySelectorAll('[data-series="chats"] path')];

describe('AnalyticsCharts in Chromium', () => {
  it('fills its container at 375 px, follows a resize, and never draws more points than pixels', async () => {
    const { container } = render(
      <div className="fgk-root" style={{ width: 375 }}>
        <AnalyticsCharts series={series} timespan="day" />
      </div>,
    );
    const host = container.firstElementChild as HTMLElement;
    const frames = () => [...document.querySelectorAll<HTMLElement>('[data-slot="analytics-chart-frame"]')];
    await vi.waitFor(() => {
      expect(svgs()).toHaveLength(6);
      for (const [i, svg] of svgs().entries()) {
        expect(Number(svg.getAttribute('width'))).toBe(
          Math.floor(frames()[i]?.getBoundingClientRect().width ?? 0),
        );
      }
    });
    // One column at 375 px, nothing wider than the host.
    for (const svg of svgs())
      expect(svg.getBoundingClientRect().right).toBeLessThanOrEqual(host.getBoundingClientRect().right);
    const narrow = Number(svgs()[0]?.getAttribute('width'));
    expect(narrow).toBeLessThan(375);
    const vertices = () => (paths()[0]?.getAttribute('d')?.match(/[ML]/g) ?? []).length;
    const narrowVertices = vertices();
    expect(narrowVertices).toBeLessThanOrEqual(narrow);

    host.style.width = '1000px';
    await vi.waitFor(() => expect(Number(svgs()[0]?.getAttribute('width'))).toBeGreaterThan(narrow));
    const wide = Number(svgs()[0]?.getAttribute('width'));
    // A wider plot re-buckets into more (and still no more than its pixels) points.
    expect(vertices()).toBeGreaterThan(narrowVertices);
    expect(vertices()).toBeLessThanOrEqual(wide);
  });
});
