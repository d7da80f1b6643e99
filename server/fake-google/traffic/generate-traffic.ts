import { createHash } from 'node:crypto';
import type { JsonObject } from '../proto-json-checker.ts';
import { Prng } from './prng.ts';
import type {
  TrafficCall,
  TrafficDescription,
  TrafficOperation,
  TrafficService,
} from './traffic-description.ts';

/** The traffic of one project, in the world's section shapes (SPEC §4). */
export interface ProjectTraffic {
  logEntries: JsonObject[];
  timeSeries: JsonObject[];
  traces: JsonObject[];
}

const MINUTE = 60_000;
// Cloud Run's request_latencies buckets (ms): exponential, scale 1, growth 1.4.
const LATENCY_BUCKETS = { numFiniteBuckets: 100, growthFactor: 1.4, scale: 1 };
const REQUESTS_LOG = 'run.googleapis.com%2Frequests';
const STDERR_LOG = 'run.googleapis.com%2Fstderr';
const DENIED_TEXT =
  'The request was not authorized to invoke this service. Read more at https://cloud.google.com/run/docs/securing/authenticating';
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** One request served by a service, with the calls it made. */
interface ServerNode {
  op: TrafficOperation;
  service: TrafficService;
  startMs: number;
  endMs: number;
  status: number;
  /** Why it failed (its own error or a failed call), its {variables} filled only if the tree is logged. */
  errorTemplate?: string;
  calls: CallNode[];
  callerService?: TrafficService;
  userAgent: string;
}

interface CallNode {
  calleeOp: TrafficOperation;
  callee: TrafficService;
  startMs: number;
  endMs: number;
  status: number;
  /** Undefined when Cloud Run denied the call: no server span, only its request log. */
  server?: ServerNode;
}

/** A logged tree: its trace ID and the values of its {variables}. */
interface Tree {
  traceId: string;
  vars: Map<string, string>;
}

interface MinuteStats {
  count: number;
  sum: number;
  sumSquares: number;
  buckets: number[];
}

/** Per service: requests by response code and minute, and busy time per minute (instances). */
interface ServiceStats {
  byCode: Map<number, Map<number, MinuteStats>>;
  busyMs: Float64Array;
}

/**
 * Generates a description's traffic, deterministically: requests arrive per minute as a Poisson
 * process (with a day/night swing), each becomes a tree of calls with log-normal latencies, own
 * errors, failing calls that fail their callers, denied calls and incidents. Every request counts in
 * the Cloud Run metrics (request_count, request_latencies, container/instance_count); a sample of
 * the trees — more of the failing ones — is written as request logs, error logs with stack traces and
 * Cloud Trace spans (split by the project of the service that wrote them).
 */
export function generateTraffic(description: TrafficDescription): Map<string, ProjectTraffic> {
  return new TrafficGenerator(description).run();
}

class TrafficGenerator {
  private readonly rng: Prng;
  private readonly nowMs: number;
  private readonly startMs: number;
  private readonly minutes: number;
  private readonly stats = new Map<string, ServiceStats>();
  private readonly out = new Map<string, ProjectTraffic>();
  /** Traced trees per root operation and hour, to keep every path in the traces every hour. */
  private readonly tracedPerHour = new Map<string, number>();

  constructor(private readonly d: TrafficDescription) {
    this.rng = new Prng(d.seed);
    this.nowMs = Date.parse(d.now);
    if (Number.isNaN(this.nowMs)) throw new Error(`traffic: now is not a timestamp: ${d.now}`);
    this.minutes = Math.round(d.hours * 60);
    this.startMs = this.nowMs - this.minutes * MINUTE;
    for (const [key, op] of Object.entries(d.operations)) {
      if (!d.services[op.service])
        throw new Error(`traffic: operation ${key} names no service ${op.service}`);
      for (const call of op.calls ?? []) {
        if (!d.operations[call.op]) throw new Error(`traffic: ${key} calls unknown operation ${call.op}`);
      }
    }
    for (const entry of d.entries) {
      if (!d.operations[entry.op]) throw new Error(`traffic: entry names unknown operation ${entry.op}`);
    }
    for (const service of Object.values(d.services)) this.projectTraffic(service.project);
  }

  run(): Map<string, ProjectTraffic> {
    for (let minute = 0; minute < this.minutes; minute += 1) {
      const minuteStart = this.startMs + minute * MINUTE;
      for (const entry of this.d.entries) {
        const hour = ((minuteStart / 3_600_000) % 24) + 0.5 / 60;
        const swing = 1 + (entry.diurnal ?? 0) * Math.cos(((hour - 14) / 24) * 2 * Math.PI);
        const arrivals = this.rng.poisson(entry.rps * 60 * swing);
        for (let i = 0; i < arrivals; i += 1) {
          const at = Math.floor(minuteStart + this.rng.next() * MINUTE);
          this.request(entry.op, at, entry.userAgent ?? 'Mozilla/5.0');
        }
      }
    }
    this.writeMetrics();
    for (const traffic of this.out.values()) {
      traffic.logEntries.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    }
    return this.out;
  }

  /** One request from outside the estate, and the requests it causes later through queues. */
  private request(opKey: string, at: number, userAgent: string): void {
    const later: Array<[string, number, string]> = [];
    const state = { failed: false, denied: false };
    const root = this.serve(opKey, at, state, undefined, userAgent, later);
    const { okEvery, errorEvery, deniedEvery } = this.d.sampling;
    const hourKey = `${opKey}@${Math.floor((at - this.startMs) / 3_600_000)}`;
    const tracedThisHour = this.tracedPerHour.get(hourKey) ?? 0;
    const due = tracedThisHour < this.d.sampling.tracedPerRootHour;
    const keep =
      due || this.rng.chance(1 / (state.failed ? errorEvery : state.denied ? deniedEvery : okEvery));
    const traced = due || state.failed || state.denied || this.rng.chance(this.d.sampling.tracedShare);
    if (keep) {
      this.writeTree(root, traced);
      if (traced) this.tracedPerHour.set(hourKey, tracedThisHour + 1);
    }
    for (const [op, time, agent] of later) if (time < this.nowMs) this.request(op, time, agent);
  }

  private serve(
    opKey: string,
    startMs: number,
    state: { failed: boolean; denied: boolean },
    caller: TrafficService | undefined,
    userAgent: string,
    later: Array<[string, number, string]>,
  ): ServerNode {
    const op = this.d.operations[opKey] as TrafficOperation;
    const service = this.d.services[op.service] as TrafficService;
    const incident = this.d.incidents?.find(
      (i) => i.op === opKey && startMs >= this.nowMs - i.sinceMinutes * MINUTE,
    );
    const [p50, p95] = incident?.latencyMs ?? op.latencyMs;
    const own = this.rng.logNormal(p50, p95);
    const node: ServerNode = {
      op,
      service,
      startMs,
      endMs: startMs,
      status: 200,
      calls: [],
      userAgent,
      ...(caller ? { callerService: caller } : {}),
    };
    const errorRatio = incident?.errorRatio ?? op.errorRatio ?? 0;
    const roll = this.rng.next();
    if (roll < errorRatio) {
      node.status = incident?.errorStatus ?? op.errorStatus ?? 500;
      const messages = incident?.errors ?? op.errors ?? [`Error: ${op.method} ${op.path} failed`];
      node.errorTemplate = this.rng.pick(messages);
      node.endMs = Math.round(startMs + own);
    } else if (roll < errorRatio + (op.clientErrorRatio ?? 0)) {
      node.status = op.clientErrorStatus ?? 404;
      node.endMs = Math.round(startMs + own * 0.3);
    } else {
      let t = startMs + own * 0.3;
      for (const call of op.calls ?? []) {
        if (call.probability !== undefined && !this.rng.chance(call.probability)) continue;
        const calleeOp = this.d.operations[call.op] as TrafficOperation;
        if (call.async) {
          later.push([call.op, Math.round(t + 200 + this.rng.next() * 2000), `${service.name}-publisher`]);
          continue;
        }
        const callNode = this.call(call, calleeOp, Math.round(t), state, service, later);
        node.calls.push(callNode);
        t = callNode.endMs;
        if ((callNode.status >= 500 || call.denied) && !call.optional) {
          node.status = call.failStatus ?? 502;
          node.errorTemplate = (
            call.errorMessage ??
            `UpstreamError: ${callNode.callee.name} responded {status} ${STATUS_TEXT[callNode.status] ?? ''} to ${calleeOp.method} ${calleeOp.path}`
          ).replaceAll('{status}', String(callNode.status));
          break;
        }
        if (callNode.status >= 400 && call.optional) {
          node.errorTemplate ??= (
            call.errorMessage ?? `Warning: ${callNode.callee.name} responded {status}; continuing without it`
          ).replaceAll('{status}', String(callNode.status));
        }
      }
      node.endMs = Math.round(t + own * 0.7);
    }
    if (node.status >= 500) state.failed = true;
    this.count(service, node.startMs, node.status, node.endMs - node.startMs);
    return node;
  }

  private call(
    call: TrafficCall,
    calleeOp: TrafficOperation,
    startMs: number,
    state: { failed: boolean; denied: boolean },
    caller: TrafficService,
    later: Array<[string, number, string]>,
  ): CallNode {
    const callee = this.d.services[calleeOp.service] as TrafficService;
    if (call.denied) {
      // Cloud Run refuses the call at its front end: a request log and a metric, no container, no span.
      const endMs = startMs + 2 + this.rng.int(8);
      this.count(callee, startMs, 403, endMs - startMs);
      state.denied = true;
      return { calleeOp, callee, startMs, endMs, status: 403 };
    }
    const server = this.serve(
      call.op,
      startMs + 1,
      state,
      caller,
      `${caller.name}/${caller.revision}`,
      later,
    );
    return { calleeOp, callee, startMs, endMs: server.endMs + 1, status: server.status, server };
  }

  private spanId(): string {
    // Non-zero 64-bit ids, kept below 2^53 so they survive JSON numbers anywhere.
    return String(1 + this.rng.int(2 ** 21) * 2 ** 32 + this.rng.int(2 ** 32));
  }

  /** Replaces {order}, {user}, {sku}, … with values fixed for the whole request tree. */
  private fill(template: string, tree: Tree): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      let value = tree.vars.get(name);
      if (value === undefined) {
        value = this.variable(name);
        if (name !== 'n') tree.vars.set(name, value);
      }
      return value;
    });
  }

  private variable(name: string): string {
    const digits = (n: number) => String(10 ** (n - 1) + this.rng.int(9 * 10 ** (n - 1)));
    switch (name) {
      case 'order':
        return `ORD-${digits(8)}`;
      case 'user':
        return `u_${this.rng.hex(10)}`;
      case 'sku':
        return `SKU-${digits(5)}`;
      case 'cart':
        return `cart_${this.rng.hex(12)}`;
      case 'intent':
        return `pi_3Q${this.rng.hex(22)}`;
      case 'ip':
        return `10.${8 + this.rng.int(4)}.${this.rng.int(256)}.${1 + this.rng.int(254)}`;
      case 'n':
        return String(1 + this.rng.int(999));
      default:
        return this.rng.hex(8);
    }
  }

  private count(service: TrafficService, atMs: number, status: number, durationMs: number): void {
    const minute = Math.floor((atMs - this.startMs) / MINUTE);
    if (minute < 0 || minute >= this.minutes) return;
    const key = serviceKey(service);
    let stats = this.stats.get(key);
    if (!stats) {
      stats = { byCode: new Map(), busyMs: new Float64Array(this.minutes) };
      this.stats.set(key, stats);
    }
    let byMinute = stats.byCode.get(status);
    if (!byMinute) {
      byMinute = new Map();
      stats.byCode.set(status, byMinute);
    }
    let m = byMinute.get(minute);
    if (!m) {
      m = { count: 0, sum: 0, sumSquares: 0, buckets: [] };
      byMinute.set(minute, m);
    }
    m.count += 1;
    m.sum += durationMs;
    m.sumSquares += durationMs * durationMs;
    const bucket = latencyBucket(durationMs);
    m.buckets[bucket] = (m.buckets[bucket] ?? 0) + 1;
    stats.busyMs[minute] = (stats.busyMs[minute] ?? 0) + durationMs;
  }

  private projectTraffic(project: string): ProjectTraffic {
    let traffic = this.out.get(project);
    if (!traffic) {
      traffic = { logEntries: [], timeSeries: [], traces: [] };
      this.out.set(project, traffic);
    }
    return traffic;
  }

  // ------------------------------------------------------------------------------------------
  // Logs and traces of a sampled tree

  private writeTree(root: ServerNode, traced: boolean): void {
    const tree: Tree = { traceId: this.rng.hex(32), vars: new Map() };
    const spans = new Map<string, JsonObject[]>();
    const addSpan = (project: string, span: JsonObject) => {
      const list = spans.get(project) ?? [];
      list.push(span);
      spans.set(project, list);
    };
    const visit = (node: ServerNode, path: string, parentSpanId: string | undefined) => {
      const spanId = this.spanId();
      this.writeRequestLog(node, path, tree, traced, spanId);
      if (node.errorTemplate)
        this.writeErrorLog(node, this.fill(node.errorTemplate, tree), tree, traced, spanId);
      if (traced) {
        const server = span(
          spanId,
          parentSpanId,
          'RPC_SERVER',
          path,
          node,
          node.service,
          path,
          node.service,
          node.op.method,
        );
        addSpan(node.service.project, server);
      }
      for (const call of node.calls) {
        const calleePath = this.fill(call.calleeOp.path, tree);
        const clientSpanId = this.spanId();
        if (traced) {
          const name = `${call.calleeOp.method} ${calleePath}`;
          addSpan(
            node.service.project,
            span(
              clientSpanId,
              spanId,
              'RPC_CLIENT',
              name,
              call,
              call.callee,
              calleePath,
              node.service,
              call.calleeOp.method,
            ),
          );
        }
        if (call.server) visit(call.server, calleePath, clientSpanId);
        else this.writeDeniedLog(call, calleePath, node, tree, traced);
      }
    };
    visit(root, this.fill(root.op.path, tree), undefined);
    for (const [project, list] of spans) {
      this.projectTraffic(project).traces.push({ projectId: project, traceId: tree.traceId, spans: list });
    }
  }

  private baseLog(
    service: TrafficService,
    log: string,
    atMs: number,
    severity: string,
    tree: Tree,
    traced: boolean,
  ) {
    return {
      logName: `projects/${service.project}/logs/${log}`,
      resource: revisionResource(service),
      timestamp: iso(atMs),
      severity,
      insertId: this.rng.hex(16),
      trace: `projects/${service.project}/traces/${tree.traceId}`,
      traceSampled: traced,
    };
  }

  private writeRequestLog(node: ServerNode, path: string, tree: Tree, traced: boolean, spanId: string): void {
    const service = node.service;
    this.projectTraffic(service.project).logEntries.push({
      ...this.baseLog(service, REQUESTS_LOG, node.startMs, severityOf(node.status), tree, traced),
      spanId: hex16(spanId),
      httpRequest: {
        requestMethod: node.op.method,
        requestUrl: `${service.url}${path}`,
        status: node.status,
        responseSize: String(node.status >= 400 ? 120 + this.rng.int(200) : 400 + this.rng.int(8000)),
        userAgent: node.userAgent,
        remoteIp: node.callerService ? this.variable('ip') : `203.0.113.${1 + this.rng.int(254)}`,
        latency: seconds(node.endMs - node.startMs),
        protocol: 'HTTP/1.1',
      },
    });
  }

  private writeDeniedLog(
    call: CallNode,
    path: string,
    caller: ServerNode,
    tree: Tree,
    traced: boolean,
  ): void {
    this.projectTraffic(call.callee.project).logEntries.push({
      ...this.baseLog(call.callee, REQUESTS_LOG, call.startMs, 'WARNING', tree, traced),
      textPayload: DENIED_TEXT,
      httpRequest: {
        requestMethod: call.calleeOp.method,
        requestUrl: `${call.callee.url}${path}`,
        status: 403,
        responseSize: '312',
        userAgent: `${caller.service.name}/${caller.service.revision}`,
        remoteIp: this.variable('ip'),
        latency: seconds(call.endMs - call.startMs),
        protocol: 'HTTP/1.1',
      },
    });
  }

  private writeErrorLog(
    node: ServerNode,
    message: string,
    tree: Tree,
    traced: boolean,
    spanId: string,
  ): void {
    const severity = node.status >= 500 ? 'ERROR' : 'WARNING';
    this.projectTraffic(node.service.project).logEntries.push({
      ...this.baseLog(node.service, STDERR_LOG, node.endMs - 1, severity, tree, traced),
      spanId: hex16(spanId),
      textPayload: severity === 'ERROR' ? `${message}\n${stackTrace(node, message)}` : message,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Metrics

  /** Points cover 1 minute over the last fineMinutes and coarseMinutes before, ending at `now`. */
  private windows(): Array<[number, number]> {
    const { fineMinutes, coarseMinutes } = this.d.sampling;
    const windows: Array<[number, number]> = [];
    const fineStart = Math.max(0, this.minutes - fineMinutes);
    for (let end = fineStart; end > 0; end -= coarseMinutes)
      windows.unshift([Math.max(0, end - coarseMinutes), end]);
    for (let m = fineStart; m < this.minutes; m += 1) windows.push([m, m + 1]);
    return windows;
  }

  private writeMetrics(): void {
    const windows = this.windows();
    const services = new Map(Object.values(this.d.services).map((s) => [serviceKey(s), s]));
    for (const [key, stats] of [...this.stats].sort(([a], [b]) => a.localeCompare(b))) {
      const service = services.get(key) as TrafficService;
      const series = this.projectTraffic(service.project).timeSeries;
      const resource = revisionResource(service);
      for (const [code, byMinute] of [...stats.byCode].sort(([a], [b]) => a - b)) {
        const labels = { response_code: String(code), response_code_class: `${Math.floor(code / 100)}xx` };
        const counts: JsonObject[] = [];
        const latencies: JsonObject[] = [];
        for (const [from, to] of windows) {
          const merged: MinuteStats = { count: 0, sum: 0, sumSquares: 0, buckets: [] };
          for (let m = from; m < to; m += 1) {
            const s = byMinute.get(m);
            if (!s) continue;
            merged.count += s.count;
            merged.sum += s.sum;
            merged.sumSquares += s.sumSquares;
            s.buckets.forEach((c, i) => {
              merged.buckets[i] = (merged.buckets[i] ?? 0) + (c ?? 0);
            });
          }
          if (merged.count === 0) continue;
          const interval = {
            startTime: isoSeconds(this.startMs + from * MINUTE),
            endTime: isoSeconds(this.startMs + to * MINUTE),
          };
          counts.push({ interval, value: { int64Value: merged.count } });
          const mean = merged.sum / merged.count;
          latencies.push({
            interval,
            value: {
              distributionValue: {
                count: merged.count,
                mean: Math.round(mean * 1000) / 1000,
                sumOfSquaredDeviation: Math.round(
                  Math.max(0, merged.sumSquares - merged.count * mean * mean),
                ),
                bucketOptions: { exponentialBuckets: LATENCY_BUCKETS },
                bucketCounts: Array.from(merged.buckets, (c) => c ?? 0),
              },
            },
          });
        }
        if (counts.length === 0) continue;
        series.push({
          metric: { type: 'run.googleapis.com/request_count', labels },
          resource,
          metricKind: 'DELTA',
          valueType: 'INT64',
          unit: '1',
          points: counts,
        });
        series.push({
          metric: { type: 'run.googleapis.com/request_latencies', labels },
          resource,
          metricKind: 'DELTA',
          valueType: 'DISTRIBUTION',
          unit: 'ms',
          points: latencies,
        });
      }
      const perInstance = service.requestsPerInstance ?? 8;
      const instances: JsonObject[] = [];
      for (const [from, to] of windows) {
        let peak = 0;
        for (let m = from; m < to; m += 1) {
          const inFlight = (stats.busyMs[m] ?? 0) / MINUTE;
          const busy = inFlight > 0 ? Math.ceil((inFlight * 1.3) / perInstance) : 0;
          peak = Math.max(peak, busy, service.minInstances ?? 0);
        }
        if (peak === 0) continue;
        instances.push({
          interval: { endTime: isoSeconds(this.startMs + to * MINUTE) },
          value: { int64Value: peak },
        });
      }
      if (instances.length > 0) {
        series.push({
          metric: { type: 'run.googleapis.com/container/instance_count', labels: { state: 'active' } },
          resource,
          metricKind: 'GAUGE',
          valueType: 'INT64',
          unit: '1',
          points: instances,
        });
      }
    }
  }
}

/** A Cloud Trace v1 span with the labels Cloud Run's and the HTTP clients' spans carry. */
function span(
  spanId: string,
  parentSpanId: string | undefined,
  kind: 'RPC_SERVER' | 'RPC_CLIENT',
  name: string,
  timing: { startMs: number; endMs: number; status: number },
  target: TrafficService,
  path: string,
  writer: TrafficService,
  method?: string,
): JsonObject {
  return {
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    kind,
    name: name.split('?')[0] ?? name,
    startTime: iso(timing.startMs),
    endTime: iso(timing.endMs),
    labels: {
      ...(method ? { '/http/method': method } : {}),
      '/http/url': `${target.url}${path}`,
      '/http/status_code': String(timing.status),
      'g.co/r/cloud_run_revision/service_name': writer.name,
      'g.co/r/cloud_run_revision/location': writer.location,
    },
  };
}

function serviceKey(service: TrafficService): string {
  return `${service.project}/${service.location}/${service.name}`;
}

function revisionResource(service: TrafficService): JsonObject {
  return {
    type: 'cloud_run_revision',
    labels: {
      project_id: service.project,
      service_name: service.name,
      revision_name: service.revision,
      location: service.location,
      configuration_name: service.name,
    },
  };
}

function latencyBucket(ms: number): number {
  if (ms < LATENCY_BUCKETS.scale) return 0;
  const i = Math.floor(Math.log(ms / LATENCY_BUCKETS.scale) / Math.log(LATENCY_BUCKETS.growthFactor)) + 1;
  return Math.min(i, LATENCY_BUCKETS.numFiniteBuckets + 1);
}

function severityOf(status: number): string {
  return status >= 500 ? 'ERROR' : status >= 400 ? 'WARNING' : 'INFO';
}

function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** Metric points fall on whole minutes: no fraction, as Cloud Monitoring writes them. */
function isoSeconds(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** A span ID as Cloud Logging's spanId holds it: 16 hex digits. */
function hex16(decimal: string): string {
  return BigInt(decimal).toString(16).padStart(16, '0');
}

/**
 * A stack trace in the service's runtime, fixed per message shape (ids stripped), so one error always
 * shows the same frames, as real code would.
 */
function stackTrace(node: ServerNode, message: string): string {
  const shape = message.replace(/[0-9a-f]{6,}|\d+/gi, '#');
  const h = createHash('sha256').update(`${node.service.name}|${shape}`).digest();
  const line = (i: number) => 20 + (h[i] ?? 0);
  const col = (i: number) => 5 + ((h[i] ?? 0) % 30);
  const route = node.op.path.split('/').filter((p) => p && !p.startsWith('{'))[0] ?? 'index';
  const name = node.service.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  switch (node.service.runtime ?? 'node') {
    case 'go':
      return [
        `goroutine ${h[0]} [running]:`,
        `main.(*server).handle${capitalize(route)}(0xc000${h.readUInt16BE(2).toString(16)}, {0x1, 0x2})`,
        `\t/src/internal/${node.service.name}/handler.go:${line(4)} +0x${(h[5] ?? 0).toString(16)}`,
        'net/http.HandlerFunc.ServeHTTP(...)',
        '\t/usr/local/go/src/net/http/server.go:2220',
      ].join('\n');
    case 'python':
      return [
        'Traceback (most recent call last):',
        `  File "/app/${node.service.name.replace(/-/g, '_')}/views.py", line ${line(4)}, in ${route}`,
        `    result = service.${route}(request)`,
        `  File "/app/${node.service.name.replace(/-/g, '_')}/service.py", line ${line(6)}, in ${route}`,
        '    raise error',
      ].join('\n');
    default:
      return [
        `    at ${capitalize(name)}Service.${route} (/app/src/${node.service.name}-service.js:${line(4)}:${col(5)})`,
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
        `    at async /app/src/routes/${route}.js:${line(6)}:${col(7)}`,
      ].join('\n');
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
