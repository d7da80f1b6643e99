import { describe, expect, it } from 'vitest';
import {
  areaPath,
  linearScale,
  linePath,
  nearestIndex,
  niceCeiling,
  plotPoints,
  seriesMax,
  timeTicks,
  valueTicks,
} from './chart-scale.ts';

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
    [0.86, 1],
    [0.3, 0.5],
    [0.012, 0.02],
    [1, 1],
    [3.7, 5],
    [22, 25],
    [86, 100],
    [9100, 10000],
    [0.1 * 3, 0.5],
  ])('rounds %s up to %s', (value, nice) => {
    expect(niceCeiling(value)).toBe(nice);
  });
});

describe('valueTicks', () => {
  it.each([
    [0, [0, 0.25, 0.5, 0.75, 1]],
    [3.7, [0, 2, 4, 6]],
    [9100, [0, 2500, 5000, 7500, 10000]],
    [0.86, [0, 0.25, 0.5, 0.75, 1]],
    [0.0012, [0, 0.0005, 0.001, 0.0015, 0.002]],
  ])('ticks 0..%s as %j', (max, ticks) => {
    expect(valueTicks(max)).toEqual(ticks);
  });
  it('always covers the maximum', () => {
    for (const max of [0.3, 1.1, 7, 13, 99, 101, 4321]) {
      const ticks = valueTicks(max);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for SVG y', () => {
    const y = linearScale(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(y(100)).toBe(0);
  });
  it('puts everything in the middle for an empty domain', () => {
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });
});

describe('timeTicks', () => {
  const h = 3_600_000;
  it('puts ticks on round times within the window', () => {
    const from = Date.UTC(2026, 10, 21, 11, 7);
    const to = from + h;
    const ticks = timeTicks(from, to, 4);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      '11:15',
      '11:30',
      '11:45',
      '12:00',
    ]);
  });
  it('honours the local offset for coarse steps', () => {
    const from = Date.UTC(2026, 10, 20, 12, 0);
    const ticks = timeTicks(from, from + 24 * h, 4, 120);
    // Every 6 h on local time, i.e. 04:00, 10:00… UTC for UTC+2.
    expect(ticks.map((t) => new Date(t).getUTCHours())).toEqual([16, 22, 4, 10]);
  });
  it('has no ticks for an empty window', () => {
    expect(timeTicks(10, 10)).toEqual([]);
  });
});

describe('paths', () => {
  const x = (t: number) => t / 1000;
  const y = (v: number) => 100 - v;
  const at = (s: number, v: number | null) => ({ t: new Date(s * 1000).toISOString(), v });

  it('draws a line broken where data is missing, a lone point as a tick', () => {
    const plotted = plotPoints([at(0, 10), at(10, 20), at(20, null), at(30, 5), at(40, null)], x, y);
    expect(linePath(plotted)).toBe('M0 90L10 80M28.5 95H31.5');
  });
  it('fills the area under each run of two points or more', () => {
    const plotted = plotPoints([at(0, 10), at(10, 20), at(20, null), at(30, 5)], x, y);
    expect(areaPath(plotted, 100)).toBe('M0 100L0 90L10 80L10 100Z');
  });
  it('drops points with unreadable times', () => {
    expect(plotPoints([{ t: 'yesterday', v: 1 }], x, y)).toEqual([]);
  });
  it('finds the nearest point with data', () => {
    const plotted = plotPoints([at(0, 10), at(10, null), at(20, 5)], x, y);
    expect(nearestIndex(plotted, 9)).toBe(0);
    expect(nearestIndex(plotted, 11)).toBe(2);
    expect(nearestIndex([null], 3)).toBe(-1);
  });
  it('takes the maximum over series, ignoring gaps', () => {
    expect(seriesMax([[at(0, 3), at(1, null)], [at(0, 7)]])).toBe(7);
    expect(seriesMax([[at(0, null)]])).toBe(0);
  });
});
