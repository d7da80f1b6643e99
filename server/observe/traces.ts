import type { Inventory, Workload } from '../../shared/inventory.ts';
import type {
  PartialFailure,
  TimeRange,
  TraceResponse,
  TraceSummary,
  TracesResponse,
  WaterfallSpan,
} from '../../shared/observability.ts';
import type { TracedTrace } from '../../shared/traffic.ts';
import { normalizeTrace, readTraces } from '../collect/observe-traces.ts';
import type { TraceAdapter } from '../collect/trace-adapter.ts';
import {
  groupTraceCopies,
  observedEdgeId,
  type ResolvedTrace,
  SPAN_LABELS,
  traceResolver,
} from '../core/observed-edges.ts';
import { windowOf } from './time-ranges.ts';
import { describeUpstream, failureOf } from './upstream-failure.ts';

/** Traces listed per service panel: the most recent, and the most recent failing ones. */
const RECENT = 20;
const RECENT_ERRORS = 10;

/** A trace no project holds: 404. */
export class TraceNotFoundError extends Error {}
/** No copy of the trace could be read because the API failed: 502 with the reason. */
export class TraceUnavailableError extends Error {}

function hostsOf(workload: Workload): string[] {
  const hosts = [...workload.urls, workload.uri].flatMap((url) => {
    try {
      return url ? [new URL(url).host] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(hosts)].slice(0, 2);
}

/** Node ids a trace crossed, callers first, and the observed edges it used. */
export function pathOf(trace: ResolvedTrace): { path: string[]; edges: string[] } {
  const root = trace.spans.find(
    (s) => !s.parentSpanId || !trace.spans.some((p) => p.spanId === s.parentSpanId),
  );
  const path = [
    ...new Set([
      ...(root?.service ? [root.service] : []),
      ...trace.calls.flatMap((c) => [c.source, c.target]),
    ]),
  ];
  return { path, edges: [...new Set(trace.calls.map((c) => observedEdgeId(c.source, c.target)))] };
}

function summaryOf(trace: ResolvedTrace, project: string): TraceSummary | undefined {
  const first = trace.spans[0];
  if (!first) return undefined;
  const end = Math.max(...trace.spans.map((s) => s.endMs));
  const root =
    trace.spans.find((s) => !s.parentSpanId || !trace.spans.some((p) => p.spanId === s.parentSpanId)) ??
    first;
  const error =
    trace.calls.some((c) => c.error) ||
    trace.spans.some((s) => s.kind === 'RPC_SERVER' && (s.status ?? 0) >= 500);
  return {
    project,
    traceId: trace.traceId,
    rootName: root.name,
    startTime: new Date(first.startMs).toISOString(),
    durationMs: end - first.startMs,
    services: pathOf(trace).path,
    status: error ? 'error' : 'ok',
  };
}

/**
 * Recent traces touching one service (Cloud Trace): in its project, those with a span of the service
 * (the newest, and the newest failing); in the estate's other projects, those calling one of its URLs.
 */
export async function readServiceTraces(
  trace: TraceAdapter,
  inventory: Inventory,
  workload: Workload,
  range: TimeRange,
  now: Date,
): Promise<TracesResponse> {
  const { from, to } = windowOf(range, now);
  const own = `+${SPAN_LABELS.serviceName}:${workload.shortName}`;
  const reads: Array<{ project: string; filter: string; max: number }> = [
    { project: workload.project, filter: own, max: RECENT },
    { project: workload.project, filter: `${own} ${SPAN_LABELS.status}:5`, max: RECENT_ERRORS },
    ...inventory.projects
      .filter((p) => p.projectId !== workload.project)
      .flatMap((p) =>
        hostsOf(workload).map((host) => ({
          project: p.projectId,
          filter: `url:https://${host}`,
          max: RECENT_ERRORS,
        })),
      ),
  ];
  const failures: PartialFailure[] = [];
  const copies: TracedTrace[] = [];
  await Promise.all(
    reads.map(async ({ project, filter, max }) => {
      try {
        const read = await readTraces(trace, project, { from, to, filter, maxTraces: max, pageSize: max });
        copies.push(...read.traces);
      } catch (error) {
        const failure = failureOf('trace', project, `list the traces of ${workload.shortName}`, error);
        if (!failures.some((f) => f.message === failure.message)) failures.push(failure);
      }
    }),
  );
  const resolve = traceResolver(inventory.workloads);
  const traces = groupTraceCopies(copies)
    .map((group) => ({
      trace: resolve(group),
      project: group.some((c) => c.project === workload.project)
        ? workload.project
        : (group[0]?.project ?? ''),
    }))
    .filter(
      ({ trace: t }) =>
        t.spans.some((s) => s.service === workload.name) || t.calls.some((c) => c.target === workload.name),
    )
    .flatMap(({ trace: t, project }) => {
      const summary = summaryOf(t, project);
      return summary ? [summary] : [];
    })
    .sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0))
    .slice(0, RECENT + RECENT_ERRORS);
  return { resource: workload.name, range, traces, failures };
}

/**
 * One trace across services: its copy in `project` and in every other project of the estate (Cloud
 * Trace splits a cross-project trace), merged into one waterfall with the path to light on the map.
 */
export async function readTrace(
  trace: TraceAdapter,
  inventory: Inventory,
  project: string,
  traceId: string,
): Promise<TraceResponse & { failures: PartialFailure[] }> {
  const projects = [project, ...inventory.projects.map((p) => p.projectId).filter((p) => p !== project)];
  const failures: PartialFailure[] = [];
  const copies = (
    await Promise.all(
      projects.map(async (p) => {
        try {
          return normalizeTrace(await trace.getTrace(p, traceId), p);
        } catch (error) {
          if (describeUpstream(error).code !== 'NOT_FOUND')
            failures.push(failureOf('trace', p, `read trace ${traceId}`, error));
          return undefined;
        }
      }),
    )
  ).filter((c): c is TracedTrace => c !== undefined && c.spans.length > 0);
  if (copies.length === 0) {
    if (failures.length > 0) throw new TraceUnavailableError(failures.map((f) => f.message).join('; '));
    throw new TraceNotFoundError(`no trace ${traceId} in project ${project} or the estate's other projects`);
  }
  const resolved = traceResolver(inventory.workloads)(copies);
  const startMs = Math.min(...resolved.spans.map((s) => s.startMs));
  const endMs = Math.max(...resolved.spans.map((s) => s.endMs));
  const deniedSpans = new Set(resolved.calls.filter((c) => c.denied).flatMap((c) => c.spanIds));
  const spans: WaterfallSpan[] = resolved.spans.map((s) => ({
    spanId: s.spanId,
    parentSpanId: s.parentSpanId ?? null,
    name: s.name,
    kind: s.kind,
    service: s.service,
    startMs: s.startMs - startMs,
    durationMs: s.endMs - s.startMs,
    status: s.status,
    error: (s.status ?? 0) >= 500 || deniedSpans.has(s.spanId),
  }));
  return {
    project,
    traceId: resolved.traceId,
    startTime: new Date(startMs).toISOString(),
    durationMs: endMs - startMs,
    spans,
    ...pathOf(resolved),
    failures,
  };
}
