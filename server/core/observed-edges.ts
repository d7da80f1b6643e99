import type { Workload } from '../../shared/inventory.ts';
import type { NodeTraffic, ObservedEdge } from '../../shared/observability.ts';
import type { TracedSpan, TracedTrace } from '../../shared/traffic.ts';
import { healthOf } from './health.ts';
import { serviceLocator } from './service-locator.ts';

/** Labels Cloud Run puts on the spans of a revision (its monitored resource's labels). */
export const SPAN_LABELS = {
  serviceName: 'g.co/r/cloud_run_revision/service_name',
  location: 'g.co/r/cloud_run_revision/location',
  projectId: 'g.co/r/cloud_run_revision/project_id',
  url: '/http/url',
  status: '/http/status_code',
  method: '/http/method',
} as const;

/** A span of a merged trace: the project of the copy it came from and the workload it ran in. */
export interface ResolvedSpan extends TracedSpan {
  project: string;
  /** Full resource name of the service, or null when neither labels nor URL tell. */
  service: string | null;
  /** `/http/status_code` as a number, when present. */
  status: number | null;
}

/** One call between two workloads seen in a trace (SPEC §7). */
export interface ObservedCall {
  source: string;
  target: string;
  startMs: number;
  durationMs: number;
  status: number | null;
  /** Answered 401/403 with no server span: Cloud Run refused the caller (missing grant, wrong audience). */
  denied: boolean;
  /** 5xx, or denied. */
  error: boolean;
  /** The client span (when there is one) and the server span (when the call got through). */
  spanIds: string[];
}

/** A trace with its copies merged, each span attributed to a workload, and the calls it holds. */
export interface ResolvedTrace {
  traceId: string;
  /** Projects whose copies were merged, in the order given. */
  projects: string[];
  /** Spans by start time. */
  spans: ResolvedSpan[];
  calls: ObservedCall[];
}

export interface TraceWindow {
  fromMs: number;
  toMs: number;
}

/** Observed edges and per-workload inbound traffic over a window, from traces. */
export interface ObservedTraffic {
  edges: ObservedEdge[];
  nodes: NodeTraffic[];
  /** Distinct traces (after merging copies) that had a span in the window. */
  traces: number;
}

export const observedEdgeId = (source: string, target: string): string => `observed:${source}->${target}`;

/** Groups trace copies by trace id (Cloud Trace stores a cross-project trace once per project). */
export function groupTraceCopies(traces: readonly TracedTrace[]): TracedTrace[][] {
  const byId = new Map<string, TracedTrace[]>();
  for (const trace of traces) {
    const list = byId.get(trace.traceId) ?? [];
    list.push(trace);
    byId.set(trace.traceId, list);
  }
  return [...byId.values()];
}

const serviceKey = (project: string, location: string, name: string) =>
  `${project}\u0000${location}\u0000${name}`;

/**
 * Attributes spans to the estate's services and finds the calls in a trace: a span whose parent
 * belongs to another service is a call between them (once per client span); a client span whose URL
 * is another service's, with no server span under it, is a call when it got an answer — a denied
 * one when that answer was 401/403.
 */
export function traceResolver(
  workloads: readonly Workload[],
): (copies: readonly TracedTrace[]) => ResolvedTrace {
  const services = workloads.filter((w) => w.kind === 'service');
  const byKey = new Map(services.map((s) => [serviceKey(s.project, s.location, s.shortName), s.name]));
  const byProjectName = new Map<string, string[]>();
  for (const s of services) {
    const key = `${s.project}\u0000${s.shortName}`;
    byProjectName.set(key, [...(byProjectName.get(key) ?? []), s.name]);
  }
  const locator = serviceLocator(workloads);
  const atUrl = (span: TracedSpan) => {
    const url = span.labels[SPAN_LABELS.url];
    return url ? locator.serviceAt(url)?.target : undefined;
  };

  /** The service named by the span's resource labels; the copy's project when the labels name none. */
  const byLabels = (span: TracedSpan, project: string): string | undefined => {
    const name = span.labels[SPAN_LABELS.serviceName];
    if (!name) return undefined;
    const p = span.labels[SPAN_LABELS.projectId] ?? project;
    const location = span.labels[SPAN_LABELS.location];
    if (location) return byKey.get(serviceKey(p, location, name));
    const candidates = byProjectName.get(`${p}\u0000${name}`) ?? [];
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  return (copies) => {
    const raw = new Map<string, { span: TracedSpan; project: string }>();
    for (const copy of copies) {
      for (const span of copy.spans)
        if (!raw.has(span.spanId)) raw.set(span.spanId, { span, project: copy.project });
    }
    const resolved = new Map<string, ResolvedSpan>();
    const resolve = (spanId: string, depth = 0): ResolvedSpan | undefined => {
      const done = resolved.get(spanId);
      if (done) return done;
      const entry = raw.get(spanId);
      if (!entry) return undefined;
      const { span, project } = entry;
      let service = byLabels(span, project) ?? (span.kind === 'RPC_SERVER' ? atUrl(span) : undefined) ?? null;
      // Local and client spans without labels run in their parent's workload; a server span does not.
      if (service === null && span.kind !== 'RPC_SERVER' && span.parentSpanId && depth < 256) {
        service = resolve(span.parentSpanId, depth + 1)?.service ?? null;
      }
      const statusText = span.labels[SPAN_LABELS.status];
      const status = statusText !== undefined && /^\d{3}$/.test(statusText) ? Number(statusText) : null;
      const result: ResolvedSpan = { ...span, project, service, status };
      resolved.set(spanId, result);
      return result;
    };
    for (const spanId of raw.keys()) resolve(spanId);
    const spans = [...resolved.values()].sort(
      (a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId),
    );

    const calls = new Map<string, ObservedCall>();
    const callOf = (
      source: string,
      target: string,
      client: ResolvedSpan | undefined,
      server: ResolvedSpan | undefined,
    ) => {
      const timing = client ?? server;
      if (!timing) return undefined;
      const status = client?.status ?? server?.status ?? null;
      const denied = server === undefined && (status === 401 || status === 403);
      return {
        source,
        target,
        startMs: timing.startMs,
        durationMs: Math.max(0, timing.endMs - timing.startMs),
        status,
        denied,
        error: denied || (status !== null && status >= 500),
        spanIds: [client?.spanId, server?.spanId].filter((id): id is string => id !== undefined),
      };
    };
    for (const span of spans) {
      const parent = span.parentSpanId ? resolved.get(span.parentSpanId) : undefined;
      if (!parent || !span.service || !parent.service || span.service === parent.service) continue;
      const client = parent.kind === 'RPC_CLIENT' ? parent : undefined;
      const key = client ? client.spanId : span.spanId;
      if (calls.has(key)) continue;
      const call = callOf(parent.service, span.service, client, span);
      if (call) calls.set(key, call);
    }
    for (const span of spans) {
      if (span.kind !== 'RPC_CLIENT' || !span.service || calls.has(span.spanId) || span.status === null)
        continue;
      const target = atUrl(span);
      if (!target || target === span.service) continue;
      const call = callOf(span.service, target, span, undefined);
      if (call) calls.set(span.spanId, call);
    }
    return {
      traceId: copies[0]?.traceId ?? '',
      projects: [...new Set(copies.map((c) => c.project))],
      spans,
      calls: [...calls.values()].sort((a, b) => a.startMs - b.startMs),
    };
  };
}

/** The 95th percentile by nearest rank; null for no values. */
export function p95(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? null;
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** Calls of one window aggregated per (caller, callee): calls/min, error ratio, p95, denied count. */
export function edgesOfCalls(calls: readonly ObservedCall[], window: TraceWindow): ObservedEdge[] {
  const minutes = Math.max(1, (window.toMs - window.fromMs) / 60_000);
  const groups = new Map<string, ObservedCall[]>();
  for (const call of calls) {
    if (call.startMs < window.fromMs || call.startMs > window.toMs) continue;
    const id = observedEdgeId(call.source, call.target);
    groups.set(id, [...(groups.get(id) ?? []), call]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, list]) => {
      const first = list[0] as ObservedCall;
      const errors = list.filter((c) => c.error).length;
      const errorRatio = round(errors / list.length);
      return {
        id,
        source: first.source,
        target: first.target,
        calls: list.length,
        errors,
        callsPerMinute: round(list.length / minutes),
        errorRatio,
        p95Ms: p95(list.map((c) => c.durationMs)),
        denied: list.filter((c) => c.denied).length,
        health: healthOf(errorRatio, list.length),
      };
    });
}

/** Requests each service served in the window (its server spans), with their 5xx ratio. */
export function nodesOfTraces(traces: readonly ResolvedTrace[], window: TraceWindow): NodeTraffic[] {
  const minutes = Math.max(1, (window.toMs - window.fromMs) / 60_000);
  const counts = new Map<string, { requests: number; errors: number }>();
  for (const trace of traces) {
    for (const span of trace.spans) {
      if (span.kind !== 'RPC_SERVER' || !span.service) continue;
      if (span.startMs < window.fromMs || span.startMs > window.toMs) continue;
      const c = counts.get(span.service) ?? { requests: 0, errors: 0 };
      c.requests += 1;
      if (span.status !== null && span.status >= 500) c.errors += 1;
      counts.set(span.service, c);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, c]) => {
      const errorRatio = round(c.errors / c.requests);
      return {
        id,
        requestsPerMinute: round(c.requests / minutes),
        errorRatio,
        health: healthOf(errorRatio, c.requests),
      };
    });
}

/** Observed edges and inbound traffic of the estate's services over a window, from trace copies. */
export function observedTraffic(
  traces: readonly TracedTrace[],
  workloads: readonly Workload[],
  window: TraceWindow,
): ObservedTraffic {
  const resolve = traceResolver(workloads);
  const resolved = groupTraceCopies(traces).map(resolve);
  const inWindow = resolved.filter((t) =>
    t.spans.some((s) => s.startMs >= window.fromMs && s.startMs <= window.toMs),
  );
  return {
    edges: edgesOfCalls(
      inWindow.flatMap((t) => t.calls),
      window,
    ),
    nodes: nodesOfTraces(inWindow, window),
    traces: inWindow.length,
  };
}
