import type {
  EventSource,
  IamBinding,
  IamPolicy,
  Inventory,
  LbBackend,
  LoadBalancer,
  Project,
  Workload,
} from '../../../shared/inventory.ts';

/**
 * Deterministic builders for unit and e2e tests. Defaults describe a clean workload: internal
 * ingress, invoker IAM check on, a dedicated runtime service account, the default Binary
 * Authorization policy, no bindings, no env, so a test states only the setting it is about.
 */

const DEFAULT_PROJECT = 'p1';
const DEFAULT_LOCATION = 'europe-west1';

/** A stable 12-digit project number derived from the project id. */
export function projectNumberOf(projectId: string): string {
  let hash = 7;
  for (const char of projectId) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000_000;
  return String(100_000_000_000 + hash);
}

/** The region code of legacy run.app URLs, e.g. `ew` for europe-west1. */
function regionCodeOf(location: string): string {
  return location
    .split('-')
    .map((part) => part.charAt(0))
    .join('');
}

/** The legacy project hash segment of run.app URLs, stable per project. */
function projectHashOf(projectId: string): string {
  return Number(projectNumberOf(projectId)).toString(36).slice(0, 10);
}

/** The two default URLs Cloud Run gives a service: deterministic and legacy. */
export function urlsOf(shortName: string, project: string, location: string): string[] {
  return [
    `https://${shortName}-${projectNumberOf(project)}.${location}.run.app`,
    `https://${shortName}-${projectHashOf(project)}-${regionCodeOf(location)}.a.run.app`,
  ];
}

interface Placement {
  kind: Workload['kind'];
  shortName: string;
  project: string;
  location: string;
}

/** Name, project, location and short name agree with each other whichever of them the test set. */
function placementOf(kind: Workload['kind'], overrides: Partial<Workload>, fallbackName: string): Placement {
  const parsed = overrides.name?.match(/^projects\/([^/]+)\/locations\/([^/]+)\/(?:services|jobs)\/([^/]+)$/);
  return {
    kind,
    shortName: overrides.shortName ?? parsed?.[3] ?? fallbackName,
    project: overrides.project ?? parsed?.[1] ?? DEFAULT_PROJECT,
    location: overrides.location ?? parsed?.[2] ?? DEFAULT_LOCATION,
  };
}

function baseWorkload({ kind, shortName, project, location }: Placement): Workload {
  return {
    kind,
    name: `projects/${project}/locations/${location}/${kind === 'service' ? 'services' : 'jobs'}/${shortName}`,
    project,
    location,
    shortName,
    urls: [],
    invokerIamDisabled: false,
    defaultUriDisabled: false,
    iapEnabled: false,
    labels: {},
    annotations: {},
    serviceAccount: `${shortName}@${project}.iam.gserviceaccount.com`,
    images: [`europe-docker.pkg.dev/${project}/apps/${shortName}:1.0.0`],
    env: [],
    secretVolumes: [],
    cloudSqlInstances: [],
    customAudiences: [],
    traffic: [],
    binaryAuthorization: { useDefault: true },
    iamPolicy: { bindings: [] },
    createTime: '2026-10-01T08:00:00Z',
    updateTime: '2026-11-20T08:00:00Z',
  };
}

/** A clean internal service `svc` in p1/europe-west1 with a named service account. */
export function aService(overrides: Partial<Workload> = {}): Workload {
  const placement = placementOf('service', overrides, 'svc');
  const urls = urlsOf(placement.shortName, placement.project, placement.location);
  return {
    ...baseWorkload(placement),
    uri: urls[1],
    urls,
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
    ...overrides,
  };
}

/** A clean job `job` in p1/europe-west1 with a named service account. */
export function aJob(overrides: Partial<Workload> = {}): Workload {
  return { ...baseWorkload(placementOf('job', overrides, 'job')), ...overrides };
}

/** A project with a known number and an empty IAM policy. */
export function aProject(overrides: Partial<Project> = {}): Project {
  const projectId = overrides.projectId ?? DEFAULT_PROJECT;
  return {
    projectId,
    projectNumber: projectNumberOf(projectId),
    locations: [DEFAULT_LOCATION],
    iamPolicy: { bindings: [] },
    ...overrides,
  };
}

function locationsOf(projectId: string, workloads: Workload[]): string[] {
  const used = new Set(workloads.filter((w) => w.project === projectId).map((w) => w.location));
  return used.size > 0 ? [...used].sort() : [DEFAULT_LOCATION];
}

/** An inventory; projects default to one clean project per project id the workloads use. */
export function anInventory({
  workloads,
  projects,
  eventSources,
  loadBalancers,
}: {
  workloads: Workload[];
  projects?: Project[];
  eventSources?: EventSource[];
  loadBalancers?: LoadBalancer[];
}): Inventory {
  const projectIds = [...new Set([DEFAULT_PROJECT, ...workloads.map((w) => w.project)])];
  return {
    collectedAt: '2026-11-21T12:00:00Z',
    projects:
      projects ??
      projectIds.map((projectId) => aProject({ projectId, locations: locationsOf(projectId, workloads) })),
    workloads,
    ...(eventSources ? { eventSources } : {}),
    ...(loadBalancers ? { loadBalancers } : {}),
    failures: [],
  };
}

/** A binding of one role to members. */
export function aBinding(role: string, ...members: string[]): IamBinding {
  return { role, members };
}

/** An IAM policy holding the given bindings. */
export function aPolicy(...bindings: IamBinding[]): IamPolicy {
  return { bindings };
}

/**
 * A Pub/Sub push subscription `sub` of p1 delivering to `target`'s URL (plus `path`) with an OIDC
 * token of `pusher@p1`; pass `oidcToken: undefined` for an unauthenticated delivery.
 */
export function aPushSubscription(target: Workload, overrides: Partial<EventSource> = {}): EventSource {
  const project = overrides.project ?? DEFAULT_PROJECT;
  const shortName = overrides.shortName ?? 'sub';
  const targetUrl = `${target.uri ?? target.urls[0] ?? `https://${target.shortName}.example`}/push`;
  return {
    kind: 'subscription',
    name: `projects/${project}/subscriptions/${shortName}`,
    project,
    shortName,
    targetUrl,
    targetHost: new URL(targetUrl).host,
    httpMethod: 'POST',
    oidcToken: { serviceAccountEmail: `pusher@${project}.iam.gserviceaccount.com` },
    topic: `projects/${project}/topics/events`,
    state: 'ACTIVE',
    ...overrides,
  };
}

/** A Cloud Scheduler job `cron` in p1/europe-west1 that runs `job` through the Run Admin API with an OAuth token. */
export function aSchedulerJobRunning(job: Workload, overrides: Partial<EventSource> = {}): EventSource {
  const project = overrides.project ?? DEFAULT_PROJECT;
  const location = overrides.location ?? DEFAULT_LOCATION;
  const shortName = overrides.shortName ?? 'cron';
  return {
    kind: 'scheduler',
    name: `projects/${project}/locations/${location}/jobs/${shortName}`,
    project,
    location,
    shortName,
    targetUrl: `https://run.googleapis.com/v2/${job.name}:run`,
    targetHost: 'run.googleapis.com',
    httpMethod: 'POST',
    oauthToken: {
      serviceAccountEmail: `scheduler@${project}.iam.gserviceaccount.com`,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    },
    schedule: '0 * * * *',
    timeZone: 'Etc/UTC',
    state: 'ENABLED',
    ...overrides,
  };
}

/** A backend service `<service>-backend` with one serverless NEG to each of `services`, default route. */
export function aBackend(services: Workload[], overrides: Partial<LbBackend> = {}): LbBackend {
  const first = services[0];
  const project = first?.project ?? DEFAULT_PROJECT;
  return {
    backendService: `projects/${project}/global/backendServices/${first?.shortName ?? 'web'}-backend`,
    loadBalancingScheme: 'EXTERNAL_MANAGED',
    iapEnabled: false,
    routes: [{ hosts: ['*'], paths: ['/*'] }],
    negs: services.map((s) => ({
      name: `projects/${s.project}/regions/${s.location}/networkEndpointGroups/${s.shortName}-${s.location}-neg`,
      project: s.project,
      region: s.location,
      cloudRunService: s.name,
    })),
    ...overrides,
  };
}

/** A global external Application Load Balancer `lb` of p1 (forwarding rule, HTTPS proxy, URL map) with `backends`. */
export function aLoadBalancer(backends: LbBackend[], overrides: Partial<LoadBalancer> = {}): LoadBalancer {
  const project = overrides.project ?? DEFAULT_PROJECT;
  const shortName = overrides.shortName ?? 'lb';
  return {
    name: `projects/${project}/global/forwardingRules/${shortName}`,
    project,
    shortName,
    ipAddress: '34.120.0.1',
    ipProtocol: 'TCP',
    portRange: '443-443',
    loadBalancingScheme: 'EXTERNAL_MANAGED',
    external: true,
    targetProxy: `projects/${project}/global/targetHttpsProxies/${shortName}-proxy`,
    urlMap: `projects/${project}/global/urlMaps/${shortName}-map`,
    backends,
    ...overrides,
  };
}
