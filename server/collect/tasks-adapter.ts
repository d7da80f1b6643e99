import { type protos, v2beta3 } from '@google-cloud/tasks';

export type RawQueue = protos.google.cloud.tasks.v2beta3.IQueue;

/** Read-only access to Cloud Tasks queues; v2beta3 is the version with queue-level HTTP targets. */
export interface TasksAdapter {
  listQueues(project: string, location: string): Promise<RawQueue[]>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;

/** TasksAdapter over @google-cloud/tasks' v2beta3 CloudTasksClient (gRPC). */
export class GoogleTasksAdapter implements TasksAdapter {
  private readonly client: v2beta3.CloudTasksClient;

  constructor(options: ConstructorParameters<typeof v2beta3.CloudTasksClient>[0] = {}) {
    this.client = new v2beta3.CloudTasksClient(options);
  }

  async listQueues(project: string, location: string): Promise<RawQueue[]> {
    const out: RawQueue[] = [];
    for await (const queue of this.client.listQueuesAsync(
      { parent: `projects/${project}/locations/${location}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      out.push(queue);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
