import { GoogleApiError } from '../google-api-error.ts';
import { type PageLimits, paginate } from '../paginate.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import type { UnaryHandler } from '../registry.ts';
import { isProjectRef, isRegion, splitResourceName } from '../resource-names.ts';
import type { WorldProject } from '../world.ts';
import { visibleProject } from './visible-project.ts';

interface LocatedListSpec {
  /** The world section listed, whose names are projects/P/locations/L/{collection}/X. */
  section: 'schedulerJobs' | 'tasksQueues';
  /** The response field, e.g. jobs or queues. */
  field: string;
  /** The IAM permission in the PERMISSION_DENIED message, e.g. cloudscheduler.jobs.list. */
  permission: string;
  limits: PageLimits;
}

interface LocatedListRequest {
  parent: string;
  pageSize: number;
  pageToken: string;
  filter?: string;
}

/**
 * A List RPC over `projects/P/locations/L` (Cloud Scheduler ListJobs, Cloud Tasks ListQueues). Both
 * answer a project the caller may not read with the IAM wording "The principal (user or service
 * account) lacks IAM permission "cloudtasks.tasks.create" for the resource "projects/…" (or the
 * resource may not exist)." (googleapis/repo-automation-bots#5598, TEAMMATES/teammates#10974).
 */
export function locatedList(spec: LocatedListSpec): UnaryHandler {
  return (request, context) => {
    const { parent, pageSize, pageToken, filter } = request as unknown as LocatedListRequest;
    const ids = splitResourceName(parent, ['projects', 'locations']);
    const [ref = '', location = ''] = ids ?? [];
    if (!ids || !isProjectRef(ref) || !isRegion(location)) {
      throw GoogleApiError.invalidArgument(
        `Invalid parent '${parent}': expected projects/{project}/locations/{location}.`,
      );
    }
    if (filter) throw GoogleApiError.unimplemented('fake-google does not support filter.');
    const project = visibleProject(context, ref, () =>
      GoogleApiError.denied(
        `The principal (user or service account) lacks IAM permission "${spec.permission}" for the resource "${parent}" (or the resource may not exist).`,
      ),
    );
    const page = paginate(
      inLocation(project, spec.section, location),
      { pageSize, pageToken, queryKey: `${project.projectId}/${location}/${spec.section}` },
      spec.limits,
    );
    return { [spec.field]: page.items, nextPageToken: page.nextPageToken };
  };
}

function inLocation(
  project: WorldProject,
  section: LocatedListSpec['section'],
  location: string,
): JsonObject[] {
  return project[section].filter((item) => String(item.name).split('/')[3] === location);
}
