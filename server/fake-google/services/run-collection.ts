import { GoogleApiError } from '../google-api-error.ts';
import { paginate } from '../paginate.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import type { FakeCallContext, UnaryHandler } from '../registry.ts';
import { isProjectRef, isRegion, isResourceId, splitResourceName } from '../resource-names.ts';
import type { WorldProject } from '../world.ts';
import type { RunCollection } from '../world-index.ts';
import { withIamPolicyEtag } from './iam-policy-etag.ts';
import { visibleProject } from './visible-project.ts';

interface RunCollectionSpec {
  collection: RunCollection;
  /** The kind in Cloud Run's NOT_FOUND message. */
  kind: 'SERVICE' | 'JOB';
  /** RPC names, e.g. ListServices and GetService. */
  list: string;
  get: string;
}

interface Found {
  project: WorldProject;
  location: string;
  id: string;
  resource: JsonObject;
}

interface ListRequest {
  parent: string;
  pageSize: number;
  pageToken: string;
  showDeleted: boolean;
}

/**
 * The read RPCs that Cloud Run v2 Services and Jobs share (List, Get, GetIamPolicy), with Cloud Run's
 * name checks and errors.
 */
export function runCollectionMethods(spec: RunCollectionSpec): Record<string, UnaryHandler> {
  const { collection } = spec;
  const permission = (verb: string) => `run.${collection}.${verb}`;

  const list: UnaryHandler = (request, context) => {
    const { parent, pageSize, pageToken, showDeleted } = request as unknown as ListRequest;
    const [ref, location] = parseParent(parent);
    const project = visibleProject(context, ref, () =>
      GoogleApiError.permissionDenied(permission('list'), parent),
    );
    const all = context.index
      .list(project, collection, location)
      // Soft-deleted resources carry a deleteTime and are listed only on request.
      .filter((item) => showDeleted || item.deleteTime === undefined);
    const queryKey = `${project.projectId}/${location}/${collection}?showDeleted=${showDeleted}`;
    const page = paginate(all, { pageSize, pageToken, queryKey });
    return { [collection]: page.items, nextPageToken: page.nextPageToken };
  };

  const find = (name: string, verb: string, context: FakeCallContext): Found => {
    const [ref, location, id] = parseName(name, collection);
    const project = visibleProject(context, ref, () =>
      GoogleApiError.permissionDenied(permission(verb), name),
    );
    const resource = context.index.get(project, collection, location, id);
    if (!resource) {
      // Cloud Run's NOT_FOUND wording, as its API errors show it.
      throw GoogleApiError.notFound(
        `Resource '${id}' of kind '${spec.kind}' in region '${location}' in project '${ref}' does not exist.`,
      );
    }
    return { project, location, id, resource };
  };

  const get: UnaryHandler = (request, context) => find(String(request.name), 'get', context).resource;

  const getIamPolicy: UnaryHandler = (request, context) => {
    const { project, location, id } = find(String(request.resource), 'getIamPolicy', context);
    return withIamPolicyEtag(context.index.iamPolicy(project, collection, location, id));
  };

  return { [spec.list]: list, [spec.get]: get, GetIamPolicy: getIamPolicy };
}

/** `projects/P/locations/L` as [P, L]; the `-` wildcard and malformed parents are INVALID_ARGUMENT. */
function parseParent(parent: string): [string, string] {
  const ids = splitResourceName(parent, ['projects', 'locations']);
  const [ref = '', location = ''] = ids ?? [];
  if (location === '-') {
    // Cloud Run v2 has no cross-region list: ListServicesRequest.parent and ListJobsRequest.parent
    // "cannot be the "-" wildcard" (google/cloud/run/v2/service.proto, job.proto).
    throw GoogleApiError.invalidArgument(
      `Invalid parent '${parent}': the location must be a valid Google Cloud region and cannot be the "-" wildcard.`,
    );
  }
  if (!ids || !isProjectRef(ref) || !isRegion(location)) {
    throw GoogleApiError.invalidArgument(
      `Invalid parent '${parent}': expected projects/{project}/locations/{location}, where {project} is a project ID or number.`,
    );
  }
  return [ref, location];
}

/** `projects/P/locations/L/{collection}/X` as [P, L, X]; malformed names are INVALID_ARGUMENT. */
function parseName(name: string, collection: RunCollection): [string, string, string] {
  const ids = splitResourceName(name, ['projects', 'locations', collection]);
  const [ref = '', location = '', id = ''] = ids ?? [];
  if (!ids || !isProjectRef(ref) || !isRegion(location) || !isResourceId(id)) {
    throw GoogleApiError.invalidArgument(
      `Invalid resource name '${name}': expected projects/{project}/locations/{location}/${collection}/{id}.`,
    );
  }
  return [ref, location, id];
}
