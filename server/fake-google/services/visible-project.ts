import { GoogleApiError } from '../google-api-error.ts';
import type { FakeCallContext } from '../registry.ts';
import type { WorldProject } from '../world.ts';

/**
 * The project a request addresses, by ID or number. Google answers PERMISSION_DENIED alike for a
 * project that does not exist and one the caller may not see; denyProject makes a project the latter.
 */
export function visibleProject(
  context: FakeCallContext,
  ref: string,
  permission: string,
  resource: string,
): WorldProject {
  const project = context.index.project(ref);
  if (!project || context.controls.isDenied(project))
    throw GoogleApiError.permissionDenied(permission, resource);
  return project;
}
