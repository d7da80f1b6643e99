import type { Inventory, Project } from '../../shared/inventory.ts';
import {
  type ArrivalPath,
  type Exposure,
  type Finding,
  type Graph,
  type Invoker,
  type Note,
  severities,
} from '../../shared/model.ts';
import { emptyPolicy, type Policy } from '../../shared/policy.ts';
import { applyWaivers } from './apply-waivers.ts';
import { arrivalPathsOf } from './arrival-paths.ts';
import { estateOf } from './estate.ts';
import { exposureOf } from './exposure.ts';
import { buildGraph } from './graph.ts';
import { iamNotes } from './iam-notes.ts';
import { invokersOf } from './invokers.ts';
import { resourcePattern } from './resource-pattern.ts';
import { rules as allRules } from './rules/index.ts';
import type { Rule } from './rules/rule.ts';

/** Everything the core derives from one inventory. Only `inventory` holds literal env values. */
export interface Analysis {
  inventory: Inventory;
  /** The policy applied (the empty policy when none was given). */
  policy: Policy;
  /** Exposure of each service, by full resource name. */
  exposures: Map<string, Exposure>;
  /** Invoker grants of each service and job, by full resource name. */
  invokers: Map<string, Invoker[]>;
  /** Every way a request can arrive at each service (default URL, load balancers, internal). */
  arrivalPaths: Map<string, ArrivalPath[]>;
  /**
   * Sorted by severity (critical first), then resource, then rule id, then finding id. Waived
   * findings stay in the list and carry `waiver`.
   */
  findings: Finding[];
  /** Expired or unused waivers, IAM bindings runmap cannot interpret. */
  notes: Note[];
  /** Finding counts on nodes leave waived findings out. */
  graph: Graph;
}

export interface AnalyzeOptions {
  /** Rules to evaluate; every rule by default. */
  rules?: readonly Rule[];
  /** The time waivers are judged at; the inventory's collection time by default. */
  now?: Date;
}

const severityRank = new Map(severities.map((severity, index) => [severity, index]));

function compareFindings(a: Finding, b: Finding): number {
  return (
    (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) ||
    compare(a.resource, b.resource) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.id, b.id)
  );
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Exposure, invokers, findings, notes and graph of an inventory under a policy (declared-public
 * services, allowed invokers, waivers). Without a policy, only the label declares a service public.
 */
export function analyze(
  inventory: Inventory,
  policy: Policy = emptyPolicy,
  { rules = allRules, now = new Date(inventory.collectedAt) }: AnalyzeOptions = {},
): Analysis {
  const projects = new Map<string, Project>(inventory.projects.map((p) => [p.projectId, p]));
  const estate = estateOf(inventory);
  const publicPatterns = policy.publicServices.map((pattern) => ({
    pattern,
    matches: resourcePattern(pattern),
    used: false,
  }));
  const exposures = new Map<string, Exposure>();
  const invokers = new Map<string, Invoker[]>();
  const arrivalPaths = new Map<string, ArrivalPath[]>();
  const raw: Finding[] = [];

  for (const workload of inventory.workloads) {
    const project = projects.get(workload.project);
    const workloadInvokers = invokersOf(workload, project);
    invokers.set(workload.name, workloadInvokers);
    let exposure: Exposure | null = null;
    if (workload.kind === 'service') {
      const declaration = publicPatterns.find((p) => p.matches(workload.name, workload.shortName));
      if (declaration) declaration.used = true;
      exposure = exposureOf(workload, workloadInvokers, declaration?.pattern);
      exposures.set(workload.name, exposure);
      arrivalPaths.set(
        workload.name,
        arrivalPathsOf(workload, exposure, estate.frontendsByService.get(workload.name) ?? []),
      );
    }
    const ctx = { workload, project, exposure, invokers: workloadInvokers, inventory, estate, policy };
    for (const rule of rules) {
      if (rule.appliesTo.includes(workload.kind)) raw.push(...rule.evaluate(ctx));
    }
  }

  const waived = applyWaivers(raw, policy, now);
  const findings = waived.findings.sort(compareFindings);
  const notes: Note[] = [
    ...waived.notes,
    ...publicPatterns
      .filter((p) => !p.used)
      .map(
        (p): Note => ({
          code: 'unused-public-pattern',
          level: 'info',
          message: `publicServices pattern ${JSON.stringify(p.pattern)}${policy.source ? ` in ${policy.source}` : ''} matches no service.`,
        }),
      ),
    ...iamNotes(inventory),
  ];
  const open = findings.filter((f) => !f.waiver);
  return {
    inventory,
    policy,
    exposures,
    invokers,
    arrivalPaths,
    findings,
    notes,
    graph: buildGraph(inventory, exposures, invokers, open, estate),
  };
}
