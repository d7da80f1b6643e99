import { type Frontend, lastSegment, loadBalancerLabel } from '../frontends.ts';
import { flag, gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** What a request that skips this load balancer skips. */
function bypassed(frontend: Frontend): string {
  const { backend } = frontend;
  const gates = [
    backend.iapEnabled ? 'IAP' : undefined,
    backend.securityPolicy ? `Cloud Armor policy ${lastSegment(backend.securityPolicy)}` : undefined,
  ].filter(Boolean);
  return `load balancer ${loadBalancerLabel(frontend.loadBalancer)}${gates.length > 0 ? ` with its ${gates.join(' and ')}` : ''}`;
}

/** CR-06: an external load balancer is in front, and the run.app URL lets requests go around it. */
export const cr06LoadBalancerBypass: Rule = {
  id: 'CR-06',
  title: 'Load balancer can be bypassed through the default URL',
  severity: 'high',
  description:
    'A serverless NEG of an external load balancer targets the service, while its ingress is ALL (or ' +
    'unspecified) and the default run.app URL is enabled.',
  rationale:
    'A load balancer in front of Cloud Run is where IAP, Cloud Armor (WAF, rate limits, geo rules), TLS ' +
    'policy and logging are enforced. With ingress "all" and the default URL on, anyone who learns the ' +
    'run.app URL (it is predictable from the service and project) sends requests straight to the service and ' +
    'none of that applies. Set ingress to internal-and-cloud-load-balancing so that only the load balancer ' +
    'and internal callers get in.',
  appliesTo: ['service'],
  evaluate({ workload, estate }) {
    const ingress = workload.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
    if (ingress !== 'INGRESS_TRAFFIC_ALL' && ingress !== 'INGRESS_TRAFFIC_UNSPECIFIED') return [];
    if (workload.defaultUriDisabled) return [];
    const external = (estate.frontendsByService.get(workload.name) ?? []).filter(
      (f) => f.loadBalancer.external,
    );
    if (external.length === 0) return [];
    return [
      findingOf(cr06LoadBalancerBypass, workload, {
        message: `${workload.shortName} is served through ${external.map(bypassed).join(', ')}, but its default URL${
          workload.uri ? ` ${workload.uri}` : ''
        } answers the internet directly (ingress ${ingress}): requests sent there bypass the load balancer.`,
        evidence: [
          { path: 'ingress', value: ingress },
          { path: 'defaultUriDisabled', value: 'false' },
          ...(workload.uri ? [{ path: 'uri', value: workload.uri }] : []),
          ...external.flatMap(({ loadBalancer, backend, neg }) => [
            { path: 'loadBalancer', value: loadBalancer.name },
            {
              path: `loadBalancer[${loadBalancer.shortName}].backendService`,
              value: `${backend.backendService} (IAP ${backend.iapEnabled ? 'on' : 'off'}, Cloud Armor ${
                backend.securityPolicy ? lastSegment(backend.securityPolicy) : 'none'
              })`,
            },
            { path: `loadBalancer[${loadBalancer.shortName}].neg`, value: neg.name },
          ]),
        ],
        remediation: {
          gcloud: gcloudRun(workload, 'update', flag('ingress', 'internal-and-cloud-load-balancing')),
          terraform: terraformWorkload(workload, {
            attributes: [
              'ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" # only load balancers and internal callers',
            ],
          }),
        },
      }),
    ];
  },
};
