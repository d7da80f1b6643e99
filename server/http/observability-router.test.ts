import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  findingsResponseSchema,
  graphResponseSchema,
  serviceDetailSchema,
} from '../../shared/api.ts';
import {
  errorsResponseSchema,
  followResponseSchema,
  signalsResponseSchema,
  traceResponseSchema,
  tracesResponseSchema,
  trafficResponseSchema,
} from '../../shared/observability.ts';
import { analyze } from '../core/analyze.ts';
import type { FakeGoogle } from '../fake-google/start-fake-google.ts';
import { GoogleObservabilityService } from '../observe/observability-service.ts';
import { packageRoot } from '../paths.ts';
import { type Source, worldSource } from '../sources.ts';
import { createApp } from './create-app.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { listening } from './testing/listening.ts';
import { worldSnapshotStore } from './testing/world-snapshot-store.ts';

// Route tests: the real app over the demo world (24 h of traffic, the payment incident) through the fake.
let source: Source;
let fake: FakeGoogle;
let server: Server;
let base: string;
let store: SnapshotStore;

const shop = (name: string, region = 'europe-west1') =>
  `projects/shop-prod/locations/${region}/services/${name}`;
const platform = (name: string) => `projects/platform-prod/locations/us-central1/services/${name}`;
const corp = (name: string) => `projects/corp-tools/locations/europe-west1/services/${name}`;
const seg = encodeURIComponent;

beforeAll(async () => {
  source = await worldSource(path.join(packageRoot(), 'server/fake-google/worlds/demo.world.json'));
  fake = source.fake as FakeGoogle;
  store = worldSnapshotStore(source, (inventory) => analyze(inventory));
  const observability = new GoogleObservabilityService({
    logging: source.logging,
    monitoring: source.monitoring,
    trace: source.trace,
    ...(source.trafficUntil ? { now: source.trafficUntil } : {}),
  });
  server = createApp({ store, observability }).listen(0, '127.0.0.1');
  base = await listening(server);
  await store.refresh();
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await store?.stop();
  await source?.close();
});

const get = async (route: string) => {
  const res = await fetch(`${base}${route}`);
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as unknown };
};

describe('the snapshot', () => {
  it('puts observed edges with their statistics on the map, the denied call among them', async () => {
    const { edges } = graphResponseSchema.parse((await get('/api/graph')).json());
    const observed = edges.filter((e) => e.kind === 'observed');
    expect(observed.length).toBeGreaterThanOrEqual(24);
    expect(observed.every((e) => e.stats !== undefined)).toBe(true);
    const denied = observed.find(
      (e) => e.source === platform('webhook-receiver') && e.target === platform('jobs-api'),
    );
    expect(denied?.stats).toMatchObject({ denied: 28, errorRatio: 1, health: 'failing' });
    expect(
      observed.some((e) => e.source === shop('order') && e.target === platform('notifications-grpc')),
    ).toBe(true);
  });

  it('reports GR-02 (denied calls), GR-01 (unused grants) and GR-04 (blast radius)', async () => {
    const { findings } = findingsResponseSchema.parse((await get('/api/findings')).json());
    expect(findings.find((f) => f.ruleId === 'GR-02')).toMatchObject({
      resource: platform('jobs-api'),
      id: `GR-02:${platform('jobs-api')}#caller:${platform('webhook-receiver')}`,
      severity: 'high',
    });
    const unused = findings.filter((f) => f.ruleId === 'GR-01').map((f) => f.id);
    expect(unused).toContain(
      `GR-01:${platform('billing-grpc')}#member:serviceAccount:batch-export@platform-prod.iam.gserviceaccount.com`,
    );
    // admin-console runs in corp-tools, whose traces hold nothing: its calls could not be seen, so no claim.
    expect(unused).not.toContain(
      `GR-01:${shop('order')}#member:serviceAccount:admin-console@corp-tools.iam.gserviceaccount.com`,
    );
    // Used grants are not reported: frontend calls order, order calls notifications-grpc across projects.
    expect(unused.some((id) => id.includes('frontend@shop-prod'))).toBe(false);
    expect(unused.some((id) => id.startsWith(`GR-01:${platform('notifications-grpc')}`))).toBe(false);
    const blast = findings.find((f) => f.ruleId === 'GR-04');
    expect(blast).toMatchObject({ resource: corp('status-page'), severity: 'high' });
    expect(blast?.evidence.map((e) => e.path)).toContain(`reaches[${corp('admin-console')}]`);
  });
});

describe('GET /api/services/:name', () => {
  it('carries console deep links in the project of the service', async () => {
    const { links } = serviceDetailSchema.parse((await get(`/api/services/${seg(shop('payment'))}`)).json());
    expect(links?.cloudRun).toBe(
      'https://console.cloud.google.com/run/detail/europe-west1/payment/metrics?project=shop-prod',
    );
    expect(decodeURIComponent(links?.logs ?? '')).toContain(
      'query=resource.type="cloud_run_revision" AND resource.labels.service_name="payment"',
    );
  });
});

describe('GET /api/traffic', () => {
  it('answers observed edges and node health for the range', async () => {
    const body = trafficResponseSchema.parse((await get('/api/traffic?range=1h')).json());
    expect(body.failures).toEqual([]);
    const health = new Map(body.nodes.map((n) => [n.id, n.health]));
    expect(health.get(shop('payment'))).toBe('failing');
    expect(health.get(shop('order'))).toBe('failing');
    expect(health.get(shop('frontend'))).toBe('degraded');
    expect(health.get(corp('status-page'))).toBe('idle');
    expect(body.edges.find((e) => e.id === `observed:${shop('order')}->${shop('payment')}`)?.health).toBe(
      'failing',
    );
    // The edge seen only earlier in the day is not in the last hour.
    expect(body.edges.some((e) => e.source === platform('jobs-api'))).toBe(false);
  });

  it('refuses an unknown range', async () => {
    const res = await get('/api/traffic?range=2h');
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(res.json()).error).toMatchObject({ code: 'invalid_input' });
    expect(apiErrorSchema.parse(res.json()).error.message).toContain('1h, 6h, 24h, 7d');
  });
});

describe('GET /api/services/:name/follow', () => {
  it('follows the failure from the frontend down to payment', async () => {
    const body = followResponseSchema.parse(
      (await get(`/api/services/${seg(shop('frontend'))}/follow?range=1h`)).json(),
    );
    expect(body.path).toEqual([shop('frontend'), shop('order'), shop('payment')]);
    expect(body.rootCause).toBe(shop('payment'));
    expect(body.edges).toEqual([
      `observed:${shop('frontend')}->${shop('order')}`,
      `observed:${shop('order')}->${shop('payment')}`,
    ]);
  });

  it('finds nothing to follow from an idle service, and names a degraded one that fails alone', async () => {
    const idle = followResponseSchema.parse(
      (await get(`/api/services/${seg(corp('status-page'))}/follow`)).json(),
    );
    expect(idle).toMatchObject({ path: [corp('status-page')], rootCause: null });
    expect(idle.explanation).toContain('idle');
    const payment = followResponseSchema.parse(
      (await get(`/api/services/${seg(shop('payment'))}/follow`)).json(),
    );
    expect(payment).toMatchObject({ path: [shop('payment')], rootCause: shop('payment') });
  });
});

describe('GET /api/services/:name/signals', () => {
  it('answers golden signals aggregated per period', async () => {
    const body = signalsResponseSchema.parse(
      (await get(`/api/services/${seg(shop('payment'))}/signals?range=1h`)).json(),
    );
    expect(body).toMatchObject({ stepSeconds: 60, failures: [] });
    expect(body.series.requestsPerSecond).toHaveLength(60);
    expect(body.summary.health).toBe('failing');
    expect(body.summary.errorRatio).toBeGreaterThan(0.4);
    expect(body.summary.p95Ms).toBeGreaterThan(1000);
    expect(body.summary.instances).toBeGreaterThan(0);
  });

  it('caches an answer briefly', async () => {
    const route = `/api/services/${seg(shop('cart'))}/signals?range=24h`;
    await get(route);
    const calls = fake.calls('ListTimeSeries').length;
    expect((await get(route)).status).toBe(200);
    expect(fake.calls('ListTimeSeries').length).toBe(calls);
  });

  it('degrades with a failure when Monitoring fails', async () => {
    fake.failCall('ListTimeSeries', 'PERMISSION_DENIED', { message: 'monitoring.timeSeries.list denied' });
    try {
      const res = await get(`/api/services/${seg(shop('order'))}/signals?range=6h`);
      expect(res.status).toBe(200);
      const body = signalsResponseSchema.parse(res.json());
      expect(body.failures[0]).toMatchObject({ source: 'monitoring', code: 'PERMISSION_DENIED' });
      expect(body.failures[0]?.message).toContain('Cloud Monitoring could not read');
      expect(body.summary.health).toBe('unknown');
      const traffic = trafficResponseSchema.parse((await get('/api/traffic?range=6h')).json());
      expect(traffic.failures.map((f) => f.source)).toContain('monitoring');
      expect(traffic.edges.length).toBeGreaterThan(0);
    } finally {
      fake.reset();
    }
  });
});

describe('GET /api/services/:name/errors', () => {
  it('groups the errors by fingerprint with a sample trace', async () => {
    const body = errorsResponseSchema.parse(
      (await get(`/api/services/${seg(shop('payment'))}/errors?range=1h`)).json(),
    );
    expect(body.failures).toEqual([]);
    expect(body.truncated).toBe(false);
    const [top] = body.groups;
    expect(top?.message).toContain('StripeConnectionError');
    expect(top?.count).toBeGreaterThan(1);
    expect(top?.sampleTrace?.project).toBe('shop-prod');
  });

  it('degrades with a failure when Logging fails', async () => {
    fake.failCall('ListLogEntries', 'PERMISSION_DENIED');
    try {
      const body = errorsResponseSchema.parse(
        (await get(`/api/services/${seg(shop('payment'))}/errors?range=7d`)).json(),
      );
      expect(body.groups).toEqual([]);
      expect(body.failures[0]).toMatchObject({ source: 'logging', code: 'PERMISSION_DENIED' });
    } finally {
      fake.reset();
    }
  });
});

describe('traces', () => {
  it('lists recent traces touching a service, failing ones among them', async () => {
    const body = tracesResponseSchema.parse(
      (await get(`/api/services/${seg(shop('order'))}/traces?range=1h`)).json(),
    );
    expect(body.traces.length).toBeGreaterThan(0);
    expect(body.traces.every((t) => t.services.includes(shop('order')))).toBe(true);
    expect(body.traces.some((t) => t.status === 'error')).toBe(true);
  });

  it('answers a trace across projects as one waterfall with its path', async () => {
    const { traces } = tracesResponseSchema.parse(
      (await get(`/api/services/${seg(platform('notifications-grpc'))}/traces?range=24h`)).json(),
    );
    const crossing = traces.find((t) => t.services.includes(shop('order')));
    expect(crossing).toBeDefined();
    const body = traceResponseSchema.parse(
      (await get(`/api/traces/${crossing?.project}/${crossing?.traceId}`)).json(),
    );
    const services = new Set(body.spans.map((s) => s.service));
    expect(services.has(shop('order'))).toBe(true);
    expect(services.has(platform('notifications-grpc'))).toBe(true);
    expect(body.path.indexOf(shop('order'))).toBeLessThan(body.path.indexOf(platform('notifications-grpc')));
    expect(body.edges).toContain(`observed:${shop('order')}->${platform('notifications-grpc')}`);
  });

  it('answers 400 for malformed ids, 404 for unknown ones, 502 when Trace fails', async () => {
    expect((await get('/api/traces/shop-prod/not-a-trace')).status).toBe(400);
    expect((await get(`/api/traces/Bad_Project/${'a'.repeat(32)}`)).status).toBe(400);
    expect((await get(`/api/traces/shop-prod/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await get(`/api/traces/nowhere-prod/${'0'.repeat(32)}`)).status).toBe(404);
    fake.failCall('GetTrace', 'PERMISSION_DENIED');
    try {
      const res = await get(`/api/traces/shop-prod/${'1'.repeat(32)}`);
      expect(res.status).toBe(502);
      expect(apiErrorSchema.parse(res.json()).error.message).toContain('Cloud Trace could not read');
    } finally {
      fake.reset();
    }
  });
});

describe('bad service names', () => {
  it.each([
    ['a malformed name', 'payment', 400],
    ['a job', 'projects/shop-prod/locations/europe-west1/jobs/inventory-sync', 400],
    ['an unknown service', shop('nope'), 404],
  ])('answers %s with %s', async (_what, name, status) => {
    const res = await get(`/api/services/${seg(name)}/signals`);
    expect(res.status).toBe(status);
    expect(apiErrorSchema.safeParse(res.json()).success).toBe(true);
  });
});
