import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../../../shared/model.ts';
import { boxesFromElk, buildElkGraph } from './layout.ts';
import { aJob, anEdge, aService, internet } from './test-graph.ts';
import { toFlowEdges, toFlowNodes } from './to-flow.ts';

const a = aService('shop', 'europe-west1', 'storefront', 'overexposed');
const b = aService('shop', 'europe-west1', 'orders');
const j = aJob('shop', 'us-central1', 'nightly');
const graph: Graph = {
  nodes: [internet, a, b, j],
  edges: [
    anEdge('exposure', 'internet', a.id),
    anEdge('declared', a.id, b.id),
    anEdge('declared', a.id, 'gone'),
    anEdge('observed', a.id, a.id),
  ],
};

describe('toFlowNodes', () => {
  it('nests workloads in region groups in project groups, parents first, with counts', () => {
    // Unpositioned ELK input is enough to check structure.
    const nodes = toFlowNodes(graph, boxesFromElk(buildElkGraph(graph)));
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    for (const node of nodes) {
      if (node.parentId)
        expect(index.get(node.parentId) ?? Number.POSITIVE_INFINITY).toBeLessThan(index.get(node.id) ?? -1);
    }
    const project = nodes.find((node) => node.id === 'group:project:shop');
    expect(project?.type === 'group' && project.data.count).toBe(3);
    expect(nodes.find((node) => node.id === a.id)?.parentId).toBe('group:region:shop/europe-west1');
    expect(nodes.find((node) => node.id === 'internet')?.parentId).toBeUndefined();
  });
});

describe('toFlowEdges', () => {
  it('drops dangling edges and self loops and records the target verdict', () => {
    const edges = toFlowEdges(graph);
    expect(edges.map((edge) => edge.id)).toEqual([`exposure:internet->${a.id}`, `declared:${a.id}->${b.id}`]);
    expect(edges[0]?.data?.targetVerdict).toBe('overexposed');
  });
});
