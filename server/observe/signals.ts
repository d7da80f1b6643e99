import type { Workload } from '../../shared/inventory.ts';
import type { PartialFailure, Point, SignalsResponse, TimeRange } from '../../shared/observability.ts';
import type { MonitoringAdapter, RawTimeSeries, TimeSeriesQuery } from '../collect/monitoring-adapter.ts';
import { healthOf } from '../core/health.ts';
import { RANGES, windowOf } from './time-ranges.ts';
import { failureOf } from './upstream-failure.ts';

const REQUEST_COUNT = 'run.googleapis.com/request_count';
const REQUEST_LATENCIES = 'run.googleapis.com/request_latencies';
const INSTANCE_COUNT = 'run.googleapis.com/container/instance_count';

const q = (value: string) => JSON.stringify(value);

/** The Monitoring filter of one metric on one service's revisions. */
export function serviceMetricFilter(
  metric: string,
  workload: Pick<Workload, 'shortName' | 'location'>,
): string {
  return `metric.type = ${q(metric)} AND resource.type = "cloud_run_revision" AND resource.labels.service_name = ${q(workload.shortName)} AND resource.labels.location = ${q(workload.location)}`;
}

function pointValue(point: NonNullable<RawTimeSeries['points']>[number]): number | null {
  const v = point.value;
  if (!v) return null;
  if (v.doubleValue !== undefined && v.doubleValue !== null) return Number(v.doubleValue);
  if (v.int64Value !== undefined && v.int64Value !== null) return Number(v.int64Value);
  return null;
}

function seconds(t: { seconds?: unknown; nanos?: unknown } | null | undefined): number {
  return Number(t?.seconds ?? 0) + Number(t?.nanos ?? 0) / 1e9;
}

/** Values of aggregated series by period index (0 = the period ending at `to`), summed across series. */
function byPeriod(
  series: RawTimeSeries[],
  toSeconds: number,
  step: number,
  periods: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of series) {
    for (const point of s.points ?? []) {
      const value = pointValue(point);
      if (value === null) continue;
      const k = Math.round((toSeconds - seconds(point.interval?.endTime)) / step);
      if (k < 0 || k >= periods) continue;
      out.set(k, (out.get(k) ?? 0) + value);
    }
  }
  return out;
}

/**
 * Golden signals of one service over a range, aggregated by Cloud Monitoring: request rate and 5xx
 * ratio (request_count, ALIGN_DELTA + REDUCE_SUM by response_code_class), p50/p95/p99 latency
 * (request_latencies, ALIGN_DELTA + REDUCE_PERCENTILE_xx) and instances (instance_count, ALIGN_MAX +
 * REDUCE_SUM), per alignment period, plus the same over the whole range. A failed query leaves its
 * series empty and says so in `failures`.
 */
export async function readSignals(
  monitoring: MonitoringAdapter,
  workload: Workload,
  range: TimeRange,
  now: Date,
): Promise<SignalsResponse> {
  const { seconds: rangeSeconds, stepSeconds: step } = RANGES[range];
  const { from, to } = windowOf(range, now);
  const periods = Math.round(rangeSeconds / step);
  const failures: PartialFailure[] = [];
  const query = async (what: string, q: Omit<TimeSeriesQuery, 'project' | 'startTime' | 'endTime'>) => {
    try {
      return await monitoring.listTimeSeries({
        project: workload.project,
        startTime: from,
        endTime: to,
        ...q,
      });
    } catch (error) {
      failures.push(
        failureOf('monitoring', workload.project, `read ${what} of ${workload.shortName}`, error),
      );
      return undefined;
    }
  };
  const counts = (period: number) =>
    query('request counts', {
      filter: serviceMetricFilter(REQUEST_COUNT, workload),
      aggregation: {
        alignmentPeriodSeconds: period,
        perSeriesAligner: 'ALIGN_DELTA',
        crossSeriesReducer: 'REDUCE_SUM',
        groupByFields: ['metric.labels.response_code_class'],
      },
    });
  const latency = (percentile: 50 | 95 | 99, period: number) =>
    query(`p${percentile} latency`, {
      filter: serviceMetricFilter(REQUEST_LATENCIES, workload),
      aggregation: {
        alignmentPeriodSeconds: period,
        perSeriesAligner: 'ALIGN_DELTA',
        crossSeriesReducer: `REDUCE_PERCENTILE_${percentile}`,
      },
    });
  const [countSeries, p50, p95, p99, instances, p50All, p95All, p99All] = await Promise.all([
    counts(step),
    latency(50, step),
    latency(95, step),
    latency(99, step),
    query('instance count', {
      filter: serviceMetricFilter(INSTANCE_COUNT, workload),
      aggregation: {
        alignmentPeriodSeconds: step,
        perSeriesAligner: 'ALIGN_MAX',
        crossSeriesReducer: 'REDUCE_SUM',
      },
    }),
    latency(50, rangeSeconds),
    latency(95, rangeSeconds),
    latency(99, rangeSeconds),
  ]);

  const toSeconds = to.getTime() / 1000;
  const times = Array.from({ length: periods }, (_, i) =>
    new Date(to.getTime() - (periods - 1 - i) * step * 1000).toISOString(),
  );
  const grid = (
    values: Map<number, number> | undefined,
    map: (k: number, v: number) => number | null = (_k, v) => v,
  ): Point[] =>
    values === undefined
      ? []
      : times.map((t, i) => {
          const k = periods - 1 - i;
          const v = values.get(k);
          return { t, v: v === undefined ? null : map(k, v) };
        });
  const classOf = (s: RawTimeSeries) => s.metric?.labels?.response_code_class ?? '';
  const total = countSeries && byPeriod(countSeries, toSeconds, step, periods);
  const errors =
    countSeries &&
    byPeriod(
      countSeries.filter((s) => classOf(s) === '5xx'),
      toSeconds,
      step,
      periods,
    );
  const sum = (m: Map<number, number> | undefined) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);
  const allRequests = total ? sum(total) : null;
  const allErrors = errors ? sum(errors) : null;
  const ratio = allRequests && allErrors !== null ? allErrors / allRequests : null;
  const single = (series: RawTimeSeries[] | undefined) => {
    const points = (series ?? []).flatMap((s) => s.points ?? []);
    const value = points[0] ? pointValue(points[0]) : null;
    return value === null ? null : Math.round(value * 10) / 10;
  };
  const instanceGrid = grid(instances && byPeriod(instances, toSeconds, step, periods));
  const latestInstances = instanceGrid.findLast((p) => p.v !== null)?.v ?? null;

  return {
    resource: workload.name,
    range,
    from: from.toISOString(),
    to: to.toISOString(),
    stepSeconds: step,
    series: {
      requestsPerSecond: grid(total, (_k, v) => v / step),
      errorRatio: grid(total, (k, v) => (v > 0 ? (errors?.get(k) ?? 0) / v : null)),
      p50Ms: grid(p50 && byPeriod(p50, toSeconds, step, periods)),
      p95Ms: grid(p95 && byPeriod(p95, toSeconds, step, periods)),
      p99Ms: grid(p99 && byPeriod(p99, toSeconds, step, periods)),
      instances: instanceGrid,
    },
    summary: {
      requestsPerSecond: allRequests === null ? null : allRequests / rangeSeconds,
      errorRatio: ratio,
      p50Ms: single(p50All),
      p95Ms: single(p95All),
      p99Ms: single(p99All),
      instances: latestInstances,
      health: countSeries ? healthOf(ratio, allRequests) : 'unknown',
    },
    failures,
  };
}

/** Requests and 5xx per service of one project over a range, in one aggregated Monitoring query. */
export async function readServiceCounts(
  monitoring: MonitoringAdapter,
  project: string,
  from: Date,
  to: Date,
): Promise<Map<string, { requests: number; errors: number }>> {
  const series = await monitoring.listTimeSeries({
    project,
    filter: `metric.type = ${q(REQUEST_COUNT)} AND resource.type = "cloud_run_revision"`,
    startTime: from,
    endTime: to,
    aggregation: {
      alignmentPeriodSeconds: Math.round((to.getTime() - from.getTime()) / 1000),
      perSeriesAligner: 'ALIGN_DELTA',
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: [
        'resource.labels.service_name',
        'resource.labels.location',
        'metric.labels.response_code_class',
      ],
    },
  });
  const counts = new Map<string, { requests: number; errors: number }>();
  for (const s of series) {
    const labels = s.resource?.labels ?? {};
    const name = `projects/${project}/locations/${labels.location}/services/${labels.service_name}`;
    const value = (s.points ?? []).reduce((a, p) => a + (pointValue(p) ?? 0), 0);
    const c = counts.get(name) ?? { requests: 0, errors: 0 };
    c.requests += value;
    if (s.metric?.labels?.response_code_class === '5xx') c.errors += value;
    counts.set(name, c);
  }
  return counts;
}
