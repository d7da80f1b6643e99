import { z } from 'zod';
import { trafficSampleSchema } from './traffic.ts';

/**
 * The inventory: what the collector read from Google's APIs, normalized.
 * It lives on the server only. Literal env values are kept here because the core needs them
 * (declared edges, CR-13), and they never leave the server: every HTTP and CLI output is built
 * from the derived types in api.ts, which carry env names and secret references only.
 */

export const ingressSchema = z.enum([
  'INGRESS_TRAFFIC_UNSPECIFIED',
  'INGRESS_TRAFFIC_ALL',
  'INGRESS_TRAFFIC_INTERNAL_ONLY',
  'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
  'INGRESS_TRAFFIC_NONE',
]);
export type Ingress = z.infer<typeof ingressSchema>;

export const iamBindingSchema = z.object({
  role: z.string(),
  members: z.array(z.string()),
  /** CEL expression of a conditional binding, when present. */
  condition: z.string().optional(),
});
export type IamBinding = z.infer<typeof iamBindingSchema>;

export const iamPolicySchema = z.object({
  bindings: z.array(iamBindingSchema),
  etag: z.string().optional(),
});
export type IamPolicy = z.infer<typeof iamPolicySchema>;

export const envVarSchema = z.object({
  name: z.string(),
  /** Container name (or image when the container is unnamed). */
  container: z.string(),
  /** Literal value. Server only: never serialized into any response or report. */
  value: z.string().optional(),
  /** Secret Manager reference, for env vars that take their value from a secret. */
  secret: z.object({ secret: z.string(), version: z.string() }).optional(),
});
export type EnvVar = z.infer<typeof envVarSchema>;

export const secretVolumeSchema = z.object({
  volume: z.string(),
  secret: z.string(),
  /** Versions mounted; `latest` when the volume follows the latest version. */
  versions: z.array(z.string()),
});
export type SecretVolume = z.infer<typeof secretVolumeSchema>;

export const trafficTargetSchema = z.object({
  type: z.string(),
  revision: z.string().optional(),
  percent: z.number(),
  tag: z.string().optional(),
  /** URL of a tagged target, from terminalCondition/trafficStatuses. */
  uri: z.string().optional(),
});
export type TrafficTarget = z.infer<typeof trafficTargetSchema>;

export const workloadKindSchema = z.enum(['service', 'job']);
export type WorkloadKind = z.infer<typeof workloadKindSchema>;

export const workloadSchema = z.object({
  kind: workloadKindSchema,
  /** Full resource name: projects/P/locations/L/services/S (or jobs/J). */
  name: z.string(),
  project: z.string(),
  location: z.string(),
  /** The last segment of the name. */
  shortName: z.string(),
  uri: z.string().optional(),
  urls: z.array(z.string()),
  /** Services only; jobs have no ingress. */
  ingress: ingressSchema.optional(),
  invokerIamDisabled: z.boolean(),
  defaultUriDisabled: z.boolean(),
  iapEnabled: z.boolean(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  /** Runtime identity; undefined when unset (the default compute account is used). */
  serviceAccount: z.string().optional(),
  images: z.array(z.string()),
  env: z.array(envVarSchema),
  secretVolumes: z.array(secretVolumeSchema),
  cloudSqlInstances: z.array(z.string()),
  customAudiences: z.array(z.string()),
  traffic: z.array(trafficTargetSchema),
  binaryAuthorization: z
    .object({
      useDefault: z.boolean(),
      policy: z.string().optional(),
      breakglassJustification: z.string().optional(),
    })
    .optional(),
  /** null when GetIamPolicy failed: the failure is in inventory.failures. */
  iamPolicy: iamPolicySchema.nullable(),
  createTime: z.string().optional(),
  updateTime: z.string().optional(),
  creator: z.string().optional(),
  lastModifier: z.string().optional(),
});
export type Workload = z.infer<typeof workloadSchema>;

export const projectSchema = z.object({
  projectId: z.string(),
  projectNumber: z.string().optional(),
  locations: z.array(z.string()),
  /** null when not read (not collected yet, or the call failed). */
  iamPolicy: iamPolicySchema.nullable(),
});
export type Project = z.infer<typeof projectSchema>;

export const callFailureSchema = z.object({
  project: z.string(),
  /** The API method, e.g. `run.services.list`. */
  call: z.string(),
  /** The location or resource the call was about, when it was about one. */
  target: z.string().optional(),
  /** gRPC status name, e.g. PERMISSION_DENIED. */
  code: z.string(),
  message: z.string(),
});
export type CallFailure = z.infer<typeof callFailureSchema>;

export const eventSourceKindSchema = z.enum(['subscription', 'scheduler', 'tasks']);
export type EventSourceKind = z.infer<typeof eventSourceKindSchema>;

/** The OIDC token a delivery carries: Cloud Run checks the account may invoke and the audience matches. */
export const oidcTokenSchema = z.object({
  serviceAccountEmail: z.string(),
  /** As configured; when unset Google uses the target URL (Pub/Sub: the push endpoint). */
  audience: z.string().optional(),
});
export type OidcToken = z.infer<typeof oidcTokenSchema>;

/** An OAuth access token, which Google APIs accept (e.g. the Run Admin API's jobs:run) and Cloud Run URLs do not. */
export const oauthTokenSchema = z.object({
  serviceAccountEmail: z.string(),
  scope: z.string().optional(),
});
export type OauthToken = z.infer<typeof oauthTokenSchema>;

/**
 * Something that delivers HTTP requests on Google's behalf: a Pub/Sub push subscription, a Cloud
 * Scheduler job with an HTTP target or a Cloud Tasks queue with a queue-level HTTP target. Pull,
 * BigQuery and Cloud Storage subscriptions, Pub/Sub-target jobs and queues without an HTTP target
 * deliver to no URL and are left out.
 */
export const eventSourceSchema = z.object({
  kind: eventSourceKindSchema,
  /**
   * Full resource name: projects/P/subscriptions/S, projects/P/locations/L/jobs/J or
   * projects/P/locations/L/queues/Q.
   */
  name: z.string(),
  project: z.string(),
  /** Scheduler jobs and queues only; subscriptions are global. */
  location: z.string().optional(),
  /** The last segment of the name. */
  shortName: z.string(),
  /**
   * Where requests go: the push endpoint, the job's target URI, or the queue's URI override as a URL
   * (scheme://host[:port][/path]). Undefined when the override names no host.
   */
  targetUrl: z.string().optional(),
  /** The host the requests go to, also for a queue override that changes only the host. */
  targetHost: z.string().optional(),
  httpMethod: z.string().optional(),
  /** Undefined when the delivery carries no OIDC token (GR-03). */
  oidcToken: oidcTokenSchema.optional(),
  oauthToken: oauthTokenSchema.optional(),
  /** Subscriptions: projects/P/topics/T (or _deleted-topic_). */
  topic: z.string().optional(),
  /** Scheduler jobs: unix-cron schedule and its time zone. */
  schedule: z.string().optional(),
  timeZone: z.string().optional(),
  /**
   * As the API states it: subscriptions ACTIVE or RESOURCE_ERROR; jobs ENABLED, PAUSED, DISABLED or
   * UPDATE_FAILED; queues RUNNING, PAUSED or DISABLED.
   */
  state: z.string().optional(),
  /** Queues: ALWAYS, or IF_NOT_EXISTS when a task's own URL wins over the override. */
  uriOverrideEnforceMode: z.string().optional(),
});
export type EventSource = z.infer<typeof eventSourceSchema>;

/** A serverless network endpoint group, a load balancer's way into Cloud Run. */
export const serverlessNegSchema = z.object({
  /** projects/P/regions/R/networkEndpointGroups/N */
  name: z.string(),
  project: z.string(),
  region: z.string(),
  /** The Cloud Run service it sends to, as projects/P/locations/R/services/S; undefined for a URL mask. */
  cloudRunService: z.string().optional(),
  /** Traffic tag of that service, when the NEG sends to a tag. */
  cloudRunTag: z.string().optional(),
  /** e.g. `<service>.example.com`: the service is taken from each request. */
  urlMask: z.string().optional(),
});
export type ServerlessNeg = z.infer<typeof serverlessNegSchema>;

/** Where a URL map sends requests to a backend: host patterns (`*` for any) and path patterns. */
export const lbRouteSchema = z.object({
  hosts: z.array(z.string()),
  paths: z.array(z.string()),
});
export type LbRoute = z.infer<typeof lbRouteSchema>;

/** A backend service of a load balancer, with the serverless NEGs it sends to. */
export const lbBackendSchema = z.object({
  /** projects/P/global/backendServices/B */
  backendService: z.string(),
  /** EXTERNAL, EXTERNAL_MANAGED, INTERNAL_MANAGED, … as the backend service states it. */
  loadBalancingScheme: z.string().optional(),
  /** Identity-Aware Proxy on this backend service (iap.enabled). */
  iapEnabled: z.boolean(),
  /** Cloud Armor policy, projects/P/global/securityPolicies/S. */
  securityPolicy: z.string().optional(),
  routes: z.array(lbRouteSchema),
  /** Serverless NEGs among its backends; NEGs that could not be read are left out. */
  negs: z.array(serverlessNegSchema),
});
export type LbBackend = z.infer<typeof lbBackendSchema>;

/**
 * One global forwarding rule and what it leads to: target proxy → URL map → backend services →
 * serverless NEGs → Cloud Run services. A link that could not be read ends the chain early.
 */
export const loadBalancerSchema = z.object({
  /** The forwarding rule: projects/P/global/forwardingRules/F. */
  name: z.string(),
  project: z.string(),
  shortName: z.string(),
  ipAddress: z.string().optional(),
  ipProtocol: z.string().optional(),
  portRange: z.string().optional(),
  /** The forwarding rule's scheme: EXTERNAL, EXTERNAL_MANAGED, INTERNAL_MANAGED, … */
  loadBalancingScheme: z.string(),
  /** Scheme EXTERNAL or EXTERNAL_MANAGED: the internet reaches it. */
  external: z.boolean(),
  /** projects/P/global/targetHttpsProxies/T (or targetHttpProxies). */
  targetProxy: z.string().optional(),
  /** projects/P/global/urlMaps/U */
  urlMap: z.string().optional(),
  backends: z.array(lbBackendSchema),
});
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;

export const inventorySchema = z.object({
  collectedAt: z.string(),
  projects: z.array(projectSchema),
  workloads: z.array(workloadSchema),
  /** Pub/Sub push, Cloud Scheduler and Cloud Tasks deliveries; absent when not collected. */
  eventSources: z.array(eventSourceSchema).optional(),
  /** Global load balancers (forwarding rule chains); absent when not collected. */
  loadBalancers: z.array(loadBalancerSchema).optional(),
  /** Traces of the traffic window (observed edges); absent when not collected. */
  traffic: trafficSampleSchema.optional(),
  failures: z.array(callFailureSchema),
});
export type Inventory = z.infer<typeof inventorySchema>;
