import { describe, expect, it } from 'vitest';
import { loadGoogleProtos } from '../google-protos.ts';
import { loadWorld } from '../load-world.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import { aProject, aService, aWorld } from '../world-builders.ts';
import { generateTraffic } from './generate-traffic.ts';
import type { TrafficDescription } from './traffic-description.ts';

const SHOP = 'shop-prod';
const NOW = '2026-11-21T12:00:00Z';
const url = (name: string) => `https://${name}-abc123xyz-ew.a.run.app`;
const service = (name: string) => ({
  project: SHOP,
  location: 'europe-west1',
  name,
  revision: `${name}-00001-abc`,
  url: url(name),
});

/** frontend → order → payment, payment failing for the last 30 minutes; frontend → admin denied. */
const description: TrafficDescription = {
  seed: 'test',
  now: NOW,
  hours: 2,
  services: {
    frontend: service('frontend'),
    order: service('order'),
    payment: service('payment'),
    admin: service('admin'),
  },
  operations: {
    'frontend:POST /checkout': {
      service: 'frontend',
      method: 'POST',
      path: '/checkout',
      latencyMs: [20, 60],
      calls: [
        { op: 'order:POST /orders', failStatus: 500 },
        { op: 'admin:GET /stats', denied: true, optional: true, probability: 0.2 },
      ],
    },
    'order:POST /orders': {
      service: 'order',
      method: 'POST',
      path: '/orders',
      latencyMs: [30, 90],
      calls: [
        {
          op: 'payment:POST /charges',
          errorMessage: 'PaymentError: payment answered {status} for order {order}',
        },
      ],
    },
    'payment:POST /charges': { service: 'payment', method: 'POST', path: '/charges', latencyMs: [50, 150] },
    'admin:GET /stats': { service: 'admin', method: 'GET', path: '/stats', latencyMs: [5, 10] },
  },
  entries: [{ op: 'frontend:POST /checkout', rps: 2 }],
  incidents: [
    {
      op: 'payment:POST /charges',
      sinceMinutes: 30,
      errorRatio: 0.9,
      errorStatus: 503,
      latencyMs: [2000, 5000],
      errors: ['StripeConnectionError: connect ETIMEDOUT (intent {intent})'],
    },
  ],
  sampling: {
    okEvery: 20,
    errorEvery: 2,
    deniedEvery: 2,
    tracedShare: 0.5,
    tracedPerRootHour: 0,
    fineMinutes: 60,
    coarseMinutes: 10,
  },
};

const shop = () =>
  generateTraffic(description).get(SHOP) as {
    logEntries: JsonObject[];
    timeSeries: JsonObject[];
    traces: JsonObject[];
  };
const traffic = shop();

function countPoints(metric: string, serviceName: string, codeClass: string, since = 0): number {
  return traffic.timeSeries
    .filter((s) => {
      const m = s.metric as JsonObject;
      const labels = (s.resource as JsonObject).labels as JsonObject;
      return (
        m.type === metric &&
        labels.service_name === serviceName &&
        (m.labels as JsonObject).response_code_class === codeClass
      );
    })
    .flatMap((s) => s.points as JsonObject[])
    .filter((p) => Date.parse(String((p.interval as JsonObject).endTime)) > since)
    .reduce((sum, p) => sum + Number((p.value as JsonObject).int64Value), 0);
}

describe('generateTraffic', () => {
  it('generates the same traffic from the same description', () => {
    expect(JSON.stringify(shop())).toBe(JSON.stringify(traffic));
    const other = generateTraffic({ ...description, seed: 'other' }).get(SHOP);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(traffic));
  });

  it('writes sections that load as a world', () => {
    const world = loadWorld(
      aWorld(
        aProject(SHOP, {
          services: ['frontend', 'order', 'payment', 'admin'].map((id) => aService(SHOP, 'europe-west1', id)),
          ...traffic,
        }),
      ),
      { now: new Date(NOW), protos: loadGoogleProtos() },
    );
    expect(world.projects[0]?.logEntries.length).toBe(traffic.logEntries.length);
  });

  it('counts every request in request_count, at 1-minute points over fineMinutes', () => {
    const since = Date.parse(NOW) - 60 * 60_000;
    const frontendTotal = ['2xx', '5xx'].reduce(
      (sum, c) => sum + countPoints('run.googleapis.com/request_count', 'frontend', c),
      0,
    );
    // About 2 rps for two hours.
    expect(frontendTotal).toBeGreaterThan(2 * 7200 * 0.9);
    expect(frontendTotal).toBeLessThan(2 * 7200 * 1.1);
    const count = traffic.timeSeries.find(
      (s) =>
        (s.metric as JsonObject).type === 'run.googleapis.com/request_count' &&
        ((s.resource as JsonObject).labels as JsonObject).service_name === 'frontend',
    );
    const points = (count?.points ?? []) as JsonObject[];
    const fine = points.filter((p) => Date.parse(String((p.interval as JsonObject).endTime)) > since);
    expect(fine).toHaveLength(60);
    expect(points).toHaveLength(60 + 6);
  });

  it('fails the callers of a failing dependency since the incident started, and only since', () => {
    const start = Date.parse(NOW) - 30 * 60_000;
    const beforeIncident = (name: string) =>
      countPoints('run.googleapis.com/request_count', name, '5xx') -
      countPoints('run.googleapis.com/request_count', name, '5xx', start);
    const payment = countPoints('run.googleapis.com/request_count', 'payment', '5xx', start);
    const order = countPoints('run.googleapis.com/request_count', 'order', '5xx', start);
    const frontend = countPoints('run.googleapis.com/request_count', 'frontend', '5xx', start);
    expect(payment).toBeGreaterThan(0.85 * 2 * 1800);
    // Every failed charge fails its order and its checkout.
    expect(order).toBe(payment);
    expect(frontend).toBe(payment);
    expect([beforeIncident('payment'), beforeIncident('order'), beforeIncident('frontend')]).toEqual([
      0, 0, 0,
    ]);
  });

  it('logs failed requests with stack traces that share one shape per error', () => {
    const errors = traffic.logEntries.filter(
      (e) => String(e.logName).endsWith('stderr') && e.severity === 'ERROR',
    );
    const payment = errors.filter(
      (e) => ((e.resource as JsonObject).labels as JsonObject).service_name === 'payment',
    );
    expect(payment.length).toBeGreaterThan(10);
    const shapes = new Set(payment.map((e) => String(e.textPayload).replace(/pi_\w+/, 'ID')));
    expect(shapes.size).toBe(1);
    expect(String(payment[0]?.textPayload)).toMatch(
      /^StripeConnectionError: connect ETIMEDOUT \(intent pi_\w+\)\n {4}at /,
    );
    const order = errors.find(
      (e) => ((e.resource as JsonObject).labels as JsonObject).service_name === 'order',
    );
    expect(String(order?.textPayload)).toMatch(/^PaymentError: payment answered 503 for order ORD-\d{8}\n/);
  });

  it('traces a failed checkout across services with client and server spans', () => {
    const failed = traffic.traces.find((t) =>
      (t.spans as JsonObject[]).some((s) => (s.labels as JsonObject)['/http/status_code'] === '503'),
    );
    const spans = (failed?.spans ?? []) as JsonObject[];
    const label = (s: JsonObject, key: string) => (s.labels as JsonObject)[key];
    const path = spans
      .filter((s) => label(s, '/http/url') !== `${url('admin')}/stats`)
      .map((s) => [
        s.kind,
        label(s, 'g.co/r/cloud_run_revision/service_name'),
        label(s, '/http/status_code'),
      ]);
    expect(path).toEqual([
      ['RPC_SERVER', 'frontend', '500'],
      ['RPC_CLIENT', 'frontend', '502'],
      ['RPC_SERVER', 'order', '502'],
      ['RPC_CLIENT', 'order', '503'],
      ['RPC_SERVER', 'payment', '503'],
    ]);
    // Each server span's parent is the caller's client span, whose URL is the callee's.
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const paymentServer = spans.find((s) => label(s, 'g.co/r/cloud_run_revision/service_name') === 'payment');
    const client = byId.get(paymentServer?.parentSpanId);
    expect(label(client as JsonObject, '/http/url')).toBe(`${url('payment')}/charges`);
    // Its request logs carry the same trace.
    const logs = traffic.logEntries.filter((e) => e.trace === `projects/${SHOP}/traces/${failed?.traceId}`);
    expect(logs.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a denied call as a 403 client span with no server span, and a 403 request log at the callee', () => {
    const denied = traffic.traces
      .flatMap((t) => t.spans as JsonObject[])
      .filter((s) => {
        const labels = s.labels as JsonObject;
        return labels['/http/url'] === `${url('admin')}/stats`;
      });
    expect(denied.length).toBeGreaterThan(0);
    expect(
      denied.every((s) => s.kind === 'RPC_CLIENT' && (s.labels as JsonObject)['/http/status_code'] === '403'),
    ).toBe(true);
    const adminLogs = traffic.logEntries.filter(
      (e) => ((e.resource as JsonObject).labels as JsonObject).service_name === 'admin',
    );
    expect(adminLogs.every((e) => (e.httpRequest as JsonObject).status === 403)).toBe(true);
    expect(countPoints('run.googleapis.com/request_count', 'admin', '4xx')).toBeGreaterThan(0);
  });
});
