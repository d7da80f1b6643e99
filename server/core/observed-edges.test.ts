import { describe, expect, it } from 'vitest';
import { observedEdgeId, observedTraffic, p95, traceResolver } from './observed-edges.ts';
import { aService } from './testing/builders.ts';
import { aCall, aClientSpan, aSpan, aTracedTrace, T0 } from './testing/trace-builders.ts';

const frontend = aService({ shortName: 'frontend', project: 'shop' });
const order = aService({ shortName: 'order', project: 'shop' });
const payment = aService({ shortName: 'payment', project: 'shop' });
const ew4Order = aService({ shortName: 'order', project: 'shop', location: 'europe-west4' });
const notifications = aService({ shortName: 'notifications', project: 'platform', location: 'us-central1' });
const workloads = [frontend, order, payment, ew4Order, notifications];
const window = { fromMs: T0 - 60_000, toMs: T0 + 60 * 60_000 };

const edges = (traces: Parameters<typeof observedTraffic>[0]) =>
  observedTraffic(traces, workloads, window).edges;

describe('observedTraffic', () => {
  it('makes an edge of a span whose parent belongs to another service', () => {
    const found = edges([
      ...aCall(frontend, order, 't1', { durationMs: 20 }),
      ...aCall(frontend, order, 't2', { at: 1000, durationMs: 40, status: 503 }),
    ]);
    expect(found).toEqual([
      {
        id: observedEdgeId(frontend.name, order.name),
        source: frontend.name,
        target: order.name,
        calls: 2,
        errors: 1,
        callsPerMinute: Number((2 / 61).toFixed(4)),
        errorRatio: 0.5,
        p95Ms: 42,
        denied: 0,
        health: 'failing',
      },
    ]);
  });

  it('merges the copies of a trace that crosses projects', () => {
    const copies = aCall(order, notifications, 't1');
    expect(copies.map((c) => c.project)).toEqual(['shop', 'platform']);
    const [edge] = edges(copies);
    expect(edge).toMatchObject({ source: order.name, target: notifications.name, calls: 1, denied: 0 });
    // Alone, the platform copy holds a server span whose parent is unknown: no edge.
    expect(edges(copies.slice(1))).toEqual([]);
  });

  it('finds a denied call: 403 on a client span with no server span', () => {
    const root = aSpan(frontend, { id: 'r', status: 200 });
    const client = aClientSpan(frontend, payment, { id: 'c', parent: 'r', at: 1, status: 403 });
    const [edge] = edges([aTracedTrace('shop', 't1', [root, client])]);
    expect(edge).toMatchObject({
      source: frontend.name,
      target: payment.name,
      calls: 1,
      denied: 1,
      errors: 1,
    });
  });

  it('does not call an application 403 (answered by a server span) denied', () => {
    const [trace] = aCall(frontend, payment, 't1', { status: 403 });
    expect(edges(trace ? [trace] : [])[0]).toMatchObject({ denied: 0, errors: 0 });
  });

  it('tells the service of unlabelled spans by the host of their URL', () => {
    const root = aSpan(frontend, { id: 'r' });
    const client = aClientSpan(frontend, order, { id: 'c', parent: 'r', unlabelled: true, status: 200 });
    const server = aSpan(order, {
      id: 's',
      parent: 'c',
      unlabelled: true,
      url: `${order.urls[1]}/orders`,
      status: 200,
    });
    expect(edges([aTracedTrace('shop', 't', [root, client, server])]).map((e) => e.id)).toEqual([
      observedEdgeId(frontend.name, order.name),
    ]);
  });

  it('keeps services of the same name in two regions apart', () => {
    expect(edges(aCall(frontend, ew4Order, 't')).map((e) => e.target)).toEqual([ew4Order.name]);
  });

  it('makes no edge for calls that did not happen', () => {
    const local = aSpan(frontend, { id: 'l', parent: 'r', kind: 'SPAN_KIND_UNSPECIFIED' });
    const external = aSpan(frontend, {
      id: 'x',
      parent: 'r',
      kind: 'RPC_CLIENT',
      url: 'https://api.stripe.com/v1/charges',
      status: 200,
    });
    const unanswered = aClientSpan(frontend, payment, { id: 'u', parent: 'r' });
    const trace = aTracedTrace('shop', 't', [aSpan(frontend, { id: 'r' }), local, external, unanswered]);
    expect(edges([trace])).toEqual([]);
    // Outside the window.
    expect(edges(aCall(frontend, order, 'late', { at: 2 * 60 * 60_000 }))).toEqual([]);
  });

  it('counts one call per client span, and inbound requests per service', () => {
    const traffic = observedTraffic(
      [...aCall(frontend, order, 'a'), ...aCall(frontend, order, 'b', { status: 500 })],
      workloads,
      window,
    );
    expect(traffic.edges[0]?.calls).toBe(2);
    expect(traffic.nodes.map((n) => [n.id, n.errorRatio, n.health])).toEqual([
      [frontend.name, 0, 'healthy'],
      [order.name, 0.5, 'failing'],
    ]);
  });
});

describe('traceResolver', () => {
  it('attributes every span and lists the calls callers first', () => {
    const trace = traceResolver(workloads)(aCall(order, notifications, 't'));
    expect(trace.projects).toEqual(['shop', 'platform']);
    expect(trace.spans.map((s) => s.service)).toEqual([order.name, order.name, notifications.name]);
    expect(trace.calls.map((c) => [c.source, c.target, c.spanIds])).toEqual([
      [order.name, notifications.name, ['t-2', 't-3']],
    ]);
  });
});

describe('p95', () => {
  it.each([
    [[], null],
    [[5], 5],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95],
  ])('of %j is %s', (values, expected) => {
    expect(p95(values)).toBe(expected);
  });
});
