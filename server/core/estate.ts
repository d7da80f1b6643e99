import type { Inventory, Project, Workload } from '../../shared/inventory.ts';
import { type Delivery, deliveriesOf } from './deliveries.ts';
import { type EstateTraffic, estateTrafficOf } from './estate-traffic.ts';
import { type Frontend, frontendsOf } from './frontends.ts';

/** Indexes over the whole inventory that rules about one workload need, built once per analysis. */
export interface Estate {
  /** Every workload by its full resource name. */
  workloadsByName: ReadonlyMap<string, Workload>;
  /** Every project by its id. */
  projectsById: ReadonlyMap<string, Project>;
  /** Project id by project number, for members named by number (default compute accounts, service agents). */
  projectByNumber: ReadonlyMap<string, string>;
  /** Services by custom audience (CR-19). */
  servicesByAudience: ReadonlyMap<string, readonly Workload[]>;
  /** Every event source with the workload it delivers to, if any (event edges, GR-03). */
  deliveries: readonly Delivery[];
  /** Deliveries by target workload. */
  deliveriesByTarget: ReadonlyMap<string, readonly Delivery[]>;
  /** Load balancers in front of each service (exposure paths, CR-06, CR-07). */
  frontendsByService: ReadonlyMap<string, readonly Frontend[]>;
  /** What each workload holds that an attacker wants (GR-04), filled as paths reach them. */
  holdings: WeakMap<Workload, string[]>;
  /** Observed and declared calls, the traffic window, who runs as which account (GR-01, GR-02, GR-04). */
  traffic: EstateTraffic;
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
  const deliveries = deliveriesOf(inventory, projectByNumber);
  const deliveriesByTarget = new Map<string, Delivery[]>();
  for (const delivery of deliveries) {
    if (!delivery.target) continue;
    const list = deliveriesByTarget.get(delivery.target.name) ?? [];
    list.push(delivery);
    deliveriesByTarget.set(delivery.target.name, list);
  }
  const frontendsByService = frontendsOf(inventory, projectByNumber);
  return {
    holdings: new WeakMap(),
    workloadsByName: new Map(inventory.workloads.map((w) => [w.name, w])),
    projectsById: new Map(inventory.projects.map((p) => [p.projectId, p])),
    projectByNumber,
    servicesByAudience,
    deliveries,
    deliveriesByTarget,
    frontendsByService,
    traffic: estateTrafficOf(inventory),
  };
}
