// Deterministic builders of world traffic for tests: aRequestLog('shop-prod', 'payment', {...}).
import type { JsonObject } from './proto-json-checker.ts';

/** The cloud_run_revision monitored resource of a service's first revision. */
export function aRevisionResource(project: string, service: string, location = 'europe-west1'): JsonObject {
  return {
    type: 'cloud_run_revision',
    labels: {
      project_id: project,
      service_name: service,
      revision_name: `${service}-00001-abc`,
      location,
      configuration_name: service,
    },
  };
}

/** A Cloud Run request log (run.googleapis.com/requests), severity from the status as Cloud Run sets it. */
export function aRequestLog(
  project: string,
  service: string,
  options: { timestamp: string; status?: number; traceId?: string; insertId?: string; latency?: string },
): JsonObject {
  const status = options.status ?? 200;
  return {
    logName: `projects/${project}/logs/run.googleapis.com%2Frequests`,
    resource: aRevisionResource(project, service),
    timestamp: options.timestamp,
    severity: status >= 500 ? 'ERROR' : status >= 400 ? 'WARNING' : 'INFO',
    httpRequest: {
      requestMethod: 'GET',
      requestUrl: `https://${service}-abc123xyz-ew.a.run.app/`,
      status,
      latency: options.latency ?? '0.050s',
    },
    ...(options.traceId ? { trace: `projects/${project}/traces/${options.traceId}` } : {}),
    ...(options.insertId ? { insertId: options.insertId } : {}),
  };
}

/** An application log line on stderr (run.googleapis.com/stderr). */
export function anAppLog(
  project: string,
  service: string,
  options: { timestamp: string; severity?: string; text: string; insertId?: string; traceId?: string },
): JsonObject {
  return {
    logName: `projects/${project}/logs/run.googleapis.com%2Fstderr`,
    resource: aRevisionResource(project, service),
    timestamp: options.timestamp,
    severity: options.severity ?? 'ERROR',
    textPayload: options.text,
    ...(options.traceId ? { trace: `projects/${project}/traces/${options.traceId}` } : {}),
    ...(options.insertId ? { insertId: options.insertId } : {}),
  };
}

/** A DELTA INT64 series of 1-minute points ending at the given times. */
export function aCountSeries(
  project: string,
  service: string,
  labels: Record<string, string>,
  points: Array<[endTime: string, count: number]>,
): JsonObject {
  return {
    metric: { type: 'run.googleapis.com/request_count', labels },
    resource: aRevisionResource(project, service),
    metricKind: 'DELTA',
    valueType: 'INT64',
    points: points.map(([endTime, count]) => ({
      interval: { startTime: minuteBefore(endTime), endTime },
      value: { int64Value: String(count) },
    })),
  };
}

/** A DELTA DISTRIBUTION series (request_latencies, ms) over explicit bucket bounds. */
export function aLatencySeries(
  project: string,
  service: string,
  bounds: number[],
  points: Array<[endTime: string, bucketCounts: number[], mean: number]>,
  labels: Record<string, string> = { response_code_class: '2xx' },
): JsonObject {
  return {
    metric: { type: 'run.googleapis.com/request_latencies', labels },
    resource: aRevisionResource(project, service),
    metricKind: 'DELTA',
    valueType: 'DISTRIBUTION',
    unit: 'ms',
    points: points.map(([endTime, bucketCounts, mean]) => ({
      interval: { startTime: minuteBefore(endTime), endTime },
      value: {
        distributionValue: {
          count: String(bucketCounts.reduce((a, b) => a + b, 0)),
          mean,
          bucketOptions: { explicitBuckets: { bounds } },
          bucketCounts: bucketCounts.map(String),
        },
      },
    })),
  };
}

/** A Cloud Trace v1 trace whose spans are given as [spanId, parentSpanId, kind, name, start, end, labels]. */
export function aTrace(
  project: string,
  traceId: string,
  spans: Array<[string, string | undefined, string, string, string, string, Record<string, string>?]>,
): JsonObject {
  return {
    projectId: project,
    traceId,
    spans: spans.map(([spanId, parentSpanId, kind, name, startTime, endTime, labels]) => ({
      spanId,
      ...(parentSpanId ? { parentSpanId } : {}),
      kind,
      name,
      startTime,
      endTime,
      ...(labels ? { labels } : {}),
    })),
  };
}

function minuteBefore(time: string): string {
  return new Date(Date.parse(time) - 60_000).toISOString().replace('.000Z', 'Z');
}
