import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aBinding, aJob, aPolicy, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr04PublicNonInvokerRole } from './cr-04-public-non-invoker-role.ts';

describe('CR-04 the public holds a non-invoker role', () => {
  it.each<[string, Workload, string[]]>([
    [
      'flags when allUsers holds roles/run.viewer on a service',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.viewer', 'allUsers')) }),
      ['allUsers roles/run.viewer'],
    ],
    [
      'flags when allAuthenticatedUsers holds a custom role on a job',
      aJob({ iamPolicy: aPolicy(aBinding('projects/p1/roles/runner', 'allAuthenticatedUsers')) }),
      ['allAuthenticatedUsers projects/p1/roles/runner'],
    ],
    [
      'flags every broad grant once per resource when both hold roles',
      aService({
        iamPolicy: aPolicy(
          aBinding('roles/run.viewer', 'allUsers', 'user:a@example.com'),
          aBinding('roles/iam.securityReviewer', 'allAuthenticatedUsers'),
        ),
      }),
      ['allUsers roles/run.viewer', 'allAuthenticatedUsers roles/iam.securityReviewer'],
    ],
    [
      'flags roles/run.servicesInvoker on a job (it cannot execute jobs)',
      aJob({ iamPolicy: aPolicy(aBinding('roles/run.servicesInvoker', 'allUsers')) }),
      ['allUsers roles/run.servicesInvoker'],
    ],
    [
      'does not flag an invoker role (CR-02 covers it)',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')) }),
      [],
    ],
    [
      'does not flag named members',
      aService({ iamPolicy: aPolicy(aBinding('roles/run.viewer', 'group:devs@example.com')) }),
      [],
    ],
    ['does not flag an unreadable policy', aService({ iamPolicy: null }), []],
  ])('%s', (_name, workload, grants) => {
    const findings = runRule(cr04PublicNonInvokerRole, [workload]);
    expect(
      findings.flatMap((f) =>
        f.evidence.map((e) => `${e.value} ${e.path.replace(/^iamPolicy\.bindings\[(.*)\]$/, '$1')}`),
      ),
    ).toEqual(grants);
    for (const f of findings) expect(f.severity).toBe('high');
  });

  it('flags with a remediation that removes the binding', () => {
    const [finding] = runRule(cr04PublicNonInvokerRole, [
      aService({ shortName: 'orders', iamPolicy: aPolicy(aBinding('roles/run.viewer', 'allUsers')) }),
    ]);
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services remove-iam-policy-binding orders --region=europe-west1 --project=p1 --member=allUsers --role=roles/run.viewer',
    );
    expect(finding?.remediation.terraform).toContain('role = "roles/run.viewer"');
  });
});
