import { CloudSchedulerClient, type protos } from '@google-cloud/scheduler';

export type RawSchedulerJob = protos.google.cloud.scheduler.v1.IJob;

/** Read-only access to Cloud Scheduler v1 jobs (HTTP targets and their tokens). */
export interface SchedulerAdapter {
  listJobs(project: string, location: string): Promise<RawSchedulerJob[]>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;

/** SchedulerAdapter over @google-cloud/scheduler's v1 CloudSchedulerClient (gRPC). */
export class GoogleSchedulerAdapter implements SchedulerAdapter {
  private readonly client: CloudSchedulerClient;

  constructor(options: ConstructorParameters<typeof CloudSchedulerClient>[0] = {}) {
    this.client = new CloudSchedulerClient(options);
  }

  async listJobs(project: string, location: string): Promise<RawSchedulerJob[]> {
    const out: RawSchedulerJob[] = [];
    for await (const job of this.client.listJobsAsync(
      { parent: `projects/${project}/locations/${location}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      out.push(job);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
