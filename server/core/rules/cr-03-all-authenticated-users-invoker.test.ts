import { describe, expect, it } from 'vitest';
import type { Project, Workload } from '../../../shared/inventory.ts';
import { aBinding, aJob, aPolicy, aProject, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr03AllAuthenticatedUsersInvoker } from './cr-03-all-authenticated-users-invoker.ts';

const anyAccount = aPolicy(aBinding('roles/run.invoker', 'allAuthenticatedUsers'));

describe('CR-03 allAuthenticatedUsers holds an invoker role', () => {
  it.each<[string, Workload, Project[] | undefined, boolean | 'info']>([
    [
      'flags when any Google account may invoke a service',
      aService({ iamPolicy: anyAccount }),
      undefined,
      true,
    ],
    [
      'flags when the grant is on the project',
      aService(),
      [aProject({ iamPolicy: aPolicy(aBinding('roles/run.admin', 'allAuthenticatedUsers')) })],
      true,
    ],
    [
      'flags (as info) even when the service is declared public',
      aService({
        ingress: 'INGRESS_TRAFFIC_ALL',
        iamPolicy: anyAccount,
        labels: { 'runmap-exposure': 'public' },
      }),
      undefined,
      'info',
    ],
    ['flags when any Google account may execute a job', aJob({ iamPolicy: anyAccount }), undefined, true],
    [
      'does not flag a non-invoker role',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.viewer', 'allAuthenticatedUsers')) }),
      undefined,
      false,
    ],
    [
      'does not flag named principals',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'group:g@x.com')) }),
      undefined,
      false,
    ],
  ])('%s', (_name, workload, projects, fires) => {
    const findings = runRule(cr03AllAuthenticatedUsersInvoker, [workload], projects);
    expect(findings.map((f) => f.severity)).toEqual(fires === 'info' ? ['info'] : fires ? ['high'] : []);
  });

  it('flags with a remediation removing the grant on this service', () => {
    const [finding] = runRule(cr03AllAuthenticatedUsersInvoker, [
      aService({ shortName: 'billing', location: 'asia-northeast1', iamPolicy: anyAccount }),
    ]);
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services remove-iam-policy-binding billing --region=asia-northeast1 --project=p1 --member=allAuthenticatedUsers --role=roles/run.invoker',
    );
    expect(finding?.evidence).toEqual([
      { path: 'iamPolicy.bindings[roles/run.invoker]', value: 'allAuthenticatedUsers' },
    ]);
  });
});
