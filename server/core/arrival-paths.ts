import type { Ingress, Workload } from '../../shared/inventory.ts';
import type { Access, ArrivalPath, Exposure } from '../../shared/model.ts';
import { type Frontend, hostsOf, lastSegment, loadBalancerLabel } from './frontends.ts';

const OPEN_TO_INTERNET: ReadonlySet<Ingress> = new Set([
  'INGRESS_TRAFFIC_ALL',
  'INGRESS_TRAFFIC_UNSPECIFIED',
]);
const OPEN_TO_EXTERNAL_LB: ReadonlySet<Ingress> = new Set([
  ...OPEN_TO_INTERNET,
  'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
]);

const accessWords: Record<Access, string> = {
  unauthenticated: 'anyone may invoke it without signing in',
  'any-google-account': 'any Google account may invoke it',
  iap: 'users must pass IAP',
  iam: 'only principals with an invoker role may invoke it',
};

/** Whether the service's ingress lets requests from this load balancer in. */
export function ingressAdmits(service: Workload, frontend: Frontend): boolean {
  const ingress = service.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
  if (ingress === 'INGRESS_TRAFFIC_NONE') return false;
  return frontend.loadBalancer.external ? OPEN_TO_EXTERNAL_LB.has(ingress) : true;
}

function loadBalancerPath(service: Workload, exposure: Exposure, frontend: Frontend): ArrivalPath {
  const { loadBalancer, backend } = frontend;
  const open = ingressAdmits(service, frontend);
  const access: Access = backend.iapEnabled ? 'iap' : exposure.access;
  const gates = [
    backend.iapEnabled ? 'IAP on' : 'no IAP',
    backend.securityPolicy ? `Cloud Armor ${lastSegment(backend.securityPolicy)}` : 'no Cloud Armor',
  ].join(', ');
  const chain = [
    loadBalancer.urlMap ? `URL map ${lastSegment(loadBalancer.urlMap)}` : undefined,
    `backend service ${lastSegment(backend.backendService)} (${gates})`,
  ]
    .filter(Boolean)
    .join(' → ');
  const scope = loadBalancer.external
    ? 'From the internet through external'
    : 'From internal networks through internal';
  const ingress = service.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
  return {
    kind: 'load-balancer',
    from: loadBalancer.external ? 'internet' : 'internal',
    open,
    access,
    loadBalancer: {
      name: loadBalancer.name,
      label: loadBalancerLabel(loadBalancer),
      ipAddress: loadBalancer.ipAddress,
      portRange: loadBalancer.portRange,
      urlMap: loadBalancer.urlMap,
      backendService: backend.backendService,
      iapEnabled: backend.iapEnabled,
      securityPolicy: backend.securityPolicy,
      hosts: hostsOf(backend),
    },
    summary: open
      ? `${scope} load balancer ${loadBalancerLabel(loadBalancer)}, ${chain}: ${accessWords[access]}.`
      : `${scope} load balancer ${loadBalancerLabel(loadBalancer)}, ${chain}, but ingress ${ingress} refuses its requests.`,
  };
}

/**
 * Every way a request can arrive at a service (issue 6 point 3): its default run.app URL when the
 * internet reaches it, each load balancer in front (open, or blocked by ingress), and internal
 * networks. Access is the service's own except behind a backend service with IAP, which makes it `iap`.
 */
export function arrivalPathsOf(
  service: Workload,
  exposure: Exposure,
  frontends: readonly Frontend[],
): ArrivalPath[] {
  const ingress = service.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
  const paths: ArrivalPath[] = [];
  if (OPEN_TO_INTERNET.has(ingress) && !service.defaultUriDisabled) {
    paths.push({
      kind: 'default-url',
      from: 'internet',
      open: true,
      access: exposure.access,
      summary: `From the internet through the default run.app URL${service.uri ? ` ${service.uri}` : ''} (ingress ${ingress}), bypassing any load balancer: ${accessWords[exposure.access]}.`,
    });
  }
  for (const frontend of frontends) paths.push(loadBalancerPath(service, exposure, frontend));
  if (ingress !== 'INGRESS_TRAFFIC_NONE') {
    paths.push({
      kind: 'internal',
      from: 'internal',
      open: true,
      access: exposure.access,
      summary: `From internal networks (VPC, Shared VPC, and Pub/Sub, Scheduler and Tasks of the project): ${accessWords[exposure.access]}.`,
    });
  }
  return paths;
}
