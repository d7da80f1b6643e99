import { GoogleApiError } from '../google-api-error.ts';
import { type FilterableLogEntry, LOG_SEVERITIES, parseLoggingFilter } from '../logging-filter.ts';
import { paginate } from '../paginate.ts';
import type { FakeCallContext, FakeGrpcService, UnaryHandler } from '../registry.ts';
import { isProjectRef, splitResourceName } from '../resource-names.ts';
import { parseTimestamp } from '../timestamp.ts';
import type { WorldProject } from '../world.ts';
import { perProject } from './per-project.ts';
import { visibleProject } from './visible-project.ts';

interface ListLogEntriesRequest {
  resourceNames: string[];
  filter: string;
  orderBy: string;
  pageSize: number;
  pageToken: string;
}

// logging.proto ListLogEntriesRequest.page_size: "Default is 50. If the value is negative or exceeds
// 1000, the request is rejected." Negative sizes are refused by paginate; larger ones here.
const LOGGING_PAGE_LIMITS = { defaultSize: 50, maxSize: 1000 };

/**
 * google.logging.v2.LoggingServiceV2, the service behind @google-cloud/logging: ListLogEntries over
 * the world's logEntries of `projects/{project}` resource names, with the query language of
 * logging-filter.ts, orderBy "timestamp asc" (the default) or "timestamp desc", and pagination.
 */
export function loggingService(): FakeGrpcService {
  // Entries parsed once per world project, in timestamp order.
  const entriesOf = perProject((project): FilterableLogEntry[] =>
    project.logEntries
      .map((json) => ({
        json,
        timestampMs: parseTimestamp(String(json.timestamp))?.ms ?? 0,
        severity: LOG_SEVERITIES[String(json.severity ?? 'DEFAULT')] ?? 0,
      }))
      .sort((a, b) => a.timestampMs - b.timestampMs),
  );

  const listLogEntries: UnaryHandler = (request, context) => {
    const { resourceNames, filter, orderBy, pageSize, pageToken } =
      request as unknown as ListLogEntriesRequest;
    if (pageSize > LOGGING_PAGE_LIMITS.maxSize) {
      throw GoogleApiError.invalidArgument(`page_size must not exceed 1000, got ${pageSize}.`);
    }
    const descending = parseOrderBy(orderBy);
    const projects = projectsOf(resourceNames, context);
    const matches = parseLoggingFilter(filter);
    const entries = projects.flatMap((project) => entriesOf(project).filter(matches));
    if (projects.length > 1) entries.sort((a, b) => a.timestampMs - b.timestampMs);
    if (descending) entries.reverse();
    const page = paginate(
      entries,
      {
        pageSize,
        pageToken,
        queryKey: JSON.stringify([projects.map((p) => p.projectId), filter, descending]),
      },
      LOGGING_PAGE_LIMITS,
    );
    return { entries: page.items.map((entry) => entry.json), nextPageToken: page.nextPageToken };
  };

  return { name: 'google.logging.v2.LoggingServiceV2', methods: { ListLogEntries: listLogEntries } };
}

function parseOrderBy(orderBy: string): boolean {
  const normalized = orderBy.trim().replace(/\s+/g, ' ');
  if (normalized === '' || normalized === 'timestamp asc' || normalized === 'timestamp') return false;
  if (normalized === 'timestamp desc') return true;
  throw GoogleApiError.invalidArgument(
    `Invalid order_by "${orderBy}": only "timestamp asc" and "timestamp desc" are supported.`,
  );
}

/** The distinct world projects of `projects/{project}` names; other parents are refused. */
function projectsOf(resourceNames: string[], context: FakeCallContext): WorldProject[] {
  if (resourceNames.length === 0) {
    throw GoogleApiError.invalidArgument(
      'resource_names must name at least one resource, e.g. projects/my-project.',
    );
  }
  const projects = new Map<string, WorldProject>();
  for (const name of resourceNames) {
    const [ref = ''] = splitResourceName(name, ['projects']) ?? [];
    if (!isProjectRef(ref)) {
      throw GoogleApiError.invalidArgument(
        `Invalid resource name "${name}": the fake reads projects/{project} only (not organizations, folders, billing accounts or log views).`,
      );
    }
    const project = visibleProject(context, ref, () =>
      GoogleApiError.denied(
        `Permission 'logging.logEntries.list' denied on resource (or it may not exist): ${name}`,
      ),
    );
    projects.set(project.projectId, project);
  }
  return [...projects.values()];
}
