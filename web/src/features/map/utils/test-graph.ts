import type { Graph, GraphEdge, GraphNode, SeverityCounts } from '../../../../../shared/model.ts';

/** Deterministic graph builders for unit tests of the map's pure functions. */

export const noFindings: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

export function aService(
  project: string,
  location: string,
  name: string,
  verdict: 'overexposed' | 'public' | 'reachable' | 'internal' | 'closed' = 'internal',
): GraphNode {
  return {
    kind: 'service',
    id: `projects/${project}/locations/${location}/services/${name}`,
    label: name,
    project,
    location,
    exposure: { reach: verdict === 'internal' ? 'internal' : 'internet', access: 'iam', verdict },
    findings: noFindings,
  };
}

export function aJob(project: string, location: string, name: string): GraphNode {
  return {
    kind: 'job',
    id: `projects/${project}/locations/${location}/jobs/${name}`,
    label: name,
    project,
    location,
    findings: noFindings,
  };
}

export const internet: GraphNode = { kind: 'internet', id: 'internet', label: 'Internet' };

export function anEdge(kind: GraphEdge['kind'], source: string, target: string): GraphEdge {
  return { id: `${kind}:${source}->${target}`, source, target, kind, evidence: [`${kind} evidence`] };
}

/** `size` services spread over 3 projects × 2 regions, chained by declared edges, a few exposed. */
export function aLargeGraph(size: number): Graph {
  const nodes: GraphNode[] = [internet];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < size; i++) {
    const node = aService(
      `p${i % 3}`,
      i % 2 === 0 ? 'europe-west1' : 'us-central1',
      `svc-${i}`,
      i % 10 === 0 ? 'overexposed' : 'internal',
    );
    nodes.push(node);
    if (i % 10 === 0) edges.push(anEdge('exposure', 'internet', node.id));
    if (i > 0 && i % 4 !== 0) {
      const previous = nodes[nodes.length - 2];
      if (previous) edges.push(anEdge('declared', previous.id, node.id));
    }
  }
  return { nodes, edges };
}

/** An external load balancer `name` of `project` with one backend service (IAP as given). */
export function aLoadBalancer(project: string, name: string, iapEnabled = false): GraphNode {
  return {
    kind: 'load-balancer',
    id: `//compute.googleapis.com/projects/${project}/global/forwardingRules/${name}`,
    label: name,
    project,
    external: true,
    scheme: 'EXTERNAL_MANAGED',
    ipAddress: '34.120.0.1',
    portRange: '443-443',
    backends: [
      {
        backendService: `projects/${project}/global/backendServices/${name}-backend`,
        iapEnabled,
        hosts: ['*'],
      },
    ],
  };
}

/** A push subscription `name` of `project` delivering to `target` (a node id) with an OIDC token. */
export function anEventSource(project: string, name: string, target?: string): GraphNode {
  return {
    kind: 'event-source',
    id: `//pubsub.googleapis.com/projects/${project}/subscriptions/${name}`,
    label: name,
    source: 'subscription',
    project,
    topic: `projects/${project}/topics/events`,
    token: 'oidc',
    serviceAccount: `pusher@${project}.iam.gserviceaccount.com`,
    ...(target ? { target } : {}),
  };
}

/** A secret `name` of `project`. */
export function aSecret(project: string, name: string): GraphNode {
  return {
    kind: 'backing',
    id: `//secretmanager.googleapis.com/projects/${project}/secrets/${name}`,
    label: name,
    resource: 'secret',
    project,
  };
}
