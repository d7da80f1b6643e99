import { z } from 'zod';

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

export const inventorySchema = z.object({
  collectedAt: z.string(),
  projects: z.array(projectSchema),
  workloads: z.array(workloadSchema),
  failures: z.array(callFailureSchema),
});
export type Inventory = z.infer<typeof inventorySchema>;
