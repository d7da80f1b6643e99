import type { Edge } from '@xyflow/react';
import type { NodeTraffic, ObservedEdge } from '../../../../../shared/observability.ts';
import { edgeTone, formatPercent, formatRate, type HealthTone, healthLook } from '../../../lib/health.ts';
import type { KindedFlowEdge, MapFlowNode } from './to-flow.ts';

/**
 * The traffic overlay and lit paths, as the map receives them from the app: observed calls drawn
 * over the snapshot's graph (without laying it out again), health rings on nodes, and a path (a
 * trace, or a failure followed to its root cause) lit while the rest dims.
 */

/** Live traffic over a window: observed edges and per-workload health. */
export type MapTraffic = {
  edges: readonly ObservedEdge[];
  nodes: ReadonlyMap<string, NodeTraffic>;
  /**
   * The window's edges are the whole truth (traces were read without failure): the snapshot's own
   * observed edges that the window did not see are then dropped rather than drawn stale.
   */
  complete: boolean;
};

/** A path to light: its nodes and observed edge ids; `rootCause` is marked as where errors start. */
export type MapPath = {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  rootCause: string | null;
};

export type TrafficEdgeData = {
  /** null for an edge known only from a lit path (no traffic for it in the window). */
  traffic: ObservedEdge | null;
  tone: HealthTone;
  label: string | null;
  title: string;
  state: 'lit' | 'dimmed' | null;
};
export type TrafficFlowEdge = Edge<TrafficEdgeData, 'traffic'>;
export type MapFlowEdge = KindedFlowEdge | TrafficFlowEdge;

const OBSERVED_PREFIX = 'observed:';

/** `observed:A->B` → its ends; null for another id. Resource names never hold `->`. */
export function parseObservedEdgeId(id: string): { source: string; target: string } | null {
  if (!id.startsWith(OBSERVED_PREFIX)) return null;
  const arrow = id.indexOf('->', OBSERVED_PREFIX.length);
  if (arrow < 0) return null;
  const source = id.slice(OBSERVED_PREFIX.length, arrow);
  const target = id.slice(arrow + 2);
  return source && target ? { source, target } : null;
}

const short = (id: string): string => id.slice(id.lastIndexOf('/') + 1);

/** The label on an observed edge: calls per minute, and the error share when there are errors. */
export function trafficLabel(edge: ObservedEdge): string {
  if (edge.denied > 0) return `${edge.denied} denied`;
  const rate = formatRate(edge.callsPerMinute);
  return edge.errors > 0 ? `${rate} · ${formatPercent(edge.errorRatio)} err` : rate;
}

function trafficTitle(edge: ObservedEdge): string {
  const lines = [
    `Observed calls ${short(edge.source)} → ${short(edge.target)}: ${healthLook[edgeTone(edge)].label}`,
    `${edge.calls} traced calls (${formatRate(edge.callsPerMinute)}), ${edge.errors} errors (${formatPercent(edge.errorRatio)})`,
  ];
  if (edge.p95Ms !== null) lines.push(`p95 ${Math.round(edge.p95Ms)} ms`);
  if (edge.denied > 0) lines.push(`${edge.denied} answered 401/403: a missing grant or a wrong audience`);
  return lines.join('\n');
}

function trafficEdge(
  id: string,
  source: string,
  target: string,
  traffic: ObservedEdge | null,
): TrafficFlowEdge {
  const tone = traffic ? edgeTone(traffic) : 'unknown';
  return {
    id,
    source,
    target,
    type: 'traffic',
    data: {
      traffic,
      tone,
      label: traffic ? trafficLabel(traffic) : null,
      title: traffic
        ? trafficTitle(traffic)
        : `Call ${short(source)} → ${short(target)} (seen in this trace)`,
      state: null,
    },
    ariaLabel: `observed calls from ${source} to ${target}${traffic ? `, ${trafficLabel(traffic)}` : ''}`,
    focusable: false,
    zIndex: 1,
  };
}

/**
 * The graph's edges with traffic over them: an observed edge of the window replaces a graph edge of
 * the same id or is added; the snapshot's observed edges that a complete window did not see go; an
 * edge of the lit path that the window did not see is added. Edges whose ends are not on the map
 * (filtered out) are left out. Pure.
 */
export function overlayEdges(
  edges: readonly KindedFlowEdge[],
  traffic: MapTraffic | null,
  path: MapPath | null,
  nodeIds: ReadonlySet<string>,
): MapFlowEdge[] {
  const observed = new Map((traffic?.edges ?? []).map((edge) => [edge.id, edge]));
  if (observed.size === 0 && (path?.edges.size ?? 0) === 0) return [...edges];
  const out: MapFlowEdge[] = [];
  const placed = new Set<string>();
  for (const edge of edges) {
    const seen = observed.get(edge.id);
    const stale = !seen && traffic?.complete && edge.data?.kind === 'observed' && !path?.edges.has(edge.id);
    if (stale) continue;
    out.push(seen ? trafficEdge(edge.id, edge.source, edge.target, seen) : edge);
    placed.add(edge.id);
  }
  const onMap = (source: string, target: string) =>
    source !== target && nodeIds.has(source) && nodeIds.has(target);
  for (const edge of observed.values()) {
    if (placed.has(edge.id) || !onMap(edge.source, edge.target)) continue;
    out.push(trafficEdge(edge.id, edge.source, edge.target, edge));
    placed.add(edge.id);
  }
  for (const id of path?.edges ?? []) {
    const ends = parseObservedEdgeId(id);
    if (placed.has(id) || !ends || !onMap(ends.source, ends.target)) continue;
    out.push(trafficEdge(id, ends.source, ends.target, null));
    placed.add(id);
  }
  return out;
}

/**
 * Edges lit or dimmed: on a path, its edges are lit and all others dimmed; under a node highlight,
 * edges with both ends lit stay, the rest dim. New objects only for edges whose look changes. Pure.
 */
export function lightEdges(
  edges: readonly MapFlowEdge[],
  highlight: ReadonlySet<string> | null,
  path: MapPath | null,
): MapFlowEdge[] {
  if (!path && !highlight) return [...edges];
  return edges.map((edge) => {
    const lit = path
      ? path.edges.has(edge.id)
      : Boolean(highlight?.has(edge.source) && highlight.has(edge.target));
    if (edge.type === 'traffic' && edge.data) {
      const state = lit ? (path ? 'lit' : null) : 'dimmed';
      return {
        ...edge,
        data: { ...edge.data, state },
        ...(state === 'dimmed' ? { className: 'map-dimmed' } : {}),
      };
    }
    return lit ? edge : { ...edge, className: 'map-dimmed' };
  });
}

/**
 * Workload nodes carrying their traffic (for the health ring). Nodes without a change keep their
 * object, so that memoized node components do not re-render. Pure.
 */
export function withNodeTraffic(nodes: readonly MapFlowNode[], traffic: MapTraffic | null): MapFlowNode[] {
  if (!traffic || traffic.nodes.size === 0) return [...nodes];
  return nodes.map((node) => {
    if (node.type !== 'workload') return node;
    const own = traffic.nodes.get(node.id);
    if (!own) return node;
    const health = healthLook[own.health].label.toLowerCase();
    const detail = own.errorRatio > 0 ? ` (${formatPercent(own.errorRatio)} 5xx)` : '';
    return {
      ...node,
      data: { ...node.data, traffic: own },
      ariaLabel: `${node.ariaLabel ?? node.id}, ${health}${detail}`,
    };
  });
}
