import { type Graph, type GraphEdge, type GraphNode, INTERNET_NODE_ID } from '../../../../../shared/model.ts';

/** Optional layers of the map: event sources, load balancers, backing resources (Cloud SQL, secrets). */
export const mapLayers = ['events', 'lbs', 'backing'] as const;
export type MapLayer = (typeof mapLayers)[number];

/** Shown when the URL says nothing: event sources and load balancers; backing resources are opt-in. */
export const defaultLayers: readonly MapLayer[] = ['events', 'lbs'];

export const layerLabels: Record<MapLayer, { label: string; description: string }> = {
  events: { label: 'Event sources', description: 'Pub/Sub push subscriptions, Scheduler jobs, task queues' },
  lbs: {
    label: 'Load balancers',
    description: 'Forwarding rules in front of services, with IAP and Cloud Armor',
  },
  backing: { label: 'Backing', description: 'Cloud SQL instances and secrets the workloads declare' },
};

const NONE = 'none';

/** `?layers=events,backing` → those layers in canonical order; absent → the defaults; `none` → no layer. */
export function parseLayers(value: string | null | undefined): MapLayer[] {
  if (value === null || value === undefined || value.trim() === '') return [...defaultLayers];
  const asked = new Set(value.split(',').map((part) => part.trim()));
  return mapLayers.filter((layer) => asked.has(layer));
}

/** The URL form of a selection: undefined (no parameter) for the defaults, `none` for no layer. */
export function formatLayers(layers: readonly MapLayer[]): string | undefined {
  const chosen = mapLayers.filter((layer) => layers.includes(layer));
  if (chosen.length === defaultLayers.length && chosen.every((layer) => defaultLayers.includes(layer)))
    return undefined;
  return chosen.length > 0 ? chosen.join(',') : NONE;
}

/** The layer a node belongs to; undefined for services, jobs and the Internet, which are always shown. */
export function layerOf(node: GraphNode): MapLayer | undefined {
  switch (node.kind) {
    case 'event-source':
      return 'events';
    case 'load-balancer':
      return 'lbs';
    case 'backing':
      return 'backing';
    default:
      return undefined;
  }
}

/**
 * The graph with only the chosen layers. Hiding load balancers keeps the exposure they carry: the
 * Internet links straight to each service an external load balancer leads to, the edge's evidence
 * naming the load balancer. The Internet goes when nothing is left that it reaches. Pure.
 */
export function filterLayers<G extends Graph>(graph: G, layers: readonly MapLayer[]): G {
  const shown = new Set(layers);
  const hidden = new Set<string>();
  for (const node of graph.nodes) {
    const layer = layerOf(node);
    if (layer && !shown.has(layer)) hidden.add(node.id);
  }
  if (hidden.size === 0) return graph;

  const edges: GraphEdge[] = graph.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  if (!shown.has('lbs')) {
    const index = new Map(edges.map((e, i) => [e.id, i]));
    const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
    const fromInternet = new Set(
      graph.edges.filter((e) => e.source === INTERNET_NODE_ID && hidden.has(e.target)).map((e) => e.target),
    );
    for (const edge of graph.edges) {
      if (edge.kind !== 'exposure' || !fromInternet.has(edge.source) || hidden.has(edge.target)) continue;
      const id = `exposure:${INTERNET_NODE_ID}->${edge.target}`;
      const evidence = [`through load balancer ${labels.get(edge.source) ?? edge.source}`, ...edge.evidence];
      const at = index.get(id);
      const current = at === undefined ? undefined : edges[at];
      if (at !== undefined && current) {
        edges[at] = { ...current, evidence: [...new Set([...current.evidence, ...evidence])] };
      } else {
        index.set(id, edges.length);
        edges.push({ id, source: INTERNET_NODE_ID, target: edge.target, kind: 'exposure', evidence });
      }
    }
  }
  const internetUsed = edges.some((e) => e.source === INTERNET_NODE_ID);
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !hidden.has(n.id) && (n.id !== INTERNET_NODE_ID || internetUsed)),
    edges,
  };
}
