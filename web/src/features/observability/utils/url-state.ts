import { type TimeRange, timeRangeSchema } from '../../../../../shared/observability.ts';

/**
 * The observability views' URL state: `range` (1h, 6h, 24h, 7d; 1h when absent), `tab` of the
 * service panel, `trace` (`<project>/<traceId>`: its waterfall open, its path lit) and `follow` (a
 * service whose failure is followed down to its root cause). Defaults are left out of URLs.
 */

export const DEFAULT_RANGE: TimeRange = '1h';

export const rangeLabels: Record<TimeRange, { short: string; long: string }> = {
  '1h': { short: '1 h', long: 'the last hour' },
  '6h': { short: '6 h', long: 'the last 6 hours' },
  '24h': { short: '24 h', long: 'the last 24 hours' },
  '7d': { short: '7 d', long: 'the last 7 days' },
};

/** `?range=` as a time range; anything else (absent, misspelt) is the default, 1 h. */
export function parseRange(value: string | null | undefined): TimeRange {
  const parsed = timeRangeSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RANGE;
}

/** The URL form: null (no parameter) for the default. */
export const formatRange = (range: TimeRange): string | null => (range === DEFAULT_RANGE ? null : range);

export const panelTabs = ['overview', 'signals', 'errors', 'traces'] as const;
export type PanelTab = (typeof panelTabs)[number];

export const panelTabLabels: Record<PanelTab, string> = {
  overview: 'Overview',
  signals: 'Signals',
  errors: 'Errors',
  traces: 'Traces',
};

export function parseTab(value: string | null | undefined): PanelTab {
  return (panelTabs as readonly string[]).includes(value ?? '') ? (value as PanelTab) : 'overview';
}

export const formatTab = (tab: PanelTab): string | null => (tab === 'overview' ? null : tab);

/** One trace of Cloud Trace: traces are per project. */
export type TraceRef = { project: string; traceId: string };

// Project ids may be domain-scoped (`example.com:shop`); trace ids are 32 hex digits in Cloud Trace,
// but anything URL-safe is accepted and left to the server to find or refuse.
const PROJECT = /^[a-z0-9][a-z0-9.:-]{0,99}$/i;
const TRACE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** `?trace=shop-prod/0af7…` → the trace; null when absent or malformed. */
export function parseTraceRef(value: string | null | undefined): TraceRef | null {
  if (!value) return null;
  const slash = value.lastIndexOf('/');
  if (slash <= 0) return null;
  const project = value.slice(0, slash);
  const traceId = value.slice(slash + 1);
  return PROJECT.test(project) && TRACE_ID.test(traceId) ? { project, traceId } : null;
}

export const formatTraceRef = (ref: TraceRef): string => `${ref.project}/${ref.traceId}`;
