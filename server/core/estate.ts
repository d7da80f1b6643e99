import type { Inventory, Workload } from '../../shared/inventory.ts';

/** Indexes over the whole inventory that rules about one workload need, built once per analysis. */
export interface Estate {
  /** Project id by project number, for members named by number (default compute accounts, service agents). */
  projectByNumber: ReadonlyMap<string, string>;
  /** Services by custom audience (CR-19). */
  servicesByAudience: ReadonlyMap<string, readonly Workload[]>;
}

/** The estate indexes of an inventory. */
export function estateOf(inventory: Inventory): Estate {
  const projectByNumber = new Map<string, string>();
  for (const project of inventory.projects) {
    if (project.projectNumber) projectByNumber.set(project.projectNumber, project.projectId);
  }
  const servicesByAudience = new Map<string, Workload[]>();
  for (const workload of inventory.workloads) {
    if (workload.kind !== 'service') continue;
    for (const audience of new Set(workload.customAudiences)) {
      const list = servicesByAudience.get(audience) ?? [];
      list.push(workload);
      servicesByAudience.set(audience, list);
    }
  }
  return { projectByNumber, servicesByAudience };
}
