import { describe, expect, it } from 'vitest';
import type { LoadBalancer, Workload } from '../../../shared/inventory.ts';
import { analyze } from '../analyze.ts';
import { aBackend, aLoadBalancer, anInventory, aService } from '../testing/builders.ts';
import { cr06LoadBalancerBypass } from './cr-06-load-balancer-bypass.ts';

const open = aService({ shortName: 'api', ingress: 'INGRESS_TRAFFIC_ALL' });
const armored = (service: Workload, overrides: Partial<LoadBalancer> = {}) =>
  aLoadBalancer(
    [aBackend([service], { securityPolicy: 'projects/p1/global/securityPolicies/armor' })],
    overrides,
  );

function run(workload: Workload, loadBalancers: LoadBalancer[]) {
  return analyze(anInventory({ workloads: [workload], loadBalancers }), undefined, {
    rules: [cr06LoadBalancerBypass],
  }).findings;
}

describe('CR-06 load balancer bypass', () => {
  it.each<[string, Workload, LoadBalancer[], boolean]>([
    ['flags ingress all with the default URL behind an external LB', open, [armored(open)], true],
    [
      'flags unspecified ingress behind an external LB',
      { ...open, ingress: 'INGRESS_TRAFFIC_UNSPECIFIED' },
      [armored(open)],
      true,
    ],
    [
      'flags a declared-public service too (Cloud Armor is still bypassed)',
      { ...open, labels: { 'runmap-exposure': 'public' } },
      [armored(open)],
      true,
    ],
    [
      'flags a service a URL-mask NEG of its region can reach',
      open,
      [
        aLoadBalancer([
          {
            ...aBackend([]),
            negs: [
              {
                name: 'projects/p1/regions/europe-west1/networkEndpointGroups/mask',
                project: 'p1',
                region: 'europe-west1',
                urlMask: '<service>.example.com',
              },
            ],
          },
        ]),
      ],
      true,
    ],
    [
      'does not flag a service a URL-mask NEG of another region cannot reach',
      open,
      [
        aLoadBalancer([
          {
            ...aBackend([]),
            negs: [
              {
                name: 'projects/p1/regions/us-east1/networkEndpointGroups/mask',
                project: 'p1',
                region: 'us-east1',
                urlMask: '<service>.example.com',
              },
            ],
          },
        ]),
      ],
      false,
    ],
    ['does not flag without a load balancer', open, [], false],
    [
      'does not flag when the default URL is disabled',
      { ...open, defaultUriDisabled: true },
      [armored(open)],
      false,
    ],
    [
      'does not flag load-balancer ingress',
      { ...open, ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' },
      [armored(open)],
      false,
    ],
    [
      'does not flag an internal load balancer',
      open,
      [armored(open, { external: false, loadBalancingScheme: 'INTERNAL_MANAGED' })],
      false,
    ],
    [
      'does not flag a load balancer that sends to another service',
      open,
      [armored(aService({ shortName: 'other' }))],
      false,
    ],
  ])('%s', (_name, workload, loadBalancers, fires) => {
    expect(run(workload, loadBalancers).map((f) => f.severity)).toEqual(fires ? ['high'] : []);
  });

  it('names the load balancer, its Cloud Armor policy and the fix', () => {
    const [finding] = run(open, [armored(open)]);
    expect(finding?.message).toContain('load balancer lb (34.120.0.1:443) with its Cloud Armor policy armor');
    expect(finding?.message).toContain(open.uri);
    expect(finding?.evidence).toContainEqual({
      path: 'loadBalancer',
      value: 'projects/p1/global/forwardingRules/lb',
    });
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services update api --region=europe-west1 --project=p1 --ingress=internal-and-cloud-load-balancing',
    );
    expect(finding?.remediation.terraform).toContain('ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"');
  });
});
