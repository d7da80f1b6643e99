// Deterministic builders of world JSON for tests: aService({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }).
import type { JsonObject } from './proto-json-checker.ts';

export interface ProjectJson extends JsonObject {
  projectId: string;
  projectNumber?: string;
  locations: string[];
  services: JsonObject[];
  jobs: JsonObject[];
  iamPolicies: Record<string, JsonObject>;
}

/** A google.cloud.run.v2.Service in proto3 JSON, public by default like `gcloud run deploy`. */
export function aService(
  project: string,
  location: string,
  id: string,
  overrides: JsonObject = {},
): JsonObject {
  return {
    name: `projects/${project}/locations/${location}/services/${id}`,
    uri: `https://${id}-abc123xyz-ew.a.run.app`,
    urls: [`https://${id}-abc123xyz-ew.a.run.app`],
    ingress: 'INGRESS_TRAFFIC_ALL',
    invokerIamDisabled: false,
    labels: {},
    createTime: '2026-10-01T08:00:00Z',
    template: {
      serviceAccount: `${id}@${project}.iam.gserviceaccount.com`,
      containers: [
        { image: `europe-docker.pkg.dev/${project}/apps/${id}:1.0.0`, ports: [{ containerPort: 8080 }] },
      ],
      timeout: '300s',
    },
    ...overrides,
  };
}

/** A google.cloud.run.v2.Job in proto3 JSON. */
export function aJob(project: string, location: string, id: string, overrides: JsonObject = {}): JsonObject {
  return {
    name: `projects/${project}/locations/${location}/jobs/${id}`,
    createTime: '2026-10-01T08:00:00Z',
    template: {
      taskCount: 1,
      template: {
        containers: [{ image: `europe-docker.pkg.dev/${project}/apps/${id}:1.0.0` }],
        timeout: '600s',
      },
    },
    ...overrides,
  };
}

/** A google.iam.v1.Policy granting one role to some members. */
export function aPolicy(role: string, members: string[]): JsonObject {
  return { version: 1, bindings: [{ role, members }] };
}

export function aProject(projectId: string, overrides: Partial<ProjectJson> = {}): ProjectJson {
  return { projectId, locations: ['europe-west1'], services: [], jobs: [], iamPolicies: {}, ...overrides };
}

export function aWorld(...projects: ProjectJson[]): { now: string; projects: ProjectJson[] } {
  return { now: '2026-11-21T12:00:00Z', projects };
}
