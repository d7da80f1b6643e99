import type { Workload } from '../../shared/inventory.ts';
import type { ErrorsResponse, PartialFailure, TimeRange } from '../../shared/observability.ts';
import type { LoggingAdapter, RawLogEntry } from '../collect/logging-adapter.ts';
import { logsQueryOf } from '../core/console-links.ts';
import { type ErrorOccurrence, groupErrors } from '../core/error-fingerprint.ts';
import { windowOf } from './time-ranges.ts';
import { failureOf } from './upstream-failure.ts';

/** Entries read at most per answer: enough to group, bounded so a panel answers fast. */
export const MAX_ERROR_ENTRIES = 2_000;
const PAGE_SIZE = 1_000;

type Struct = { fields?: Record<string, StructValue> } | null | undefined;
type StructValue = { stringValue?: string | null; structValue?: Struct } | null | undefined;

/** The message of an application log entry: textPayload, or jsonPayload's message/error/stack. */
export function messageOfEntry(entry: RawLogEntry): string {
  if (typeof entry.textPayload === 'string' && entry.textPayload.trim()) return entry.textPayload;
  const fields = (entry.jsonPayload as Struct)?.fields ?? {};
  for (const key of ['message', 'msg', 'error', 'stack_trace', 'exception']) {
    const value = fields[key]?.stringValue;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return '';
}

function timestampOf(entry: RawLogEntry): string | undefined {
  const t = entry.timestamp as { seconds?: unknown; nanos?: unknown } | null | undefined;
  if (!t) return undefined;
  const ms = Number(t.seconds ?? 0) * 1000 + Math.floor(Number(t.nanos ?? 0) / 1e6);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function traceOf(entry: RawLogEntry): ErrorOccurrence['trace'] {
  const m = /^projects\/([^/]+)\/traces\/([0-9a-fA-F]{1,64})$/.exec(entry.trace ?? '');
  return m?.[1] && m[2] ? { project: m[1], traceId: m[2].toLowerCase() } : undefined;
}

/**
 * Recent errors of one service grouped by normalized message (Cloud Logging): its application logs
 * at ERROR and above (request logs carry no message), newest first, up to MAX_ERROR_ENTRIES.
 */
export async function readErrors(
  logging: LoggingAdapter,
  workload: Workload,
  range: TimeRange,
  now: Date,
): Promise<ErrorsResponse> {
  const { from, to } = windowOf(range, now);
  const filter = [
    logsQueryOf(workload),
    'severity>=ERROR',
    'NOT log_id("run.googleapis.com/requests")',
    `timestamp>="${from.toISOString()}"`,
    `timestamp<="${to.toISOString()}"`,
  ].join(' AND ');
  const occurrences: ErrorOccurrence[] = [];
  const failures: PartialFailure[] = [];
  let entriesRead = 0;
  let truncated = false;
  let pageToken: string | undefined;
  try {
    do {
      const page = await logging.listEntries({
        projects: [workload.project],
        filter,
        orderBy: 'timestamp desc',
        pageSize: Math.min(PAGE_SIZE, MAX_ERROR_ENTRIES - entriesRead),
        ...(pageToken ? { pageToken } : {}),
      });
      entriesRead += page.entries.length;
      for (const entry of page.entries) {
        const timestamp = timestampOf(entry);
        const trace = traceOf(entry);
        if (timestamp)
          occurrences.push({ message: messageOfEntry(entry), timestamp, ...(trace ? { trace } : {}) });
      }
      pageToken = page.nextPageToken;
    } while (pageToken && entriesRead < MAX_ERROR_ENTRIES);
    truncated = pageToken !== undefined;
  } catch (error) {
    failures.push(
      failureOf('logging', workload.project, `list the error logs of ${workload.shortName}`, error),
    );
  }
  return {
    resource: workload.name,
    range,
    groups: groupErrors(occurrences),
    entriesRead,
    truncated,
    failures,
  };
}
