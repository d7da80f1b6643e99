import type { Point } from '../../../../../shared/observability.ts';

/** Pure geometry for the hand-drawn SVG charts: scales, nice ticks, paths with gaps. */

/** The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    // Rounding guards against 0.1 * 3 style drift pushing a nice value one step up.
    const nice = Number((step * power).toPrecision(12));
    if (nice >= value) return nice;
  }
  return 10 * power;
}

/** Evenly spaced ticks from 0 to a nice maximum at or above `max`, `count` intervals at most. */
export function valueTicks(max: number, count = 4): number[] {
  const step = niceCeiling(niceCeiling(max) / count);
  const top = Math.ceil(niceCeiling(max) / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIME_STEPS = [
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  48 * HOUR,
];

/**
 * Time ticks between `from` and `to` (ms) on round local clock times, about `count` of them.
 * `offsetMinutes` is the zone's offset from UTC (east positive), so that 6-hour ticks land on 00:00,
 * 06:00… where the reader lives; it is a parameter to keep this pure.
 */
export function timeTicks(from: number, to: number, count = 4, offsetMinutes = 0): number[] {
  if (!(to > from)) return [];
  const wanted = (to - from) / Math.max(1, count);
  const step =
    TIME_STEPS.find((candidate) => candidate >= wanted) ?? TIME_STEPS[TIME_STEPS.length - 1] ?? HOUR;
  const offset = offsetMinutes * MINUTE;
  const first = Math.ceil((from + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: clock time within two days, else day and month. */
export function formatTimeTick(t: number, spanMs: number): string {
  const date = new Date(t);
  if (spanMs > 2 * 24 * HOUR) return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
}

export type Plotted = { x: number; y: number; t: number; v: number };

/** Points placed on the chart; nulls (no data) are kept as gaps, and unparseable times dropped. */
export function plotPoints(
  points: readonly Point[],
  x: (t: number) => number,
  y: (v: number) => number,
): (Plotted | null)[] {
  const out: (Plotted | null)[] = [];
  for (const point of points) {
    const t = Date.parse(point.t);
    if (Number.isNaN(t)) continue;
    out.push(
      point.v === null || !Number.isFinite(point.v) ? null : { x: x(t), y: y(point.v), t, v: point.v },
    );
  }
  return out;
}

/**
 * An SVG path through the plotted points, broken where data is missing; a point alone between gaps
 * becomes a short tick so that it still shows.
 */
export function linePath(plotted: readonly (Plotted | null)[]): string {
  const parts: string[] = [];
  let run: Plotted[] = [];
  const flush = () => {
    const [first] = run;
    if (!first) return;
    if (run.length === 1) parts.push(`M${r(first.x - 1.5)} ${r(first.y)}H${r(first.x + 1.5)}`);
    else parts.push(run.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(''));
    run = [];
  };
  for (const point of plotted) {
    if (point) run.push(point);
    else flush();
  }
  flush();
  return parts.join('');
}

/** The area under a line down to `baseline`, one closed shape per unbroken run. */
export function areaPath(plotted: readonly (Plotted | null)[], baseline: number): string {
  const parts: string[] = [];
  let run: Plotted[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last && run.length > 1) {
      parts.push(
        `M${r(first.x)} ${r(baseline)}${run.map((p) => `L${r(p.x)} ${r(p.y)}`).join('')}L${r(last.x)} ${r(baseline)}Z`,
      );
    }
    run = [];
  };
  for (const point of plotted) {
    if (point) run.push(point);
    else flush();
  }
  flush();
  return parts.join('');
}

/** Index of the point nearest to `x` among those with data; -1 when none has. */
export function nearestIndex(plotted: readonly (Plotted | null)[], x: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  plotted.forEach((point, index) => {
    if (!point) return;
    const distance = Math.abs(point.x - x);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** Largest value over several series, ignoring gaps; 0 when there is none. */
export function seriesMax(series: readonly (readonly Point[])[]): number {
  let max = 0;
  for (const points of series)
    for (const point of points) if (point.v !== null && point.v > max) max = point.v;
  return max;
}

const r = (value: number): string => String(Math.round(value * 10) / 10);
