import { describe, expect, it } from 'vitest';
import { niceTicks, xLabelIndexes } from './chart-scale';

describe('niceTicks', () => {
  it('gives 3 to 5 rounded ticks from 0 that reach the maximum', () => {
    for (const max of [0.013, 0.05, 0.37, 1, 3.2, 7, 9.99, 10, 11, 48, 87, 101, 999, 1_234, 65_000, 1e7]) {
      for (const whole of [false, true]) {
        const ticks = niceTicks(max, whole);
        expect(ticks.length, `${max}`).toBeGreaterThanOrEqual(3);
        expect(ticks.length, `${max}`).toBeLessThanOrEqual(5);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        const step = ticks[1] as number;
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toPrecision(6)));
        if (whole) expect(ticks.every(Number.isInteger)).toBe(true);
      }
    }
  });

  it('rounds like a person would', () => {
    expect(niceTicks(87, true)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.05)).toEqual([0, 0.02, 0.04, 0.06]);
    expect(niceTicks(3, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, true)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('xLabelIndexes', () => {
  it('spaces labels at least a label width apart', () => {
    const indexes = xLabelIndexes(300, 300, 40);
    expect(indexes[0]).toBe(0);
    for (let i = 1; i < indexes.length; i++) {
      expect(((indexes[i] as number) - (indexes[i - 1] as number)) * (300 / 300)).toBeGreaterThanOrEqual(40);
    }
  });

  it('labels every bucket when there is room, none when there are no buckets', () => {
    expect(xLabelIndexes(4, 400, 40)).toEqual([0, 1, 2, 3]);
    expect(xLabelIndexes(0, 400, 40)).toEqual([]);
  });
});
