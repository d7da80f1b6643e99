import type { IncomingMessage, ServerResponse } from 'node:http';
import { status } from '@grpc/grpc-js';
import { asGoogleApiError, GoogleApiError, httpStatusOf } from '../google-api-error.ts';
import { paginate } from '../paginate.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import type { FakeCallContext } from '../registry.ts';
import { isProjectId } from '../resource-names.ts';
import { parseTimestamp } from '../timestamp.ts';
import { type FilterableTrace, parseTraceFilter } from '../trace-filter.ts';
import { perProject } from './per-project.ts';
import { sendJson } from './send-json.ts';
import { visibleProject } from './visible-project.ts';

type RestHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface PreparedTrace extends FilterableTrace {
  json: JsonObject;
  traceId: string;
  startMs: number;
  endMs: number;
  rootName: string;
}

const PATH = /^\/v1\/projects\/([^/]+)\/traces(?:\/([^/]+))?\/?$/;
const TRACE_PAGE_LIMITS = { defaultSize: 100, maxSize: 1000 };
const VIEWS = ['VIEW_TYPE_UNSPECIFIED', 'MINIMAL', 'ROOTSPAN', 'COMPLETE'];
const ORDERS: Record<string, (a: PreparedTrace, b: PreparedTrace) => number> = {
  trace_id: (a, b) => a.traceId.localeCompare(b.traceId),
  name: (a, b) => a.rootName.localeCompare(b.rootName),
  duration: (a, b) => a.rootLatencyMs - b.rootLatencyMs,
  start: (a, b) => a.startMs - b.startMs,
};
// The method names of google.devtools.cloudtrace.v1.TraceService, as the call log and failCall name them.
const SERVICE = '/google.devtools.cloudtrace.v1.TraceService';

/**
 * Cloud Trace API v1 over REST, as @googleapis/cloudtrace calls it: projects.traces.list
 * (startTime, endTime, view MINIMAL|ROOTSPAN|COMPLETE, orderBy, pageSize/pageToken, the filter of
 * trace-filter.ts) and projects.traces.get, with Google's JSON errors ({error: {code, message, status}}).
 * Requests to other paths go to `next`.
 */
export function traceRestHandler(context: FakeCallContext, next: RestHandler): RestHandler {
  const tracesOf = perProject((project): PreparedTrace[] => project.traces.map(prepareTrace));

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = PATH.exec(url.pathname);
    if (!match) {
      next(req, res);
      return;
    }
    const [, projectId = '', traceId] = match;
    const method = `${SERVICE}/${traceId === undefined ? 'ListTraces' : 'GetTrace'}`;
    const request: JsonObject = { ...Object.fromEntries(url.searchParams), projectId };
    if (traceId !== undefined) request.traceId = traceId;
    const record = context.controls.record(method, request);
    try {
      const failure = context.controls.takeFailure(method);
      if (failure) throw failure;
      if (req.method !== 'GET') {
        throw GoogleApiError.unimplemented(`fake-google serves only GET on ${url.pathname}`);
      }
      if (!isProjectId(projectId)) {
        throw GoogleApiError.invalidArgument(`Invalid project ID "${projectId}".`);
      }
      const project = visibleProject(context, projectId, () =>
        GoogleApiError.denied('The caller does not have permission'),
      );
      const body =
        traceId === undefined
          ? listTraces(tracesOf(project), url.searchParams, projectId)
          : getTrace(tracesOf(project), traceId);
      record.code = status.OK;
      sendJson(res, 200, body);
    } catch (error) {
      const { code, message } = asGoogleApiError(error);
      record.code = code;
      const http = httpStatusOf(code);
      sendJson(res, http, {
        error: {
          code: http,
          message,
          status: status[code],
        },
      });
    }
  };
}

function prepareTrace(json: JsonObject): PreparedTrace {
  const spans = (json.spans ?? []) as JsonObject[];
  const ids = new Set(spans.map((span) => span.spanId));
  // The root is the span without a parent here; a project's copy of a cross-project trace may hold
  // only the spans written in it, whose top span then has its parent elsewhere.
  const root =
    spans.find((span) => span.parentSpanId === undefined) ??
    spans.find((span) => !ids.has(span.parentSpanId));
  const ms = (value: unknown) => parseTimestamp(String(value))?.ms ?? 0;
  const startMs = Math.min(...spans.map((span) => ms(span.startTime)));
  const endMs = Math.max(...spans.map((span) => ms(span.endTime)));
  return {
    json,
    traceId: String(json.traceId),
    spans,
    root,
    rootName: String(root?.name ?? ''),
    rootLatencyMs: root ? ms(root.endTime) - ms(root.startTime) : 0,
    startMs,
    endMs,
  };
}

function listTraces(traces: PreparedTrace[], params: URLSearchParams, projectId: string): JsonObject {
  const view = params.get('view') ?? 'MINIMAL';
  if (!VIEWS.includes(view)) {
    throw GoogleApiError.invalidArgument(
      `Invalid value for view: "${view}"; expected MINIMAL, ROOTSPAN or COMPLETE.`,
    );
  }
  const startMs = timeParam(params, 'startTime') ?? Number.NEGATIVE_INFINITY;
  const endMs = timeParam(params, 'endTime') ?? Number.POSITIVE_INFINITY;
  const matches = parseTraceFilter(params.get('filter') ?? '');
  const order = orderOf(params.get('orderBy') ?? '');
  const selected = traces
    .filter((trace) => trace.startMs <= endMs && trace.endMs >= startMs && matches(trace))
    .sort(order);
  const rawSize = Number(params.get('pageSize') ?? 0);
  if (!Number.isFinite(rawSize))
    throw GoogleApiError.invalidArgument(`Invalid pageSize "${params.get('pageSize')}".`);
  const page = paginate(
    selected,
    {
      // "If not specified or <= 0, the implementation selects a reasonable value."
      pageSize: Math.max(0, Math.trunc(rawSize)),
      pageToken: params.get('pageToken') ?? '',
      queryKey: JSON.stringify([
        projectId,
        view,
        startMs,
        endMs,
        params.get('filter'),
        params.get('orderBy'),
      ]),
    },
    TRACE_PAGE_LIMITS,
  );
  return {
    traces: page.items.map((trace) => viewOf(trace, view)),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
  };
}

function viewOf(trace: PreparedTrace, view: string): JsonObject {
  const minimal = { projectId: trace.json.projectId, traceId: trace.traceId };
  if (view === 'COMPLETE') return trace.json;
  if (view === 'ROOTSPAN') return { ...minimal, spans: trace.root ? [trace.root] : [] };
  return minimal;
}

function getTrace(traces: PreparedTrace[], traceId: string): JsonObject {
  const trace = traces.find((t) => t.traceId === traceId);
  if (!trace) throw GoogleApiError.notFound(`Trace ${traceId} not found.`);
  return trace.json;
}

function timeParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const time = parseTimestamp(value);
  if (!time)
    throw GoogleApiError.invalidArgument(`Invalid ${name} "${value}": expected an RFC 3339 timestamp.`);
  return time.ms;
}

/** orderBy: trace_id, name, duration or start, optionally followed by "desc"; newest first by default. */
function orderOf(orderBy: string): (a: PreparedTrace, b: PreparedTrace) => number {
  if (orderBy.trim() === '') return (a, b) => b.startMs - a.startMs;
  const [field = '', direction, ...extra] = orderBy.trim().split(/\s+/);
  const compare = ORDERS[field];
  if (
    !compare ||
    extra.length > 0 ||
    (direction !== undefined && direction !== 'desc' && direction !== 'asc')
  ) {
    throw GoogleApiError.invalidArgument(
      `Invalid orderBy "${orderBy}": expected one of trace_id, name, duration, start, optionally followed by desc.`,
    );
  }
  return direction === 'desc' ? (a, b) => compare(b, a) : compare;
}
