import { z } from 'zod';

/** What the core derives from the inventory: exposure, findings, the graph. Safe to send to clients. */

export const reachSchema = z.enum(['internet', 'load-balancer', 'internal', 'none']);
export type Reach = z.infer<typeof reachSchema>;

export const accessSchema = z.enum(['unauthenticated', 'any-google-account', 'iap', 'iam']);
export type Access = z.infer<typeof accessSchema>;

export const verdictSchema = z.enum(['overexposed', 'public', 'reachable', 'internal', 'closed']);
export type Verdict = z.infer<typeof verdictSchema>;

export const exposureSchema = z.object({
  reach: reachSchema,
  access: accessSchema,
  verdict: verdictSchema,
  declaredPublic: z.boolean(),
  /** Plain sentences, each naming the setting or binding behind the verdict. */
  reasons: z.array(z.string()),
});
export type Exposure = z.infer<typeof exposureSchema>;

export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof severitySchema>;
export const severities: readonly Severity[] = severitySchema.options;

/** A principal that may invoke a workload, and where the grant is. */
export const invokerSchema = z.object({
  member: z.string(),
  role: z.string(),
  grantedOn: z.enum(['resource', 'project']),
});
export type Invoker = z.infer<typeof invokerSchema>;

export const evidenceSchema = z.object({
  /** The field or binding that triggered the rule, e.g. `ingress` or `iamPolicy.bindings[roles/run.invoker]`. */
  path: z.string(),
  /** Its value as shown to a reviewer (never a literal env value). */
  value: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** The waiver of the policy file that matched a finding. */
export const waiverRefSchema = z.object({
  justification: z.string(),
  owner: z.string(),
  /** Last day the waiver applies (YYYY-MM-DD, UTC). */
  expires: z.string(),
  /** The waiver's rule and resource pattern, as written in the policy file. */
  rule: z.string(),
  resource: z.string(),
  /** Line of the waiver in the policy file, when known. */
  line: z.number().optional(),
});
export type WaiverRef = z.infer<typeof waiverRefSchema>;

export const findingSchema = z.object({
  /** Stable id: ruleId + resource (+ a discriminator when a rule fires more than once per resource). */
  id: z.string(),
  ruleId: z.string(),
  severity: severitySchema,
  title: z.string(),
  /** One sentence about this resource: what is wrong here. */
  message: z.string(),
  rationale: z.string(),
  /** Full resource name of the service or job. */
  resource: z.string(),
  resourceKind: z.enum(['service', 'job']),
  project: z.string(),
  location: z.string(),
  evidence: z.array(evidenceSchema),
  remediation: z.object({ gcloud: z.string(), terraform: z.string() }),
  /** Set when a waiver of the policy file applies: the finding is kept and shown as waived. */
  waiver: waiverRefSchema.optional(),
  /** Set when the only waivers that matched have expired: the finding counts again. */
  expiredWaiver: waiverRefSchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/**
 * Something the reviewer should know that is not a finding about a workload: an expired or unused
 * waiver, an IAM binding on a role runmap cannot interpret. `resource` names a workload or project
 * when the note is about one; `line`/`column` point into the policy file when it is about that.
 */
export const noteSchema = z.object({
  code: z.enum([
    'expired-waiver',
    'unused-waiver',
    'unused-public-pattern',
    'custom-role',
    'unknown-role',
    'unknown-member',
  ]),
  level: z.enum(['warning', 'info']),
  message: z.string(),
  resource: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const severityCountsSchema = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  info: z.number(),
});
export type SeverityCounts = z.infer<typeof severityCountsSchema>;

export const INTERNET_NODE_ID = 'internet';

export const graphNodeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('service'),
    id: z.string(),
    label: z.string(),
    project: z.string(),
    location: z.string(),
    exposure: exposureSchema.pick({ reach: true, access: true, verdict: true }),
    findings: severityCountsSchema,
  }),
  z.object({
    kind: z.literal('job'),
    id: z.string(),
    label: z.string(),
    project: z.string(),
    location: z.string(),
    findings: severityCountsSchema,
  }),
  z.object({ kind: z.literal('internet'), id: z.literal(INTERNET_NODE_ID), label: z.string() }),
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const edgeKindSchema = z.enum(['observed', 'declared', 'permitted', 'event', 'exposure']);
export type EdgeKind = z.infer<typeof edgeKindSchema>;

export const graphEdgeSchema = z.object({
  /** `${kind}:${source}->${target}` */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: edgeKindSchema,
  /** Why the edge exists, e.g. `env ORDERS_URL = https://orders-…run.app` or `roles/run.invoker granted to sa@…`. */
  evidence: z.array(z.string()),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type Graph = z.infer<typeof graphSchema>;
