import { z } from 'zod';
import { callFailureSchema, ingressSchema, workloadKindSchema } from './inventory.ts';
import { arrivalPathSchema, exposureSchema, findingSchema, graphSchema, invokerSchema } from './model.ts';
import { consoleLinksSchema } from './observability.ts';

/** Request and response shapes of the HTTP API, shared by the server, the web app and the tests. */

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const progressSchema = z.object({
  projectsDone: z.number(),
  projectsTotal: z.number(),
  callsDone: z.number(),
  callsTotal: z.number(),
});
export type Progress = z.infer<typeof progressSchema>;

/** The snapshot being shown, and the collection under way if any. */
export const statusSchema = z.object({
  /** Where the data comes from, e.g. `demo world`, `world tiny.world.json`, `projects a, b`. */
  source: z.string(),
  projects: z.array(z.string()),
  /** Time the shown snapshot was collected; null before the first one completes. */
  snapshotAt: z.string().nullable(),
  collecting: z.boolean(),
  /** Progress of the collection under way (or the last one). */
  progress: progressSchema,
  collectionStartedAt: z.string().nullable(),
  /** Failed calls of the shown snapshot. */
  failures: z.array(callFailureSchema),
  /** Set when the last collection failed as a whole (the previous snapshot, if any, stays shown). */
  lastError: z.string().nullable(),
  refreshSeconds: z.number(),
  counts: z.object({ services: z.number(), jobs: z.number(), findings: z.number() }),
});
export type Status = z.infer<typeof statusSchema>;

export const graphResponseSchema = graphSchema.extend({ snapshotAt: z.string() });
export type GraphResponse = z.infer<typeof graphResponseSchema>;

export const findingsResponseSchema = z.object({
  snapshotAt: z.string(),
  findings: z.array(findingSchema),
});
export type FindingsResponse = z.infer<typeof findingsResponseSchema>;

export const envVarViewSchema = z.object({
  name: z.string(),
  container: z.string(),
  source: z.enum(['literal', 'secret']),
  /** Secret reference, e.g. `projects/1/secrets/db-password` with its version. */
  secret: z.object({ secret: z.string(), version: z.string() }).optional(),
});
export type EnvVarView = z.infer<typeof envVarViewSchema>;

export const neighbourSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  edgeKind: z.string(),
  evidence: z.array(z.string()),
});
export type Neighbour = z.infer<typeof neighbourSchema>;

export const serviceDetailSchema = z.object({
  snapshotAt: z.string(),
  name: z.string(),
  kind: workloadKindSchema,
  shortName: z.string(),
  project: z.string(),
  location: z.string(),
  uri: z.string().nullable(),
  urls: z.array(z.string()),
  ingress: ingressSchema.nullable(),
  invokerIamDisabled: z.boolean(),
  defaultUriDisabled: z.boolean(),
  iapEnabled: z.boolean(),
  labels: z.record(z.string(), z.string()),
  serviceAccount: z.string().nullable(),
  images: z.array(z.string()),
  envVars: z.array(envVarViewSchema),
  /** null for jobs, which are not reachable over HTTP. */
  exposure: exposureSchema.nullable(),
  /**
   * Every way a request can arrive (default URL, each load balancer, internal networks), open or
   * blocked by ingress; empty for jobs. Absent in responses of servers older than issue 6.
   */
  arrivalPaths: z.array(arrivalPathSchema).default([]),
  invokers: z.array(invokerSchema),
  /** False when the IAM policy could not be read: the invoker list is then incomplete. */
  iamPolicyKnown: z.boolean(),
  findings: z.array(findingSchema),
  callers: z.array(neighbourSchema),
  callees: z.array(neighbourSchema),
  updateTime: z.string().nullable(),
  lastModifier: z.string().nullable(),
  /** Deep links into Google Cloud's console (Cloud Run, Logs, Metrics, Trace, Error Reporting). */
  links: consoleLinksSchema.optional(),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;
