import type { EventSource, Inventory, Workload } from '../../shared/inventory.ts';
import { serviceLocator } from './service-locator.ts';

/** An event source and the workload of the estate it delivers to (SPEC §7 `event` edges). */
export interface Delivery {
  source: EventSource;
  /** The service or job it delivers to; undefined when the target is outside the estate. */
  target: Workload | undefined;
  /**
   * `url`: the requests go to one of the service's URLs (default, tag or legacy) and need an OIDC
   * token; `run-api`: they call the Run Admin API's jobs:run and need an OAuth access token.
   */
  via: 'url' | 'run-api';
  /** Where the requests go, safe to show: scheme, host and path, never a query string or userinfo. */
  shown: string;
}

/** The `:run` method of the Run Admin API, v2 and the regional v1 (namespaces) form. */
const RUN_V2 =
  /^https?:\/\/(?:[a-z0-9-]+-)?run\.googleapis\.com\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/jobs\/([^/:?#]+):run(?:[?#]|$)/i;
const RUN_V1 =
  /^https?:\/\/([a-z0-9-]+)-run\.googleapis\.com\/apis\/run\.googleapis\.com\/v1\/namespaces\/([^/]+)\/jobs\/([^/:?#]+):run(?:[?#]|$)/i;

/** The job a jobs:run URL names, as projects/P/locations/L/jobs/J with P a project id when known. */
function jobOfRunUrl(url: string, projectByNumber: ReadonlyMap<string, string>): string | undefined {
  const v2 = url.match(RUN_V2);
  const v1 = v2 ? undefined : url.match(RUN_V1);
  const [project, location, job] = v2 ? [v2[1], v2[2], v2[3]] : v1 ? [v1[2], v1[1], v1[3]] : [];
  if (!project || !location || !job) return undefined;
  return `projects/${projectByNumber.get(project) ?? project}/locations/${location}/jobs/${job}`;
}

/** The path of a URL without query or fragment, which may hold tokens. */
function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const { pathname } = new URL(url);
    return pathname === '/' ? '' : pathname;
  } catch {
    return '';
  }
}

/**
 * Resolves every event source of the inventory to the workload it delivers to: jobs:run URLs to the
 * job they name, other URLs (or a queue's host-only override) to the service whose URL, tag URL or
 * host they use.
 */
export function deliveriesOf(inventory: Inventory, projectByNumber: ReadonlyMap<string, string>): Delivery[] {
  const sources = inventory.eventSources ?? [];
  if (sources.length === 0) return [];
  const byName = new Map(inventory.workloads.map((w) => [w.name, w]));
  const locator = serviceLocator(inventory.workloads);
  return sources.map((source): Delivery => {
    const url = source.targetUrl;
    const job = url ? jobOfRunUrl(url, projectByNumber) : undefined;
    if (job) {
      const target = byName.get(job);
      return {
        source,
        target: target?.kind === 'job' ? target : undefined,
        via: 'run-api',
        shown: url?.split(/[?#]/, 1)[0] ?? '',
      };
    }
    const located = locator.serviceAt(url ?? source.targetHost ?? '');
    const shown = located ? `${located.shown}${pathOf(url)}` : (source.targetHost ?? '');
    return { source, target: located ? byName.get(located.target) : undefined, via: 'url', shown };
  });
}
