import type { GoogleApiError } from '../google-api-error.ts';
import type { FakeCallContext } from '../registry.ts';
import type { WorldProject } from '../world.ts';

/**
 * The project a request addresses, by ID or number. Google answers PERMISSION_DENIED alike for a
 * project that does not exist and one the caller may not see (in each API's own wording, made by
 * `denied`); denyProject makes a project the latter.
 */
export function visibleProject(
  context: FakeCallContext,
  ref: string,
  denied: () => GoogleApiError,
): WorldProject {
  const project = context.index.project(ref);
  if (!project || context.controls.isDenied(project)) throw denied();
  return project;
}
