import type { Inventory, Workload } from '../../shared/inventory.ts';
import type { GraphEdge } from '../../shared/model.ts';
import type { ObservedEdge } from '../../shared/observability.ts';
import { observedTraffic } from './observed-edges.ts';
import { runtimeIdentityOf } from './runtime-identity.ts';
import { serviceLocator } from './service-locator.ts';

/** The traffic window of a snapshot: which projects' traces were read, and how many. */
export interface TrafficWindow {
  from: string;
  to: string;
  /** Traces (copies) read per project; a project whose read failed is absent. */
  tracesByProject: ReadonlyMap<string, number>;
  truncated: boolean;
}

/** A call one workload makes to another: seen in traces, or declared by an env var holding its URL. */
export interface CallEdge {
  target: string;
  kind: 'observed' | 'declared';
  evidence: string;
}

/** A call declared by an env var of `source` holding the URL of another workload. */
export interface DeclaredCall {
  source: string;
  target: string;
  evidence: string;
}

/** What the rules and the graph need of the estate's traffic, built once per analysis. */
export interface EstateTraffic {
  /** Undefined when the inventory holds no traces (not collected). */
  window: TrafficWindow | undefined;
  /** Observed edges over the window, by id. */
  observed: readonly ObservedEdge[];
  /** Observed edges by `${source}->${target}`. */
  observedBetween: ReadonlyMap<string, ObservedEdge>;
  /** Declared calls, one per env var and workload it names, in workload and env order. */
  declared: readonly DeclaredCall[];
  /** Calls each workload makes (observed and declared), to workloads, by caller. */
  callees: ReadonlyMap<string, readonly CallEdge[]>;
  /** Workloads by the (lower-case) email of the service account they run as. */
  runnersByAccount: ReadonlyMap<string, readonly Workload[]>;
}

export const between = (source: string, target: string): string => `${source}->${target}`;

/** The window's length in words (`24 h`, `45 min`): findings name no timestamps, so reports stay comparable. */
export function windowLength(window: Pick<TrafficWindow, 'from' | 'to'> | undefined): string {
  if (!window) return 'the traffic window';
  const minutes = Math.round((Date.parse(window.to) - Date.parse(window.from)) / 60_000);
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return `${minutes / (24 * 60)} days`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

/** The estate's observed and declared calls, and who runs as which account. */
export function estateTrafficOf(inventory: Inventory): EstateTraffic {
  const { traffic, workloads } = inventory;
  const window: TrafficWindow | undefined = traffic && {
    from: traffic.from,
    to: traffic.to,
    tracesByProject: new Map(
      traffic.projects.map((p) => [p, traffic.traces.filter((t) => t.project === p).length]),
    ),
    truncated: traffic.truncated,
  };
  const observed = traffic
    ? observedTraffic(traffic.traces, workloads, {
        fromMs: Date.parse(traffic.from),
        toMs: Date.parse(traffic.to),
      }).edges
    : [];
  const observedBetween = new Map(observed.map((e) => [between(e.source, e.target), e]));

  const callees = new Map<string, CallEdge[]>();
  const add = (source: string, call: CallEdge) => {
    const list = callees.get(source) ?? [];
    if (!list.some((c) => c.target === call.target && c.kind === call.kind)) list.push(call);
    callees.set(source, list);
  };
  for (const edge of observed) {
    add(edge.source, {
      target: edge.target,
      kind: 'observed',
      evidence: `${edge.calls} traced calls in the last ${windowLength(window)}`,
    });
  }
  const declared = declaredCalls(workloads);
  for (const { source, target, evidence } of declared) add(source, { target, kind: 'declared', evidence });

  const projects = new Map(inventory.projects.map((p) => [p.projectId, p]));
  const runnersByAccount = new Map<string, Workload[]>();
  for (const workload of workloads) {
    const email = runtimeIdentityOf(workload, projects.get(workload.project)).email?.toLowerCase();
    if (!email) continue;
    runnersByAccount.set(email, [...(runnersByAccount.get(email) ?? []), workload]);
  }
  return { window, observed, observedBetween, declared, callees, runnersByAccount };
}

/** Calls declared by env vars (not secrets) that hold another workload's URL; no self-calls. */
function declaredCalls(workloads: readonly Workload[]): DeclaredCall[] {
  const locator = serviceLocator(workloads);
  const calls: DeclaredCall[] = [];
  for (const source of workloads) {
    for (const env of source.env) {
      if (env.value === undefined || env.secret) continue;
      for (const { target, shown } of locator.servicesIn(env.value, source)) {
        if (target !== source.name)
          calls.push({ source: source.name, target, evidence: `env ${env.name} = ${shown}` });
      }
    }
  }
  return calls;
}

/** Observed edges as graph edges (kind `observed`), with their statistics and why they exist. */
export function observedGraphEdges(traffic: EstateTraffic): GraphEdge[] {
  return traffic.observed.map(({ id, source, target, ...stats }) => ({
    id,
    source,
    target,
    kind: 'observed',
    evidence: [
      `${stats.calls} calls in traces of the last ${windowLength(traffic.window)} (${stats.callsPerMinute}/min)`,
      `${pct(stats.errorRatio)} errors${stats.p95Ms === null ? '' : `, p95 ${stats.p95Ms} ms`}`,
      ...(stats.denied > 0 ? [`${stats.denied} denied (401/403 with no server span)`] : []),
    ],
    stats,
  }));
}
