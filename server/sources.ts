import path from 'node:path';
import type { CallFailure } from '../shared/inventory.ts';
import { type ComputeAdapter, GoogleComputeAdapter } from './collect/compute-adapter.ts';
import type { LoggingAdapter } from './collect/logging-adapter.ts';
import type { MonitoringAdapter } from './collect/monitoring-adapter.ts';
import { GoogleProjectsAdapter, type ProjectsAdapter } from './collect/projects-adapter.ts';
import { GooglePubSubAdapter, type PubSubAdapter } from './collect/pubsub-adapter.ts';
import { GoogleRunAdapter, type RunAdapter } from './collect/run-adapter.ts';
import { GoogleSchedulerAdapter, type SchedulerAdapter } from './collect/scheduler-adapter.ts';
import { GoogleTasksAdapter, type TasksAdapter } from './collect/tasks-adapter.ts';
import { GoogleTraceAdapter, type TraceAdapter } from './collect/trace-adapter.ts';
import {
  type FakeClientOptions,
  fakeClientOptions,
  fakeRestClientOptions,
  fakeRestRootUrl,
} from './fake-google/fake-client-options.ts';
import { loadWorld } from './fake-google/load-world.ts';
import { type FakeGoogle, startFakeGoogle } from './fake-google/start-fake-google.ts';

/**
 * Where a snapshot's data comes from: Google's APIs for some projects, or a world served by the fake.
 * Its adapters are the ones collect() takes, so `collect({ ...source, concurrency })` reads everything.
 */
export interface Source {
  description: string;
  projects: string[];
  run: RunAdapter;
  resourceManager: ProjectsAdapter;
  pubsub: PubSubAdapter;
  scheduler: SchedulerAdapter;
  tasks: TasksAdapter;
  compute: ComputeAdapter;
  /** Cloud Trace (observed edges in the snapshot, trace panels), Logging and Monitoring (panels, on demand). */
  trace: TraceAdapter;
  logging: LoggingAdapter;
  monitoring: MonitoringAdapter;
  /** Where the traffic ends: a world's present (its traffic stops there); the clock when unset. */
  trafficUntil?: () => Date;
  /** The embedded fake serving a world, so tests can inject failures. */
  fake?: FakeGoogle;
  /** Problems with the source's data that did not stop it (e.g. unknown enum values in a world). */
  notes?: CallFailure[];
  /** Loads what the first on-demand panel would otherwise wait for; call once the server listens. */
  warmUp?: () => Promise<void>;
  close(): Promise<void>;
}

type Adapters = Omit<
  Source,
  'description' | 'projects' | 'notes' | 'trafficUntil' | 'fake' | 'warmUp' | 'close'
>;

/**
 * Logging and Monitoring adapters whose client libraries load on first use: they serve the panels
 * only, and loading them up front would hold back the server's start by a second or more.
 */
function lazyObservability(
  options?: FakeClientOptions,
): Pick<Adapters, 'logging' | 'monitoring'> & Pick<Source, 'warmUp'> {
  let logging: Promise<LoggingAdapter> | undefined;
  let monitoring: Promise<MonitoringAdapter> | undefined;
  const loggingAdapter = () =>
    (logging ??= import('./collect/logging-adapter.ts').then((m) => new m.GoogleLoggingAdapter(options)));
  const monitoringAdapter = () =>
    (monitoring ??= import('./collect/monitoring-adapter.ts').then(
      (m) => new m.GoogleMonitoringAdapter(options),
    ));
  return {
    warmUp: async () => {
      await Promise.all([loggingAdapter(), monitoringAdapter()]);
    },
    logging: {
      listEntries: async (query) => (await loggingAdapter()).listEntries(query),
      close: async () => (logging ? (await logging).close() : undefined),
    },
    monitoring: {
      listTimeSeries: async (query) => (await monitoringAdapter()).listTimeSeries(query),
      close: async () => (monitoring ? (await monitoring).close() : undefined),
    },
  };
}

function closeAll(adapters: Adapters): Promise<void> {
  return Promise.all(Object.values(adapters).map((adapter) => adapter.close())).then(() => undefined);
}

/**
 * Serves a world file through the embedded fake on loopback and points the real clients at it:
 * the same collector code path as production, only the endpoint and credentials differ.
 */
export async function worldSource(
  file: string,
  description = `world ${path.basename(file)}`,
): Promise<Source> {
  // Unknown enum values are served as unrecognized ones, as a newer API would send them, and noted:
  // the audit reports them beside the rest of the estate instead of refusing the whole world.
  const world = loadWorld(file, { unknownEnums: 'note' });
  const fake = await startFakeGoogle({ world, host: '127.0.0.1', port: 0 });
  const endpoint = fakeClientOptions(fake);
  const { warmUp, ...observability } = lazyObservability(endpoint);
  const adapters: Adapters = {
    run: new GoogleRunAdapter(endpoint),
    resourceManager: new GoogleProjectsAdapter(endpoint),
    pubsub: new GooglePubSubAdapter(endpoint),
    scheduler: new GoogleSchedulerAdapter(endpoint),
    tasks: new GoogleTasksAdapter(endpoint),
    compute: new GoogleComputeAdapter(fakeRestClientOptions(fake)),
    trace: new GoogleTraceAdapter({ rootUrl: fakeRestRootUrl(fake), auth: 'none' }),
    ...observability,
  };
  const present = world.now ? new Date(world.now) : undefined;
  return {
    description,
    projects: world.projects.map((p) => p.projectId),
    ...(present ? { trafficUntil: () => present } : {}),
    fake,
    notes: (world.notes ?? []).map((note) => ({
      project: world.projects[Number(/^projects\[(\d+)\]/.exec(note.path)?.[1])]?.projectId ?? '',
      call: 'world file',
      target: note.path,
      code: 'INVALID_ARGUMENT',
      message: `${note.reason}; served as an unrecognized value`,
    })),
    ...adapters,
    warmUp,
    close: async () => {
      await closeAll(adapters);
      await fake.stop();
    },
  };
}

/** Real Google Cloud with Application Default Credentials. */
export function googleSource(projects: string[]): Source {
  const { warmUp, ...observability } = lazyObservability();
  const adapters: Adapters = {
    run: new GoogleRunAdapter(),
    resourceManager: new GoogleProjectsAdapter(),
    pubsub: new GooglePubSubAdapter(),
    scheduler: new GoogleSchedulerAdapter(),
    tasks: new GoogleTasksAdapter(),
    compute: new GoogleComputeAdapter(),
    trace: new GoogleTraceAdapter(),
    ...observability,
  };
  return {
    description: `Google Cloud projects ${projects.join(', ')}`,
    projects,
    ...adapters,
    warmUp,
    close: () => closeAll(adapters),
  };
}
