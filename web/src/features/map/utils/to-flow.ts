import type { Edge, Node } from '@xyflow/react';
import type { EdgeKind, Graph, GraphNode, Verdict } from '../../../../../shared/model.ts';
import type { NodeTraffic } from '../../../../../shared/observability.ts';
import { displayText } from '../../../lib/display-text.ts';
import type { Layout } from './layout.ts';

export type Workload = Extract<GraphNode, { kind: 'service' | 'job' }>;

/** `traffic`: the workload's health over the chosen window, when the traffic overlay has it. */
export type WorkloadFlowNode = Node<{ node: Workload; traffic?: NodeTraffic }, 'workload'>;
export type InternetFlowNode = Node<{ label: string }, 'internet'>;
export type GroupFlowNode = Node<{ label: string; level: 'project' | 'region'; count: number }, 'group'>;
export type LoadBalancerFlowNode = Node<
  { node: Extract<GraphNode, { kind: 'load-balancer' }> },
  'loadBalancer'
>;
export type EventSourceFlowNode = Node<{ node: Extract<GraphNode, { kind: 'event-source' }> }, 'eventSource'>;
export type BackingFlowNode = Node<{ node: Extract<GraphNode, { kind: 'backing' }> }, 'backing'>;
export type MapFlowNode =
  | WorkloadFlowNode
  | InternetFlowNode
  | GroupFlowNode
  | LoadBalancerFlowNode
  | EventSourceFlowNode
  | BackingFlowNode;

const ABOVE_EDGES = 1000;

const eventSourceWords = {
  subscription: 'push subscription',
  scheduler: 'scheduler job',
  tasks: 'task queue',
};

export type KindedFlowEdge = Edge<
  { kind: EdgeKind; evidence: string[]; targetVerdict: Verdict | null },
  'kinded'
>;

/** React Flow nodes from the graph and its layout; parents come before their children. */
export function toFlowNodes(graph: Graph, layout: Layout): MapFlowNode[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // Frames count the services and jobs they hold, not the event sources or resources beside them.
  const counts = new Map<string, number>();
  for (const box of layout.boxes) {
    const kind = byId.get(box.id)?.kind;
    if (box.kind === 'node' && box.parentId && (kind === 'service' || kind === 'job')) {
      counts.set(box.parentId, (counts.get(box.parentId) ?? 0) + 1);
    }
  }
  const nodes: MapFlowNode[] = [];
  for (const box of layout.boxes) {
    const common = {
      id: box.id,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      draggable: false,
    };
    const parent = box.parentId ? { parentId: box.parentId, extent: 'parent' as const } : {};
    if (box.kind !== 'node') {
      const regionCounts = layout.boxes
        .filter((b) => b.parentId === box.id)
        .reduce((sum, b) => sum + (counts.get(b.id) ?? 0), 0);
      nodes.push({
        ...common,
        ...parent,
        type: 'group',
        data: {
          label: box.label,
          level: box.kind,
          count: box.kind === 'region' ? (counts.get(box.id) ?? 0) : regionCounts,
        },
        selectable: false,
        focusable: false,
        className: `group-node-wrapper group-node-wrapper--${box.kind}`,
      });
      continue;
    }
    const node = byId.get(box.id);
    if (!node) continue;
    if (node.kind === 'internet') {
      nodes.push({
        ...common,
        type: 'internet',
        data: { label: node.label },
        // Above the edges into the frames, which React Flow lifts over top-level nodes.
        zIndex: ABOVE_EDGES,
        ariaLabel: `${node.label} (internet)`,
      });
    } else if (node.kind === 'load-balancer') {
      nodes.push({
        ...common,
        type: 'loadBalancer',
        data: { node },
        zIndex: ABOVE_EDGES,
        ariaLabel: `${node.external ? 'external' : 'internal'} load balancer ${displayText(node.label)}`,
      });
    } else if (node.kind === 'event-source') {
      nodes.push({
        ...common,
        ...parent,
        type: 'eventSource',
        data: { node },
        ariaLabel: `${eventSourceWords[node.source]} ${displayText(node.label)}`,
      });
    } else if (node.kind === 'backing') {
      nodes.push({
        ...common,
        ...parent,
        type: 'backing',
        data: { node },
        ariaLabel: `${node.resource === 'cloud-sql' ? 'Cloud SQL instance' : 'secret'} ${displayText(node.label)}`,
      });
    } else {
      const verdict = node.kind === 'service' ? `, ${node.exposure.verdict}` : '';
      nodes.push({
        ...common,
        ...parent,
        type: 'workload',
        data: { node },
        ariaLabel: `${node.kind} ${displayText(node.label)}${verdict}`,
      });
    }
  }
  return nodes;
}

/** React Flow edges, one per graph edge, carrying kind and evidence for styling and tooltips. */
export function toFlowEdges(graph: Graph): KindedFlowEdge[] {
  const verdicts = new Map<string, Verdict>();
  const ids = new Set<string>();
  // Behind a load balancer whose every backend has IAP, the way in is gated: not drawn as overexposed.
  const gated = new Set<string>();
  for (const node of graph.nodes) {
    ids.add(node.id);
    if (node.kind === 'service') verdicts.set(node.id, node.exposure.verdict);
    if (node.kind === 'load-balancer' && node.backends.length > 0 && node.backends.every((b) => b.iapEnabled))
      gated.add(node.id);
  }
  return graph.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'kinded',
      data: {
        kind: edge.kind,
        evidence: edge.evidence,
        targetVerdict: gated.has(edge.source) ? null : (verdicts.get(edge.target) ?? null),
      },
      ariaLabel: `${edge.kind} edge from ${edge.source} to ${edge.target}`,
      focusable: false,
    }));
}
