import { cloudtrace, type cloudtrace_v1 } from '@googleapis/cloudtrace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRestRootUrl } from '../fake-client-options.ts';
import { loadWorld } from '../load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../start-fake-google.ts';
import { aTrace } from '../traffic-builders.ts';
import { aProject, aWorld } from '../world-builders.ts';

// The real @googleapis/cloudtrace v1 REST client, with no auth, against the fake's REST port.
const SHOP = 'shop-prod';
const ID = (n: number) => `${String(n).repeat(32)}`.slice(0, 32);
const at = (minute: number, ms = 0) =>
  new Date(Date.parse('2026-11-21T11:00:00Z') + minute * 60_000 + ms).toISOString();
const url = (service: string, path: string) => `https://${service}-abc123xyz-ew.a.run.app${path}`;

const checkout = aTrace(SHOP, ID(1), [
  [
    '1',
    undefined,
    'RPC_SERVER',
    '/checkout',
    at(10),
    at(10, 1200),
    {
      '/http/status_code': '502',
      '/http/method': 'POST',
      'g.co/r/cloud_run_revision/service_name': 'frontend',
    },
  ],
  [
    '2',
    '1',
    'RPC_CLIENT',
    'POST /orders',
    at(10, 10),
    at(10, 1190),
    { '/http/url': url('order', '/orders'), '/http/status_code': '502' },
  ],
  [
    '3',
    '2',
    'RPC_SERVER',
    '/orders',
    at(10, 20),
    at(10, 1180),
    { '/http/status_code': '502', 'g.co/r/cloud_run_revision/service_name': 'order' },
  ],
  [
    '4',
    '3',
    'RPC_CLIENT',
    'POST /charges',
    at(10, 30),
    at(10, 1170),
    { '/http/url': url('payment', '/charges'), '/http/status_code': '503' },
  ],
]);
const home = aTrace(SHOP, ID(2), [
  [
    '7',
    undefined,
    'RPC_SERVER',
    '/',
    at(20),
    at(20, 80),
    { '/http/status_code': '200', '/http/method': 'GET' },
  ],
]);
const product = aTrace(SHOP, ID(3), [
  [
    '9',
    undefined,
    'RPC_SERVER',
    '/product/sku-1',
    at(30),
    at(30, 300),
    { '/http/status_code': '200', '/http/method': 'GET' },
  ],
  [
    '10',
    '9',
    'RPC_CLIENT',
    'GET /products',
    at(30, 5),
    at(30, 250),
    { '/http/url': url('product-catalog', '/products/sku-1'), '/http/status_code': '200' },
  ],
]);
const world = loadWorld(aWorld(aProject(SHOP, { traces: [checkout, home, product] })), {
  now: new Date('2026-11-21T12:00:00Z'),
});

let fake: FakeGoogle;
let trace: cloudtrace_v1.Cloudtrace;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  trace = cloudtrace({ version: 'v1', rootUrl: fakeRestRootUrl(fake), retry: false });
});
afterAll(async () => {
  await fake?.stop();
});

async function listIds(params: cloudtrace_v1.Params$Resource$Projects$Traces$List): Promise<string[]> {
  const { data } = await trace.projects.traces.list({ projectId: SHOP, ...params });
  return (data.traces ?? []).map((t) => String(t.traceId).slice(0, 1));
}

describe('traceRestHandler', () => {
  it.each([
    ['', ['3', '2', '1']],
    ['root:/product', ['3']],
    ['+root:/', ['2']],
    ['root:/', ['3', '2', '1']],
    ['span:POST', ['1']],
    ['+span:/orders', ['1']],
    ['/ord', ['1']],
    ['latency:1s', ['1']],
    ['latency:250ms', ['3', '1']],
    ['/http/status_code:50', ['1']],
    ['+/http/status_code:503', ['1']],
    ['status:200 method:GET', ['3', '2']],
    [`url:"${url('product-catalog', '')}"`, ['3']],
    ['g.co/r/cloud_run_revision/service_name:order', ['1']],
  ])('lists the traces matching %s, newest first', async (filter, expected) => {
    expect(await listIds({ filter })).toEqual(expected);
  });

  it('keeps the traces overlapping startTime and endTime', async () => {
    expect(await listIds({ startTime: at(15), endTime: at(30, 100) })).toEqual(['3', '2']);
    expect(await listIds({ endTime: at(10, 500) })).toEqual(['1']);
  });

  it('orders by duration and trace_id on request', async () => {
    expect(await listIds({ orderBy: 'duration desc' })).toEqual(['1', '3', '2']);
    expect(await listIds({ orderBy: 'trace_id' })).toEqual(['1', '2', '3']);
  });

  it('answers ids only in MINIMAL, the root span in ROOTSPAN and every span in COMPLETE', async () => {
    const view = async (v: string) =>
      (await trace.projects.traces.list({ projectId: SHOP, filter: 'root:/checkout', view: v })).data
        .traces?.[0];
    expect(await view('MINIMAL')).toEqual({ projectId: SHOP, traceId: ID(1) });
    expect((await view('ROOTSPAN'))?.spans?.map((s) => s.spanId)).toEqual(['1']);
    expect((await view('COMPLETE'))?.spans?.map((s) => [s.spanId, s.parentSpanId, s.kind])).toEqual([
      ['1', undefined, 'RPC_SERVER'],
      ['2', '1', 'RPC_CLIENT'],
      ['3', '2', 'RPC_SERVER'],
      ['4', '3', 'RPC_CLIENT'],
    ]);
  });

  it('pages with pageSize and pageToken', async () => {
    const first = await trace.projects.traces.list({ projectId: SHOP, pageSize: 2 });
    expect(first.data.traces?.map((t) => t.traceId)).toEqual([ID(3), ID(2)]);
    const second = await trace.projects.traces.list({
      projectId: SHOP,
      pageSize: 2,
      pageToken: first.data.nextPageToken ?? '',
    });
    expect(second.data.traces?.map((t) => t.traceId)).toEqual([ID(1)]);
    expect(second.data.nextPageToken).toBeUndefined();
  });

  it('gets one trace with all its spans', async () => {
    const { data } = await trace.projects.traces.get({ projectId: SHOP, traceId: ID(1) });
    expect(data.spans).toHaveLength(4);
    expect(data.spans?.[3]?.labels?.['/http/url']).toBe(url('payment', '/charges'));
  });

  it.each([
    ['OR', { filter: 'root:/ OR root:/checkout' }, 400, '"OR" is not supported'],
    ['negation', { filter: '-root:/' }, 400, '"-" is not supported'],
    ['service:', { filter: 'service:frontend' }, 400, '"service:" is not supported'],
    ['a bad latency', { filter: 'latency:fast' }, 400, 'latency'],
    ['a bad view', { view: 'FULL' }, 400, 'view'],
    ['a bad startTime', { startTime: 'yesterday' }, 400, 'startTime'],
    ['a bad orderBy', { orderBy: 'severity' }, 400, 'orderBy'],
    ['a bad page token', { pageToken: 'nope' }, 400, 'page_token'],
    ['a project outside the world', { projectId: 'unknown-project' }, 403, 'permission'],
  ])('answers %s with HTTP %s', async (_name, params, code, fragment) => {
    await expect(trace.projects.traces.list({ projectId: SHOP, ...params })).rejects.toMatchObject({
      status: code,
      message: expect.stringContaining(fragment),
    });
  });

  it('answers 404 for a trace that is not in the project', async () => {
    await expect(trace.projects.traces.get({ projectId: SHOP, traceId: ID(5) })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('logs REST calls under TraceService method names for failCall', async () => {
    fake.reset();
    fake.failCall('TraceService/ListTraces', 'UNAVAILABLE', { times: 1 });
    await expect(listIds({})).rejects.toMatchObject({ status: 503 });
    expect(await listIds({})).toEqual(['3', '2', '1']);
    expect(fake.calls('ListTraces').map((c) => c.code)).toEqual([14, 0]);
    fake.reset();
  });
});
