import { MetricServiceClient, type protos } from '@google-cloud/monitoring';

export type RawTimeSeries = protos.google.monitoring.v3.ITimeSeries;
type Aligner = keyof typeof protos.google.monitoring.v3.Aggregation.Aligner;
type Reducer = keyof typeof protos.google.monitoring.v3.Aggregation.Reducer;

/** A Cloud Monitoring timeSeries.list query over one project. */
export interface TimeSeriesQuery {
  project: string;
  /** A Monitoring filter naming one metric type, e.g. `metric.type = "run.googleapis.com/request_count"`. */
  filter: string;
  startTime: Date;
  endTime: Date;
  aggregation?: {
    alignmentPeriodSeconds: number;
    perSeriesAligner: Aligner;
    crossSeriesReducer?: Reducer;
    groupByFields?: string[];
  };
  /** HEADERS leaves the points out. */
  view?: 'FULL' | 'HEADERS';
  /** Points (FULL) or series (HEADERS) per page; the API's default is 100,000. */
  pageSize?: number;
}

/** Read-only access to Cloud Monitoring v3 timeSeries.list. */
export interface MonitoringAdapter {
  /** Every matching series, across pages; points newest first as the API answers them. */
  listTimeSeries(query: TimeSeriesQuery): Promise<RawTimeSeries[]>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;
/** Enough for a week of 1-minute points on dozens of series; a runaway query fails instead of looping. */
const MAX_PAGES = 50;

/** MonitoringAdapter over @google-cloud/monitoring's real v3 gRPC MetricServiceClient. */
export class GoogleMonitoringAdapter implements MonitoringAdapter {
  private readonly client: MetricServiceClient;

  constructor(options: ConstructorParameters<typeof MetricServiceClient>[0] = {}) {
    this.client = new MetricServiceClient(options);
  }

  async listTimeSeries(query: TimeSeriesQuery): Promise<RawTimeSeries[]> {
    const { aggregation } = query;
    const request: protos.google.monitoring.v3.IListTimeSeriesRequest = {
      name: `projects/${query.project}`,
      filter: query.filter,
      interval: { startTime: timestamp(query.startTime), endTime: timestamp(query.endTime) },
      view: query.view ?? 'FULL',
      pageSize: query.pageSize ?? 0,
      ...(aggregation
        ? {
            aggregation: {
              alignmentPeriod: { seconds: aggregation.alignmentPeriodSeconds },
              perSeriesAligner: aggregation.perSeriesAligner,
              crossSeriesReducer: aggregation.crossSeriesReducer ?? 'REDUCE_NONE',
              groupByFields: aggregation.groupByFields ?? [],
            },
          }
        : {}),
    };
    const out: RawTimeSeries[] = [];
    let pageToken = '';
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const [series, , response] = await this.client.listTimeSeries(
        { ...request, pageToken },
        { autoPaginate: false, timeout: CALL_TIMEOUT_MS },
      );
      for (const s of series) appendSeries(out, s);
      pageToken = response?.nextPageToken ?? '';
      if (!pageToken) return out;
    }
    throw new Error(`timeSeries.list for ${query.filter} did not end within ${MAX_PAGES} pages`);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function timestamp(date: Date): { seconds: number; nanos: number } {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** A full page counts points, so a series may continue on the next page: its points are joined. */
function appendSeries(out: RawTimeSeries[], series: RawTimeSeries): void {
  const last = out.at(-1);
  if (last && sameHeader(last, series)) {
    last.points = [...(last.points ?? []), ...(series.points ?? [])];
    return;
  }
  out.push(series);
}

function sameHeader(a: RawTimeSeries, b: RawTimeSeries): boolean {
  const key = (s: RawTimeSeries) =>
    JSON.stringify([s.metric?.type, labels(s.metric?.labels), s.resource?.type, labels(s.resource?.labels)]);
  return key(a) === key(b);
}

function labels(map: Record<string, string> | null | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([x], [y]) => x.localeCompare(y));
}
