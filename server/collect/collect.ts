import type { CallFailure, Inventory, Project, Workload } from '../../shared/inventory.ts';
import { normalizeJob, normalizePolicy, normalizeService } from './normalize-workload.ts';
import type { ProjectsAdapter } from './projects-adapter.ts';
import type { RunAdapter } from './run-adapter.ts';

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
  /** Calls in flight at once, across all projects. */
  concurrency?: number;
  onProgress?: (progress: CollectProgress) => void;
  now?: () => Date;
}

/**
 * Reads every configured project: its locations, then services and jobs per location, then each
 * one's IAM policy. Every failed call is recorded (project, call, error) and the rest still shows:
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
  const failures: CallFailure[] = [];
  const workloads: Workload[] = [];

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
    const locations =
      (await call(projectId, 'run.locations.list', `projects/${projectId}`, () =>
        run.listLocations(projectId),
      )) ?? [];
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
  workloads.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  failures.sort((a, b) =>
    `${a.project} ${a.call} ${a.target ?? ''}`.localeCompare(`${b.project} ${b.call} ${b.target ?? ''}`),
  );
  return {
    collectedAt: (options.now?.() ?? new Date()).toISOString(),
    projects: collected,
    workloads,
    failures,
  };
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
