import type { CallFailure, EventSource, Inventory, Project, Workload } from '../../shared/inventory.ts';
import type { TracedTrace } from '../../shared/traffic.ts';
import type { ComputeAdapter } from './compute-adapter.ts';
import { normalizeQueue, normalizeSchedulerJob, normalizeSubscription } from './normalize-event-source.ts';
import {
  type LoadBalancingFacts,
  linkLoadBalancers,
  normalizeBackendService,
  normalizeForwardingRule,
  normalizeNetworkEndpointGroup,
  normalizeTargetProxy,
  normalizeUrlMap,
} from './normalize-load-balancer.ts';
import { normalizeJob, normalizePolicy, normalizeService } from './normalize-workload.ts';
import { readTraces } from './observe-traces.ts';
import type { Normalized } from './payload-reader.ts';
import type { ProjectsAdapter } from './projects-adapter.ts';
import type { PubSubAdapter } from './pubsub-adapter.ts';
import type { RunAdapter } from './run-adapter.ts';
import type { SchedulerAdapter } from './scheduler-adapter.ts';
import type { TasksAdapter } from './tasks-adapter.ts';
import type { TraceAdapter } from './trace-adapter.ts';

export interface CollectProgress {
  projectsDone: number;
  projectsTotal: number;
  callsDone: number;
  callsTotal: number;
}

export interface CollectOptions {
  projects: string[];
  run: RunAdapter;
  /** Project metadata and project IAM (invoker grants at project level, runtime identities' roles). */
  resourceManager: ProjectsAdapter;
  /** Push subscriptions; not collected when not given (as for scheduler, tasks and compute). */
  pubsub?: PubSubAdapter;
  /** Scheduler jobs, listed in each of the project's Cloud Run locations. */
  scheduler?: SchedulerAdapter;
  /** Task queues, listed in each of the project's Cloud Run locations. */
  tasks?: TasksAdapter;
  /** Global load balancers and the serverless NEGs behind them. */
  compute?: ComputeAdapter;
  /** Cloud Trace: the traces of the traffic window (observed edges, GR-01, GR-02). */
  trace?: TraceAdapter;
  /** Minutes of traces read into the snapshot; 24 h by default. */
  trafficWindowMinutes?: number;
  /** End of the traffic window; the clock by default (a world's traffic ends at its present). */
  trafficUntil?: () => Date;
  /** Problems already known about the source's data, reported with the call failures. */
  notes?: CallFailure[];
  /** Calls in flight at once, across all projects. */
  concurrency?: number;
  onProgress?: (progress: CollectProgress) => void;
  now?: () => Date;
}

/**
 * Reads every configured project: its locations, then services and jobs per location, then each
 * one's IAM policy; its push subscriptions, scheduler jobs and task queues (per location); its global
 * forwarding rules, target proxies, URL maps, backend services and the NEGs they use. Every failed call is recorded (project, call, error) and the rest still shows:
 * a denied project or a failing region never empties the map.
 */
export async function collect(options: CollectOptions): Promise<Inventory> {
  const { projects, run, resourceManager } = options;
  const limit = limiter(options.concurrency ?? 8);
  const progress: CollectProgress = {
    projectsDone: 0,
    projectsTotal: projects.length,
    callsDone: 0,
    callsTotal: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  const failures: CallFailure[] = [...(options.notes ?? [])];
  const workloads: Workload[] = [];
  const eventSources: EventSource[] = [];
  const trafficTo = options.trafficUntil?.() ?? options.now?.() ?? new Date();
  const trafficFrom = new Date(trafficTo.getTime() - (options.trafficWindowMinutes ?? 24 * 60) * 60_000);
  const traffic = { projects: [] as string[], traces: [] as TracedTrace[], truncated: false };
  const loadBalancing: LoadBalancingFacts = {
    forwardingRules: [],
    targetProxies: [],
    urlMaps: [],
    backendServices: [],
    negs: [],
  };

  /** Runs one API call under the concurrency limit; a failure is recorded and yields undefined. */
  const call = async <T>(project: string, name: string, target: string | undefined, fn: () => Promise<T>) => {
    progress.callsTotal += 1;
    report();
    try {
      return await limit(fn);
    } catch (error) {
      failures.push({ project, call: name, ...(target ? { target } : {}), ...describeError(error) });
      return undefined;
    } finally {
      progress.callsDone += 1;
      report();
    }
  };

  const payloadProblem = (project: string, name: string, target: string, problems: string[]) => {
    if (problems.length === 0) return;
    failures.push({ project, call: name, target, code: 'INVALID_PAYLOAD', message: problems.join('; ') });
  };

  /** Lists with one call and keeps the normalized values; a bad item is a recorded problem, not a hole. */
  const listInto = async <R, T>(
    project: string,
    name: string,
    target: string,
    list: () => Promise<R[]>,
    normalize: (raw: R) => Normalized<T | undefined>,
    into: T[],
  ): Promise<T[]> => {
    const found: T[] = [];
    for (const raw of (await call(project, name, target, list)) ?? []) {
      const { value, problems } = normalize(raw);
      payloadProblem(project, name, itemName(raw) ?? target, problems);
      if (value !== undefined) found.push(value);
    }
    into.push(...found);
    return found;
  };

  const collectEventSources = async (projectId: string, locations: string[]) => {
    const { pubsub, scheduler, tasks } = options;
    await Promise.all([
      pubsub &&
        listInto(
          projectId,
          'pubsub.subscriptions.list',
          `projects/${projectId}`,
          () => pubsub.listSubscriptions(projectId),
          normalizeSubscription,
          eventSources,
        ),
      ...locations.flatMap((location) => {
        const parent = `projects/${projectId}/locations/${location}`;
        return [
          scheduler &&
            listInto(
              projectId,
              'cloudscheduler.jobs.list',
              parent,
              () => scheduler.listJobs(projectId, location),
              normalizeSchedulerJob,
              eventSources,
            ),
          tasks &&
            listInto(
              projectId,
              'cloudtasks.queues.list',
              parent,
              () => tasks.listQueues(projectId, location),
              normalizeQueue,
              eventSources,
            ),
        ];
      }),
    ]);
  };

  const collectLoadBalancing = async (projectId: string) => {
    const { compute } = options;
    if (!compute) return;
    const target = `projects/${projectId}`;
    const facts = loadBalancing;
    const [, , , , backendServices] = await Promise.all([
      listInto(
        projectId,
        'compute.globalForwardingRules.list',
        target,
        () => compute.listGlobalForwardingRules(projectId),
        normalizeForwardingRule,
        facts.forwardingRules,
      ),
      listInto(
        projectId,
        'compute.targetHttpsProxies.list',
        target,
        () => compute.listTargetHttpsProxies(projectId),
        normalizeTargetProxy,
        facts.targetProxies,
      ),
      listInto(
        projectId,
        'compute.targetHttpProxies.list',
        target,
        () => compute.listTargetHttpProxies(projectId),
        normalizeTargetProxy,
        facts.targetProxies,
      ),
      listInto(
        projectId,
        'compute.urlMaps.list',
        target,
        () => compute.listUrlMaps(projectId),
        normalizeUrlMap,
        facts.urlMaps,
      ),
      listInto(
        projectId,
        'compute.backendServices.list',
        target,
        () => compute.listBackendServices(projectId),
        normalizeBackendService,
        facts.backendServices,
      ),
    ]);
    // Serverless NEGs are regional; list them only in the regions this project's backends use.
    const regions = new Set(
      backendServices.flatMap((b) =>
        b.groups.flatMap((group) => {
          const m = /^projects\/([^/]+)\/regions\/([^/]+)\/networkEndpointGroups\//.exec(group);
          return m && m[1] === projectId ? [m[2] ?? ''] : [];
        }),
      ),
    );
    await Promise.all(
      [...regions]
        .sort()
        .map((region) =>
          listInto(
            projectId,
            'compute.regionNetworkEndpointGroups.list',
            `${target}/regions/${region}`,
            () => compute.listRegionNetworkEndpointGroups(projectId, region),
            normalizeNetworkEndpointGroup,
            facts.negs,
          ),
        ),
    );
  };

  /** The project's traces of the traffic window, newest first up to a cap; a failed read leaves the project out. */
  const collectTraces = async (projectId: string) => {
    const { trace } = options;
    if (!trace) return;
    const read = await call(projectId, 'cloudtrace.traces.list', `projects/${projectId}`, () =>
      readTraces(trace, projectId, { from: trafficFrom, to: trafficTo, maxTraces: MAX_TRACES_PER_PROJECT }),
    );
    if (!read) return;
    traffic.projects.push(projectId);
    traffic.traces.push(...read.traces);
    traffic.truncated ||= read.truncated;
  };

  const collectProject = async (projectId: string): Promise<Project> => {
    const projectInfo = call(projectId, 'resourcemanager.projects.get', `projects/${projectId}`, () =>
      resourceManager.getProject(projectId),
    );
    const projectPolicy = call(
      projectId,
      'resourcemanager.projects.getIamPolicy',
      `projects/${projectId}`,
      () => resourceManager.getIamPolicy(projectId),
    );
    const loadBalancers = collectLoadBalancing(projectId);
    const traces = collectTraces(projectId);
    const locations =
      (await call(projectId, 'run.locations.list', `projects/${projectId}`, () =>
        run.listLocations(projectId),
      )) ?? [];
    const events = collectEventSources(projectId, locations);
    await Promise.all(
      locations.map(async (location) => {
        const parent = `projects/${projectId}/locations/${location}`;
        const [services, jobs] = await Promise.all([
          call(projectId, 'run.services.list', parent, () => run.listServices(projectId, location)),
          call(projectId, 'run.jobs.list', parent, () => run.listJobs(projectId, location)),
        ]);
        const found = [
          ...(services ?? []).map((raw) => ({ ...normalizeService(raw), call: 'run.services.list' })),
          ...(jobs ?? []).map((raw) => ({ ...normalizeJob(raw), call: 'run.jobs.list' })),
        ];
        await Promise.all(
          found.map(async ({ value, problems, call: listCall }) => {
            payloadProblem(projectId, listCall, value.name, problems);
            const getPolicy =
              value.kind === 'service'
                ? () => run.getServiceIamPolicy(value.name)
                : () => run.getJobIamPolicy(value.name);
            const callName = value.kind === 'service' ? 'run.services.getIamPolicy' : 'run.jobs.getIamPolicy';
            const raw = await call(projectId, callName, value.name, getPolicy);
            let iamPolicy = null;
            if (raw !== undefined) {
              const policy = normalizePolicy(raw);
              payloadProblem(projectId, callName, value.name, policy.problems);
              iamPolicy = policy.value;
            }
            workloads.push({ ...value, iamPolicy });
          }),
        );
      }),
    );
    await Promise.all([events, loadBalancers, traces]);
    const info = await projectInfo;
    const rawPolicy = await projectPolicy;
    let iamPolicy = null;
    if (rawPolicy !== undefined) {
      const policy = normalizePolicy(rawPolicy);
      payloadProblem(
        projectId,
        'resourcemanager.projects.getIamPolicy',
        `projects/${projectId}`,
        policy.problems,
      );
      iamPolicy = policy.value;
    }
    // The project's name is `projects/NUMBER`; the number identifies its default service accounts.
    const projectNumber = /^projects\/(\d+)$/.exec(typeof info?.name === 'string' ? info.name : '')?.[1];
    progress.projectsDone += 1;
    report();
    return { projectId, ...(projectNumber ? { projectNumber } : {}), locations, iamPolicy };
  };

  report();
  const collected = await Promise.all(projects.map(collectProject));
  // Deterministic order whatever the completion order was.
  workloads.sort(byName);
  eventSources.sort(byName);
  failures.sort((a, b) =>
    `${a.project} ${a.call} ${a.target ?? ''}`.localeCompare(`${b.project} ${b.call} ${b.target ?? ''}`),
  );
  return {
    collectedAt: (options.now?.() ?? new Date()).toISOString(),
    projects: collected,
    workloads,
    ...(options.pubsub || options.scheduler || options.tasks ? { eventSources } : {}),
    ...(options.compute ? { loadBalancers: linkLoadBalancers(loadBalancing).sort(byName) } : {}),
    ...(options.trace
      ? {
          traffic: {
            from: trafficFrom.toISOString(),
            to: trafficTo.toISOString(),
            projects: traffic.projects.sort(),
            truncated: traffic.truncated,
            traces: traffic.traces.sort(
              (a, b) => compareText(a.traceId, b.traceId) || compareText(a.project, b.project),
            ),
          },
        }
      : {}),
    failures,
  };
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareText(a.name, b.name);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Enough for a day of sampled traces of a large project; the newest are kept when there are more. */
const MAX_TRACES_PER_PROJECT = 5_000;

/** The name (or Compute selfLink) of a listed item, to say which one a payload problem is about. */
function itemName(raw: unknown): string | undefined {
  const o = (raw ?? {}) as { name?: unknown; selfLink?: unknown };
  if (typeof o.selfLink === 'string' && o.selfLink)
    return o.selfLink.replace(/^https:\/\/[^/]+\/compute\/v1\//, '');
  return typeof o.name === 'string' && o.name ? o.name : undefined;
}

const GRPC_CODES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** gRPC errors carry a numeric code and a message prefixed with "N CODE: "; keep the code name and the text. */
export function describeError(error: unknown): { code: string; message: string } {
  // REST clients (googleapis, gaxios) put Google's JSON error body on the response: its status name wins.
  const body = (error as { response?: { data?: { error?: { status?: unknown; message?: unknown } } } })
    ?.response?.data?.error;
  if (typeof body?.status === 'string' && body.status) {
    return { code: body.status, message: typeof body.message === 'string' ? body.message : String(error) };
  }
  const e = error as { code?: unknown; details?: unknown; message?: unknown };
  const code =
    typeof e?.code === 'number'
      ? (GRPC_CODES[e.code] ?? String(e.code))
      : typeof e?.code === 'string'
        ? e.code
        : 'UNKNOWN';
  const raw =
    typeof e?.details === 'string' && e.details
      ? e.details
      : typeof e?.message === 'string'
        ? e.message
        : String(error);
  return { code, message: raw.replace(/^\d+ [A-Z_]+: /, '') };
}

/** A tiny promise limiter: at most `n` tasks run at once, the rest queue in order. */
function limiter(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}
