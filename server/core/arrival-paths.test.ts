import { describe, expect, it } from 'vitest';
import type { LoadBalancer, Workload } from '../../shared/inventory.ts';
import type { ArrivalPath } from '../../shared/model.ts';
import { analyze } from './analyze.ts';
import { aBackend, aBinding, aLoadBalancer, anInventory, aPolicy, aService } from './testing/builders.ts';

const web = (overrides: Partial<Workload>) => aService({ shortName: 'web', ...overrides });

function pathsOf(service: Workload, loadBalancers: LoadBalancer[]): Array<Partial<ArrivalPath>> {
  const analysis = analyze(anInventory({ workloads: [service], loadBalancers }), undefined, { rules: [] });
  return (analysis.arrivalPaths.get(service.name) ?? []).map(({ kind, from, open, access }) => ({
    kind,
    from,
    open,
    access,
  }));
}

describe('arrival paths', () => {
  it.each<[string, Workload, (s: Workload) => LoadBalancer[], Array<Partial<ArrivalPath>>]>([
    [
      'a load-balancer ingress service behind an external LB with IAP arrives from the internet with access iap',
      web({ ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' }),
      (s) => [aLoadBalancer([aBackend([s], { iapEnabled: true })])],
      [
        { kind: 'load-balancer', from: 'internet', open: true, access: 'iap' },
        { kind: 'internal', from: 'internal', open: true, access: 'iam' },
      ],
    ],
    [
      'an open service behind an LB also arrives through its default URL with its own access',
      web({ ingress: 'INGRESS_TRAFFIC_ALL', iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')) }),
      (s) => [aLoadBalancer([aBackend([s])])],
      [
        { kind: 'default-url', from: 'internet', open: true, access: 'unauthenticated' },
        { kind: 'load-balancer', from: 'internet', open: true, access: 'unauthenticated' },
        { kind: 'internal', from: 'internal', open: true, access: 'unauthenticated' },
      ],
    ],
    [
      'an internal-only service refuses an external LB (listed as blocked)',
      web({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }),
      (s) => [aLoadBalancer([aBackend([s])])],
      [
        { kind: 'load-balancer', from: 'internet', open: false, access: 'iam' },
        { kind: 'internal', from: 'internal', open: true, access: 'iam' },
      ],
    ],
    [
      'an internal-only service admits an internal LB',
      web({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }),
      (s) => [aLoadBalancer([aBackend([s])], { external: false, loadBalancingScheme: 'INTERNAL_MANAGED' })],
      [
        { kind: 'load-balancer', from: 'internal', open: true, access: 'iam' },
        { kind: 'internal', from: 'internal', open: true, access: 'iam' },
      ],
    ],
    [
      'ingress none has no way in',
      web({ ingress: 'INGRESS_TRAFFIC_NONE' }),
      (s) => [aLoadBalancer([aBackend([s])])],
      [{ kind: 'load-balancer', from: 'internet', open: false, access: 'iam' }],
    ],
    [
      'ingress all with the default URL disabled arrives only internally without an LB',
      web({ ingress: 'INGRESS_TRAFFIC_ALL', defaultUriDisabled: true }),
      () => [],
      [{ kind: 'internal', from: 'internal', open: true, access: 'iam' }],
    ],
  ])('%s', (_name, service, loadBalancers, expected) => {
    expect(pathsOf(service, loadBalancers(service))).toEqual(expected);
  });

  it('describes the load balancer chain of a path', () => {
    const service = web({ ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' });
    const lb = aLoadBalancer([
      aBackend([service], { securityPolicy: 'projects/p1/global/securityPolicies/armor' }),
    ]);
    const analysis = analyze(anInventory({ workloads: [service], loadBalancers: [lb] }), undefined, {
      rules: [],
    });
    const [path] = analysis.arrivalPaths.get(service.name) ?? [];
    expect(path?.loadBalancer).toMatchObject({
      name: lb.name,
      label: 'lb (34.120.0.1:443)',
      backendService: 'projects/p1/global/backendServices/web-backend',
      iapEnabled: false,
      securityPolicy: 'projects/p1/global/securityPolicies/armor',
      hosts: ['*'],
    });
    expect(path?.summary).toBe(
      'From the internet through external load balancer lb (34.120.0.1:443), URL map lb-map → backend service web-backend (no IAP, Cloud Armor armor): only principals with an invoker role may invoke it.',
    );
  });
});
