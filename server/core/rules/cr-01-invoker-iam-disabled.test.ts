import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr01InvokerIamDisabled } from './cr-01-invoker-iam-disabled.ts';

const open = { invokerIamDisabled: true } as const;

describe('CR-01 invoker IAM check disabled', () => {
  it.each<[string, Partial<Workload>, string | undefined]>([
    [
      'flags critical when reachable from the internet',
      { ...open, ingress: 'INGRESS_TRAFFIC_ALL' },
      'critical',
    ],
    [
      'flags critical when ingress is unspecified',
      { ...open, ingress: 'INGRESS_TRAFFIC_UNSPECIFIED' },
      'critical',
    ],
    [
      'flags high when behind a load balancer',
      { ...open, ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' },
      'high',
    ],
    [
      'flags high when the default URL is disabled',
      { ...open, ingress: 'INGRESS_TRAFFIC_ALL', defaultUriDisabled: true },
      'high',
    ],
    ['flags high when internal', { ...open, ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }, 'high'],
    [
      'does not flag when IAP is enabled',
      { ...open, ingress: 'INGRESS_TRAFFIC_ALL', iapEnabled: true },
      undefined,
    ],
    ['does not flag when the check is on', { ingress: 'INGRESS_TRAFFIC_ALL' }, undefined],
    [
      'does not flag when declared public',
      { ...open, ingress: 'INGRESS_TRAFFIC_ALL', labels: { 'runmap-exposure': 'public' } },
      undefined,
    ],
  ])('%s', (_name, overrides, severity) => {
    const findings = runRule(cr01InvokerIamDisabled, [aService({ shortName: 'orders', ...overrides })]);
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('flags with evidence and a remediation naming the service and region', () => {
    const [finding] = runRule(cr01InvokerIamDisabled, [
      aService({ shortName: 'orders', location: 'us-central1', ...open, ingress: 'INGRESS_TRAFFIC_ALL' }),
    ]);
    expect(finding).toMatchObject({
      id: 'CR-01:projects/p1/locations/us-central1/services/orders',
      resource: 'projects/p1/locations/us-central1/services/orders',
      resourceKind: 'service',
      evidence: expect.arrayContaining([{ path: 'invokerIamDisabled', value: 'true' }]),
    });
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services update orders --region=us-central1 --project=p1 --invoker-iam-check',
    );
    expect(finding?.remediation.terraform).toContain('resource "google_cloud_run_v2_service" "orders"');
    expect(finding?.remediation.terraform).toContain('invoker_iam_disabled = false');
  });
});
