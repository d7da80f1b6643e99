import { z } from 'zod';
import { observedEdgeSchema } from './observability.ts';

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

/** One backend service of a load balancer as the map shows it. */
export const lbBackendViewSchema = z.object({
  /** projects/P/global/backendServices/B */
  backendService: z.string(),
  iapEnabled: z.boolean(),
  /** Cloud Armor policy, when one is attached. */
  securityPolicy: z.string().optional(),
  /** Host patterns of the URL map that lead to it (`*` for the default). */
  hosts: z.array(z.string()),
});
export type LbBackendView = z.infer<typeof lbBackendViewSchema>;

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
  /** A global forwarding rule and the chain behind it (target proxy → URL map → backend services → NEGs). */
  z.object({
    kind: z.literal('load-balancer'),
    /** The forwarding rule's full name, projects/P/global/forwardingRules/F. */
    id: z.string(),
    label: z.string(),
    project: z.string(),
    /** Scheme EXTERNAL or EXTERNAL_MANAGED: the internet reaches it. */
    external: z.boolean(),
    scheme: z.string(),
    ipAddress: z.string().optional(),
    portRange: z.string().optional(),
    urlMap: z.string().optional(),
    backends: z.array(lbBackendViewSchema),
  }),
  /** A Pub/Sub push subscription, Cloud Scheduler job or Cloud Tasks queue that delivers HTTP requests. */
  z.object({
    kind: z.literal('event-source'),
    /** The source's full name, e.g. projects/P/subscriptions/S. */
    id: z.string(),
    label: z.string(),
    source: z.enum(['subscription', 'scheduler', 'tasks']),
    project: z.string(),
    location: z.string().optional(),
    topic: z.string().optional(),
    schedule: z.string().optional(),
    timeZone: z.string().optional(),
    state: z.string().optional(),
    /** The account whose token the requests carry, and which kind of token; `none` when unauthenticated. */
    token: z.enum(['oidc', 'oauth', 'none']),
    serviceAccount: z.string().optional(),
    /** The workload it delivers to; undefined when the target is outside the estate. */
    target: z.string().optional(),
  }),
  /** A Cloud SQL instance or a Secret Manager secret that workloads declare (the optional backing layer). */
  z.object({
    kind: z.literal('backing'),
    /** projects/P/instances/I (Cloud SQL) or projects/P/secrets/S, with P the project id when known. */
    id: z.string(),
    label: z.string(),
    resource: z.enum(['cloud-sql', 'secret']),
    project: z.string(),
    /** Cloud SQL instances: the region of the connection name. */
    location: z.string().optional(),
  }),
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;

/**
 * SPEC §7 kinds, plus `backing`: a workload declares a Cloud SQL instance or reads a secret (its own
 * kind, so that walks over `declared` call edges never step into a database or a secret).
 */
export const edgeKindSchema = z.enum(['observed', 'declared', 'permitted', 'event', 'exposure', 'backing']);
export type EdgeKind = z.infer<typeof edgeKindSchema>;

export const graphEdgeSchema = z.object({
  /** `${kind}:${source}->${target}` */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: edgeKindSchema,
  /** Why the edge exists, e.g. `env ORDERS_URL = https://orders-…run.app` or `roles/run.invoker granted to sa@…`. */
  evidence: z.array(z.string()),
  /** Observed edges: calls, errors and latency over the snapshot's traffic window. */
  stats: observedEdgeSchema.omit({ id: true, source: true, target: true }).optional(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type Graph = z.infer<typeof graphSchema>;

/**
 * One way a request can arrive at a service (SPEC §5, issue 6): the default run.app URL, a load
 * balancer (external or internal) or internal networks, with who passes the gate on that way.
 */
export const arrivalPathSchema = z.object({
  kind: z.enum(['default-url', 'load-balancer', 'internal']),
  /** Where the requests come from: anyone on the internet, or internal networks (VPC, Google's own services). */
  from: z.enum(['internet', 'internal']),
  /** False when the service's ingress setting refuses this way in (the path is configured but blocked). */
  open: z.boolean(),
  /** Who passes the gate on this path: a backend service with IAP makes it `iap`. */
  access: accessSchema,
  /** Load-balancer paths: the forwarding rule, its URL map and the backend service. */
  loadBalancer: z
    .object({
      name: z.string(),
      label: z.string(),
      ipAddress: z.string().optional(),
      portRange: z.string().optional(),
      urlMap: z.string().optional(),
      backendService: z.string(),
      iapEnabled: z.boolean(),
      securityPolicy: z.string().optional(),
      hosts: z.array(z.string()),
    })
    .optional(),
  /** One sentence: how requests come this way and what gates them. */
  summary: z.string(),
});
export type ArrivalPath = z.infer<typeof arrivalPathSchema>;
