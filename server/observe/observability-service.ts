import type { Inventory, Workload } from '../../shared/inventory.ts';
import type {
  ErrorsResponse,
  FollowResponse,
  NodeTraffic,
  PartialFailure,
  SignalsResponse,
  TimeRange,
  TraceResponse,
  TracesResponse,
  TrafficResponse,
} from '../../shared/observability.ts';
import type { TracedTrace } from '../../shared/traffic.ts';
import type { LoggingAdapter } from '../collect/logging-adapter.ts';
import type { MonitoringAdapter } from '../collect/monitoring-adapter.ts';
import { readTraces } from '../collect/observe-traces.ts';
import type { TraceAdapter } from '../collect/trace-adapter.ts';
import { followFailure, type NodeState } from '../core/follow-failure.ts';
import { healthOf } from '../core/health.ts';
import { observedTraffic } from '../core/observed-edges.ts';
import { readErrors } from './errors.ts';
import { readServiceCounts, readSignals } from './signals.ts';
import { RANGES, windowOf } from './time-ranges.ts';
import { readServiceTraces, readTrace } from './traces.ts';
import { TtlCache } from './ttl-cache.ts';
import { failureOf } from './upstream-failure.ts';

/**
 * Per-service observability and live traffic, read on demand (SPEC §8): never on the map's path, each
 * answer cached briefly, and a failing Google API degrades the answer with `failures` instead of
 * failing it. Methods take the snapshot's inventory: which workloads and projects there are.
 */
export interface ObservabilityService {
  traffic(inventory: Inventory, range: TimeRange): Promise<TrafficResponse>;
  signals(inventory: Inventory, workload: Workload, range: TimeRange): Promise<SignalsResponse>;
  errors(inventory: Inventory, workload: Workload, range: TimeRange): Promise<ErrorsResponse>;
  traces(inventory: Inventory, workload: Workload, range: TimeRange): Promise<TracesResponse>;
  /** Throws TraceNotFoundError (no project holds it) or TraceUnavailableError (the API failed). */
  trace(inventory: Inventory, project: string, traceId: string): Promise<TraceResponse>;
  follow(inventory: Inventory, workload: Workload, range: TimeRange): Promise<FollowResponse>;
}

export interface GoogleObservabilityOptions {
  logging: LoggingAdapter;
  monitoring: MonitoringAdapter;
  trace: TraceAdapter;
  /** The present; a world source pins it to the world's (its traffic ends there). */
  now?: () => Date;
  /** How long an answer is reused; 30 s by default. */
  ttlMs?: number;
  /** Traces read per project for /traffic; the newest are kept. */
  maxTracesPerProject?: number;
}

/** ObservabilityService over Cloud Logging, Cloud Monitoring and Cloud Trace (real or the fake). */
export class GoogleObservabilityService implements ObservabilityService {
  private readonly cache: TtlCache<unknown>;
  private readonly now: () => Date;

  constructor(private readonly options: GoogleObservabilityOptions) {
    this.cache = new TtlCache(options.ttlMs ?? 30_000);
    this.now = options.now ?? (() => new Date());
  }

  private cached<T>(inventory: Inventory, key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.get(`${inventory.collectedAt} ${key}`, load) as Promise<T>;
  }

  traffic(inventory: Inventory, range: TimeRange): Promise<TrafficResponse> {
    return this.cached(inventory, `traffic ${range}`, () => this.readTraffic(inventory, range));
  }

  signals(inventory: Inventory, workload: Workload, range: TimeRange): Promise<SignalsResponse> {
    return this.cached(inventory, `signals ${range} ${workload.name}`, () =>
      readSignals(this.options.monitoring, workload, range, this.now()),
    );
  }

  errors(inventory: Inventory, workload: Workload, range: TimeRange): Promise<ErrorsResponse> {
    return this.cached(inventory, `errors ${range} ${workload.name}`, () =>
      readErrors(this.options.logging, workload, range, this.now()),
    );
  }

  traces(inventory: Inventory, workload: Workload, range: TimeRange): Promise<TracesResponse> {
    return this.cached(inventory, `traces ${range} ${workload.name}`, () =>
      readServiceTraces(this.options.trace, inventory, workload, range, this.now()),
    );
  }

  trace(inventory: Inventory, project: string, traceId: string): Promise<TraceResponse> {
    return this.cached(inventory, `trace ${project} ${traceId}`, () =>
      readTrace(this.options.trace, inventory, project, traceId),
    );
  }

  async follow(inventory: Inventory, workload: Workload, range: TimeRange): Promise<FollowResponse> {
    const traffic = await this.traffic(inventory, range);
    const nodes = new Map<string, NodeState>(
      traffic.nodes.map((n) => [n.id, { health: n.health, errorRatio: n.errorRatio }]),
    );
    return {
      resource: workload.name,
      range,
      ...followFailure(workload.name, traffic.edges, nodes),
      failures: traffic.failures,
    };
  }

  /**
   * Observed edges from the range's traces (every project, merged by trace id) and node health from
   * Monitoring's request counts, which count every request where traces are only a sample. A project
   * whose metrics fail falls back to its traced requests, and says so.
   */
  private async readTraffic(inventory: Inventory, range: TimeRange): Promise<TrafficResponse> {
    const { from, to } = windowOf(range, this.now());
    const failures: PartialFailure[] = [];
    const projects = inventory.projects.map((p) => p.projectId);
    const maxTraces = this.options.maxTracesPerProject ?? 2_000;
    let truncated = false;
    const [traceReads, countReads] = await Promise.all([
      Promise.all(
        projects.map(async (project) => {
          try {
            const read = await readTraces(this.options.trace, project, { from, to, maxTraces });
            truncated ||= read.truncated;
            return read.traces;
          } catch (error) {
            failures.push(failureOf('trace', project, 'list traces', error));
            return [] as TracedTrace[];
          }
        }),
      ),
      Promise.all(
        projects.map(async (project) => {
          try {
            return [project, await readServiceCounts(this.options.monitoring, project, from, to)] as const;
          } catch (error) {
            failures.push(failureOf('monitoring', project, 'read request counts', error));
            return [project, undefined] as const;
          }
        }),
      ),
    ]);
    const traces = traceReads.flat();
    const {
      edges,
      nodes: tracedNodes,
      traces: tracesRead,
    } = observedTraffic(traces, inventory.workloads, { fromMs: from.getTime(), toMs: to.getTime() });
    const traced = new Map(tracedNodes.map((n) => [n.id, n]));
    const counts = new Map(countReads);
    const minutes = RANGES[range].seconds / 60;
    const nodes: NodeTraffic[] = inventory.workloads
      .filter((w) => w.kind === 'service')
      .map((w) => {
        const projectCounts = counts.get(w.project);
        if (!projectCounts) {
          return traced.get(w.name) ?? { id: w.name, requestsPerMinute: 0, errorRatio: 0, health: 'unknown' };
        }
        const c = projectCounts.get(w.name) ?? { requests: 0, errors: 0 };
        const errorRatio = c.requests > 0 ? Number((c.errors / c.requests).toFixed(4)) : 0;
        return {
          id: w.name,
          requestsPerMinute: Number((c.requests / minutes).toFixed(3)),
          errorRatio,
          health: healthOf(errorRatio, c.requests),
        };
      });
    return {
      range,
      from: from.toISOString(),
      to: to.toISOString(),
      edges,
      nodes,
      failures: failures.sort((a, b) => a.message.localeCompare(b.message)),
      tracesRead,
      truncated,
    };
  }
}
