import type { WaterfallSpan } from '../../../../../shared/observability.ts';
import { valueTicks } from './chart-scale.ts';

/** One row of the waterfall: a span placed on the trace's time axis, indented under its parent. */
export type WaterfallRow = {
  span: WaterfallSpan;
  depth: number;
  /** Left edge and width of the bar, in percent of the trace's duration. */
  offsetPct: number;
  widthPct: number;
  /** Its parent is not in the trace (lost or not sampled): shown at the top level. */
  orphan: boolean;
  /** The span runs in another workload than its parent's: a call crossed services here. */
  crossesService: boolean;
};

/** Bars narrower than this (in %) are widened so that a 1 ms span can still be seen and hovered. */
export const MIN_BAR_PCT = 0.4;

/**
 * Rows in reading order: depth first, children by start time under their parent. Spans whose
 * parent is missing become roots (marked orphan); a cycle of parent ids cannot loop. Pure.
 */
export function layoutWaterfall(spans: readonly WaterfallSpan[], durationMs: number): WaterfallRow[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, WaterfallSpan[]>();
  const roots: WaterfallSpan[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent !== null && parent !== span.spanId && byId.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(span);
      children.set(parent, list);
    } else roots.push(span);
  }
  const end = spans.reduce((max, span) => Math.max(max, span.startMs + span.durationMs), 0);
  const total = Math.max(durationMs, end, 1);
  const rows: WaterfallRow[] = [];
  const seen = new Set<string>();

  const visit = (span: WaterfallSpan, depth: number, parent: WaterfallSpan | null) => {
    if (seen.has(span.spanId)) return;
    seen.add(span.spanId);
    const offset = clamp((span.startMs / total) * 100, 0, 100);
    const width = clamp(Math.max((span.durationMs / total) * 100, MIN_BAR_PCT), 0, 100);
    rows.push({
      span,
      depth,
      offsetPct: Math.min(offset, 100 - width),
      widthPct: width,
      orphan: span.parentSpanId !== null && parent === null,
      crossesService: parent !== null && span.service !== null && span.service !== parent.service,
    });
    for (const child of sortByStart(children.get(span.spanId) ?? [])) visit(child, depth + 1, span);
  };
  for (const root of sortByStart(roots)) visit(root, 0, null);
  // Spans caught in a parent cycle were never reached from a root: show them rather than lose them.
  for (const span of sortByStart(spans.filter((s) => !seen.has(s.spanId)))) visit(span, 0, null);
  return rows;
}

const sortByStart = (spans: readonly WaterfallSpan[]): WaterfallSpan[] =>
  [...spans].sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * Where a bar's duration text goes: after the bar when there is room on the right, else before it
 * when there is room on the left, else inside it (a long bar from near the start).
 */
export function labelPlacement(
  row: Pick<WaterfallRow, 'offsetPct' | 'widthPct'>,
): 'after' | 'before' | 'inside' {
  if (row.offsetPct + row.widthPct <= 75) return 'after';
  return row.offsetPct >= 25 ? 'before' : 'inside';
}

/** Distinct, colour-blind-aware hues for services; red is kept for errors. */
const PALETTE = ['#2563eb', '#7c3aed', '#0d9488', '#ea580c', '#db2777', '#65a30d', '#a16207', '#334155'];
export const UNKNOWN_SERVICE_COLOUR = '#94a3b8';

/** A colour per service, in order of first appearance (so the caller's is always blue); null is grey. */
export function serviceColours(services: readonly (string | null)[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const service of services) {
    if (service === null || colours.has(service)) continue;
    colours.set(service, PALETTE[colours.size % PALETTE.length] ?? UNKNOWN_SERVICE_COLOUR);
  }
  return colours;
}

/** Ticks of the waterfall's time axis, in ms from the trace's start, within its duration. */
export function waterfallTicks(durationMs: number, count = 5): number[] {
  const total = Math.max(durationMs, 1);
  return valueTicks(total, count).filter((tick) => tick <= total);
}
