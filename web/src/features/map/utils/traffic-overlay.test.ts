import { describe, expect, it } from 'vitest';
import type { ObservedEdge } from '../../../../../shared/observability.ts';
import type { KindedFlowEdge, MapFlowNode } from './to-flow.ts';
import {
  lightEdges,
  type MapFlowEdge,
  type MapPath,
  overlayEdges,
  parseObservedEdgeId,
  trafficLabel,
  withNodeTraffic,
} from './traffic-overlay.ts';

const a = 'projects/p/locations/l/services/a';
const b = 'projects/p/locations/l/services/b';
const c = 'projects/p/locations/l/services/c';

const observed = (source: string, target: string, patch: Partial<ObservedEdge> = {}): ObservedEdge => ({
  id: `observed:${source}->${target}`,
  source,
  target,
  calls: 600,
  errors: 0,
  callsPerMinute: 10,
  errorRatio: 0,
  p95Ms: 40,
  denied: 0,
  health: 'healthy',
  ...patch,
});

const declared = (source: string, target: string): KindedFlowEdge => ({
  id: `declared:${source}->${target}`,
  source,
  target,
  type: 'kinded',
  data: { kind: 'declared', evidence: [], targetVerdict: null },
});

const ids = new Set([a, b, c]);

describe('parseObservedEdgeId', () => {
  it('splits an observed edge id into its ends', () => {
    expect(parseObservedEdgeId(`observed:${a}->${b}`)).toEqual({ source: a, target: b });
  });
  it.each(['declared:a->b', 'observed:a', 'observed:->b', 'observed:a->'])('refuses %s', (id) => {
    expect(parseObservedEdgeId(id)).toBeNull();
  });
});

describe('trafficLabel', () => {
  it.each([
    [observed(a, b), '10/min'],
    [observed(a, b, { errors: 516, errorRatio: 0.86, health: 'failing' }), '10/min · 86% err'],
    [observed(a, b, { errors: 5, denied: 5, errorRatio: 1, health: 'failing' }), '5 denied'],
  ])('labels %#', (edge, label) => {
    expect(trafficLabel(edge)).toBe(label);
  });
});

describe('overlayEdges', () => {
  it('adds observed edges over the graph edges, coloured by health', () => {
    const edges = overlayEdges(
      [declared(a, b)],
      { edges: [observed(a, b, { health: 'failing' })], nodes: new Map(), complete: true },
      null,
      ids,
    );
    expect(edges.map((edge) => [edge.id, edge.type])).toEqual([
      [`declared:${a}->${b}`, 'kinded'],
      [`observed:${a}->${b}`, 'traffic'],
    ]);
    expect(edges[1]?.data).toMatchObject({ tone: 'failing', label: '10/min' });
  });

  it('replaces a graph edge of the same id rather than drawing it twice', () => {
    const graphObserved: KindedFlowEdge = { ...declared(a, b), id: `observed:${a}->${b}` };
    const edges = overlayEdges(
      [graphObserved],
      { edges: [observed(a, b)], nodes: new Map(), complete: true },
      null,
      ids,
    );
    expect(edges).toHaveLength(1);
    expect(edges[0]?.type).toBe('traffic');
  });

  it('marks an edge with denied calls as denied', () => {
    const edges = overlayEdges(
      [],
      { edges: [observed(a, b, { denied: 3, errors: 3 })], nodes: new Map(), complete: true },
      null,
      ids,
    );
    expect(edges[0]?.data).toMatchObject({ tone: 'denied' });
  });

  it('drops the snapshot observed edges that a complete window did not see, keeps them otherwise', () => {
    const snapshotEdge: KindedFlowEdge = {
      ...declared(b, c),
      id: `observed:${b}->${c}`,
      data: { kind: 'observed', evidence: [], targetVerdict: null },
    };
    const window = { edges: [observed(a, b)], nodes: new Map() };
    expect(overlayEdges([snapshotEdge], { ...window, complete: true }, null, ids).map((e) => e.id)).toEqual([
      `observed:${a}->${b}`,
    ]);
    expect(overlayEdges([snapshotEdge], { ...window, complete: false }, null, ids).map((e) => e.id)).toEqual([
      `observed:${b}->${c}`,
      `observed:${a}->${b}`,
    ]);
  });

  it('leaves out traffic whose ends are not on the map', () => {
    const edges = overlayEdges(
      [],
      { edges: [observed(a, 'elsewhere')], nodes: new Map(), complete: true },
      null,
      ids,
    );
    expect(edges).toEqual([]);
  });

  it('draws a path edge the window did not see', () => {
    const path: MapPath = { nodes: new Set([a, c]), edges: new Set([`observed:${a}->${c}`]), rootCause: c };
    const edges = overlayEdges([], null, path, ids);
    expect(edges.map((edge) => [edge.id, edge.data && 'tone' in edge.data ? edge.data.tone : null])).toEqual([
      [`observed:${a}->${c}`, 'unknown'],
    ]);
  });
});

describe('lightEdges', () => {
  const edges: MapFlowEdge[] = overlayEdges(
    [declared(a, b)],
    { edges: [observed(a, b), observed(b, c)], nodes: new Map(), complete: true },
    null,
    ids,
  );

  it('lights the path and dims everything else', () => {
    const path: MapPath = { nodes: new Set([a, b]), edges: new Set([`observed:${a}->${b}`]), rootCause: b };
    const lit = lightEdges(edges, null, path);
    expect(lit.map((edge) => [edge.id, edge.className ?? null])).toEqual([
      [`declared:${a}->${b}`, 'map-dimmed'],
      [`observed:${a}->${b}`, null],
      [`observed:${b}->${c}`, 'map-dimmed'],
    ]);
    expect(lit[1]?.data).toMatchObject({ state: 'lit' });
  });

  it('keeps edges between highlighted nodes under a node highlight', () => {
    const lit = lightEdges(edges, new Set([a, b]), null);
    expect(lit.map((edge) => edge.className ?? null)).toEqual([null, null, 'map-dimmed']);
  });

  it('returns the edges as they are without a highlight', () => {
    expect(lightEdges(edges, null, null)).toEqual(edges);
  });
});

describe('withNodeTraffic', () => {
  const node = (id: string): MapFlowNode => ({
    id,
    type: 'workload',
    position: { x: 0, y: 0 },
    data: {
      node: {
        kind: 'job',
        id,
        label: id,
        project: 'p',
        location: 'l',
        findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      },
    },
    ariaLabel: `job ${id}`,
  });

  it('gives traffic to the nodes that have some and keeps the others as they are', () => {
    const nodes = [node(a), node(b)];
    const out = withNodeTraffic(nodes, {
      edges: [],
      nodes: new Map([[a, { id: a, requestsPerMinute: 5, errorRatio: 0.5, health: 'failing' as const }]]),
      complete: true,
    });
    expect(out[0]?.data).toMatchObject({ traffic: { health: 'failing' } });
    expect(out[0]?.ariaLabel).toBe(`job ${a}, failing (50% 5xx)`);
    expect(out[1]).toBe(nodes[1]);
  });
});
