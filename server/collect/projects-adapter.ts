import { ProjectsClient, type protos } from '@google-cloud/resource-manager';
import type { RawPolicy } from './run-adapter.ts';

export type RawProject = protos.google.cloud.resourcemanager.v3.IProject;

/** Read-only access to Resource Manager v3 Projects: the project itself and its IAM policy. */
export interface ProjectsAdapter {
  getProject(project: string): Promise<RawProject>;
  getIamPolicy(project: string): Promise<RawPolicy>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;

/** ProjectsAdapter over @google-cloud/resource-manager's real v3 gRPC client. */
export class GoogleProjectsAdapter implements ProjectsAdapter {
  private readonly client: ProjectsClient;

  constructor(options: ConstructorParameters<typeof ProjectsClient>[0] = {}) {
    this.client = new ProjectsClient(options);
  }

  async getProject(project: string): Promise<RawProject> {
    const [p] = await this.client.getProject({ name: `projects/${project}` }, { timeout: CALL_TIMEOUT_MS });
    return p;
  }

  async getIamPolicy(project: string): Promise<RawPolicy> {
    const [policy] = await this.client.getIamPolicy(
      { resource: `projects/${project}` },
      { timeout: CALL_TIMEOUT_MS },
    );
    return policy as RawPolicy;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
