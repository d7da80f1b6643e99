import type { Inventory, LbBackend, LoadBalancer, ServerlessNeg } from '../../shared/inventory.ts';

/** A load balancer in front of a service: forwarding rule → URL map → backend service → serverless NEG. */
export interface Frontend {
  loadBalancer: LoadBalancer;
  backend: LbBackend;
  neg: ServerlessNeg;
}

/** The service a NEG sends to, as projects/P/locations/R/services/S with P a project id when known. */
function serviceOfNeg(neg: ServerlessNeg, projectByNumber: ReadonlyMap<string, string>): string | undefined {
  const match = neg.cloudRunService?.match(/^projects\/([^/]+)\/locations\/([^/]+)\/services\/([^/]+)$/);
  if (!match) return undefined;
  const [, project = '', location, service] = match;
  return `projects/${projectByNumber.get(project) ?? project}/locations/${location}/services/${service}`;
}

/**
 * The load balancers in front of each service, by service name: one entry per (forwarding rule,
 * backend service) that sends to it. A URL-mask NEG takes the service from each request's host or
 * path, so it can reach every service of its project and region: each of them counts as behind it.
 */
export function frontendsOf(
  inventory: Inventory,
  projectByNumber: ReadonlyMap<string, string>,
): Map<string, Frontend[]> {
  const services = new Set<string>();
  const byRegion = new Map<string, string[]>();
  for (const w of inventory.workloads) {
    if (w.kind !== 'service') continue;
    services.add(w.name);
    const key = `${w.project}/${w.location}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), w.name]);
  }
  const targetsOf = (neg: ServerlessNeg): string[] => {
    if (neg.cloudRunService) {
      const service = serviceOfNeg(neg, projectByNumber);
      return service && services.has(service) ? [service] : [];
    }
    if (!neg.urlMask) return [];
    return byRegion.get(`${projectByNumber.get(neg.project) ?? neg.project}/${neg.region}`) ?? [];
  };
  const byService = new Map<string, Frontend[]>();
  for (const loadBalancer of inventory.loadBalancers ?? []) {
    for (const backend of loadBalancer.backends) {
      for (const neg of backend.negs) {
        for (const service of targetsOf(neg)) {
          const list = byService.get(service) ?? [];
          // Two NEGs of one backend to the same service (e.g. two tags) are one way in.
          if (list.some((f) => f.loadBalancer === loadBalancer && f.backend === backend)) continue;
          list.push({ loadBalancer, backend, neg });
          byService.set(service, list);
        }
      }
    }
  }
  return byService;
}

/** `api-https (34.149.20.11:443)`: the forwarding rule as people name it. */
export function loadBalancerLabel(loadBalancer: LoadBalancer): string {
  const port = loadBalancer.portRange?.replace(/^(\d+)-\1$/, '$1');
  return loadBalancer.ipAddress
    ? `${loadBalancer.shortName} (${loadBalancer.ipAddress}${port ? `:${port}` : ''})`
    : loadBalancer.shortName;
}

/** The last segment of a resource name. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Host patterns of the URL map that lead to a backend; `*` is the default route. */
export function hostsOf(backend: LbBackend): string[] {
  return [...new Set(backend.routes.flatMap((route) => route.hosts))];
}
