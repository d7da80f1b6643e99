import type { Workload } from '../../shared/inventory.ts';
import type { ConsoleLinks, TimeRange } from '../../shared/observability.ts';

const CONSOLE = 'https://console.cloud.google.com';

/** ISO 8601 durations the Logs Explorer takes as its time range. */
const LOGS_RANGE: Record<TimeRange, string> = { '1h': 'PT1H', '6h': 'PT6H', '24h': 'P1D', '7d': 'P7D' };

const q = (value: string) => JSON.stringify(value);

/** The Logging query that selects a workload's logs (Logs Explorer, Error Reporting's source). */
export function logsQueryOf(workload: Pick<Workload, 'kind' | 'shortName' | 'location'>): string {
  return workload.kind === 'service'
    ? `resource.type="cloud_run_revision" AND resource.labels.service_name=${q(workload.shortName)} AND resource.labels.location=${q(workload.location)}`
    : `resource.type="cloud_run_job" AND resource.labels.job_name=${q(workload.shortName)} AND resource.labels.location=${q(workload.location)}`;
}

/**
 * Deep links into Google Cloud's console for one workload (SPEC §8): its Cloud Run page, the Logs
 * Explorer with its query filled in, Metrics Explorer on its request count, the trace list and Error
 * Reporting, all in its project. Names come from the API, so every part is URL-encoded.
 */
export function consoleLinks(
  workload: Pick<Workload, 'kind' | 'shortName' | 'location' | 'project'>,
  range: TimeRange = '1h',
): ConsoleLinks {
  const project = `project=${encodeURIComponent(workload.project)}`;
  const name = encodeURIComponent(workload.shortName);
  const location = encodeURIComponent(workload.location);
  const service = workload.kind === 'service';
  const metricFilter = service
    ? `metric.type="run.googleapis.com/request_count" resource.type="cloud_run_revision" resource.label."service_name"=${q(workload.shortName)} resource.label."location"=${q(workload.location)}`
    : `metric.type="run.googleapis.com/job/completed_execution_count" resource.type="cloud_run_job" resource.label."job_name"=${q(workload.shortName)}`;
  const pageState = JSON.stringify({
    xyChart: {
      dataSets: [
        { timeSeriesFilter: { filter: metricFilter, perSeriesAligner: 'ALIGN_RATE' }, plotType: 'LINE' },
      ],
    },
    timeSelection: { timeRange: range },
  });
  return {
    cloudRun: service
      ? `${CONSOLE}/run/detail/${location}/${name}/metrics?${project}`
      : `${CONSOLE}/run/jobs/details/${location}/${name}/executions?${project}`,
    logs: `${CONSOLE}/logs/query;query=${encodeURIComponent(logsQueryOf(workload))};duration=${LOGS_RANGE[range]}?${project}`,
    metrics: `${CONSOLE}/monitoring/metrics-explorer?pageState=${encodeURIComponent(pageState)}&${project}`,
    traces: `${CONSOLE}/traces/list?${project}`,
    errorReporting: `${CONSOLE}/errors?${service ? `service=${name}&` : ''}${project}`,
  };
}

/** The Trace explorer page of one trace. */
export function traceConsoleLink(project: string, traceId: string): string {
  return `${CONSOLE}/traces/list?project=${encodeURIComponent(project)}&tid=${encodeURIComponent(traceId)}`;
}
