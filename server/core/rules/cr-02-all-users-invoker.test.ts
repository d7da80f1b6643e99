import { describe, expect, it } from 'vitest';
import type { Project, Workload } from '../../../shared/inventory.ts';
import { aBinding, aJob, aPolicy, aProject, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr02AllUsersInvoker } from './cr-02-all-users-invoker.ts';

const publicInvoker = aPolicy(aBinding('roles/run.invoker', 'allUsers'));

describe('CR-02 allUsers holds an invoker role', () => {
  it.each<[string, Workload, Project[] | undefined, string | undefined]>([
    [
      'flags critical when allUsers may invoke a service on the internet',
      aService({ ingress: 'INGRESS_TRAFFIC_ALL', iamPolicy: publicInvoker }),
      undefined,
      'critical',
    ],
    [
      'flags high when allUsers may invoke a service behind a load balancer',
      aService({ ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER', iamPolicy: publicInvoker }),
      undefined,
      'high',
    ],
    ['flags high when the service is internal', aService({ iamPolicy: publicInvoker }), undefined, 'high'],
    [
      'flags when allUsers holds roles/run.servicesInvoker',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.servicesInvoker', 'allUsers')) }),
      undefined,
      'high',
    ],
    [
      'flags when allUsers holds an invoker role on the project',
      aService({ ingress: 'INGRESS_TRAFFIC_ALL' }),
      [aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')) })],
      'critical',
    ],
    ['flags high when anyone may execute a job', aJob({ iamPolicy: publicInvoker }), undefined, 'high'],
    [
      'does not flag when allUsers holds a non-invoker role',
      aService({
        ingress: 'INGRESS_TRAFFIC_ALL',
        iamPolicy: aPolicy(aBinding('roles/run.viewer', 'allUsers')),
      }),
      undefined,
      undefined,
    ],
    [
      'does not flag when the service is declared public',
      aService({
        ingress: 'INGRESS_TRAFFIC_ALL',
        iamPolicy: publicInvoker,
        labels: { 'runmap-exposure': 'public' },
      }),
      undefined,
      undefined,
    ],
    [
      'does not flag allAuthenticatedUsers',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allAuthenticatedUsers')) }),
      undefined,
      undefined,
    ],
  ])('%s', (_name, workload, projects, severity) => {
    expect(runRule(cr02AllUsersInvoker, [workload], projects).map((f) => f.severity)).toEqual(
      severity ? [severity] : [],
    );
  });

  it('flags once per resource with every grant in evidence and remediation', () => {
    const service = aService({
      shortName: 'orders',
      ingress: 'INGRESS_TRAFFIC_ALL',
      iamPolicy: aPolicy(
        aBinding('roles/run.invoker', 'allUsers'),
        aBinding('roles/run.developer', 'allUsers'),
      ),
    });
    const project = aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')) });
    const findings = runRule(cr02AllUsersInvoker, [service], [project]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.evidence).toEqual([
      { path: 'iamPolicy.bindings[roles/run.invoker]', value: 'allUsers' },
      { path: 'iamPolicy.bindings[roles/run.developer]', value: 'allUsers' },
      { path: 'project.iamPolicy.bindings[roles/run.invoker]', value: 'allUsers' },
      { path: 'exposure.reach', value: 'internet' },
    ]);
    expect(finding?.remediation.gcloud.split('\n')).toEqual([
      'gcloud run services remove-iam-policy-binding orders --region=europe-west1 --project=p1 --member=allUsers --role=roles/run.invoker',
      'gcloud run services remove-iam-policy-binding orders --region=europe-west1 --project=p1 --member=allUsers --role=roles/run.developer',
      'gcloud projects remove-iam-policy-binding p1 --member=allUsers --role=roles/run.invoker',
    ]);
    expect(finding?.remediation.terraform).toContain('resource "google_cloud_run_v2_service_iam_member"');
    expect(finding?.remediation.terraform).toContain('member = "allUsers"');
    expect(finding?.remediation.terraform).toContain('resource "google_project_iam_member"');
  });

  it('flags a job with a jobs remediation', () => {
    const [finding] = runRule(cr02AllUsersInvoker, [
      aJob({ shortName: 'nightly', iamPolicy: publicInvoker }),
    ]);
    expect(finding?.message).toContain('may execute nightly');
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run jobs remove-iam-policy-binding nightly --region=europe-west1 --project=p1 --member=allUsers --role=roles/run.invoker',
    );
    expect(finding?.remediation.terraform).toContain('google_cloud_run_v2_job_iam_member');
  });
});
