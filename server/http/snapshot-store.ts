import type { Progress, Status } from '../../shared/api.ts';
import type { Inventory } from '../../shared/inventory.ts';
import type { Analysis } from '../core/analyze.ts';
import { NotReadyError } from './errors.ts';

export interface Snapshot {
  analysis: Analysis;
  collectedAt: string;
}

export interface SnapshotStoreOptions {
  /** Runs one collection, reporting progress as it goes. */
  collect: (onProgress: (p: Progress) => void) => Promise<Inventory>;
  analyze: (inventory: Inventory) => Analysis;
  /** Human description of the source, e.g. `demo world`. */
  source: string;
  projects: string[];
  refreshSeconds: number;
  onError?: (error: unknown) => void;
}

/**
 * Holds the latest immutable snapshot and runs collections in the background, so that no request
 * ever waits on Google's APIs: requests read whatever snapshot is current.
 */
export class SnapshotStore {
  private snapshot: Snapshot | null = null;
  private running: Promise<void> | null = null;
  private progress: Progress;
  private startedAt: string | null = null;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SnapshotStoreOptions) {
    this.progress = { projectsDone: 0, projectsTotal: options.projects.length, callsDone: 0, callsTotal: 0 };
  }

  current(): Snapshot | null {
    return this.snapshot;
  }

  /** Starts a collection unless one is under way; resolves when that collection ends. */
  refresh(): Promise<void> {
    if (this.running) return this.running;
    this.startedAt = new Date().toISOString();
    this.progress = {
      projectsDone: 0,
      projectsTotal: this.options.projects.length,
      callsDone: 0,
      callsTotal: 0,
    };
    this.running = (async () => {
      try {
        const inventory = await this.options.collect((p) => {
          this.progress = p;
        });
        this.snapshot = { analysis: this.options.analyze(inventory), collectedAt: inventory.collectedAt };
        this.lastError = null;
      } catch (error) {
        // The previous snapshot stays shown; the UI shows the error beside it.
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Collects now and then every refreshSeconds (0 turns the interval off). */
  start(): void {
    void this.refresh();
    if (this.options.refreshSeconds > 0) {
      this.timer = setInterval(() => void this.refresh(), this.options.refreshSeconds * 1000);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  status(): Status {
    const analysis = this.snapshot?.analysis;
    const workloads = analysis?.inventory.workloads ?? [];
    return {
      source: this.options.source,
      projects: this.options.projects,
      snapshotAt: this.snapshot?.collectedAt ?? null,
      collecting: this.running !== null,
      progress: this.progress,
      collectionStartedAt: this.startedAt,
      failures: analysis?.inventory.failures ?? [],
      lastError: this.lastError,
      refreshSeconds: this.options.refreshSeconds,
      counts: {
        services: workloads.filter((w) => w.kind === 'service').length,
        jobs: workloads.filter((w) => w.kind === 'job').length,
        findings: analysis?.findings.length ?? 0,
      },
    };
  }
}

/** The store's current snapshot; NotReadyError (503) while the first collection is under way. */
export function readySnapshot(store: SnapshotStore): Snapshot {
  const snapshot = store.current();
  if (!snapshot) throw new NotReadyError('the first snapshot is still being collected; see /api/status');
  return snapshot;
}
