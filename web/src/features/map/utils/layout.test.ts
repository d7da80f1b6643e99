import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../../../shared/model.ts';
import { buildElkGraph, type LayoutBox, layoutGraph, projectGroupId, regionGroupId } from './layout.ts';
import {
  aJob,
  aLargeGraph,
  aLoadBalancer,
  anEdge,
  anEventSource,
  aSecret,
  aService,
  internet,
} from './test-graph.ts';

const ElkConstructor = ((ElkBundled as unknown as { default?: unknown }).default ??
  ElkBundled) as new () => ELK;
const elk = new ElkConstructor();

const a = aService('shop', 'europe-west1', 'storefront', 'overexposed');
const b = aService('shop', 'europe-west1', 'orders');
const c = aService('shop', 'us-central1', 'billing');
const d = aJob('data', 'europe-west1', 'nightly');
const small: Graph = {
  nodes: [internet, a, b, c, d],
  edges: [
    anEdge('exposure', 'internet', a.id),
    anEdge('declared', a.id, b.id),
    anEdge('permitted', a.id, b.id),
    anEdge('observed', b.id, c.id),
    anEdge('event', d.id, c.id),
  ],
};

function inside(child: LayoutBox, parent: LayoutBox): boolean {
  return (
    child.absX >= parent.absX &&
    child.absY >= parent.absY &&
    child.absX + child.width <= parent.absX + parent.width + 0.5 &&
    child.absY + child.height <= parent.absY + parent.height + 0.5
  );
}

function overlaps(p: LayoutBox, q: LayoutBox): boolean {
  return (
    p.absX < q.absX + q.width &&
    q.absX < p.absX + p.width &&
    p.absY < q.absY + q.height &&
    q.absY < p.absY + p.height
  );
}

function checkLayout(boxes: LayoutBox[]): void {
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const seen = new Set<string>();
  for (const box of boxes) {
    if (box.parentId) {
      expect(seen.has(box.parentId), `${box.id} comes after its parent`).toBe(true);
      const parent = byId.get(box.parentId);
      expect(parent && inside(box, parent), `${box.id} lies inside ${box.parentId}`).toBe(true);
    }
    seen.add(box.id);
  }
  const siblings = new Map<string, LayoutBox[]>();
  for (const box of boxes)
    siblings.set(box.parentId ?? '', [...(siblings.get(box.parentId ?? '') ?? []), box]);
  for (const group of siblings.values()) {
    for (const [i, p] of group.entries()) {
      for (const q of group.slice(i + 1)) expect(overlaps(p, q), `${p.id} overlaps ${q.id}`).toBe(false);
    }
  }
}

describe('buildElkGraph', () => {
  it('groups workloads by project then region, with the Internet at the top level', () => {
    const root = buildElkGraph(small);
    expect(root.children?.map((child) => child.id)).toEqual([
      'internet',
      projectGroupId('data'),
      projectGroupId('shop'),
    ]);
    const shop = root.children?.find((child) => child.id === projectGroupId('shop'));
    expect(shop?.children?.map((child) => child.id)).toEqual([
      regionGroupId('shop', 'europe-west1'),
      regionGroupId('shop', 'us-central1'),
    ]);
    expect(shop?.children?.[0]?.children?.map((child) => child.id)).toEqual([b.id, a.id]);
  });

  it('lays out one edge per connected pair inside a region, and none across regions or to unknown nodes', () => {
    const root = buildElkGraph({
      ...small,
      edges: [...small.edges, anEdge('declared', a.id, 'projects/x/locations/y/services/gone')],
    });
    const region = root.children
      ?.find((child) => child.id === projectGroupId('shop'))
      ?.children?.find((child) => child.id === regionGroupId('shop', 'europe-west1'));
    expect(region?.edges?.map((edge) => [edge.sources[0], edge.targets[0]])).toEqual([[a.id, b.id]]);
    expect(root.edges ?? []).toEqual([]);
  });
});

describe('layoutGraph', () => {
  it('places groups around their members, without overlaps, the Internet left of everything', async () => {
    const { boxes } = await layoutGraph(elk, small);
    checkLayout(boxes);
    const net = boxes.find((box) => box.id === 'internet');
    expect(net).toBeDefined();
    for (const box of boxes)
      if (box.kind === 'project') expect(box.absX).toBeGreaterThan((net?.absX ?? 0) + (net?.width ?? 0));
    expect(boxes.filter((box) => box.kind === 'node')).toHaveLength(5);
  });

  it('lays out 2,000 services without overlaps', async () => {
    const { boxes } = await layoutGraph(elk, aLargeGraph(2000));
    checkLayout(boxes);
    expect(boxes.filter((box) => box.kind === 'node')).toHaveLength(2001);
  });

  it('puts event sources and backing resources beside their workload, load balancers in a column before the groups', async () => {
    const lb = aLoadBalancer('shop', 'web-https');
    const lb2 = aLoadBalancer('shop', 'api-https', true);
    const sub = anEventSource('shop', 'orders-push', c.id);
    const orphan = anEventSource('other', 'lost');
    const secret = aSecret('shop', 'db');
    const graph: Graph = {
      nodes: [...small.nodes, lb, lb2, sub, orphan, secret],
      edges: [
        ...small.edges,
        anEdge('exposure', 'internet', lb.id),
        anEdge('exposure', lb.id, a.id),
        anEdge('exposure', 'internet', lb2.id),
        anEdge('exposure', lb2.id, b.id),
        anEdge('event', sub.id, c.id),
        anEdge('backing', b.id, secret.id),
      ],
    };
    const { boxes } = await layoutGraph(elk, graph);
    checkLayout(boxes);
    const byId = new Map(boxes.map((box) => [box.id, box]));
    expect(byId.get(sub.id)?.parentId).toBe(regionGroupId('shop', 'us-central1'));
    expect(byId.get(secret.id)?.parentId).toBe(regionGroupId('shop', 'europe-west1'));
    expect(byId.get(orphan.id)?.parentId).toBe(regionGroupId('other', 'global'));
    const groupsLeft = Math.min(...boxes.filter((box) => box.kind === 'project').map((box) => box.absX));
    const net = byId.get('internet');
    for (const id of [lb.id, lb2.id]) {
      const box = byId.get(id);
      expect(box?.parentId).toBeUndefined();
      expect((box?.absX ?? 0) + (box?.width ?? 0)).toBeLessThan(groupsLeft);
      expect(box?.absX ?? 0).toBeGreaterThan((net?.absX ?? 0) + (net?.width ?? 0));
    }
  });
});
