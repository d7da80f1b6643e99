import { createHash } from 'node:crypto';
import type { GoogleProtos } from './google-protos.ts';
import { describeJson, jsonPath } from './json-path.ts';
import { checkProtoJson, type JsonObject, type ProtoJsonOptions } from './proto-json-checker.ts';
import { parseTimestamp, shiftTimestamp } from './timestamp.ts';
import type { TrafficSection } from './world.ts';
import { WorldError } from './world-error.ts';

interface ProjectRefs {
  projectId: string;
  projectNumber: string | undefined;
}

interface Checker {
  protos: GoogleProtos;
  options: ProtoJsonOptions;
}

// Log IDs are URL-encoded in logName ("run.googleapis.com%2Frequests"), at most 512 characters.
const LOG_NAME = /^projects\/([^/]+)\/logs\/([A-Za-z0-9_.%-]{1,512})$/;
const TRACE_NAME = /^projects\/([^/]+)\/traces\/([0-9a-f]{32})$/;
const LOG_SPAN_ID = /^[0-9a-f]{16}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[1-9]\d{0,19}$/;
const MAX_UINT64 = 2n ** 64n - 1n;
const SPAN_KINDS = ['SPAN_KIND_UNSPECIFIED', 'RPC_SERVER', 'RPC_CLIENT'];
const METRIC_KINDS = ['GAUGE', 'DELTA', 'CUMULATIVE'];
const VALUE_TYPES: Record<string, string> = {
  BOOL: 'boolValue',
  INT64: 'int64Value',
  DOUBLE: 'doubleValue',
  STRING: 'stringValue',
  DISTRIBUTION: 'distributionValue',
};

/**
 * Validates and time-shifts a project's traffic: logEntries (google.logging.v2.LogEntry),
 * timeSeries (google.monitoring.v3.TimeSeries) and traces (Cloud Trace v1 JSON, which has no packaged
 * proto, so it is checked by hand). Each must belong to the project; see each check for the rules.
 */
export function validateTrafficSections(
  json: JsonObject,
  path: string,
  project: ProjectRefs,
  checker: Checker,
): Record<TrafficSection, JsonObject[]> {
  const section = (name: TrafficSection) => {
    const sectionPath = jsonPath(path, name);
    const value = json[name];
    if (value === undefined) return [];
    if (!Array.isArray(value))
      throw new WorldError(sectionPath, `expected an array, got ${describeJson(value)}`);
    return value.map((item, index) => [item, jsonPath(sectionPath, index)] as const);
  };
  const seenSeries = new Map<string, string>();
  const seenTraces = new Map<string, string>();
  return {
    logEntries: section('logEntries').map(([item, itemPath]) =>
      checkLogEntry(item, itemPath, project, checker),
    ),
    timeSeries: section('timeSeries').map(([item, itemPath]) =>
      checkTimeSeries(item, itemPath, project, checker, seenSeries),
    ),
    traces: section('traces').map(([item, itemPath]) =>
      checkTrace(item, itemPath, project, checker.options.shiftMs, seenTraces),
    ),
  };
}

function isOwnProject(ref: string | undefined, project: ProjectRefs): boolean {
  return ref === project.projectId || (ref !== undefined && ref === project.projectNumber);
}

/** A LogEntry with a logName and resource of the project, a timestamp, and well-formed trace ids. */
function checkLogEntry(item: unknown, path: string, project: ProjectRefs, checker: Checker): JsonObject {
  const entry = checkProtoJson(
    checker.protos.messageType('google.logging.v2.LogEntry'),
    item,
    path,
    checker.options,
  );
  const logName = entry.logName;
  const match = typeof logName === 'string' ? LOG_NAME.exec(logName) : null;
  if (!match) {
    throw new WorldError(
      jsonPath(path, 'logName'),
      `expected projects/{project}/logs/{URL-encoded log ID}, got ${describeJson(logName)}`,
    );
  }
  if (!isOwnProject(match[1], project)) {
    throw new WorldError(jsonPath(path, 'logName'), `"${logName}" is not in project "${project.projectId}"`);
  }
  const resource = entry.resource as JsonObject | undefined;
  if (!resource || typeof resource.type !== 'string' || resource.type === '') {
    throw new WorldError(jsonPath(path, 'resource'), 'expected a monitored resource with a type');
  }
  checkProjectLabel(resource, jsonPath(path, 'resource'), project);
  if (entry.timestamp === undefined)
    throw new WorldError(jsonPath(path, 'timestamp'), 'expected a timestamp');
  const payload = entry.protoPayload as JsonObject | undefined;
  if (payload) {
    // The answer is encoded from the packaged protos, so a protoPayload of another type cannot be served.
    const typeName = String(payload['@type']).replace(/^type\.googleapis\.com\//, '');
    try {
      checker.protos.messageType(typeName);
    } catch {
      throw new WorldError(
        jsonPath(jsonPath(path, 'protoPayload'), '@type'),
        `the fake cannot serve a protoPayload of type ${typeName}: its proto is not packaged`,
      );
    }
  }
  if (entry.trace !== undefined) {
    const trace = TRACE_NAME.exec(String(entry.trace));
    if (!trace) {
      throw new WorldError(
        jsonPath(path, 'trace'),
        `expected projects/{project}/traces/{32 lowercase hex digits}, got ${describeJson(entry.trace)}`,
      );
    }
  }
  if (entry.spanId !== undefined && !LOG_SPAN_ID.test(String(entry.spanId))) {
    throw new WorldError(
      jsonPath(path, 'spanId'),
      `expected 16 lowercase hex digits, got ${describeJson(entry.spanId)}`,
    );
  }
  // Logging always answers an insertId; a stable one is derived when the world gives none.
  if (entry.insertId === undefined) {
    entry.insertId = createHash('sha256')
      .update(`${path}|${JSON.stringify(item)}`)
      .digest('hex')
      .slice(0, 16);
  }
  return entry;
}

function checkProjectLabel(resource: JsonObject, path: string, project: ProjectRefs): void {
  const labels = resource.labels as JsonObject | undefined;
  const projectLabel = labels?.project_id;
  if (projectLabel !== undefined && !isOwnProject(String(projectLabel), project)) {
    throw new WorldError(
      jsonPath(jsonPath(path, 'labels'), 'project_id'),
      `"${String(projectLabel)}" is not project "${project.projectId}"`,
    );
  }
}

/**
 * A TimeSeries with a metric and resource type, a known kind and value type, and points whose values
 * and intervals fit them (DELTA and CUMULATIVE points span time, GAUGE points are instants); a
 * distribution's bucket counts add up to its count. One series per metric and resource labels.
 */
function checkTimeSeries(
  item: unknown,
  path: string,
  project: ProjectRefs,
  checker: Checker,
  seen: Map<string, string>,
): JsonObject {
  const series = checkProtoJson(
    checker.protos.messageType('google.monitoring.v3.TimeSeries'),
    item,
    path,
    checker.options,
  );
  const metric = series.metric as JsonObject | undefined;
  if (!metric || typeof metric.type !== 'string' || metric.type === '') {
    throw new WorldError(jsonPath(path, 'metric'), 'expected a metric with a type');
  }
  const resource = series.resource as JsonObject | undefined;
  if (!resource || typeof resource.type !== 'string' || resource.type === '') {
    throw new WorldError(jsonPath(path, 'resource'), 'expected a monitored resource with a type');
  }
  checkProjectLabel(resource, jsonPath(path, 'resource'), project);
  const kind = String(series.metricKind ?? '');
  if (!METRIC_KINDS.includes(kind)) {
    throw new WorldError(
      jsonPath(path, 'metricKind'),
      `expected one of ${METRIC_KINDS.join(', ')}, got ${describeJson(series.metricKind)}`,
    );
  }
  const valueType = String(series.valueType ?? '');
  const valueField = VALUE_TYPES[valueType];
  if (!valueField) {
    throw new WorldError(
      jsonPath(path, 'valueType'),
      `expected one of ${Object.keys(VALUE_TYPES).join(', ')}, got ${describeJson(series.valueType)}`,
    );
  }
  const key = JSON.stringify([metric.type, sorted(metric.labels), resource.type, sorted(resource.labels)]);
  const first = seen.get(key);
  if (first !== undefined) {
    throw new WorldError(path, `duplicate time series (same metric and resource labels; also at ${first})`);
  }
  seen.set(key, path);

  const pointsPath = jsonPath(path, 'points');
  const points = (series.points ?? []) as JsonObject[];
  if (points.length === 0) throw new WorldError(pointsPath, 'expected at least one point');
  const ends = new Set<number>();
  points.forEach((point, index) => {
    const pointPath = jsonPath(pointsPath, index);
    const interval = (point.interval ?? {}) as JsonObject;
    const end = typeof interval.endTime === 'string' ? parseTimestamp(interval.endTime) : undefined;
    if (!end)
      throw new WorldError(jsonPath(jsonPath(pointPath, 'interval'), 'endTime'), 'expected an end time');
    const start = typeof interval.startTime === 'string' ? parseTimestamp(interval.startTime) : undefined;
    if (kind === 'GAUGE' && start && start.ms !== end.ms) {
      throw new WorldError(
        jsonPath(pointPath, 'interval'),
        'a GAUGE point is an instant: startTime must equal endTime or be left out',
      );
    }
    if (kind !== 'GAUGE' && (!start || start.ms >= end.ms)) {
      throw new WorldError(
        jsonPath(pointPath, 'interval'),
        `a ${kind} point needs a startTime before its endTime`,
      );
    }
    if (ends.has(end.ms))
      throw new WorldError(pointPath, 'another point of this series has the same endTime');
    ends.add(end.ms);
    const value = (point.value ?? {}) as JsonObject;
    const fields = Object.keys(value);
    if (fields.length !== 1 || fields[0] !== valueField) {
      throw new WorldError(
        jsonPath(pointPath, 'value'),
        `expected a ${valueField} for valueType ${valueType}`,
      );
    }
    if (valueType === 'DISTRIBUTION') {
      checkDistribution(
        value.distributionValue as JsonObject,
        jsonPath(jsonPath(pointPath, 'value'), 'distributionValue'),
      );
    }
  });
  return series;
}

function sorted(labels: unknown): [string, unknown][] {
  return Object.entries((labels ?? {}) as JsonObject).sort(([a], [b]) => a.localeCompare(b));
}

function checkDistribution(d: JsonObject, path: string): void {
  const options = (d.bucketOptions ?? {}) as JsonObject;
  const kinds = ['linearBuckets', 'exponentialBuckets', 'explicitBuckets'].filter(
    (k) => options[k] !== undefined,
  );
  const counts = ((d.bucketCounts ?? []) as unknown[]).map(Number);
  const count = Number(d.count ?? 0);
  if (counts.length > 0 && kinds.length !== 1) {
    throw new WorldError(
      jsonPath(path, 'bucketOptions'),
      'expected linearBuckets, exponentialBuckets or explicitBuckets',
    );
  }
  let buckets = 0;
  if (kinds[0] === 'explicitBuckets') {
    const bounds = (((options.explicitBuckets as JsonObject).bounds ?? []) as unknown[]).map(Number);
    if (bounds.some((b, i) => i > 0 && b <= (bounds[i - 1] as number))) {
      throw new WorldError(jsonPath(path, 'bucketOptions'), 'explicit bounds must increase strictly');
    }
    buckets = bounds.length + 1;
  } else if (kinds[0]) {
    buckets = Number((options[kinds[0]] as JsonObject).numFiniteBuckets ?? 0) + 2;
  }
  if (counts.length > buckets) {
    throw new WorldError(
      jsonPath(path, 'bucketCounts'),
      `expected at most ${buckets} bucket counts, got ${counts.length}`,
    );
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length > 0 && total !== count) {
    throw new WorldError(
      jsonPath(path, 'bucketCounts'),
      `bucket counts add up to ${total}, not to count ${count}`,
    );
  }
}

/**
 * A Cloud Trace v1 Trace of the project: a 32-hex trace ID unique in the project, and spans with
 * non-zero uint64 decimal IDs unique in the trace, a name, a known kind, start ≤ end and string labels.
 * A parent may be in another project's copy of the trace (spans are stored where they were written).
 */
function checkTrace(
  item: unknown,
  path: string,
  project: ProjectRefs,
  shiftMs: number,
  seen: Map<string, string>,
): JsonObject {
  const trace = object(item, path);
  const projectId = trace.projectId;
  if (typeof projectId !== 'string' || !isOwnProject(projectId, project)) {
    throw new WorldError(
      jsonPath(path, 'projectId'),
      `expected the project ID "${project.projectId}", got ${describeJson(projectId)}`,
    );
  }
  const traceId = trace.traceId;
  if (typeof traceId !== 'string' || !TRACE_ID.test(traceId) || /^0+$/.test(traceId)) {
    throw new WorldError(
      jsonPath(path, 'traceId'),
      `expected 32 lowercase hex digits, not all zero, got ${describeJson(traceId)}`,
    );
  }
  const first = seen.get(traceId);
  if (first !== undefined)
    throw new WorldError(jsonPath(path, 'traceId'), `duplicate trace ${traceId} (also at ${first})`);
  seen.set(traceId, path);
  const spansPath = jsonPath(path, 'spans');
  if (!Array.isArray(trace.spans) || trace.spans.length === 0) {
    throw new WorldError(spansPath, `expected a non-empty array of spans, got ${describeJson(trace.spans)}`);
  }
  const ids = new Set<string>();
  const spans = trace.spans.map((value, index) => {
    const spanPath = jsonPath(spansPath, index);
    const span = object(value, spanPath);
    const spanId = decimalId(span.spanId, jsonPath(spanPath, 'spanId'));
    if (ids.has(spanId))
      throw new WorldError(jsonPath(spanPath, 'spanId'), `duplicate span ${spanId} in the trace`);
    ids.add(spanId);
    const out: JsonObject = { spanId };
    if (span.parentSpanId !== undefined && span.parentSpanId !== '0') {
      const parent = decimalId(span.parentSpanId, jsonPath(spanPath, 'parentSpanId'));
      if (parent === spanId)
        throw new WorldError(jsonPath(spanPath, 'parentSpanId'), 'a span cannot be its own parent');
      out.parentSpanId = parent;
    }
    const kind = span.kind ?? 'SPAN_KIND_UNSPECIFIED';
    if (typeof kind !== 'string' || !SPAN_KINDS.includes(kind)) {
      throw new WorldError(
        jsonPath(spanPath, 'kind'),
        `expected one of ${SPAN_KINDS.join(', ')}, got ${describeJson(kind)}`,
      );
    }
    out.kind = kind;
    if (typeof span.name !== 'string' || span.name === '') {
      throw new WorldError(
        jsonPath(spanPath, 'name'),
        `expected a span name, got ${describeJson(span.name)}`,
      );
    }
    out.name = span.name;
    const [start, startMs] = timestamp(span.startTime, jsonPath(spanPath, 'startTime'));
    const [end, endMs] = timestamp(span.endTime, jsonPath(spanPath, 'endTime'));
    if (endMs < startMs) {
      throw new WorldError(jsonPath(spanPath, 'endTime'), 'a span cannot end before it starts');
    }
    out.startTime = shiftMs === 0 ? start : shiftTimestamp(start, shiftMs);
    out.endTime = shiftMs === 0 ? end : shiftTimestamp(end, shiftMs);
    if (span.labels !== undefined) {
      const labelsPath = jsonPath(spanPath, 'labels');
      const labels = object(span.labels, labelsPath);
      for (const [key, label] of Object.entries(labels)) {
        if (typeof label !== 'string') {
          throw new WorldError(jsonPath(labelsPath, key), `expected a string, got ${describeJson(label)}`);
        }
      }
      out.labels = labels;
    }
    return out;
  });
  return { projectId: project.projectId, traceId, spans };
}

function object(value: unknown, path: string): JsonObject {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  throw new WorldError(path, `expected an object, got ${describeJson(value)}`);
}

/** A uint64 other than 0, as a decimal string (numbers up to 2^53 are accepted too). */
function decimalId(value: unknown, path: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !SPAN_ID.test(text) || BigInt(text) > MAX_UINT64) {
    throw new WorldError(
      path,
      `expected a non-zero 64-bit unsigned integer as a decimal string, got ${describeJson(value)}`,
    );
  }
  return text;
}

function timestamp(value: unknown, path: string): [string, number] {
  const time = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (typeof value !== 'string' || !time) {
    throw new WorldError(path, `expected an RFC 3339 timestamp string, got ${describeJson(value)}`);
  }
  return [value, time.ms];
}
