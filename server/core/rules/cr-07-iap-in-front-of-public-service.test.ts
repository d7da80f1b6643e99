import { describe, expect, it } from 'vitest';
import type { LoadBalancer, Workload } from '../../../shared/inventory.ts';
import { analyze } from '../analyze.ts';
import {
  aBackend,
  aBinding,
  aLoadBalancer,
  anInventory,
  aPolicy,
  aService,
  projectNumberOf,
} from '../testing/builders.ts';
import { cr07IapInFrontOfPublicService } from './cr-07-iap-in-front-of-public-service.ts';

const tool = (overrides: Partial<Workload> = {}) =>
  aService({ shortName: 'tool', ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER', ...overrides });
const behindIap = (iapEnabled = true): LoadBalancer[] => [
  aLoadBalancer([aBackend([tool()], { iapEnabled })]),
];
const grant = (member: string) => ({ iamPolicy: aPolicy(aBinding('roles/run.invoker', member)) });

function run(workload: Workload, loadBalancers: LoadBalancer[]) {
  return analyze(anInventory({ workloads: [workload], loadBalancers }), undefined, {
    rules: [cr07IapInFrontOfPublicService],
  }).findings;
}

describe('CR-07 IAP in front of a publicly invocable service', () => {
  it.each<[string, Workload, LoadBalancer[], boolean]>([
    ['flags allUsers behind IAP', tool(grant('allUsers')), behindIap(), true],
    ['flags allAuthenticatedUsers behind IAP', tool(grant('allAuthenticatedUsers')), behindIap(), true],
    ['flags a disabled invoker IAM check behind IAP', tool({ invokerIamDisabled: true }), behindIap(), true],
    [
      'does not flag a disabled invoker check when Cloud Run IAP gates the service itself',
      tool({ invokerIamDisabled: true, iapEnabled: true }),
      behindIap(),
      false,
    ],
    [
      'does not flag a public service behind a backend without IAP',
      tool(grant('allUsers')),
      behindIap(false),
      false,
    ],
    [
      'does not flag IAP in front of a service only the IAP agent may invoke',
      tool(grant(`serviceAccount:service-${projectNumberOf('p1')}@gcp-sa-iap.iam.gserviceaccount.com`)),
      behindIap(),
      false,
    ],
    ['does not flag a public service without a load balancer', tool(grant('allUsers')), [], false],
  ])('%s', (_name, workload, loadBalancers, fires) => {
    expect(run(workload, loadBalancers).map((f) => f.severity)).toEqual(fires ? ['high'] : []);
  });

  it('says how IAP is skipped and remediates with the IAP service agent', () => {
    const direct = tool({ ingress: 'INGRESS_TRAFFIC_ALL', ...grant('allAuthenticatedUsers') });
    const [finding] = run(direct, behindIap());
    expect(finding?.message).toContain('allAuthenticatedUsers holds roles/run.invoker on the service');
    expect(finding?.message).toContain(`anyone who calls its run.app URL ${direct.uri} skips IAP`);
    const agent = `serviceAccount:service-${projectNumberOf('p1')}@gcp-sa-iap.iam.gserviceaccount.com`;
    expect(finding?.remediation.gcloud.split('\n')).toEqual([
      `gcloud run services add-iam-policy-binding tool --region=europe-west1 --project=p1 --member=${agent} --role=roles/run.invoker`,
      'gcloud run services remove-iam-policy-binding tool --region=europe-west1 --project=p1 --member=allAuthenticatedUsers --role=roles/run.invoker',
    ]);
    expect(finding?.remediation.terraform).toContain(`member = "${agent}" # the IAP service agent`);
    expect(finding?.evidence).toContainEqual({
      path: 'loadBalancer[lb].backendService.iap',
      value: 'projects/p1/global/backendServices/tool-backend (IAP on)',
    });
  });
});
