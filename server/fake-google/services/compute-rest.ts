import type { IncomingMessage, ServerResponse } from 'node:http';
import { status } from '@grpc/grpc-js';
import { COMPUTE_V1_BASE } from '../compute-world.ts';
import { asGoogleApiError, GoogleApiError, httpStatusOf } from '../google-api-error.ts';
import { paginate } from '../paginate.ts';
import type { JsonObject } from '../proto-json-checker.ts';
import type { FakeCallContext } from '../registry.ts';
import { isProjectRef } from '../resource-names.ts';
import type { ComputeSection, WorldProject } from '../world.ts';
import { sendJson } from './send-json.ts';
import { visibleProject } from './visible-project.ts';

/** One list method of the Compute v1 REST API that the fake serves. */
interface ComputeList {
  /** compute.proto service, as the call log and failCall name it: BackendServices/List. */
  service: string;
  section: ComputeSection;
  /** The list's kind, e.g. compute#backendServiceList. */
  kind: string;
  /** The IAM permission in the PERMISSION_DENIED message. */
  permission: string;
  regional: boolean;
}

const LISTS: Record<string, ComputeList> = {
  networkEndpointGroups: {
    service: 'RegionNetworkEndpointGroups',
    section: 'networkEndpointGroups',
    kind: 'compute#networkEndpointGroupList',
    permission: 'compute.regionNetworkEndpointGroups.list',
    regional: true,
  },
  backendServices: {
    service: 'BackendServices',
    section: 'backendServices',
    kind: 'compute#backendServiceList',
    permission: 'compute.backendServices.list',
    regional: false,
  },
  urlMaps: {
    service: 'UrlMaps',
    section: 'urlMaps',
    kind: 'compute#urlMapList',
    permission: 'compute.urlMaps.list',
    regional: false,
  },
  targetHttpsProxies: {
    service: 'TargetHttpsProxies',
    section: 'targetHttpsProxies',
    kind: 'compute#targetHttpsProxyList',
    permission: 'compute.targetHttpsProxies.list',
    regional: false,
  },
  targetHttpProxies: {
    service: 'TargetHttpProxies',
    section: 'targetHttpProxies',
    kind: 'compute#targetHttpProxyList',
    permission: 'compute.targetHttpProxies.list',
    regional: false,
  },
  forwardingRules: {
    service: 'GlobalForwardingRules',
    section: 'forwardingRules',
    kind: 'compute#forwardingRuleList',
    permission: 'compute.globalForwardingRules.list',
    regional: false,
  },
};

// compute/v1 list methods: "maxResults … Acceptable values are 0 to 500, inclusive. (Default: 500)".
const COMPUTE_PAGE_LIMITS = { defaultSize: 500, maxSize: 500 };
const PATH = /^\/compute\/v1\/projects\/([^/]+)\/(?:global|regions\/([a-z]+-[a-z]+\d+))\/([A-Za-z]+)\/?$/;

// The `reason` Compute puts in errors[], e.g. "Error 403: Required 'compute.zones.list' permission
// for 'projects/XXX', forbidden" as Terraform prints it (terraform-google-modules/terraform-google-vault#206).
const REASONS: Record<number, string> = {
  400: 'invalid',
  401: 'required',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  501: 'notImplemented',
  503: 'backendError',
};

/**
 * The Compute Engine v1 REST API, the transport @google-cloud/compute uses: the list methods of
 * serverless NEGs, backend services, URL maps, target proxies and global forwarding rules, with
 * Compute's pagination (maxResults, pageToken) and its legacy JSON errors
 * ({error: {code, message, errors: [{message, domain, reason}]}}, no `status`), which gax maps to
 * gRPC codes by HTTP status.
 */
export function computeRestHandler(
  context: FakeCallContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = PATH.exec(url.pathname);
    const list = match ? LISTS[match[3] ?? ''] : undefined;
    const method = list ? `/google.cloud.compute.v1.${list.service}/List` : `/compute.v1${url.pathname}`;
    const request: JsonObject = Object.fromEntries(url.searchParams);
    if (match) {
      request.project = match[1];
      if (match[2]) request.region = match[2];
    }
    const record = context.controls.record(method, request);
    try {
      const failure = context.controls.takeFailure(method);
      if (failure) throw failure;
      if (!match || !list || list.regional !== (match[2] !== undefined)) {
        throw new GoogleApiError(
          status.NOT_FOUND,
          `The requested URL ${url.pathname} was not found on this server.`,
        );
      }
      if (req.method !== 'GET') {
        throw GoogleApiError.unimplemented(`fake-google serves only GET on ${url.pathname}`);
      }
      const body = listBody(list, match[1] ?? '', match[2], url.searchParams, context);
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
          errors: [{ message, domain: 'global', reason: REASONS[http] ?? 'backendError' }],
        },
      });
    }
  };
}

function listBody(
  list: ComputeList,
  ref: string,
  region: string | undefined,
  params: URLSearchParams,
  context: FakeCallContext,
): JsonObject {
  const scope = region ? `regions/${region}` : 'global';
  const resource = `projects/${ref}`;
  if (!isProjectRef(ref))
    throw invalid('project', ref, 'Must be a match of regex [a-z](?:[-a-z0-9]{0,61}[a-z0-9])?');
  const project = visibleProject(
    context,
    ref,
    // Compute's answer for a project the caller may not list in, e.g. "Required
    // 'compute.globalOperations.list' permission for 'projects/travis-staging-1'" (travis-ci/terraform-config#490).
    () => GoogleApiError.denied(`Required '${list.permission}' permission for '${resource}'`),
  );
  for (const unsupported of ['filter', 'orderBy']) {
    if (params.get(unsupported)) {
      throw GoogleApiError.unimplemented(
        `fake-google does not support ${unsupported} on ${list.service}.List`,
      );
    }
  }
  const maxResults = params.has('maxResults') ? Number(params.get('maxResults')) : 0;
  if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 500) {
    throw invalid('maxResults', params.get('maxResults') ?? '', 'Must be less than or equal to 500');
  }
  const items = inScope(project, list.section, region);
  let page: { items: JsonObject[]; nextPageToken: string };
  try {
    page = paginate(
      items,
      {
        pageSize: maxResults,
        pageToken: params.get('pageToken') ?? '',
        queryKey: `${project.projectId}/${scope}/${list.section}`,
      },
      COMPUTE_PAGE_LIMITS,
    );
  } catch {
    throw invalid('pageToken', params.get('pageToken') ?? '', 'The page token is not valid for this request');
  }
  return {
    kind: list.kind,
    id: `projects/${ref}/${scope}/${list.section}`,
    // Compute leaves `items` out of an empty page.
    ...(page.items.length > 0 ? { items: page.items } : {}),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    selfLink: `${COMPUTE_V1_BASE}projects/${ref}/${scope}/${list.section}`,
  };
}

function inScope(project: WorldProject, section: ComputeSection, region: string | undefined): JsonObject[] {
  const all = project[section];
  if (region === undefined) return all;
  return all.filter((item) => String(item.region).endsWith(`/regions/${region}`));
}

/** Compute's wording for a bad parameter, e.g. "Invalid value for field 'maxResults': '501'. Must be …". */
function invalid(field: string, value: string, why: string): GoogleApiError {
  return GoogleApiError.invalidArgument(`Invalid value for field '${field}': '${value}'. ${why}.`);
}
