import { Logging } from '@google-cloud/logging';
import type { protos } from '@google-cloud/logging-api';

export type RawLogEntry = protos.google.logging.v2.ILogEntry;

/** One page of Cloud Logging entries.list. */
export interface LogEntriesQuery {
  /** Project IDs whose logs to read. */
  projects: string[];
  /** A Logging query; name `timestamp` to bound it (nothing here adds a default window). */
  filter: string;
  orderBy?: 'timestamp asc' | 'timestamp desc';
  /** 1-1000; the API's default is 50. */
  pageSize?: number;
  pageToken?: string;
}

export interface LogEntriesPage {
  entries: RawLogEntry[];
  /** Set when more entries match. */
  nextPageToken?: string;
}

/** Read-only access to Cloud Logging v2 entries.list. */
export interface LoggingAdapter {
  listEntries(query: LogEntriesQuery): Promise<LogEntriesPage>;
  close(): Promise<void>;
}

type LoggingServiceV2Client = InstanceType<NonNullable<Logging['loggingService']>>;

const CALL_TIMEOUT_MS = 30_000;

/**
 * LoggingAdapter over @google-cloud/logging's v2 gRPC client. It calls ListLogEntries directly rather
 * than Logging.getEntries, which converts entries to its own Entry class and silently adds a 24 h
 * timestamp restriction to any filter that does not name `timestamp`.
 */
export class GoogleLoggingAdapter implements LoggingAdapter {
  private readonly client: LoggingServiceV2Client;

  constructor(options: ConstructorParameters<typeof Logging>[0] = {}) {
    // Logging wraps LoggingServiceV2Client; its own auth is only asked for a project ID, never here.
    this.client = new Logging(options).loggingService as unknown as LoggingServiceV2Client;
  }

  async listEntries(query: LogEntriesQuery): Promise<LogEntriesPage> {
    const [entries, , response] = await this.client.listLogEntries(
      {
        resourceNames: query.projects.map((project) => `projects/${project}`),
        filter: query.filter,
        orderBy: query.orderBy ?? 'timestamp desc',
        pageSize: query.pageSize ?? 0,
        pageToken: query.pageToken ?? '',
      },
      { autoPaginate: false, timeout: CALL_TIMEOUT_MS },
    );
    const nextPageToken = response?.nextPageToken;
    return { entries, ...(nextPageToken ? { nextPageToken } : {}) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
