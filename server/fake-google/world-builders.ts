// Deterministic builders of world JSON for tests: aService({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }).
import type { JsonObject } from './proto-json-checker.ts';

export interface ProjectJson extends JsonObject {
  projectId: string;
  projectNumber?: string;
  locations: string[];
  services: JsonObject[];
  jobs: JsonObject[];
  iamPolicies: Record<string, JsonObject>;
  pubsubSubscriptions?: JsonObject[];
  schedulerJobs?: JsonObject[];
  tasksQueues?: JsonObject[];
  networkEndpointGroups?: JsonObject[];
  backendServices?: JsonObject[];
  urlMaps?: JsonObject[];
  targetHttpsProxies?: JsonObject[];
  targetHttpProxies?: JsonObject[];
  forwardingRules?: JsonObject[];
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

/** A Pub/Sub push subscription (google.pubsub.v1.Subscription) with an OIDC token unless `oidc` is null. */
export function aPushSubscription(
  project: string,
  id: string,
  pushEndpoint: string,
  oidc: JsonObject | null = { serviceAccountEmail: `pubsub-push@${project}.iam.gserviceaccount.com` },
): JsonObject {
  return {
    name: `projects/${project}/subscriptions/${id}`,
    topic: `projects/${project}/topics/${id}-topic`,
    pushConfig: { pushEndpoint, ...(oidc ? { oidcToken: oidc } : {}) },
    ackDeadlineSeconds: 10,
    state: 'ACTIVE',
  };
}

/** A Cloud Scheduler job (google.cloud.scheduler.v1.Job) calling a URL with an OIDC token. */
export function aSchedulerJob(
  project: string,
  location: string,
  id: string,
  uri: string,
  overrides: JsonObject = {},
): JsonObject {
  return {
    name: `projects/${project}/locations/${location}/jobs/${id}`,
    schedule: '0 * * * *',
    timeZone: 'Etc/UTC',
    state: 'ENABLED',
    httpTarget: {
      uri,
      httpMethod: 'POST',
      oidcToken: { serviceAccountEmail: `scheduler@${project}.iam.gserviceaccount.com` },
    },
    ...overrides,
  };
}

/** A Cloud Tasks queue (google.cloud.tasks.v2beta3.Queue) whose queue-level HTTP target overrides the host. */
export function aTaskQueue(project: string, location: string, id: string, host: string): JsonObject {
  return {
    name: `projects/${project}/locations/${location}/queues/${id}`,
    state: 'RUNNING',
    type: 'PUSH',
    httpTarget: {
      uriOverride: {
        scheme: 'HTTPS',
        host,
        pathOverride: { path: '/tasks' },
        uriOverrideEnforceMode: 'ALWAYS',
      },
      httpMethod: 'POST',
      oidcToken: { serviceAccountEmail: `tasks@${project}.iam.gserviceaccount.com` },
    },
  };
}

/**
 * The Compute v1 resources of one global load balancer in front of one Cloud Run service: serverless
 * NEG, backend service, URL map, target HTTPS proxy and forwarding rule, named after `id`.
 */
export function aLoadBalancer(
  region: string,
  service: string,
  id: string,
  options: { scheme?: string; iap?: boolean } = {},
): Pick<
  ProjectJson,
  'networkEndpointGroups' | 'backendServices' | 'urlMaps' | 'targetHttpsProxies' | 'forwardingRules'
> {
  const scheme = options.scheme ?? 'EXTERNAL_MANAGED';
  return {
    networkEndpointGroups: [
      { name: `${id}-neg`, region, networkEndpointType: 'SERVERLESS', cloudRun: { service } },
    ],
    backendServices: [
      {
        name: `${id}-backend`,
        loadBalancingScheme: scheme,
        protocol: 'HTTPS',
        backends: [{ group: `regions/${region}/networkEndpointGroups/${id}-neg` }],
        ...(options.iap === undefined ? {} : { iap: { enabled: options.iap } }),
      },
    ],
    urlMaps: [{ name: `${id}-map`, defaultService: `global/backendServices/${id}-backend` }],
    targetHttpsProxies: [{ name: `${id}-proxy`, urlMap: `global/urlMaps/${id}-map` }],
    forwardingRules: [
      {
        name: `${id}-rule`,
        IPAddress: '34.120.0.10',
        IPProtocol: 'TCP',
        portRange: '443-443',
        loadBalancingScheme: scheme,
        target: `global/targetHttpsProxies/${id}-proxy`,
      },
    ],
  };
}
