import { auth, cloudtrace, type cloudtrace_v1 } from '@googleapis/cloudtrace';

export type RawTrace = cloudtrace_v1.Schema$Trace;

/** A page of Cloud Trace v1 traces.list; times are RFC 3339. */
export interface TraceListQuery {
  project: string;
  startTime?: string;
  endTime?: string;
  /** Cloud Trace filter syntax, e.g. `root:/checkout +span:/charges`. */
  filter?: string;
  /** MINIMAL (ids only, the API's default), ROOTSPAN or COMPLETE. */
  view?: 'MINIMAL' | 'ROOTSPAN' | 'COMPLETE';
  /** trace_id, name, duration or start, optionally followed by " desc". */
  orderBy?: string;
  pageSize?: number;
  pageToken?: string;
}

export interface TracePage {
  traces: RawTrace[];
  /** Set when more traces match. */
  nextPageToken?: string;
}

/** Read-only access to Cloud Trace API v1 (REST): traces.list and traces.get. */
export interface TraceAdapter {
  listTraces(query: TraceListQuery): Promise<TracePage>;
  getTrace(project: string, traceId: string): Promise<RawTrace>;
  close(): Promise<void>;
}

export interface GoogleTraceAdapterOptions {
  /** Where the API lives; the fake's is fakeRestRootUrl(fake). Defaults to https://cloudtrace.googleapis.com/. */
  rootUrl?: string;
  /** 'none' sends no credentials (the fake); by default Application Default Credentials. */
  auth?: 'none' | InstanceType<typeof auth.GoogleAuth>;
}

const CALL_TIMEOUT_MS = 30_000;
const TRACE_READONLY_SCOPE = 'https://www.googleapis.com/auth/trace.readonly';

/**
 * TraceAdapter over @googleapis/cloudtrace's real v1 REST client. Without options it calls Google
 * with Application Default Credentials; the demo and tests pass the fake's root URL and no auth, so
 * the same code path talks plain HTTP to loopback.
 */
export class GoogleTraceAdapter implements TraceAdapter {
  private readonly client: cloudtrace_v1.Cloudtrace;

  constructor(options: GoogleTraceAdapterOptions = {}) {
    const credentials =
      options.auth === 'none'
        ? undefined
        : (options.auth ?? new auth.GoogleAuth({ scopes: [TRACE_READONLY_SCOPE] }));
    this.client = cloudtrace({
      version: 'v1',
      ...(options.rootUrl === undefined ? {} : { rootUrl: options.rootUrl }),
      ...(credentials === undefined ? {} : { auth: credentials }),
    });
  }

  async listTraces(query: TraceListQuery): Promise<TracePage> {
    const { project, ...params } = query;
    const response = await this.client.projects.traces.list(
      { projectId: project, ...params },
      { timeout: CALL_TIMEOUT_MS },
    );
    const { traces = [], nextPageToken } = response.data;
    return { traces, ...(nextPageToken ? { nextPageToken } : {}) };
  }

  async getTrace(project: string, traceId: string): Promise<RawTrace> {
    const response = await this.client.projects.traces.get(
      { projectId: project, traceId },
      { timeout: CALL_TIMEOUT_MS },
    );
    return response.data;
  }

  /** REST calls hold no channel open: nothing to close. */
  async close(): Promise<void> {}
}
