import { z } from 'zod';

/**
 * Per-service observability and live traffic (SPEC §7, §8). Fetched on demand, never on the map's
 * critical path: the map renders from the snapshot and overlays traffic when it arrives.
 */

export const timeRangeSchema = z.enum(['1h', '6h', '24h', '7d']);
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** Kiali's thresholds on the 5xx ratio: degraded above 0 %, failing at 10 %. */
export const healthSchema = z.enum(['healthy', 'degraded', 'failing', 'idle', 'unknown']);
export type Health = z.infer<typeof healthSchema>;

/** A part of the answer that could not be read (an API failed); the rest is still shown. */
export const partialFailureSchema = z.object({
  source: z.enum(['logging', 'monitoring', 'trace']),
  code: z.string(),
  message: z.string(),
});
export type PartialFailure = z.infer<typeof partialFailureSchema>;

/** Calls between two workloads seen in traces in the window. */
export const observedEdgeSchema = z.object({
  /** `observed:${source}->${target}` */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  calls: z.number(),
  errors: z.number(),
  callsPerMinute: z.number(),
  /** 0..1, errors (5xx and denied) over calls. */
  errorRatio: z.number(),
  p95Ms: z.number().nullable(),
  /** Calls answered 401/403 with no server span: a missing grant or a wrong audience. */
  denied: z.number(),
  health: healthSchema,
});
export type ObservedEdge = z.infer<typeof observedEdgeSchema>;

export const nodeTrafficSchema = z.object({
  id: z.string(),
  requestsPerMinute: z.number(),
  errorRatio: z.number(),
  health: healthSchema,
});
export type NodeTraffic = z.infer<typeof nodeTrafficSchema>;

/** GET /api/traffic?range= */
export const trafficResponseSchema = z.object({
  range: timeRangeSchema,
  from: z.string(),
  to: z.string(),
  edges: z.array(observedEdgeSchema),
  nodes: z.array(nodeTrafficSchema),
  failures: z.array(partialFailureSchema),
  /** Traces read (copies merged) for the edges; absent from servers older than issue 4's server half. */
  tracesRead: z.number().optional(),
  /** True when a project had more traces in the range than the read cap: edges come from the newest. */
  truncated: z.boolean().optional(),
});
export type TrafficResponse = z.infer<typeof trafficResponseSchema>;

export const pointSchema = z.object({ t: z.string(), v: z.number().nullable() });
export type Point = z.infer<typeof pointSchema>;

/** GET /api/services/:name/signals?range= — golden signals aggregated by Cloud Monitoring. */
export const signalsResponseSchema = z.object({
  resource: z.string(),
  range: timeRangeSchema,
  from: z.string(),
  to: z.string(),
  stepSeconds: z.number(),
  series: z.object({
    requestsPerSecond: z.array(pointSchema),
    errorRatio: z.array(pointSchema),
    p50Ms: z.array(pointSchema),
    p95Ms: z.array(pointSchema),
    p99Ms: z.array(pointSchema),
    instances: z.array(pointSchema),
  }),
  summary: z.object({
    requestsPerSecond: z.number().nullable(),
    errorRatio: z.number().nullable(),
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
    p99Ms: z.number().nullable(),
    instances: z.number().nullable(),
    health: healthSchema,
  }),
  failures: z.array(partialFailureSchema),
});
export type SignalsResponse = z.infer<typeof signalsResponseSchema>;

export const errorGroupSchema = z.object({
  /** Stable hash of the normalized message (ids, numbers, hex and quoted values replaced). */
  fingerprint: z.string(),
  /** The normalized message, e.g. `charge <id> failed: timeout after <n>ms`. */
  message: z.string(),
  /** One real message of the group, as logged. */
  example: z.string(),
  count: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** A trace of one occurrence, when the entry carried one. */
  sampleTrace: z.object({ project: z.string(), traceId: z.string() }).nullable(),
});
export type ErrorGroup = z.infer<typeof errorGroupSchema>;

/** GET /api/services/:name/errors?range= */
export const errorsResponseSchema = z.object({
  resource: z.string(),
  range: timeRangeSchema,
  groups: z.array(errorGroupSchema),
  /** Entries read; when the read stopped at its cap, `truncated` says so. */
  entriesRead: z.number(),
  truncated: z.boolean(),
  failures: z.array(partialFailureSchema),
});
export type ErrorsResponse = z.infer<typeof errorsResponseSchema>;

export const traceSummarySchema = z.object({
  project: z.string(),
  traceId: z.string(),
  rootName: z.string(),
  startTime: z.string(),
  durationMs: z.number(),
  /** Node ids (full resource names) of the workloads the trace crossed. */
  services: z.array(z.string()),
  status: z.enum(['ok', 'error']),
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

/** GET /api/services/:name/traces?range= */
export const tracesResponseSchema = z.object({
  resource: z.string(),
  range: timeRangeSchema,
  traces: z.array(traceSummarySchema),
  failures: z.array(partialFailureSchema),
});
export type TracesResponse = z.infer<typeof tracesResponseSchema>;

export const waterfallSpanSchema = z.object({
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  /** Node id of the workload the span belongs to, or null when it cannot be told. */
  service: z.string().nullable(),
  startMs: z.number(),
  durationMs: z.number(),
  status: z.number().nullable(),
  error: z.boolean(),
});
export type WaterfallSpan = z.infer<typeof waterfallSpanSchema>;

/** GET /api/traces/:project/:traceId */
export const traceResponseSchema = z.object({
  project: z.string(),
  traceId: z.string(),
  startTime: z.string(),
  durationMs: z.number(),
  spans: z.array(waterfallSpanSchema),
  /** Node ids along the trace, callers first: lit on the map. */
  path: z.array(z.string()),
  /** Observed edge ids along the trace. */
  edges: z.array(z.string()),
  /** Copies of the trace in other projects that could not be read: the waterfall may miss spans. */
  failures: z.array(partialFailureSchema).optional(),
});
export type TraceResponse = z.infer<typeof traceResponseSchema>;

/** GET /api/services/:name/follow?range= — from a failing service down to where errors originate. */
export const followResponseSchema = z.object({
  resource: z.string(),
  range: timeRangeSchema,
  /** Node ids from the service down to the root cause. */
  path: z.array(z.string()),
  edges: z.array(z.string()),
  /** The deepest failing workload on the path, whose own errors are not explained by a callee. */
  rootCause: z.string().nullable(),
  explanation: z.string(),
  /** Reads that failed (traces or metrics): the path may stop short. */
  failures: z.array(partialFailureSchema).optional(),
});
export type FollowResponse = z.infer<typeof followResponseSchema>;

/** Deep links into Google Cloud's console for one service (all https://console.cloud.google.com/…). */
export const consoleLinksSchema = z.object({
  cloudRun: z.string(),
  logs: z.string(),
  metrics: z.string(),
  traces: z.string(),
  errorReporting: z.string(),
});
export type ConsoleLinks = z.infer<typeof consoleLinksSchema>;
