import type { Workload } from '../../../shared/inventory.ts';
import type { TracedSpan, TracedTrace } from '../../../shared/traffic.ts';
import { SPAN_LABELS } from '../observed-edges.ts';

/** Deterministic trace builders: spans of a workload, as Cloud Run labels them. */

export const T0 = Date.parse('2026-11-21T11:30:00Z');

interface SpanOptions {
  id: string;
  parent?: string;
  kind?: 'RPC_SERVER' | 'RPC_CLIENT' | 'SPAN_KIND_UNSPECIFIED';
  name?: string;
  /** Milliseconds after T0. */
  at?: number;
  durationMs?: number;
  status?: number;
  /** The URL called (client spans) or served (server spans). */
  url?: string;
  /** Leave out the resource labels: the span is told only by its URL or its parent. */
  unlabelled?: boolean;
}

/** A span of `workload`: server spans by default. */
export function aSpan(workload: Workload, options: SpanOptions): TracedSpan {
  const at = T0 + (options.at ?? 0);
  return {
    spanId: options.id,
    ...(options.parent ? { parentSpanId: options.parent } : {}),
    kind: options.kind ?? 'RPC_SERVER',
    name: options.name ?? '/',
    startMs: at,
    endMs: at + (options.durationMs ?? 10),
    labels: {
      ...(options.unlabelled
        ? {}
        : {
            [SPAN_LABELS.serviceName]: workload.shortName,
            [SPAN_LABELS.location]: workload.location,
          }),
      ...(options.url ? { [SPAN_LABELS.url]: options.url } : {}),
      ...(options.status !== undefined ? { [SPAN_LABELS.status]: String(options.status) } : {}),
    },
  };
}

/** A client span of `caller` calling `callee`'s first URL. */
export function aClientSpan(
  caller: Workload,
  callee: Workload,
  options: Omit<SpanOptions, 'kind' | 'url'> & { path?: string },
): TracedSpan {
  return aSpan(caller, {
    ...options,
    kind: 'RPC_CLIENT',
    url: `${callee.urls[0] ?? callee.uri}${options.path ?? '/'}`,
  });
}

/** One project's copy of a trace. */
export function aTracedTrace(project: string, traceId: string, spans: TracedSpan[]): TracedTrace {
  return { project, traceId, spans };
}

/**
 * A request tree `caller` → `callee` as one trace in `caller`'s project (or split between both
 * projects when they differ): root server span of caller, client span, callee's server span.
 */
export function aCall(
  caller: Workload,
  callee: Workload,
  traceId: string,
  options: { at?: number; status?: number; durationMs?: number } = {},
): TracedTrace[] {
  const at = options.at ?? 0;
  const status = options.status ?? 200;
  const root = aSpan(caller, {
    id: `${traceId}-1`,
    at,
    durationMs: (options.durationMs ?? 10) + 4,
    status: 200,
  });
  const client = aClientSpan(caller, callee, {
    id: `${traceId}-2`,
    parent: root.spanId,
    at: at + 1,
    durationMs: (options.durationMs ?? 10) + 2,
    status,
  });
  const server = aSpan(callee, {
    id: `${traceId}-3`,
    parent: client.spanId,
    at: at + 2,
    durationMs: options.durationMs ?? 10,
    status,
  });
  if (caller.project === callee.project)
    return [aTracedTrace(caller.project, traceId, [root, client, server])];
  return [
    aTracedTrace(caller.project, traceId, [root, client]),
    aTracedTrace(callee.project, traceId, [server]),
  ];
}
