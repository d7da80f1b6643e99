import { GoogleApiError } from './google-api-error.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { formatTimestamp, parseTimestamp } from './timestamp.ts';

/** A google.api.Distribution with its numbers parsed; bucketOptions kept as JSON. */
export interface Distribution {
  count: number;
  mean: number;
  sumOfSquaredDeviation: number;
  bucketOptions: JsonObject;
  bucketCounts: number[];
  range?: { min: number; max: number };
}

type PointValue = number | boolean | Distribution;

interface Point {
  startMs: number;
  endMs: number;
  value: PointValue;
}

/** A world time series ready to query: its header and its points sorted by end time. */
export interface PreparedSeries {
  header: JsonObject;
  metricKind: string;
  valueType: string;
  points: Point[];
}

export interface TimeSeriesQuery {
  startMs: number;
  endMs: number;
  aggregation?: Aggregation;
  headersOnly: boolean;
}

export interface Aggregation {
  alignmentPeriodMs: number;
  perSeriesAligner: string;
  crossSeriesReducer: string;
  groupByFields: string[];
}

/** One series of a ListTimeSeries answer: its header and its points in proto3 JSON, newest first. */
export interface SeriesResult {
  header: JsonObject;
  points: JsonObject[];
}

/** Parses a validated world series once, so queries only slice and fold numbers. */
export function prepareSeries(json: JsonObject): PreparedSeries {
  const { points = [], ...header } = json as JsonObject & { points?: JsonObject[] };
  const valueType = String(json.valueType ?? 'VALUE_TYPE_UNSPECIFIED');
  const parsed = points.map((point) => {
    const interval = (point.interval ?? {}) as JsonObject;
    const endMs = timeMs(interval.endTime);
    const startMs = interval.startTime === undefined ? endMs : timeMs(interval.startTime);
    return { startMs, endMs, value: parseValue((point.value ?? {}) as JsonObject) };
  });
  parsed.sort((a, b) => a.endMs - b.endMs);
  return { header, metricKind: String(json.metricKind ?? ''), valueType, points: parsed };
}

function timeMs(value: unknown): number {
  const time = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (!time) throw new Error(`not a timestamp: ${String(value)}`);
  return time.ms;
}

function parseValue(value: JsonObject): PointValue {
  if (value.distributionValue !== undefined) return parseDistribution(value.distributionValue as JsonObject);
  if (value.boolValue !== undefined) return Boolean(value.boolValue);
  if (value.int64Value !== undefined) return Number(value.int64Value);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  return 0;
}

export function parseDistribution(json: JsonObject): Distribution {
  const range = json.range as JsonObject | undefined;
  return {
    count: Number(json.count ?? 0),
    mean: Number(json.mean ?? 0),
    sumOfSquaredDeviation: Number(json.sumOfSquaredDeviation ?? 0),
    bucketOptions: (json.bucketOptions ?? {}) as JsonObject,
    bucketCounts: ((json.bucketCounts ?? []) as unknown[]).map(Number),
    ...(range ? { range: { min: Number(range.min ?? 0), max: Number(range.max ?? 0) } } : {}),
  };
}

const PERCENTILES: Record<string, number> = {
  ALIGN_PERCENTILE_50: 50,
  ALIGN_PERCENTILE_95: 95,
  ALIGN_PERCENTILE_99: 99,
  ALIGN_PERCENTILE_05: 5,
  REDUCE_PERCENTILE_50: 50,
  REDUCE_PERCENTILE_95: 95,
  REDUCE_PERCENTILE_99: 99,
  REDUCE_PERCENTILE_05: 5,
};
const ALIGNERS = new Set([
  'ALIGN_NONE',
  'ALIGN_DELTA',
  'ALIGN_RATE',
  'ALIGN_MEAN',
  'ALIGN_MIN',
  'ALIGN_MAX',
  'ALIGN_SUM',
  'ALIGN_PERCENTILE_50',
  'ALIGN_PERCENTILE_95',
  'ALIGN_PERCENTILE_99',
  'ALIGN_PERCENTILE_05',
]);
const REDUCERS = new Set([
  'REDUCE_NONE',
  'REDUCE_SUM',
  'REDUCE_MEAN',
  'REDUCE_MIN',
  'REDUCE_MAX',
  'REDUCE_COUNT',
  'REDUCE_PERCENTILE_50',
  'REDUCE_PERCENTILE_95',
  'REDUCE_PERCENTILE_99',
  'REDUCE_PERCENTILE_05',
]);

/** Checks an aggregation as ListTimeSeries does, before any data is read. */
export function checkAggregation(aggregation: Aggregation): void {
  const { perSeriesAligner: aligner, crossSeriesReducer: reducer, alignmentPeriodMs } = aggregation;
  if (!ALIGNERS.has(aligner)) {
    throw GoogleApiError.invalidArgument(`The aligner ${aligner} is not supported by the fake.`);
  }
  if (!REDUCERS.has(reducer)) {
    throw GoogleApiError.invalidArgument(`The reducer ${reducer} is not supported by the fake.`);
  }
  if (aligner !== 'ALIGN_NONE' && alignmentPeriodMs < 60_000) {
    throw GoogleApiError.invalidArgument(
      'The alignment period must be at least 60 seconds when a per-series aligner is set.',
    );
  }
  if (reducer !== 'REDUCE_NONE' && aligner === 'ALIGN_NONE') {
    throw GoogleApiError.invalidArgument(
      'A cross-series reducer needs a per-series aligner other than ALIGN_NONE and an alignment period.',
    );
  }
  if (reducer === 'REDUCE_NONE' && aggregation.groupByFields.length > 0) {
    throw GoogleApiError.invalidArgument('groupByFields needs a cross-series reducer.');
  }
  for (const field of aggregation.groupByFields) groupKeyReader(field);
}

/**
 * Runs a ListTimeSeries query over the series that passed the filter: raw points in the interval, or
 * aligned per series into periods ending at the interval's end (E, E-P, E-2P, … after S), then reduced
 * across series per group. Periods without data are left out. Answers newest points first.
 */
export function queryTimeSeries(series: PreparedSeries[], query: TimeSeriesQuery): SeriesResult[] {
  const aggregation = query.aggregation;
  const aligner = aggregation?.perSeriesAligner ?? 'ALIGN_NONE';
  if (!aggregation || aligner === 'ALIGN_NONE') {
    return series.flatMap((s) => {
      const points = s.points.filter((p) => p.endMs >= query.startMs && p.endMs <= query.endMs);
      if (points.length === 0) return [];
      return [
        {
          header: s.header,
          points: query.headersOnly ? [] : points.reverse().map((p) => pointJson(p, s.valueType)),
        },
      ];
    });
  }
  const aligned = series.flatMap((s) => {
    const result = align(s, aggregation, query);
    return result.points.size === 0 ? [] : [result];
  });
  const reduced = aggregation.crossSeriesReducer === 'REDUCE_NONE' ? aligned : reduce(aligned, aggregation);
  return reduced.map((s) => ({
    header: s.header,
    points: query.headersOnly
      ? []
      : [...s.points.entries()]
          .sort(([a], [b]) => b - a)
          .map(([endMs, value]) =>
            pointJson(
              {
                startMs: s.metricKind === 'DELTA' ? endMs - aggregation.alignmentPeriodMs : endMs,
                endMs,
                value,
              },
              s.valueType,
            ),
          ),
  }));
}

interface AlignedSeries {
  header: JsonObject;
  metricKind: string;
  valueType: string;
  /** Values by period end. */
  points: Map<number, PointValue>;
}

function align(series: PreparedSeries, aggregation: Aggregation, query: TimeSeriesQuery): AlignedSeries {
  const aligner = aggregation.perSeriesAligner;
  const period = aggregation.alignmentPeriodMs;
  const { metricKind, valueType } = series;
  const isDistribution = valueType === 'DISTRIBUTION';
  const numeric = valueType === 'INT64' || valueType === 'DOUBLE';
  const metric = `${String((series.header.metric as JsonObject | undefined)?.type ?? '')} (${metricKind} ${valueType})`;
  const refuse = (why: string) => GoogleApiError.invalidArgument(`${aligner} ${why}; ${metric} is not.`);

  let outKind = metricKind;
  let outType = valueType;
  let fold: (values: PointValue[]) => PointValue;
  switch (aligner) {
    case 'ALIGN_DELTA':
      if (metricKind !== 'DELTA') throw refuse('is valid for DELTA metrics in the fake');
      if (!numeric && !isDistribution) throw refuse('needs numeric or distribution values');
      fold = (values) =>
        isDistribution ? mergeDistributions(values as Distribution[]) : sum(values as number[]);
      break;
    case 'ALIGN_RATE':
      if (metricKind !== 'DELTA') throw refuse('is valid for DELTA metrics in the fake');
      if (!numeric) throw refuse('needs numeric values');
      outKind = 'GAUGE';
      outType = 'DOUBLE';
      fold = (values) => sum(values as number[]) / (period / 1000);
      break;
    case 'ALIGN_SUM':
      if (!numeric && !isDistribution) throw refuse('needs numeric or distribution values');
      fold = (values) =>
        isDistribution ? mergeDistributions(values as Distribution[]) : sum(values as number[]);
      break;
    case 'ALIGN_MEAN':
      if (!numeric) throw refuse('needs numeric values');
      outKind = 'GAUGE';
      outType = 'DOUBLE';
      fold = (values) => sum(values as number[]) / values.length;
      break;
    case 'ALIGN_MIN':
    case 'ALIGN_MAX':
      if (!numeric) throw refuse('needs numeric values');
      outKind = 'GAUGE';
      fold = (values) =>
        aligner === 'ALIGN_MIN' ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
      break;
    default: {
      const percentile = PERCENTILES[aligner] ?? 50;
      if (!isDistribution) throw refuse('needs distribution values');
      outKind = 'GAUGE';
      outType = 'DOUBLE';
      fold = (values) => distributionPercentile(mergeDistributions(values as Distribution[]), percentile);
    }
  }

  const points = new Map<number, PointValue>();
  // Periods end at E, E-P, …; a point belongs to the period holding its end time: (end - P, end].
  const ends = series.points.filter((p) => p.endMs > query.startMs - period && p.endMs <= query.endMs);
  const buckets = new Map<number, PointValue[]>();
  for (const point of ends) {
    const k = Math.floor((query.endMs - point.endMs) / period);
    const periodEnd = query.endMs - k * period;
    if (periodEnd <= query.startMs && !(query.startMs === query.endMs && periodEnd === query.endMs)) continue;
    const list = buckets.get(periodEnd) ?? [];
    list.push(point.value);
    buckets.set(periodEnd, list);
  }
  for (const [periodEnd, values] of buckets) {
    const value = fold(values);
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    points.set(periodEnd, value);
  }
  return {
    header: { ...series.header, metricKind: outKind, valueType: outType },
    metricKind: outKind,
    valueType: outType,
    points,
  };
}

function reduce(series: AlignedSeries[], aggregation: Aggregation): AlignedSeries[] {
  const reducer = aggregation.crossSeriesReducer;
  const readers = aggregation.groupByFields.map((field) => ({ field, read: groupKeyReader(field) }));
  const groups = new Map<string, AlignedSeries[]>();
  for (const s of series) {
    const key = JSON.stringify(readers.map((r) => r.read(s.header) ?? null));
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  const out: AlignedSeries[] = [];
  for (const members of groups.values()) {
    const first = members[0] as AlignedSeries;
    const isDistribution = first.valueType === 'DISTRIBUTION';
    const numeric = first.valueType === 'INT64' || first.valueType === 'DOUBLE';
    const refuse = (why: string) =>
      GoogleApiError.invalidArgument(`${reducer} ${why}; the aligned series hold ${first.valueType} values.`);
    let outType = first.valueType;
    let fold: (values: PointValue[]) => PointValue;
    switch (reducer) {
      case 'REDUCE_SUM':
        if (!numeric && !isDistribution) throw refuse('needs numeric or distribution values');
        fold = (values) =>
          isDistribution ? mergeDistributions(values as Distribution[]) : sum(values as number[]);
        break;
      case 'REDUCE_MEAN':
        if (!numeric) throw refuse('needs numeric values');
        outType = 'DOUBLE';
        fold = (values) => sum(values as number[]) / values.length;
        break;
      case 'REDUCE_MIN':
      case 'REDUCE_MAX':
        if (!numeric) throw refuse('needs numeric values');
        fold = (values) =>
          reducer === 'REDUCE_MIN' ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
        break;
      case 'REDUCE_COUNT':
        outType = 'INT64';
        fold = (values) => values.length;
        break;
      default: {
        const percentile = PERCENTILES[reducer] ?? 50;
        if (!numeric && !isDistribution) throw refuse('needs numeric or distribution values');
        outType = 'DOUBLE';
        fold = (values) =>
          isDistribution
            ? distributionPercentile(mergeDistributions(values as Distribution[]), percentile)
            : valuesPercentile(values as number[], percentile);
      }
    }
    const byTime = new Map<number, PointValue[]>();
    for (const member of members) {
      for (const [time, value] of member.points) {
        const list = byTime.get(time) ?? [];
        list.push(value);
        byTime.set(time, list);
      }
    }
    const points = new Map<number, PointValue>();
    for (const [time, values] of byTime) {
      const value = fold(values);
      if (typeof value === 'number' && Number.isNaN(value)) continue;
      points.set(time, value);
    }
    const outKind =
      PERCENTILES[reducer] !== undefined || reducer === 'REDUCE_MEAN' ? 'GAUGE' : first.metricKind;
    out.push({
      header: groupedHeader(first.header, aggregation.groupByFields, outKind, outType),
      metricKind: outKind,
      valueType: outType,
      points,
    });
  }
  return out;
}

/** A reduced series keeps only the labels it was grouped by (and both types). */
function groupedHeader(
  header: JsonObject,
  fields: string[],
  metricKind: string,
  valueType: string,
): JsonObject {
  const metric = (header.metric ?? {}) as JsonObject;
  const resource = (header.resource ?? {}) as JsonObject;
  const metricLabels: Record<string, unknown> = {};
  const resourceLabels: Record<string, unknown> = {};
  for (const field of fields) {
    const match = /^(metric|resource)\.labels?\.(.+)$/.exec(field);
    if (!match) continue;
    const [, owner, key = ''] = match;
    const source = ((owner === 'metric' ? metric.labels : resource.labels) ?? {}) as JsonObject;
    if (source[key] === undefined) continue;
    (owner === 'metric' ? metricLabels : resourceLabels)[key] = source[key];
  }
  return {
    metric: { type: metric.type, labels: metricLabels },
    resource: { type: resource.type, labels: resourceLabels },
    metricKind,
    valueType,
    ...(header.unit === undefined ? {} : { unit: header.unit }),
  };
}

function groupKeyReader(field: string): (header: JsonObject) => unknown {
  const match = /^(metric|resource)\.labels?\.([A-Za-z0-9_./-]+)$/.exec(field);
  if (match) {
    const [, owner = '', key = ''] = match;
    return (header) => ((header[owner] as JsonObject | undefined)?.labels as JsonObject | undefined)?.[key];
  }
  if (field === 'resource.type') return (header) => (header.resource as JsonObject | undefined)?.type;
  if (field === 'metric.type') return (header) => (header.metric as JsonObject | undefined)?.type;
  throw GoogleApiError.invalidArgument(
    `The group-by field "${field}" is not supported by the fake (metric.labels.KEY, resource.labels.KEY, resource.type).`,
  );
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Merges delta distributions with the same bucket options: counts and bucket counts add, the mean is
 * the weighted mean and the squared deviations combine by the parallel-variance formula.
 */
export function mergeDistributions(values: Distribution[]): Distribution {
  const nonEmpty = values.filter((d) => d.count > 0);
  const first = nonEmpty[0] ?? values[0];
  if (!first) throw new Error('no distributions to merge');
  const optionsKey = canonicalJson(first.bucketOptions);
  let count = 0;
  let weighted = 0;
  for (const d of nonEmpty) {
    if (canonicalJson(d.bucketOptions) !== optionsKey) {
      throw GoogleApiError.invalidArgument(
        'The fake cannot merge distributions with different bucket options in one aggregation.',
      );
    }
    count += d.count;
    weighted += d.count * d.mean;
  }
  const mean = count === 0 ? 0 : weighted / count;
  let ssd = 0;
  const bucketCounts: number[] = [];
  let range: { min: number; max: number } | undefined;
  let allRanged = nonEmpty.length > 0;
  for (const d of nonEmpty) {
    ssd += d.sumOfSquaredDeviation + d.count * (d.mean - mean) ** 2;
    d.bucketCounts.forEach((c, i) => {
      bucketCounts[i] = (bucketCounts[i] ?? 0) + c;
    });
    if (!d.range) allRanged = false;
    else
      range = range
        ? { min: Math.min(range.min, d.range.min), max: Math.max(range.max, d.range.max) }
        : d.range;
  }
  return {
    count,
    mean,
    sumOfSquaredDeviation: ssd,
    bucketOptions: first.bucketOptions,
    bucketCounts: Array.from(bucketCounts, (c) => c ?? 0),
    ...(allRanged && range ? { range } : {}),
  };
}

/** The [lower, upper) bounds of bucket i (0 is the underflow bucket) of google.api.Distribution. */
export function bucketBounds(options: JsonObject, i: number): [number, number] {
  const linear = options.linearBuckets as JsonObject | undefined;
  const exponential = options.exponentialBuckets as JsonObject | undefined;
  const explicit = options.explicitBuckets as JsonObject | undefined;
  if (linear) {
    const n = Number(linear.numFiniteBuckets ?? 0);
    const width = Number(linear.width ?? 0);
    const offset = Number(linear.offset ?? 0);
    const lower = i === 0 ? Number.NEGATIVE_INFINITY : offset + width * (i - 1);
    const upper = i > n ? Number.POSITIVE_INFINITY : offset + width * i;
    return [lower, upper];
  }
  if (exponential) {
    const n = Number(exponential.numFiniteBuckets ?? 0);
    const growth = Number(exponential.growthFactor ?? 0);
    const scale = Number(exponential.scale ?? 0);
    const lower = i === 0 ? Number.NEGATIVE_INFINITY : scale * growth ** (i - 1);
    const upper = i > n ? Number.POSITIVE_INFINITY : scale * growth ** i;
    return [lower, upper];
  }
  const bounds = ((explicit?.bounds ?? []) as unknown[]).map(Number);
  const lower = i === 0 ? Number.NEGATIVE_INFINITY : (bounds[i - 1] ?? Number.POSITIVE_INFINITY);
  const upper = i >= bounds.length ? Number.POSITIVE_INFINITY : (bounds[i] as number);
  return [lower, upper];
}

/**
 * The p-th percentile of a distribution, interpolated linearly inside the bucket that holds the rank
 * p/100 × count. The underflow bucket reads as its upper bound (or 0 below a positive one), the
 * overflow bucket as its lower bound. NaN for an empty distribution.
 */
export function distributionPercentile(d: Distribution, p: number): number {
  if (d.count <= 0) return Number.NaN;
  const rank = (p / 100) * d.count;
  let cumulative = 0;
  for (let i = 0; i < d.bucketCounts.length; i += 1) {
    const c = d.bucketCounts[i] ?? 0;
    if (c > 0 && cumulative + c >= rank) {
      const [lower, upper] = bucketBounds(d.bucketOptions, i);
      if (!Number.isFinite(upper)) return lower;
      const low = Number.isFinite(lower) ? lower : Math.min(0, upper);
      return low + ((upper - low) * (rank - cumulative)) / c;
    }
    cumulative += c;
  }
  return d.mean;
}

/** Percentile across plain values, interpolating between the closest ranks. */
function valuesPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (p / 100) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}

function pointJson(point: Point, valueType: string): JsonObject {
  const interval = {
    startTime: formatTimestamp({ ms: point.startMs, subMsNanos: 0 }),
    endTime: formatTimestamp({ ms: point.endMs, subMsNanos: 0 }),
  };
  return { interval, value: valueJson(point.value, valueType) };
}

function valueJson(value: PointValue, valueType: string): JsonObject {
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return valueType === 'INT64' ? { int64Value: String(Math.round(value)) } : { doubleValue: value };
  }
  return {
    distributionValue: {
      count: String(value.count),
      mean: value.mean,
      sumOfSquaredDeviation: value.sumOfSquaredDeviation,
      bucketOptions: value.bucketOptions,
      bucketCounts: value.bucketCounts.map(String),
      ...(value.range ? { range: value.range } : {}),
    },
  };
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as JsonObject)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(Number.isFinite(Number(v)) && typeof v === 'string' ? Number(v) : v)}`).join(',')}}`;
}
