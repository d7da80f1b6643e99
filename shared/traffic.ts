import { z } from 'zod';

/**
 * Traces as the inventory holds them (server only): the spans runmap needs to tell which workload
 * called which, normalized from Cloud Trace v1. A trace that crosses projects is stored once per
 * project (Cloud Trace splits it); the core merges the copies by trace id.
 */

export const tracedSpanSchema = z.object({
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  /** RPC_SERVER, RPC_CLIENT or SPAN_KIND_UNSPECIFIED, as Cloud Trace v1 states it. */
  kind: z.string(),
  name: z.string(),
  /** Epoch milliseconds. */
  startMs: z.number(),
  endMs: z.number(),
  /**
   * Only the labels that identify the workload and the call: `g.co/r/cloud_run_revision/*`,
   * `/http/url` (without query or fragment), `/http/status_code`, `/http/method`.
   */
  labels: z.record(z.string(), z.string()),
});
export type TracedSpan = z.infer<typeof tracedSpanSchema>;

export const tracedTraceSchema = z.object({
  /** The project whose copy of the trace this is. */
  project: z.string(),
  traceId: z.string(),
  spans: z.array(tracedSpanSchema),
});
export type TracedTrace = z.infer<typeof tracedTraceSchema>;

/** The traces read for the traffic window of a snapshot (observed edges, GR-01, GR-02). */
export const trafficSampleSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Projects whose traces were read; a project whose read failed is left out (and in `failures`). */
  projects: z.array(z.string()),
  /** True when a project had more traces than the read cap: only the newest were read. */
  truncated: z.boolean(),
  traces: z.array(tracedTraceSchema),
});
export type TrafficSample = z.infer<typeof trafficSampleSchema>;
