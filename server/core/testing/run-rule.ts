import type { Project, Workload } from '../../../shared/inventory.ts';
import type { Finding } from '../../../shared/model.ts';
import { analyze } from '../analyze.ts';
import type { Rule } from '../rules/rule.ts';
import { anInventory } from './builders.ts';

/** Findings of one rule over the given workloads (and projects), through the real analysis. */
export function runRule(rule: Rule, workloads: Workload[], projects?: Project[]): Finding[] {
  return analyze(anInventory({ workloads, projects }), undefined, { rules: [rule] }).findings;
}
