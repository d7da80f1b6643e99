/**
 * A compact description of an estate's traffic: who calls whom, how often, how slowly and how badly,
 * and the incidents under way. generateTraffic turns it into world logEntries, timeSeries and traces.
 */
export interface TrafficDescription {
  /** Same seed, same traffic. */
  seed: string;
  /** The world's `now` (RFC 3339); traffic covers the `hours` before it. */
  now: string;
  hours: number;
  /** The Cloud Run services that serve traffic, by a key the operations use. */
  services: Record<string, TrafficService>;
  /** What a service does for one route, and the calls it makes, by a key such as "payment:POST /charges". */
  operations: Record<string, TrafficOperation>;
  /** Traffic arriving from outside the estate: users, Pub/Sub pushes, schedulers. */
  entries: TrafficEntry[];
  incidents?: TrafficIncident[];
  sampling: TrafficSampling;
}

export interface TrafficService {
  project: string;
  location: string;
  /** The service ID. */
  name: string;
  /** The revision serving the traffic. */
  revision: string;
  /** The URL callers use (Service.uri). */
  url: string;
  /** Language of the stack traces in its error logs. */
  runtime?: 'node' | 'go' | 'python';
  minInstances?: number;
  /** Requests one instance keeps in flight before another starts (default 8). */
  requestsPerInstance?: number;
}

export interface TrafficOperation {
  service: string;
  method: string;
  /** The request path; `{id}` is replaced by a random id per request. */
  path: string;
  /** The operation's own latency in ms, [median, 95th percentile]; calls add theirs. */
  latencyMs: [number, number];
  /** Share of requests that fail on their own with `errorStatus` (default 500). */
  errorRatio?: number;
  errorStatus?: number;
  /** Messages logged when it fails on its own; {order}, {user}, {sku}, {n} … take random values. */
  errors?: string[];
  /** Share of requests answered 4xx (`clientErrorStatus`, default 404) without calling anything. */
  clientErrorRatio?: number;
  clientErrorStatus?: number;
  calls?: TrafficCall[];
}

export interface TrafficCall {
  op: string;
  /** Share of requests that make this call (default 1). */
  probability?: number;
  /** A failed call fails the caller with `failStatus` (default 502) unless `optional`. */
  optional?: boolean;
  failStatus?: number;
  /** What the caller logs when the call fails; {status} is the call's status. */
  errorMessage?: string;
  /** The caller may not invoke the callee: answered 403 by Cloud Run, with no server span. */
  denied?: boolean;
  /** Delivered later through a queue (Pub/Sub push): a new trace, only when the caller succeeds. */
  async?: boolean;
}

export interface TrafficEntry {
  op: string;
  /** Mean requests per second. */
  rps: number;
  /** Day/night swing, 0 (flat) to 1; traffic peaks at 14:00 UTC. */
  diurnal?: number;
  userAgent?: string;
}

export interface TrafficIncident {
  op: string;
  /** Minutes before `now` when it started; it is still going on. */
  sinceMinutes: number;
  errorRatio: number;
  errorStatus?: number;
  latencyMs?: [number, number];
  errors?: string[];
}

export interface TrafficSampling {
  /**
   * Request trees written to the logs: one in `okEvery` that succeeded, one in `errorEvery` that
   * failed (5xx), one in `deniedEvery` that had a call denied.
   */
  okEvery: number;
  errorEvery: number;
  deniedEvery: number;
  /** Of the logged trees, the share also written to Cloud Trace (failed and denied ones always are). */
  tracedShare: number;
  /** At least this many trees of each root operation are logged and traced every hour, so rare paths show. */
  tracedPerRootHour: number;
  /** Metrics at 1-minute points over the last `fineMinutes`, at `coarseMinutes` points before. */
  fineMinutes: number;
  coarseMinutes: number;
}
