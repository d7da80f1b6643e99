import { z } from 'zod';
import { workloadKindSchema } from './inventory.ts';

/**
 * Who may invoke what (the access view). Principals are IAM member strings:
 * `serviceAccount:a@p.iam.gserviceaccount.com`, `user:`, `group:`, `domain:`, `allUsers`,
 * `allAuthenticatedUsers`, and the rarer `principal://`, `principalSet://`, `deleted:` forms.
 */

export const principalKindSchema = z.enum([
  'serviceAccount',
  'user',
  'group',
  'domain',
  'allUsers',
  'allAuthenticatedUsers',
  'other',
]);
export type PrincipalKind = z.infer<typeof principalKindSchema>;

/** One principal that holds an invoker grant or is a runtime identity. */
export const principalSummarySchema = z.object({
  member: z.string(),
  kind: principalKindSchema,
  /** allUsers, allAuthenticatedUsers and domain: grants reach people no one listed by name. */
  broad: z.boolean(),
  /** Invoker grants held by this member itself (on workloads or projects). */
  grants: z.number(),
  /** Services and jobs it may invoke, through its own grants or broader ones that cover it. */
  mayInvoke: z.number(),
  /** Workloads that run as it (service accounts only). */
  runsAs: z.number(),
});
export type PrincipalSummary = z.infer<typeof principalSummarySchema>;

/** GET /api/access/principals */
export const principalsResponseSchema = z.object({
  snapshotAt: z.string(),
  /** Broad principals first, then by member. */
  principals: z.array(principalSummarySchema),
});
export type PrincipalsResponse = z.infer<typeof principalsResponseSchema>;

/** One workload a principal may invoke, and the grant (or missing check) that lets it. */
export const invocableSchema = z.object({
  resource: z.string(),
  kind: workloadKindSchema,
  project: z.string(),
  location: z.string(),
  /** The invoker role; null when the service skips the invoker IAM check (invokerIamDisabled). */
  role: z.string().nullable(),
  /** Where the grant is; null when the service skips the invoker IAM check. */
  grantedOn: z.enum(['resource', 'project']).nullable(),
  /** The member the grant names: the principal itself, or a broader one that covers it (domain:, allUsers…). */
  via: z.string(),
});
export type Invocable = z.infer<typeof invocableSchema>;

/** GET /api/access/principals/:member */
export const principalAccessSchema = z.object({
  snapshotAt: z.string(),
  member: z.string(),
  kind: principalKindSchema,
  broad: z.boolean(),
  /** Sorted by resource; one entry per (resource, role, grantedOn, via). */
  mayInvoke: z.array(invocableSchema),
  /** Full names of the services and jobs that run as this principal. */
  runsAs: z.array(z.string()),
  /** What the answer cannot see, e.g. group memberships. */
  caveats: z.array(z.string()),
});
export type PrincipalAccess = z.infer<typeof principalAccessSchema>;

/** One invoker of a workload. */
export const workloadInvokerSchema = z.object({
  member: z.string(),
  kind: principalKindSchema,
  broad: z.boolean(),
  role: z.string(),
  grantedOn: z.enum(['resource', 'project']),
});
export type WorkloadInvoker = z.infer<typeof workloadInvokerSchema>;

/** GET /api/services/:name/invokers */
export const workloadInvokersResponseSchema = z.object({
  snapshotAt: z.string(),
  resource: z.string(),
  kind: workloadKindSchema,
  invokers: z.array(workloadInvokerSchema),
  /** True when the service skips the invoker IAM check: anyone who reaches it may invoke it. */
  invokerIamDisabled: z.boolean(),
  iapEnabled: z.boolean(),
  /** False when the service's or project's IAM policy could not be read: the list is incomplete. */
  iamPolicyKnown: z.boolean(),
});
export type WorkloadInvokersResponse = z.infer<typeof workloadInvokersResponseSchema>;
