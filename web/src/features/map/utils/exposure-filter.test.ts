import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../../../shared/model.ts';
import { filterByExposure, formatExposure, isDimmed, parseExposure } from './exposure-filter.ts';
import { aJob, anEdge, aService, internet } from './test-graph.ts';

const open = aService('shop', 'europe-west1', 'storefront', 'overexposed');
const declared = aService('shop', 'europe-west1', 'www', 'public');
const gated = aService('shop', 'europe-west1', 'admin', 'reachable');
const inner = aService('shop', 'europe-west1', 'orders', 'internal');
const closed = aService('shop', 'europe-west1', 'legacy', 'closed');
const job = aJob('shop', 'europe-west1', 'nightly');
// A load balancer node as the graph carries it; built loosely so the test does not depend on its fields.
const lb = {
  kind: 'load-balancer',
  id: 'projects/shop/global/forwardingRules/web',
  label: 'web',
} as unknown as GraphNode;
const lbIdle = {
  kind: 'load-balancer',
  id: 'projects/shop/global/forwardingRules/idle',
  label: 'idle',
} as unknown as GraphNode;

const graph: Graph = {
  nodes: [internet, lb, lbIdle, open, declared, gated, inner, closed, job],
  edges: [
    anEdge('exposure', 'internet', open.id),
    anEdge('exposure', 'internet', lb.id),
    anEdge('exposure', lb.id, gated.id),
    anEdge('exposure', lbIdle.id, inner.id),
    anEdge('declared', open.id, inner.id),
    anEdge('observed', gated.id, open.id),
    anEdge('permitted', job.id, gated.id),
  ],
};

const ids = (g: Graph) => g.nodes.map((node) => node.id);

describe('parseExposure / formatExposure', () => {
  it.each([
    [null, null],
    ['', null],
    ['bogus', null],
    ['public,overexposed', ['overexposed', 'public']],
    ['reachable, public ,internal', ['public', 'reachable']],
  ])('parses %s', (value, expected) => {
    expect(parseExposure(value)).toEqual(expected);
  });

  it('writes the canonical form, nothing for none', () => {
    expect(formatExposure(['reachable', 'overexposed'])).toBe('overexposed,reachable');
    expect(formatExposure([])).toBeUndefined();
  });
});

describe('filterByExposure', () => {
  it('keeps the attack surface and the ways in that lead to it', () => {
    const surface = filterByExposure(graph, ['overexposed', 'public', 'reachable']);
    expect(ids(surface)).toEqual([internet.id, lb.id, open.id, declared.id, gated.id]);
    expect(surface.edges.map((edge) => edge.id)).toEqual([
      `exposure:internet->${open.id}`,
      `exposure:internet->${lb.id}`,
      `exposure:${lb.id}->${gated.id}`,
      `observed:${gated.id}->${open.id}`,
    ]);
  });

  it('drops the Internet and load balancers that lead to nothing shown', () => {
    const only = filterByExposure(graph, ['public']);
    expect(ids(only)).toEqual([declared.id]);
    expect(only.edges).toEqual([]);
  });

  it('keeps a load balancer and the Internet behind it for a reachable service', () => {
    expect(ids(filterByExposure(graph, ['reachable']))).toEqual([internet.id, lb.id, gated.id]);
  });

  it('does not mutate its input and keeps extra fields', () => {
    const withStamp = { ...graph, snapshotAt: 'now' };
    const before = JSON.stringify(withStamp);
    expect(filterByExposure(withStamp, ['overexposed']).snapshotAt).toBe('now');
    expect(JSON.stringify(withStamp)).toBe(before);
  });
});

describe('isDimmed', () => {
  const lit = new Set([open.id]);
  it.each([
    [open.id, 'workload', lit, false],
    [inner.id, 'workload', lit, true],
    ['internet', 'internet', lit, true],
    ['group:project:shop', 'group', lit, false],
    [inner.id, 'workload', null, false],
  ] as const)('%s (%s)', (id, type, highlight, expected) => {
    expect(isDimmed(id, type, highlight)).toBe(expected);
  });
});
