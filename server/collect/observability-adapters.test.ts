import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOptions, fakeRestRootUrl } from '../fake-google/fake-client-options.ts';
import { loadWorld } from '../fake-google/load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../fake-google/start-fake-google.ts';
import { aCountSeries, aRequestLog, aTrace } from '../fake-google/traffic-builders.ts';
import { aProject, aWorld } from '../fake-google/world-builders.ts';
import { GoogleLoggingAdapter } from './logging-adapter.ts';
import { GoogleMonitoringAdapter } from './monitoring-adapter.ts';
import { GoogleTraceAdapter } from './trace-adapter.ts';

// The Logging, Monitoring and Trace adapters over the real clients, against the fake on loopback.
const SHOP = 'shop-prod';
const minute = (m: number) => new Date(Date.parse('2026-11-21T11:00:00Z') + m * 60_000).toISOString();
const world = loadWorld(
  aWorld(
    aProject(SHOP, {
      logEntries: Array.from({ length: 5 }, (_, i) =>
        aRequestLog(SHOP, 'payment', { timestamp: minute(i), status: i % 2 ? 503 : 200, insertId: `e${i}` }),
      ),
      timeSeries: [
        aCountSeries(
          SHOP,
          'payment',
          { response_code_class: '2xx' },
          Array.from({ length: 5 }, (_, i) => [minute(i + 1), 10 + i] as [string, number]),
        ),
      ],
      traces: [
        aTrace(SHOP, 'a'.repeat(32), [['1', undefined, 'RPC_SERVER', '/charges', minute(1), minute(1.01)]]),
        aTrace(SHOP, 'b'.repeat(32), [['1', undefined, 'RPC_SERVER', '/refunds', minute(2), minute(2.01)]]),
      ],
    }),
  ),
  { now: new Date('2026-11-21T12:00:00Z') },
);

let fake: FakeGoogle;
let logging: GoogleLoggingAdapter;
let monitoring: GoogleMonitoringAdapter;
let trace: GoogleTraceAdapter;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  logging = new GoogleLoggingAdapter(fakeClientOptions(fake));
  monitoring = new GoogleMonitoringAdapter(fakeClientOptions(fake));
  trace = new GoogleTraceAdapter({ rootUrl: fakeRestRootUrl(fake), auth: 'none' });
});
afterAll(async () => {
  await Promise.all([logging?.close(), monitoring?.close()]);
  await fake?.stop();
});

describe('GoogleLoggingAdapter', () => {
  it('lists one page newest first and hands back the token of the next', async () => {
    const first = await logging.listEntries({
      projects: [SHOP],
      filter: 'httpRequest.status>=200',
      pageSize: 2,
    });
    expect(first.entries.map((e) => e.insertId)).toEqual(['e4', 'e3']);
    expect(first.entries[1]?.httpRequest?.status).toBe(503);
    const rest = await logging.listEntries({
      projects: [SHOP],
      filter: 'httpRequest.status>=200',
      pageSize: 2,
      pageToken: first.nextPageToken ?? '',
    });
    expect(rest.entries.map((e) => e.insertId)).toEqual(['e2', 'e1']);
  });

  it('adds no timestamp restriction of its own', async () => {
    await logging.listEntries({ projects: [SHOP], filter: 'severity>=ERROR' });
    expect(fake.calls('ListLogEntries').at(-1)?.request.filter).toBe('severity>=ERROR');
  });
});

describe('GoogleMonitoringAdapter', () => {
  it('joins a series that continues across pages', async () => {
    fake.reset();
    const series = await monitoring.listTimeSeries({
      project: SHOP,
      filter: 'metric.type = "run.googleapis.com/request_count"',
      startTime: new Date(minute(0)),
      endTime: new Date(minute(5)),
      pageSize: 2,
    });
    expect(fake.calls('ListTimeSeries')).toHaveLength(3);
    expect(series).toHaveLength(1);
    expect(series[0]?.points?.map((p) => Number(p.value?.int64Value))).toEqual([14, 13, 12, 11, 10]);
  });

  it('sends the aggregation', async () => {
    const [rate] = await monitoring.listTimeSeries({
      project: SHOP,
      filter: 'metric.type = "run.googleapis.com/request_count"',
      startTime: new Date(minute(0)),
      endTime: new Date(minute(5)),
      aggregation: {
        alignmentPeriodSeconds: 300,
        perSeriesAligner: 'ALIGN_RATE',
        crossSeriesReducer: 'REDUCE_SUM',
      },
    });
    expect(rate?.points?.map((p) => p.value?.doubleValue)).toEqual([60 / 300]);
  });
});

describe('GoogleTraceAdapter', () => {
  it('lists and gets traces over REST without credentials', async () => {
    const page = await trace.listTraces({
      project: SHOP,
      view: 'ROOTSPAN',
      startTime: minute(0),
      endTime: minute(3),
    });
    expect(page.traces.map((t) => t.spans?.[0]?.name)).toEqual(['/refunds', '/charges']);
    expect(page.nextPageToken).toBeUndefined();
    const full = await trace.getTrace(SHOP, 'a'.repeat(32));
    expect(full.spans?.[0]?.name).toBe('/charges');
  });

  it('surfaces INVALID_ARGUMENT for filter syntax the fake does not support', async () => {
    await expect(trace.listTraces({ project: SHOP, filter: 'root:/a OR root:/b' })).rejects.toMatchObject({
      status: 400,
    });
  });
});
