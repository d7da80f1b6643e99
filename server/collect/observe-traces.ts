import type { TracedSpan, TracedTrace } from '../../shared/traffic.ts';
import type { RawTrace, TraceAdapter } from './trace-adapter.ts';

/** Labels kept from a span: those that tell the workload and the call. */
const KEPT_LABEL = /^(g\.co\/r\/cloud_run_revision\/[a-z_]+|\/http\/(url|status_code|method))$/;

/** A Cloud Trace v1 trace as the inventory keeps it; spans without an id or valid times are dropped. */
export function normalizeTrace(raw: RawTrace, project: string): TracedTrace | undefined {
  const traceId = raw.traceId ?? '';
  if (!/^[0-9a-f]{1,64}$/i.test(traceId)) return undefined;
  const spans: TracedSpan[] = [];
  for (const span of raw.spans ?? []) {
    const spanId = String(span.spanId ?? '');
    const startMs = Date.parse(span.startTime ?? '');
    const endMs = Date.parse(span.endTime ?? '');
    if (!spanId || Number.isNaN(startMs) || Number.isNaN(endMs)) continue;
    const parent =
      span.parentSpanId === undefined || span.parentSpanId === null ? '' : String(span.parentSpanId);
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(span.labels ?? {})) {
      if (!KEPT_LABEL.test(key) || typeof value !== 'string') continue;
      // URLs lose query and fragment: they may carry tokens, and only the host and path matter here.
      labels[key] = key === '/http/url' ? (value.split(/[?#]/, 1)[0] ?? '') : value;
    }
    spans.push({
      spanId,
      ...(parent && parent !== '0' ? { parentSpanId: parent } : {}),
      kind: span.kind ?? 'SPAN_KIND_UNSPECIFIED',
      name: span.name ?? '',
      startMs,
      endMs,
      labels,
    });
  }
  return { project: raw.projectId ?? project, traceId: traceId.toLowerCase(), spans };
}

export interface TraceRead {
  traces: TracedTrace[];
  /** True when more traces matched than `maxTraces`: only the newest were read. */
  truncated: boolean;
}

export interface ReadTracesOptions {
  from: Date;
  to: Date;
  /** Cloud Trace filter, e.g. `+g.co/r/cloud_run_revision/service_name:order`. */
  filter?: string;
  /** Stop after this many traces (newest first). */
  maxTraces: number;
  pageSize?: number;
}

/** Complete traces of one project that overlap a window, newest first, up to a cap. */
export async function readTraces(
  adapter: TraceAdapter,
  project: string,
  { from, to, filter, maxTraces, pageSize = 500 }: ReadTracesOptions,
): Promise<TraceRead> {
  const traces: TracedTrace[] = [];
  let pageToken: string | undefined;
  do {
    const page = await adapter.listTraces({
      project,
      startTime: from.toISOString(),
      endTime: to.toISOString(),
      view: 'COMPLETE',
      orderBy: 'start desc',
      pageSize: Math.min(pageSize, maxTraces - traces.length),
      ...(filter ? { filter } : {}),
      ...(pageToken ? { pageToken } : {}),
    });
    for (const raw of page.traces) {
      const trace = normalizeTrace(raw, project);
      if (trace) traces.push(trace);
    }
    pageToken = page.nextPageToken;
  } while (pageToken && traces.length < maxTraces);
  return { traces: traces.slice(0, maxTraces), truncated: pageToken !== undefined };
}
