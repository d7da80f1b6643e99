import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../../../shared/model.ts';
import { filterLayers, formatLayers, type MapLayer, parseLayers } from './layers.ts';
import { aLoadBalancer, anEdge, anEventSource, aSecret, aService, internet } from './test-graph.ts';

const web = aService('shop', 'europe-west1', 'web', 'reachable');
const api = aService('shop', 'europe-west1', 'api', 'overexposed');
const lb = aLoadBalancer('shop', 'web-https');
const sub = anEventSource('shop', 'orders-push', api.id);
const secret = aSecret('shop', 'db');
const graph: Graph = {
  nodes: [internet, web, api, lb, sub, secret],
  edges: [
    anEdge('exposure', 'internet', lb.id),
    anEdge('exposure', lb.id, web.id),
    anEdge('exposure', lb.id, api.id),
    anEdge('exposure', 'internet', api.id),
    anEdge('event', sub.id, api.id),
    anEdge('backing', api.id, secret.id),
    anEdge('declared', web.id, api.id),
  ],
};

const ids = (g: Graph) => g.nodes.map((n) => n.label);
const links = (g: Graph) =>
  g.edges.map((e) => `${e.kind}:${e.source.split('/').pop()}->${e.target.split('/').pop()}`);

describe('parseLayers and formatLayers', () => {
  it.each<[string | null, MapLayer[], string | undefined]>([
    [null, ['events', 'lbs'], undefined],
    ['', ['events', 'lbs'], undefined],
    ['backing,events', ['events', 'backing'], 'events,backing'],
    ['lbs,events', ['events', 'lbs'], undefined],
    ['none', [], 'none'],
    ['bogus', [], 'none'],
    ['events,lbs,backing', ['events', 'lbs', 'backing'], 'events,lbs,backing'],
  ])('reads %j as %j and writes it back as %j', (value, layers, url) => {
    expect(parseLayers(value)).toEqual(layers);
    expect(formatLayers(layers)).toBe(url);
  });
});

describe('filterLayers', () => {
  it('keeps everything when every layer is on', () => {
    expect(filterLayers(graph, ['events', 'lbs', 'backing'])).toBe(graph);
  });

  it('drops the nodes of hidden layers and their edges', () => {
    const shown = filterLayers(graph, ['lbs']);
    expect(ids(shown)).toEqual(['Internet', 'web', 'api', 'web-https']);
    expect(links(shown)).not.toContain('event:orders-push->api');
  });

  it('links the Internet straight to what a hidden load balancer leads to, naming it', () => {
    const shown = filterLayers(graph, ['events']);
    expect(ids(shown)).toEqual(['Internet', 'web', 'api', 'orders-push']);
    expect(links(shown)).toEqual([
      'exposure:internet->api',
      'event:orders-push->api',
      'declared:web->api',
      'exposure:internet->web',
    ]);
    const merged = shown.edges.find((e) => e.id === `exposure:internet->${api.id}`);
    expect(merged?.evidence).toEqual(['exposure evidence', 'through load balancer web-https']);
    // The input is left as it was.
    expect(graph.edges.find((e) => e.id === `exposure:internet->${api.id}`)?.evidence).toEqual([
      'exposure evidence',
    ]);
  });

  it('drops the Internet when nothing it reaches is left', () => {
    const onlyLb: Graph = {
      nodes: [internet, web, lb],
      edges: [anEdge('exposure', 'internet', lb.id), anEdge('declared', lb.id, web.id)],
    };
    expect(ids(filterLayers(onlyLb, []))).toEqual(['web']);
  });
});
