import type { Inventory, Project } from '../../shared/inventory.ts';
import { type Exposure, type Finding, type Graph, type Invoker, severities } from '../../shared/model.ts';
import { exposureOf } from './exposure.ts';
import { buildGraph } from './graph.ts';
import { invokersOf } from './invokers.ts';
import { rules as allRules } from './rules/index.ts';
import type { Rule } from './rules/rule.ts';

/** Everything the core derives from one inventory. Only `inventory` holds literal env values. */
export interface Analysis {
  inventory: Inventory;
  /** Exposure of each service, by full resource name. */
  exposures: Map<string, Exposure>;
  /** Invoker grants of each service and job, by full resource name. */
  invokers: Map<string, Invoker[]>;
  /** Sorted by severity (critical first), then resource, then rule id, then finding id. */
  findings: Finding[];
  graph: Graph;
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

/** Exposure, invokers, findings and graph of an inventory. `rules` defaults to every rule. */
export function analyze(inventory: Inventory, rules: readonly Rule[] = allRules): Analysis {
  const projects = new Map<string, Project>(inventory.projects.map((p) => [p.projectId, p]));
  const exposures = new Map<string, Exposure>();
  const invokers = new Map<string, Invoker[]>();
  const findings: Finding[] = [];

  for (const workload of inventory.workloads) {
    const project = projects.get(workload.project);
    const workloadInvokers = invokersOf(workload, project);
    invokers.set(workload.name, workloadInvokers);
    const exposure = workload.kind === 'service' ? exposureOf(workload, workloadInvokers) : null;
    if (exposure) exposures.set(workload.name, exposure);
    const ctx = { workload, project, exposure, invokers: workloadInvokers, inventory };
    for (const rule of rules) {
      if (rule.appliesTo.includes(workload.kind)) findings.push(...rule.evaluate(ctx));
    }
  }

  findings.sort(compareFindings);
  return {
    inventory,
    exposures,
    invokers,
    findings,
    graph: buildGraph(inventory, exposures, invokers, findings),
  };
}
