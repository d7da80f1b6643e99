import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr05IngressAll } from './cr-05-ingress-all.ts';

describe('CR-05 ingress all', () => {
  it.each<[string, Workload, boolean]>([
    ['flags when ingress is all', aService({ ingress: 'INGRESS_TRAFFIC_ALL' }), true],
    ['flags when ingress is unspecified', aService({ ingress: 'INGRESS_TRAFFIC_UNSPECIFIED' }), true],
    [
      'flags when ingress is all and the default URL is disabled',
      aService({ ingress: 'INGRESS_TRAFFIC_ALL', defaultUriDisabled: true }),
      true,
    ],
    ['does not flag internal ingress', aService({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }), false],
    [
      'does not flag load-balancer ingress',
      aService({ ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' }),
      false,
    ],
    ['does not flag ingress none', aService({ ingress: 'INGRESS_TRAFFIC_NONE' }), false],
    [
      'does not flag a declared-public service',
      aService({ ingress: 'INGRESS_TRAFFIC_ALL', labels: { 'runmap-exposure': 'public' } }),
      false,
    ],
    ['does not flag a job', aJob(), false],
  ])('%s', (_name, workload, fires) => {
    expect(runRule(cr05IngressAll, [workload]).map((f) => f.severity)).toEqual(fires ? ['medium'] : []);
  });

  it('flags with a remediation for this service and region', () => {
    const [finding] = runRule(cr05IngressAll, [
      aService({ shortName: 'web', location: 'us-east4', ingress: 'INGRESS_TRAFFIC_ALL' }),
    ]);
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services update web --region=us-east4 --project=p1 --ingress=internal-and-cloud-load-balancing',
    );
    expect(finding?.remediation.terraform).toContain('ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"');
    expect(finding?.evidence).toContainEqual({ path: 'ingress', value: 'INGRESS_TRAFFIC_ALL' });
  });
});
