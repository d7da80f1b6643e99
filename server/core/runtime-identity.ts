import type { Project, Workload } from '../../shared/inventory.ts';

const DEFAULT_COMPUTE = /^\d+-compute@developer\.gserviceaccount\.com$/;
const APP_ENGINE_DEFAULT = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?@appspot\.gserviceaccount\.com$/;

/** The runtime identity a workload actually runs as, and whether it is a Google-made default account. */
export interface RuntimeIdentity {
  /** Email of the account; undefined when unset and the project number is unknown. */
  email: string | undefined;
  /** `unset` when the workload names no account (Cloud Run then uses the default compute account). */
  kind: 'named' | 'default-compute' | 'app-engine-default' | 'unset';
}

/**
 * Which account a workload runs as. Default accounts of any project count as default accounts:
 * borrowing another project's default identity is no better than using one's own.
 */
export function runtimeIdentityOf(workload: Workload, project: Project | undefined): RuntimeIdentity {
  const email = workload.serviceAccount?.trim();
  if (!email) {
    const number = project?.projectNumber;
    return { email: number ? `${number}-compute@developer.gserviceaccount.com` : undefined, kind: 'unset' };
  }
  if (DEFAULT_COMPUTE.test(email)) return { email, kind: 'default-compute' };
  if (APP_ENGINE_DEFAULT.test(email)) return { email, kind: 'app-engine-default' };
  return { email, kind: 'named' };
}
