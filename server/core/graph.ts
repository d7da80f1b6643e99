import type { Inventory, Project, Workload } from '../../shared/inventory.ts';
import {
  type EdgeKind,
  type Exposure,
  type Finding,
  type Graph,
  type GraphEdge,
  type GraphNode,
  INTERNET_NODE_ID,
  type Invoker,
  type SeverityCounts,
} from '../../shared/model.ts';
import { exposureOf } from './exposure.ts';
import { grantScope } from './invokers.ts';
import { runtimeIdentityOf } from './runtime-identity.ts';
import { serviceLocator } from './service-locator.ts';

const REACHABLE_FROM_INTERNET = new Set(['internet', 'load-balancer']);

function zeroCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

function countsByResource(findings: Finding[]): Map<string, SeverityCounts> {
  const counts = new Map<string, SeverityCounts>();
  for (const finding of findings) {
    const current = counts.get(finding.resource) ?? zeroCounts();
    counts.set(finding.resource, { ...current, [finding.severity]: current[finding.severity] + 1 });
  }
  return counts;
}

/** Collects edges, one per (kind, source, target), merging evidence; refuses self-edges. */
function edgeCollector() {
  const edges = new Map<string, GraphEdge>();
  return {
    add(kind: EdgeKind, source: string, target: string, evidence: string[]): void {
      if (source === target) return;
      const id = `${kind}:${source}->${target}`;
      const existing = edges.get(id);
      if (!existing) {
        edges.set(id, { id, source, target, kind, evidence: [...new Set(evidence)] });
        return;
      }
      const merged = [...new Set([...existing.evidence, ...evidence])];
      if (merged.length !== existing.evidence.length) edges.set(id, { ...existing, evidence: merged });
    },
    edges: () => [...edges.values()],
  };
}

/**
 * The estate as a graph (SPEC §7): service and job nodes with their exposure and finding counts,
 * the Internet node when something is reachable from it, and exposure, declared and permitted edges.
 * Observed and event edges need traffic and event sources, which the inventory does not hold yet.
 */
export function buildGraph(
  inventory: Inventory,
  exposures: Map<string, Exposure>,
  invokers: Map<string, Invoker[]>,
  findings: Finding[],
): Graph {
  const projects = new Map<string, Project>(inventory.projects.map((p) => [p.projectId, p]));
  const counts = countsByResource(findings);
  const workloads = inventory.workloads;
  const exposureFor = (service: Workload) =>
    exposures.get(service.name) ?? exposureOf(service, invokers.get(service.name) ?? []);

  const workloadNodes: GraphNode[] = workloads.map((w) => {
    const base = {
      id: w.name,
      label: w.shortName,
      project: w.project,
      location: w.location,
      findings: counts.get(w.name) ?? zeroCounts(),
    };
    if (w.kind === 'job') return { kind: 'job', ...base };
    const { reach, access, verdict } = exposureFor(w);
    return { kind: 'service', ...base, exposure: { reach, access, verdict } };
  });

  const collector = edgeCollector();

  for (const service of workloads) {
    if (service.kind !== 'service') continue;
    const exposure = exposureFor(service);
    if (!REACHABLE_FROM_INTERNET.has(exposure.reach)) continue;
    collector.add('exposure', INTERNET_NODE_ID, service.name, [
      exposure.reasons[0] ?? `reach ${exposure.reach}`,
      `access ${exposure.access}, verdict ${exposure.verdict}`,
    ]);
  }

  const locator = serviceLocator(workloads);
  for (const source of workloads) {
    for (const env of source.env) {
      if (env.value === undefined || env.secret) continue;
      for (const { target, shown } of locator.servicesIn(env.value, source)) {
        collector.add('declared', source.name, target, [`env ${env.name} = ${shown}`]);
      }
    }
  }

  // Index grants by member once; a project-level grant lists every workload of its project.
  const byName = new Map(workloads.map((w) => [w.name, w]));
  const grantsByMember = new Map<string, Array<{ target: Workload; grant: Invoker }>>();
  for (const [name, grants] of invokers) {
    const target = byName.get(name);
    if (!target) continue;
    for (const grant of grants) {
      // Only named service accounts: allUsers-style grants are exposure, not a link between two workloads.
      if (!grant.member.startsWith('serviceAccount:')) continue;
      const list = grantsByMember.get(grant.member) ?? [];
      list.push({ target, grant });
      grantsByMember.set(grant.member, list);
    }
  }
  for (const source of workloads) {
    const email = runtimeIdentityOf(source, projects.get(source.project)).email;
    if (!email) continue;
    const member = `serviceAccount:${email}`;
    for (const { target, grant } of grantsByMember.get(member) ?? []) {
      collector.add('permitted', source.name, target.name, [
        `${grant.role} granted to ${member} ${grantScope(grant, target)}`,
      ]);
    }
  }

  const edges = collector.edges();
  const internet: GraphNode[] = edges.some((e) => e.kind === 'exposure')
    ? [{ kind: 'internet', id: INTERNET_NODE_ID, label: 'Internet' }]
    : [];
  return { nodes: [...internet, ...workloadNodes], edges };
}
