import { GoogleApiError } from '../google-api-error.ts';
import {
  type Aggregation,
  checkAggregation,
  type PreparedSeries,
  prepareSeries,
  queryTimeSeries,
} from '../monitoring-aggregation.ts';
import { parseMonitoringFilter } from '../monitoring-filter.ts';
import { paginate } from '../paginate.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import type { FakeGrpcService, UnaryHandler } from '../registry.ts';
import { isProjectRef, splitResourceName } from '../resource-names.ts';
import { perProject } from './per-project.ts';
import { visibleProject } from './visible-project.ts';

interface ProtoTime {
  seconds: string | number;
  nanos: number;
}

interface ListTimeSeriesRequest {
  name: string;
  filter: string;
  interval: { startTime: ProtoTime | null; endTime: ProtoTime | null } | null;
  aggregation: {
    alignmentPeriod: ProtoTime | null;
    perSeriesAligner: string;
    crossSeriesReducer: string;
    groupByFields: string[];
  } | null;
  secondaryAggregation: { perSeriesAligner: string; crossSeriesReducer: string } | null;
  orderBy: string;
  view: string;
  pageSize: number;
  pageToken: string;
}

// metric_service.proto: "If page_size is empty or more than 100,000 results, the effective page_size
// is 100,000 results. If view is set to FULL, this is the maximum number of Points returned. If view
// is set to HEADERS, this is the maximum number of TimeSeries returned."
const MONITORING_PAGE_LIMITS = { defaultSize: 100_000, maxSize: 100_000 };

/**
 * google.monitoring.v3.MetricService, the service behind MetricServiceClient: ListTimeSeries over the
 * world's timeSeries of `projects/{project}`, with the filter of monitoring-filter.ts, the interval,
 * the aggregation of monitoring-aggregation.ts, FULL and HEADERS views, and pagination.
 */
export function monitoringService(): FakeGrpcService {
  const seriesOf = perProject((project): PreparedSeries[] => project.timeSeries.map(prepareSeries));

  const listTimeSeries: UnaryHandler = (raw, context) => {
    const request = raw as unknown as ListTimeSeriesRequest;
    const [ref = ''] = splitResourceName(request.name, ['projects']) ?? [];
    if (!isProjectRef(ref)) {
      throw GoogleApiError.invalidArgument(
        `Invalid name "${request.name}": the fake reads projects/{project} only (not organizations or folders).`,
      );
    }
    const project = visibleProject(context, ref, () =>
      GoogleApiError.denied(`Permission monitoring.timeSeries.list denied (or the resource may not exist).`),
    );
    if (request.orderBy) {
      throw GoogleApiError.invalidArgument('Field orderBy is not supported: it must be left blank.');
    }
    const secondary = request.secondaryAggregation;
    if (
      secondary &&
      (secondary.perSeriesAligner !== 'ALIGN_NONE' || secondary.crossSeriesReducer !== 'REDUCE_NONE')
    ) {
      throw GoogleApiError.invalidArgument('secondaryAggregation is not supported by the fake.');
    }
    const startMs = protoTimeMs(request.interval?.startTime);
    const endMs = protoTimeMs(request.interval?.endTime);
    if (endMs === undefined) throw GoogleApiError.invalidArgument('Field interval.endTime is required.');
    if (startMs !== undefined && startMs > endMs) {
      throw GoogleApiError.invalidArgument(
        'Field interval.startTime must not be later than interval.endTime.',
      );
    }
    const aggregation = aggregationOf(request);
    const matches = parseMonitoringFilter(request.filter);
    const headersOnly = request.view === 'HEADERS';
    const results = queryTimeSeries(
      seriesOf(project).filter((s) => matches(s.header)),
      {
        startMs: startMs ?? endMs,
        endMs,
        headersOnly,
        ...(aggregation ? { aggregation } : {}),
      },
    );

    // FULL pages count points, so a series may continue on the next page; HEADERS pages count series.
    const units = headersOnly
      ? results.map((result, index) => ({ index, point: undefined as JsonObject | undefined }))
      : results.flatMap((result, index) => result.points.map((point) => ({ index, point })));
    const { pageSize, pageToken } = request;
    const page = paginate(
      units,
      {
        pageSize,
        pageToken,
        queryKey: JSON.stringify([
          project.projectId,
          request.filter,
          request.interval,
          request.aggregation,
          request.view,
        ]),
      },
      MONITORING_PAGE_LIMITS,
    );
    const timeSeries: JsonObject[] = [];
    let current: { index: number; series: JsonObject & { points: JsonObject[] } } | undefined;
    for (const unit of page.items) {
      if (current?.index !== unit.index) {
        const result = results[unit.index];
        current = { index: unit.index, series: { ...result?.header, points: [] } };
        timeSeries.push(current.series);
      }
      if (unit.point) current.series.points.push(unit.point);
    }
    return { timeSeries, nextPageToken: page.nextPageToken, executionErrors: [] };
  };

  return { name: 'google.monitoring.v3.MetricService', methods: { ListTimeSeries: listTimeSeries } };
}

function protoTimeMs(time: ProtoTime | null | undefined): number | undefined {
  if (!time) return undefined;
  return Number(time.seconds) * 1000 + Math.floor(time.nanos / 1e6);
}

function aggregationOf(request: ListTimeSeriesRequest): Aggregation | undefined {
  const a = request.aggregation;
  if (!a) return undefined;
  const aggregation: Aggregation = {
    alignmentPeriodMs: protoTimeMs(a.alignmentPeriod) ?? 0,
    perSeriesAligner: a.perSeriesAligner || 'ALIGN_NONE',
    crossSeriesReducer: a.crossSeriesReducer || 'REDUCE_NONE',
    groupByFields: a.groupByFields ?? [],
  };
  checkAggregation(aggregation);
  return aggregation;
}
