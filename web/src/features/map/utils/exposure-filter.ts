import type { Graph, Verdict } from '../../../../../shared/model.ts';

/** The verdicts a reviewer can narrow the map to: the attack surface. */
export const exposedVerdicts = ['overexposed', 'public', 'reachable'] as const satisfies readonly Verdict[];
export type ExposedVerdict = (typeof exposedVerdicts)[number];

/** `?exposure=overexposed,public` → those verdicts, in canonical order; null when absent or none is valid. */
export function parseExposure(value: string | null | undefined): ExposedVerdict[] | null {
  if (!value) return null;
  const asked = new Set(value.split(',').map((part) => part.trim()));
  const verdicts = exposedVerdicts.filter((verdict) => asked.has(verdict));
  return verdicts.length > 0 ? verdicts : null;
}

/** The URL form of a selection; undefined (no parameter) for none. */
export function formatExposure(verdicts: readonly ExposedVerdict[]): string | undefined {
  const chosen = exposedVerdicts.filter((verdict) => verdicts.includes(verdict));
  return chosen.length > 0 ? chosen.join(',') : undefined;
}

/** Nodes that stand for ways in from outside: kept when they lead to a shown service. */
const ENTRY_KINDS: ReadonlySet<string> = new Set(['internet', 'load-balancer']);

/**
 * The graph narrowed to services whose verdict is among `verdicts`, plus the Internet and load
 * balancers that lead to them (directly, or the Internet through a load balancer); every other node
 * and every edge touching one is dropped. Jobs have no verdict and go too. Pure: a new graph.
 */
export function filterByExposure<G extends Graph>(graph: G, verdicts: readonly Verdict[]): G {
  const wanted = new Set<string>(verdicts);
  const kept = new Set<string>();
  for (const node of graph.nodes) {
    if (node.kind === 'service' && wanted.has(node.exposure.verdict)) kept.add(node.id);
  }
  const entries = new Set(graph.nodes.filter((node) => ENTRY_KINDS.has(node.kind)).map((node) => node.id));
  // Entry nodes chain (internet → load balancer → service): repeat until nothing new is kept.
  for (let grew = true; grew; ) {
    grew = false;
    for (const edge of graph.edges) {
      if (entries.has(edge.source) && !kept.has(edge.source) && kept.has(edge.target)) {
        kept.add(edge.source);
        grew = true;
      }
    }
  }
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => kept.has(node.id)),
    edges: graph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
  };
}

/** Whether a node is outside the highlight (the map dims it); groups and unlit maps never dim. */
export function isDimmed(
  id: string,
  type: string | undefined,
  highlight: ReadonlySet<string> | null,
): boolean {
  return highlight !== null && type !== 'group' && !highlight.has(id);
}
