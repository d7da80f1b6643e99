import { JobsClient, type protos, ServicesClient } from '@google-cloud/run';
import type { ClientOptions } from 'google-gax';

export type RawService = protos.google.cloud.run.v2.IService;
export type RawJob = protos.google.cloud.run.v2.IJob;
export type RawPolicy = protos.google.iam.v1.IPolicy;

/** Read-only access to the Cloud Run Admin API v2 (and its Locations mixin). */
export interface RunAdapter {
  listLocations(project: string): Promise<string[]>;
  listServices(project: string, location: string): Promise<RawService[]>;
  listJobs(project: string, location: string): Promise<RawJob[]>;
  getServiceIamPolicy(name: string): Promise<RawPolicy>;
  getJobIamPolicy(name: string): Promise<RawPolicy>;
  close(): Promise<void>;
}

/** Per-call deadline: one slow region must not hold a whole collection. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * RunAdapter over @google-cloud/run's real v2 gRPC clients. With no options the clients use
 * Application Default Credentials; tests and the demo pass an endpoint on loopback with insecure
 * credentials so the same code path talks to the embedded fake.
 */
export class GoogleRunAdapter implements RunAdapter {
  private readonly services: ServicesClient;
  private readonly jobs: JobsClient;

  constructor(options: ClientOptions = {}) {
    this.services = new ServicesClient(options);
    this.jobs = new JobsClient(options);
  }

  async listLocations(project: string): Promise<string[]> {
    const out: string[] = [];
    for await (const location of this.services.listLocationsAsync(
      { name: `projects/${project}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      if (location.locationId) out.push(location.locationId);
    }
    return out;
  }

  async listServices(project: string, location: string): Promise<RawService[]> {
    const out: RawService[] = [];
    for await (const service of this.services.listServicesAsync(
      { parent: `projects/${project}/locations/${location}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      out.push(service);
    }
    return out;
  }

  async listJobs(project: string, location: string): Promise<RawJob[]> {
    const out: RawJob[] = [];
    for await (const job of this.jobs.listJobsAsync(
      { parent: `projects/${project}/locations/${location}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      out.push(job);
    }
    return out;
  }

  async getServiceIamPolicy(name: string): Promise<RawPolicy> {
    const [policy] = await this.services.getIamPolicy({ resource: name }, { timeout: CALL_TIMEOUT_MS });
    return policy;
  }

  async getJobIamPolicy(name: string): Promise<RawPolicy> {
    const [policy] = await this.jobs.getIamPolicy({ resource: name }, { timeout: CALL_TIMEOUT_MS });
    return policy;
  }

  async close(): Promise<void> {
    await Promise.all([this.services.close(), this.jobs.close()]);
  }
}
