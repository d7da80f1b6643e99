import { describe, expect, it } from 'vitest';
import type { WaterfallSpan } from '../../../../../shared/observability.ts';
import {
  labelPlacement,
  layoutWaterfall,
  MIN_BAR_PCT,
  serviceColours,
  UNKNOWN_SERVICE_COLOUR,
  waterfallTicks,
} from './waterfall.ts';

const span = (
  spanId: string,
  parentSpanId: string | null,
  startMs: number,
  durationMs: number,
  service: string | null = 'a',
): WaterfallSpan => ({
  spanId,
  parentSpanId,
  name: `span ${spanId}`,
  kind: 'RPC_SERVER',
  service,
  startMs,
  durationMs,
  status: 200,
  error: false,
});

describe('layoutWaterfall', () => {
  it('orders spans depth first, children by start time, and indents them by parent', () => {
    const rows = layoutWaterfall(
      [
        span('1', null, 0, 100),
        span('3', '1', 50, 40, 'b'),
        span('2', '1', 10, 20, 'b'),
        span('4', '3', 60, 10, 'c'),
      ],
      100,
    );
    expect(rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 1],
      ['4', 2],
    ]);
    expect(rows.map((row) => row.crossesService)).toEqual([false, true, true, true]);
  });

  it('places bars in percent of the trace duration', () => {
    const [root, child] = layoutWaterfall([span('1', null, 0, 200), span('2', '1', 50, 100)], 200);
    expect(root).toMatchObject({ offsetPct: 0, widthPct: 100 });
    expect(child).toMatchObject({ offsetPct: 25, widthPct: 50 });
  });

  it('widens a very short span so that it stays visible, within the axis', () => {
    const rows = layoutWaterfall([span('1', null, 0, 1000), span('2', '1', 1000, 0)], 1000);
    expect(rows[1]).toMatchObject({ widthPct: MIN_BAR_PCT, offsetPct: 100 - MIN_BAR_PCT });
  });

  it('stretches the axis when a span ends after the stated duration', () => {
    const rows = layoutWaterfall([span('1', null, 0, 100), span('2', '1', 150, 50)], 100);
    expect(rows[1]).toMatchObject({ offsetPct: 75, widthPct: 25 });
  });

  it('shows spans whose parent is missing at the top level, marked orphan', () => {
    const rows = layoutWaterfall([span('1', null, 0, 10), span('2', 'gone', 5, 1)], 10);
    expect(rows.map((row) => [row.span.spanId, row.depth, row.orphan])).toEqual([
      ['1', 0, false],
      ['2', 0, true],
    ]);
  });

  it('survives a parent cycle without losing spans', () => {
    const rows = layoutWaterfall([span('1', '2', 0, 10), span('2', '1', 1, 5), span('3', '3', 2, 1)], 10);
    expect(rows.map((row) => row.span.spanId).sort()).toEqual(['1', '2', '3']);
  });

  it('lays out an empty trace as no rows', () => {
    expect(layoutWaterfall([], 0)).toEqual([]);
  });
});

describe('labelPlacement', () => {
  it.each([
    [{ offsetPct: 0, widthPct: 10 }, 'after'],
    [{ offsetPct: 60, widthPct: 15 }, 'after'],
    [{ offsetPct: 60, widthPct: 30 }, 'before'],
    [{ offsetPct: 0, widthPct: 100 }, 'inside'],
    [{ offsetPct: 10, widthPct: 80 }, 'inside'],
  ] as const)('puts the text of %o %s', (row, where) => {
    expect(labelPlacement(row)).toBe(where);
  });
});

describe('serviceColours', () => {
  it('gives each service one colour in order of first appearance, none for unknown', () => {
    const colours = serviceColours(['a', null, 'b', 'a', 'c']);
    expect([...colours.keys()]).toEqual(['a', 'b', 'c']);
    expect(new Set(colours.values()).size).toBe(3);
    expect([...colours.values()]).not.toContain(UNKNOWN_SERVICE_COLOUR);
  });
});

describe('waterfallTicks', () => {
  it('ticks the duration on round milliseconds', () => {
    expect(waterfallTicks(9420)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(waterfallTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
