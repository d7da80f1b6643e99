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
 * backend service) that sends to it. URL-mask NEGs pick the service per request and are left out.
 */
export function frontendsOf(
  inventory: Inventory,
  projectByNumber: ReadonlyMap<string, string>,
): Map<string, Frontend[]> {
  const services = new Set(inventory.workloads.filter((w) => w.kind === 'service').map((w) => w.name));
  const byService = new Map<string, Frontend[]>();
  for (const loadBalancer of inventory.loadBalancers ?? []) {
    for (const backend of loadBalancer.backends) {
      for (const neg of backend.negs) {
        const service = serviceOfNeg(neg, projectByNumber);
        if (!service || !services.has(service)) continue;
        const list = byService.get(service) ?? [];
        // Two NEGs of one backend to the same service (e.g. two tags) are one way in.
        if (list.some((f) => f.loadBalancer === loadBalancer && f.backend === backend)) continue;
        list.push({ loadBalancer, backend, neg });
        byService.set(service, list);
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
