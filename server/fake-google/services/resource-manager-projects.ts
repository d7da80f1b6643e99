import { GoogleApiError } from '../google-api-error.ts';
import type { FakeCallContext, FakeGrpcService, UnaryHandler } from '../registry.ts';
import { isProjectRef, splitResourceName } from '../resource-names.ts';
import type { WorldProject } from '../world.ts';
import { withIamPolicyEtag } from './iam-policy-etag.ts';
import { visibleProject } from './visible-project.ts';

/**
 * google.cloud.resourcemanager.v3.Projects, the service behind ProjectsClient: GetProject and
 * GetIamPolicy of the world's projects, addressed as `projects/{ID or number}`.
 */
export function resourceManagerProjectsService(): FakeGrpcService {
  const getProject: UnaryHandler = (request, context) => {
    const project = find(String(request.name), 'resourcemanager.projects.get', context);
    // The name carries the number whichever way the request named the project (projects.proto:
    // "an int64 generated number prefixed by projects/"). `gcloud projects create` makes the display
    // name the ID unless told otherwise, and worlds hold no other.
    return {
      name: `projects/${project.projectNumber}`,
      projectId: project.projectId,
      state: 'ACTIVE',
      displayName: project.projectId,
    };
  };

  const getIamPolicy: UnaryHandler = (request, context) => {
    const project = find(String(request.resource), 'resourcemanager.projects.getIamPolicy', context);
    return withIamPolicyEtag(project.projectIamPolicy);
  };

  return {
    name: 'google.cloud.resourcemanager.v3.Projects',
    methods: { GetProject: getProject, GetIamPolicy: getIamPolicy },
  };
}

function find(name: string, permission: string, context: FakeCallContext): WorldProject {
  const [ref = ''] = splitResourceName(name, ['projects']) ?? [];
  if (!isProjectRef(ref)) {
    throw GoogleApiError.invalidArgument(
      `Invalid resource name '${name}': expected projects/{project}, where {project} is a project ID or number.`,
    );
  }
  return visibleProject(context, ref, () => permissionDenied(permission, name));
}

/**
 * Resource Manager v3's answer for a project that does not exist or that the caller may not see, e.g.
 * "Permission 'resourcemanager.projects.get' denied on resource
 * '//cloudresourcemanager.googleapis.com/projects/test-quota-339617' (or it may not exist)." That is
 * the text Google's own CRM v3 mock answers, noting "This API actually returns a 403 in the
 * project-not-found case" (GoogleCloudPlatform/k8s-config-connector,
 * mockgcp/mockresourcemanager/projectsv3.go), and a public ProjectsClient sample records the same text
 * from the real API. "The caller does not have permission" is CRM v1's older answer, not v3's.
 * getIamPolicy is denied alike (projects.proto: "Permission is denied if the policy or the resource do
 * not exist").
 */
function permissionDenied(permission: string, name: string): GoogleApiError {
  return GoogleApiError.denied(
    `Permission '${permission}' denied on resource '//cloudresourcemanager.googleapis.com/${name}' (or it may not exist).`,
  );
}
