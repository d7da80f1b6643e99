import { MetricServiceClient, type protos } from '@google-cloud/monitoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOptions } from '../fake-client-options.ts';
import { loadWorld } from '../load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../start-fake-google.ts';
import { aCountSeries, aLatencySeries } from '../traffic-builders.ts';
import { aProject, aWorld } from '../world-builders.ts';

// The real @google-cloud/monitoring MetricServiceClient, over gRPC, against the fake.
type Request = protos.google.monitoring.v3.IListTimeSeriesRequest;
type Series = protos.google.monitoring.v3.ITimeSeries;

const SHOP = 'shop-prod';
const T = (minute: number) => `2026-11-21T11:0${minute}:00Z`;
const BOUNDS = [0, 10, 20, 40];
// Hand-made latencies of payment, buckets (-inf,0) [0,10) [10,20) [20,40) [40,inf).
const paymentLatency = aLatencySeries(SHOP, 'payment', BOUNDS, [
  [T(1), [0, 4, 1, 0, 0], 6],
  [T(2), [0, 1, 2, 2, 0], 20],
  [T(3), [0, 0, 0, 2, 0], 30],
]);
const paymentErrorLatency = aLatencySeries(SHOP, 'payment', BOUNDS, [[T(2), [0, 0, 2, 0, 0], 15]], {
  response_code_class: '5xx',
});
const world = loadWorld(
  aWorld(
    aProject(SHOP, {
      timeSeries: [
        aCountSeries(SHOP, 'frontend', { response_code_class: '2xx' }, [
          [T(1), 60],
          [T(2), 120],
          [T(3), 180],
        ]),
        aCountSeries(SHOP, 'frontend', { response_code_class: '5xx' }, [
          [T(2), 6],
          [T(3), 12],
        ]),
        aCountSeries(SHOP, 'payment', { response_code_class: '2xx' }, [
          [T(1), 30],
          [T(2), 30],
          [T(3), 0],
        ]),
        aCountSeries(SHOP, 'payment', { response_code_class: '5xx' }, [[T(3), 30]]),
        paymentLatency,
        paymentErrorLatency,
      ],
    }),
  ),
  { now: new Date('2026-11-21T12:00:00Z') },
);

let fake: FakeGoogle;
let client: MetricServiceClient;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  client = new MetricServiceClient(fakeClientOptions(fake));
});
afterAll(async () => {
  await client?.close();
  await fake?.stop();
});

const seconds = (time: string) => Date.parse(time) / 1000;
const COUNT = 'metric.type = "run.googleapis.com/request_count"';
const LATENCY = 'metric.type = "run.googleapis.com/request_latencies"';

async function list(filter: string, extra: Partial<Request> = {}): Promise<Series[]> {
  const [series] = await client.listTimeSeries({
    name: `projects/${SHOP}`,
    filter,
    interval: { startTime: { seconds: seconds(T(0)) }, endTime: { seconds: seconds(T(3)) } },
    ...extra,
  });
  return series;
}

const valuesOf = (series: Series) =>
  (series.points ?? []).map((p) => Number(p.value?.int64Value ?? p.value?.doubleValue));
const keyOf = (series: Series) =>
  `${series.resource?.labels?.service_name ?? '*'}/${series.metric?.labels?.response_code_class ?? '*'}`;

describe('monitoringService ListTimeSeries', () => {
  it.each([
    [countFilter(''), ['frontend/2xx', 'frontend/5xx', 'payment/2xx', 'payment/5xx']],
    [countFilter(' AND resource.labels.service_name = "payment"'), ['payment/2xx', 'payment/5xx']],
    [countFilter(' AND metric.labels.response_code_class = "5xx"'), ['frontend/5xx', 'payment/5xx']],
    [
      countFilter(' AND resource.type = "cloud_run_revision" AND metric.label.response_code_class != "2xx"'),
      ['frontend/5xx', 'payment/5xx'],
    ],
    [countFilter(' AND resource.labels.service_name = starts_with("pay")'), ['payment/2xx', 'payment/5xx']],
    [
      countFilter(' AND resource.labels.service_name = one_of("frontend", "cart")'),
      ['frontend/2xx', 'frontend/5xx'],
    ],
    [
      countFilter(
        ' AND (metric.labels.response_code_class = "5xx" OR resource.labels.service_name = "frontend")',
      ),
      ['frontend/2xx', 'frontend/5xx', 'payment/5xx'],
    ],
    [countFilter(' AND NOT resource.labels.service_name = "frontend"'), ['payment/2xx', 'payment/5xx']],
  ])('selects series with %s', async (filter, expected) => {
    expect((await list(filter)).map(keyOf)).toEqual(expected);
  });

  it('answers raw points newest first within the interval', async () => {
    const [frontend] = await list(`${COUNT} AND resource.labels.service_name = "frontend"`, {
      interval: { startTime: { seconds: seconds(T(2)) }, endTime: { seconds: seconds(T(3)) } },
    });
    expect(valuesOf(frontend as Series)).toEqual([180, 120]);
    expect(frontend?.points?.[0]?.interval).toEqual({
      startTime: { seconds: String(seconds(T(2))), nanos: 0 },
      endTime: { seconds: String(seconds(T(3))), nanos: 0 },
    });
  });

  it('sums deltas per period with ALIGN_DELTA and divides by the period with ALIGN_RATE', async () => {
    const aligned = (perSeriesAligner: 'ALIGN_DELTA' | 'ALIGN_RATE') =>
      list(
        `${COUNT} AND resource.labels.service_name = "frontend" AND metric.labels.response_code_class = "2xx"`,
        {
          aggregation: { alignmentPeriod: { seconds: 120 }, perSeriesAligner },
        },
      );
    const [delta] = await aligned('ALIGN_DELTA');
    // Periods end at 11:03 and 11:01: (11:01, 11:03] holds 120 + 180, (10:59, 11:01] holds 60.
    expect(valuesOf(delta as Series)).toEqual([300, 60]);
    expect(delta?.metricKind).toBe('DELTA');
    const [rate] = await aligned('ALIGN_RATE');
    expect(valuesOf(rate as Series)).toEqual([2.5, 0.5]);
    expect(rate).toMatchObject({ metricKind: 'GAUGE', valueType: 'DOUBLE' });
  });

  it('sums across series per group with REDUCE_SUM and groupByFields', async () => {
    const series = await list(COUNT, {
      aggregation: {
        alignmentPeriod: { seconds: 60 },
        perSeriesAligner: 'ALIGN_DELTA',
        crossSeriesReducer: 'REDUCE_SUM',
        groupByFields: ['metric.labels.response_code_class'],
      },
    });
    expect(series.map((s) => [keyOf(s), valuesOf(s)])).toEqual([
      ['*/2xx', [180, 150, 90]],
      ['*/5xx', [42, 6]],
    ]);
    // Only the grouped labels remain.
    expect(series[0]?.resource?.labels).toEqual({});
  });

  it('merges delta distributions: counts and buckets add, mean weighted, deviations combined', async () => {
    const [merged] = await list(`${LATENCY} AND metric.labels.response_code_class = "2xx"`, {
      aggregation: { alignmentPeriod: { seconds: 180 }, perSeriesAligner: 'ALIGN_DELTA' },
    });
    const d = merged?.points?.[0]?.value?.distributionValue;
    expect(merged?.points).toHaveLength(1);
    expect(d?.count).toBe('12');
    expect(d?.bucketCounts).toEqual(['0', '5', '3', '4', '0']);
    const mean = (5 * 6 + 5 * 20 + 2 * 30) / 12;
    expect(d?.mean).toBeCloseTo(mean, 10);
    expect(d?.sumOfSquaredDeviation).toBeCloseTo(
      5 * (6 - mean) ** 2 + 5 * (20 - mean) ** 2 + 2 * (30 - mean) ** 2,
      8,
    );
    expect(d?.bucketOptions?.explicitBuckets?.bounds).toEqual(BOUNDS);
  });

  it.each([
    // Merged buckets [0,5,3,4,0] of 12: rank 6 falls 1/3 into [10,20); 11.4 is 3.4/4 into [20,40).
    ['ALIGN_PERCENTILE_50', 10 + (10 * 1) / 3],
    ['ALIGN_PERCENTILE_95', 20 + (20 * 3.4) / 4],
    ['ALIGN_PERCENTILE_99', 20 + (20 * 3.88) / 4],
  ] as const)('interpolates %s inside the bucket holding the rank', async (perSeriesAligner, expected) => {
    const [series] = await list(`${LATENCY} AND metric.labels.response_code_class = "2xx"`, {
      aggregation: { alignmentPeriod: { seconds: 180 }, perSeriesAligner },
    });
    expect(series?.points?.[0]?.value?.doubleValue).toBeCloseTo(expected, 10);
  });

  it('merges distributions across series before REDUCE_PERCENTILE_95', async () => {
    const [series] = await list(LATENCY, {
      aggregation: {
        alignmentPeriod: { seconds: 180 },
        perSeriesAligner: 'ALIGN_DELTA',
        crossSeriesReducer: 'REDUCE_PERCENTILE_95',
        groupByFields: ['resource.labels.service_name'],
      },
    });
    // [0,5,3,4,0] + [0,0,2,0,0] = [0,5,5,4,0] of 14: rank 13.3 is 3.3/4 into [20,40).
    expect(series?.points?.[0]?.value?.doubleValue).toBeCloseTo(20 + (20 * 3.3) / 4, 10);
    expect(series?.resource?.labels).toEqual({ service_name: 'payment' });
  });

  it('answers headers without points in the HEADERS view', async () => {
    const series = await list(`${COUNT} AND resource.labels.service_name = "payment"`, { view: 'HEADERS' });
    expect(series.map((s) => [keyOf(s), s.points])).toEqual([
      ['payment/2xx', []],
      ['payment/5xx', []],
    ]);
  });

  it('pages FULL answers by points, continuing a series on the next page', async () => {
    const pages: Series[][] = [];
    let pageToken = '';
    do {
      const [series, , response] = await client.listTimeSeries(
        {
          name: `projects/${SHOP}`,
          filter: `${COUNT} AND resource.labels.service_name = "frontend"`,
          interval: { startTime: { seconds: seconds(T(0)) }, endTime: { seconds: seconds(T(3)) } },
          pageSize: 2,
          pageToken,
        },
        { autoPaginate: false },
      );
      pages.push(series);
      pageToken = response?.nextPageToken ?? '';
    } while (pageToken);
    expect(pages.map((page) => page.map((s) => [keyOf(s), valuesOf(s)]))).toEqual([
      [['frontend/2xx', [180, 120]]],
      [
        ['frontend/2xx', [60]],
        ['frontend/5xx', [12]],
      ],
      [['frontend/5xx', [6]]],
    ]);
  });

  it.each([
    [
      'a filter without a metric type',
      { filter: 'resource.labels.service_name = "payment"' },
      'single metric type',
    ],
    [
      'an unsupported selector',
      { filter: `${COUNT} AND metadata.user_labels.team = "x"` },
      'metadata.user_labels.team',
    ],
    ['an unsupported operator', { filter: `${COUNT} AND metric.labels.response_code > "4"` }, 'operator >'],
    [
      'an unsupported function',
      { filter: `${COUNT} AND resource.labels.service_name = matches("p")` },
      'matches()',
    ],
    [
      'ALIGN_RATE on distributions',
      { filter: LATENCY, aggregation: { alignmentPeriod: { seconds: 60 }, perSeriesAligner: 'ALIGN_RATE' } },
      'ALIGN_RATE needs numeric values',
    ],
    [
      'a percentile of counts',
      {
        filter: COUNT,
        aggregation: { alignmentPeriod: { seconds: 60 }, perSeriesAligner: 'ALIGN_PERCENTILE_99' },
      },
      'needs distribution values',
    ],
    [
      'an alignment period under a minute',
      { filter: COUNT, aggregation: { alignmentPeriod: { seconds: 30 }, perSeriesAligner: 'ALIGN_DELTA' } },
      'at least 60 seconds',
    ],
    [
      'a reducer without an aligner',
      { filter: COUNT, aggregation: { crossSeriesReducer: 'REDUCE_SUM' } },
      'needs a per-series aligner',
    ],
    [
      'an unsupported aligner',
      {
        filter: COUNT,
        aggregation: { alignmentPeriod: { seconds: 60 }, perSeriesAligner: 'ALIGN_NEXT_OLDER' },
      },
      'ALIGN_NEXT_OLDER',
    ],
    ['an orderBy', { filter: COUNT, orderBy: 'metric.type' }, 'orderBy'],
  ] as Array<[string, Partial<Request>, string]>)(
    'answers INVALID_ARGUMENT for %s',
    async (_name, extra, fragment) => {
      await expect(list(String(extra.filter), extra)).rejects.toMatchObject({
        code: 3,
        message: expect.stringContaining(fragment),
      });
    },
  );

  it('answers PERMISSION_DENIED for a project outside the world', async () => {
    await expect(
      client.listTimeSeries({
        name: 'projects/unknown-project',
        filter: COUNT,
        interval: { endTime: { seconds: seconds(T(3)) } },
      }),
    ).rejects.toMatchObject({ code: 7 });
  });
});

function countFilter(rest: string): string {
  return `${COUNT}${rest}`;
}
