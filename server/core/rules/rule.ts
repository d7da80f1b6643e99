import type { EnvVar, Inventory, Project, Workload, WorkloadKind } from '../../../shared/inventory.ts';
import type { Evidence, Exposure, Finding, Invoker, Severity } from '../../../shared/model.ts';
import type { Policy } from '../../../shared/policy.ts';
import type { Estate } from '../estate.ts';

/** What a rule sees about one workload. */
export interface RuleContext {
  workload: Workload;
  /** The workload's project; undefined when the inventory lacks it. */
  project: Project | undefined;
  /** Exposure of a service; null for jobs, which are not reachable over HTTP. */
  exposure: Exposure | null;
  invokers: Invoker[];
  inventory: Inventory;
  /** Indexes over the whole inventory, built once per analysis. */
  estate: Estate;
  /** The policy file's content (empty when none is given). */
  policy: Policy;
}

/** One audit rule (SPEC §6). Its rationale doubles as the user-facing explanation. */
export interface Rule {
  id: string;
  title: string;
  /** The highest severity the rule reports. */
  severity: Severity;
  /** The condition, with how severity varies, as in the SPEC table. */
  description: string;
  rationale: string;
  appliesTo: readonly WorkloadKind[];
  evaluate(ctx: RuleContext): Finding[];
}

/** The parts of a finding that vary per resource. */
export interface FindingDraft {
  severity?: Severity;
  message: string;
  evidence: Evidence[];
  remediation: Finding['remediation'];
  /** Set when the rule fires more than once on one resource, e.g. `env:API_KEY`. */
  discriminator?: string;
}

/** A finding of `rule` on `workload`, with a stable id. */
export function findingOf(rule: Rule, workload: Workload, draft: FindingDraft): Finding {
  const base = `${rule.id}:${workload.name}`;
  return {
    id: draft.discriminator ? `${base}#${draft.discriminator}` : base,
    ruleId: rule.id,
    severity: draft.severity ?? rule.severity,
    title: rule.title,
    message: draft.message,
    rationale: rule.rationale,
    resource: workload.name,
    resourceKind: workload.kind,
    project: workload.project,
    location: workload.location,
    evidence: draft.evidence,
    remediation: draft.remediation,
  };
}

/** Finding discriminator of an env var: `env:NAME`, plus `@container` when several containers define it. */
export function envDiscriminator(env: EnvVar, workload: Workload): string {
  const shared = workload.env.filter((other) => other.name === env.name).length > 1;
  return shared ? `env:${env.name}@${env.container}` : `env:${env.name}`;
}

/** Evidence of one invoker grant: the binding that holds it, on the resource or on the project. */
export function grantEvidence(grant: Invoker): Evidence {
  const policy = grant.grantedOn === 'resource' ? 'iamPolicy' : 'project.iamPolicy';
  return { path: `${policy}.bindings[${grant.role}]`, value: grant.member };
}
