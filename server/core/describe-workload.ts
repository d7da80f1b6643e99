import type { Neighbour, ServiceDetail } from '../../shared/api.ts';
import type { GraphEdge, GraphNode } from '../../shared/model.ts';
import type { Analysis } from './analyze.ts';
import { consoleLinks } from './console-links.ts';

type WorkloadDetail = Omit<ServiceDetail, 'snapshotAt'>;

function neighbour(node: GraphNode | undefined, id: string, edge: GraphEdge): Neighbour {
  return {
    id,
    label: node?.label ?? id,
    kind: node?.kind ?? 'unknown',
    edgeKind: edge.kind,
    evidence: edge.evidence,
  };
}

/**
 * Detail of one service or job for the side panel. Env vars carry their name, container and secret
 * reference only: literal values never leave the server (SPEC §9).
 */
export function describeWorkload(analysis: Analysis, name: string): WorkloadDetail | undefined {
  const { inventory, graph } = analysis;
  const workload = inventory.workloads.find((w) => w.name === name);
  if (!workload) return undefined;
  const project = inventory.projects.find((p) => p.projectId === workload.project);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));

  // Edges are unique per (kind, source, target), so this yields one entry per neighbour and kind.
  const callers = graph.edges
    .filter((e) => e.target === name)
    .map((e) => neighbour(nodes.get(e.source), e.source, e));
  // Backing edges (a secret read, a database declared) are dependencies, not calls.
  const callees = graph.edges
    .filter((e) => e.source === name && e.kind !== 'backing')
    .map((e) => neighbour(nodes.get(e.target), e.target, e));

  return {
    name: workload.name,
    kind: workload.kind,
    shortName: workload.shortName,
    project: workload.project,
    location: workload.location,
    uri: workload.uri ?? null,
    urls: [...workload.urls],
    ingress: workload.ingress ?? null,
    invokerIamDisabled: workload.invokerIamDisabled,
    defaultUriDisabled: workload.defaultUriDisabled,
    iapEnabled: workload.iapEnabled,
    labels: { ...workload.labels },
    serviceAccount: workload.serviceAccount ?? null,
    images: [...workload.images],
    // Built field by field so that `value` can never slip through.
    envVars: workload.env.map((env) =>
      env.secret
        ? { name: env.name, container: env.container, source: 'secret', secret: { ...env.secret } }
        : { name: env.name, container: env.container, source: 'literal' },
    ),
    exposure: analysis.exposures.get(name) ?? null,
    arrivalPaths: analysis.arrivalPaths.get(name) ?? [],
    invokers: analysis.invokers.get(name) ?? [],
    // Project grants count too: without the project policy the invoker list is incomplete.
    iamPolicyKnown: workload.iamPolicy !== null && project !== undefined && project.iamPolicy !== null,
    findings: analysis.findings.filter((f) => f.resource === name),
    callers,
    callees,
    updateTime: workload.updateTime ?? null,
    lastModifier: workload.lastModifier ?? null,
    links: consoleLinks(workload),
  };
}
