import type {
  EventSource,
  Inventory,
  LbBackend,
  LoadBalancer,
  Project,
  Workload,
} from '../../shared/inventory.ts';
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
import { ingressAdmits } from './arrival-paths.ts';
import type { Delivery } from './deliveries.ts';
import { type Estate, estateOf } from './estate.ts';
import { observedGraphEdges } from './estate-traffic.ts';
import { exposureOf } from './exposure.ts';
import { type Frontend, hostsOf, lastSegment, loadBalancerLabel } from './frontends.ts';
import { grantScope } from './invokers.ts';
import { runtimeIdentityOf } from './runtime-identity.ts';

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
 * Ids of the nodes that are not workloads: the API's full resource name (`//api/projects/…`), so
 * that a Cloud Scheduler job never collides with a Cloud Run job of the same name and region.
 */
const eventSourceApi: Record<EventSource['kind'], string> = {
  subscription: 'pubsub.googleapis.com',
  scheduler: 'cloudscheduler.googleapis.com',
  tasks: 'cloudtasks.googleapis.com',
};
export const eventSourceNodeId = (source: EventSource): string =>
  `//${eventSourceApi[source.kind]}/${source.name}`;
export const loadBalancerNodeId = (forwardingRule: string): string =>
  `//compute.googleapis.com/${forwardingRule}`;

function eventSourceNode(delivery: Delivery): GraphNode {
  const { source, target } = delivery;
  const token = source.oidcToken ? 'oidc' : source.oauthToken ? 'oauth' : 'none';
  const account = source.oidcToken?.serviceAccountEmail ?? source.oauthToken?.serviceAccountEmail;
  return {
    kind: 'event-source',
    id: eventSourceNodeId(source),
    label: source.shortName,
    source: source.kind,
    project: source.project,
    ...(source.location ? { location: source.location } : {}),
    ...(source.topic ? { topic: source.topic } : {}),
    ...(source.schedule ? { schedule: source.schedule } : {}),
    ...(source.timeZone ? { timeZone: source.timeZone } : {}),
    ...(source.state ? { state: source.state } : {}),
    token,
    ...(account ? { serviceAccount: account } : {}),
    ...(target ? { target: target.name } : {}),
  };
}

/** Evidence of an event edge: what delivers, where to, with which token. */
function deliveryEvidence({ source, shown, via }: Delivery): string[] {
  const what = {
    subscription: `push subscription ${source.shortName}${source.topic ? ` of topic ${lastSegment(source.topic)}` : ''}`,
    scheduler: `scheduler job ${source.shortName}${source.schedule ? ` (${source.schedule}${source.timeZone ? ` ${source.timeZone}` : ''})` : ''}`,
    tasks: `task queue ${source.shortName}`,
  }[source.kind];
  const token = source.oidcToken
    ? `OIDC token of ${source.oidcToken.serviceAccountEmail}${source.oidcToken.audience ? ` (audience ${source.oidcToken.audience.split(/[?#]/, 1)[0]})` : ''}`
    : source.oauthToken
      ? `OAuth token of ${source.oauthToken.serviceAccountEmail}`
      : 'no token';
  return [
    `${what} ${source.httpMethod ?? 'POST'}s to ${shown}${via === 'run-api' ? ' (Run Admin API jobs:run)' : ''}`,
    token,
    ...(source.state ? [`state ${source.state}`] : []),
  ];
}

function loadBalancerNode(
  loadBalancer: LoadBalancer,
  backends: readonly LbBackend[],
): Extract<GraphNode, { kind: 'load-balancer' }> {
  return {
    kind: 'load-balancer',
    id: loadBalancerNodeId(loadBalancer.name),
    label: loadBalancer.shortName,
    project: loadBalancer.project,
    external: loadBalancer.external,
    scheme: loadBalancer.loadBalancingScheme,
    ...(loadBalancer.ipAddress ? { ipAddress: loadBalancer.ipAddress } : {}),
    ...(loadBalancer.portRange ? { portRange: loadBalancer.portRange } : {}),
    ...(loadBalancer.urlMap ? { urlMap: loadBalancer.urlMap } : {}),
    backends: backends.map((b) => ({
      backendService: b.backendService,
      iapEnabled: b.iapEnabled,
      ...(b.securityPolicy ? { securityPolicy: b.securityPolicy } : {}),
      hosts: hostsOf(b),
    })),
  };
}

/** Backing resources of a workload: Cloud SQL instances and secrets, with why each is there. */
function backingOf(
  workload: Workload,
  projectByNumber: ReadonlyMap<string, string>,
): Array<{ node: GraphNode; evidence: string }> {
  const found: Array<{ node: GraphNode; evidence: string }> = [];
  for (const connection of workload.cloudSqlInstances) {
    const [project, region, instance] = connection.split(':');
    const [p, r, i] = instance
      ? [project ?? '', region, instance]
      : [workload.project, undefined, connection];
    found.push({
      node: {
        kind: 'backing',
        id: `//sqladmin.googleapis.com/projects/${p}/instances/${i}`,
        label: i,
        resource: 'cloud-sql',
        project: p,
        ...(r ? { location: r } : {}),
      },
      evidence: `Cloud SQL connection ${connection}`,
    });
  }
  const secret = (ref: string, evidence: string) => {
    const match = ref.match(/^projects\/([^/]+)\/secrets\/([^/]+)/);
    const project = match?.[1] ? (projectByNumber.get(match[1]) ?? match[1]) : workload.project;
    const name = match?.[2] ?? ref;
    found.push({
      node: {
        kind: 'backing',
        id: `//secretmanager.googleapis.com/projects/${project}/secrets/${name}`,
        label: name,
        resource: 'secret',
        project,
      },
      evidence,
    });
  };
  for (const env of workload.env) {
    if (env.secret)
      secret(env.secret.secret, `env ${env.name} reads ${env.secret.secret}:${env.secret.version}`);
  }
  for (const volume of workload.secretVolumes) {
    secret(volume.secret, `volume ${volume.volume} mounts ${volume.secret}:${volume.versions.join(',')}`);
  }
  return found;
}

/**
 * The estate as a graph (SPEC §7): service and job nodes with their exposure and finding counts;
 * the Internet when something is reachable from it; load balancers with exposure edges Internet →
 * LB → service; event sources with event edges to what they deliver to; backing resources (Cloud
 * SQL instances, secrets) with `backing` edges; declared and permitted edges between workloads.
 * Observed edges come from the traces of the inventory's traffic window, with their statistics.
 */
export function buildGraph(
  inventory: Inventory,
  exposures: Map<string, Exposure>,
  invokers: Map<string, Invoker[]>,
  findings: Finding[],
  estate: Estate = estateOf(inventory),
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
  const extraNodes = new Map<string, GraphNode>();

  // Direct exposure: the run.app URL answers the internet. Reach `load-balancer` goes through the
  // load balancers below; only when they were not collected does the Internet link to the service.
  const lbsCollected = inventory.loadBalancers !== undefined;
  for (const service of workloads) {
    if (service.kind !== 'service') continue;
    const exposure = exposureFor(service);
    const direct = exposure.reach === 'internet' || (exposure.reach === 'load-balancer' && !lbsCollected);
    if (!direct) continue;
    collector.add('exposure', INTERNET_NODE_ID, service.name, [
      exposure.reasons[0] ?? `reach ${exposure.reach}`,
      `access ${exposure.access}, verdict ${exposure.verdict}`,
    ]);
  }

  // Load balancers that lead to a service of the estate, one node per forwarding rule.
  const byLb = new Map<string, Array<{ service: Workload; frontend: Frontend }>>();
  const byName = new Map(workloads.map((w) => [w.name, w]));
  for (const [name, frontends] of estate.frontendsByService) {
    const service = byName.get(name);
    if (!service) continue;
    for (const frontend of frontends) {
      const list = byLb.get(frontend.loadBalancer.name) ?? [];
      list.push({ service, frontend });
      byLb.set(frontend.loadBalancer.name, list);
    }
  }
  for (const entries of byLb.values()) {
    const loadBalancer = entries[0]?.frontend.loadBalancer;
    if (!loadBalancer) continue;
    const node = loadBalancerNode(loadBalancer, [...new Set(entries.map((e) => e.frontend.backend))]);
    extraNodes.set(node.id, node);
    let admits = false;
    for (const { service, frontend } of entries) {
      // A load balancer the service's ingress refuses is shown, with no way through it.
      if (!ingressAdmits(service, frontend)) continue;
      admits = true;
      const { backend } = frontend;
      collector.add('exposure', node.id, service.name, [
        `${node.urlMap ? `URL map ${lastSegment(node.urlMap)} → ` : ''}backend service ${lastSegment(backend.backendService)} → serverless NEG ${lastSegment(frontend.neg.name)}`,
        `${backend.iapEnabled ? 'IAP on the backend service' : 'no IAP'}, ${backend.securityPolicy ? `Cloud Armor ${lastSegment(backend.securityPolicy)}` : 'no Cloud Armor'}`,
      ]);
    }
    if (admits && loadBalancer.external) {
      collector.add('exposure', INTERNET_NODE_ID, node.id, [
        `forwarding rule ${loadBalancerLabel(loadBalancer)}, scheme ${loadBalancer.loadBalancingScheme}`,
      ]);
    }
  }

  // Event sources, also those whose target is outside the estate (shown without an edge).
  for (const delivery of estate.deliveries) {
    const node = eventSourceNode(delivery);
    extraNodes.set(node.id, node);
    if (delivery.target) collector.add('event', node.id, delivery.target.name, deliveryEvidence(delivery));
  }

  // Backing resources: an optional layer the map shows on demand.
  for (const workload of workloads) {
    for (const { node, evidence } of backingOf(workload, estate.projectByNumber)) {
      if (!extraNodes.has(node.id)) extraNodes.set(node.id, node);
      collector.add('backing', workload.name, node.id, [evidence]);
    }
  }

  for (const { source, target, evidence } of estate.traffic.declared) {
    collector.add('declared', source, target, [evidence]);
  }

  // Index grants by member once; a project-level grant lists every workload of its project.
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

  const edges = [...collector.edges(), ...observedGraphEdges(estate.traffic)];
  const internet: GraphNode[] = edges.some((e) => e.source === INTERNET_NODE_ID)
    ? [{ kind: 'internet', id: INTERNET_NODE_ID, label: 'Internet' }]
    : [];
  return { nodes: [...internet, ...workloadNodes, ...extraNodes.values()], edges };
}
