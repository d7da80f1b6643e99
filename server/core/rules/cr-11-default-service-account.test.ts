import { describe, expect, it } from 'vitest';
import type { Project, Workload } from '../../../shared/inventory.ts';
import { aBinding, aJob, aPolicy, aProject, aService, projectNumberOf } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr11DefaultServiceAccount } from './cr-11-default-service-account.ts';

const computeDefault = `${projectNumberOf('p1')}-compute@developer.gserviceaccount.com`;
const appEngineDefault = 'p1@appspot.gserviceaccount.com';
const withRole = (role: string, email: string): Project[] => [
  aProject({ iamPolicy: aPolicy(aBinding(role, `serviceAccount:${email}`)) }),
];

describe('CR-11 default service account', () => {
  it.each<[string, Workload, Project[] | undefined, string | undefined]>([
    ['flags medium when the account is unset', aService({ serviceAccount: undefined }), undefined, 'medium'],
    [
      'flags medium when the account is the default compute one',
      aService({ serviceAccount: computeDefault }),
      undefined,
      'medium',
    ],
    [
      'flags medium when the account is the App Engine default',
      aService({ serviceAccount: appEngineDefault }),
      undefined,
      'medium',
    ],
    [
      'flags high when the default compute account holds roles/editor',
      aService({ serviceAccount: computeDefault }),
      withRole('roles/editor', computeDefault),
      'high',
    ],
    [
      'flags high when the account is unset and the default compute account holds roles/owner',
      aService({ serviceAccount: undefined }),
      withRole('roles/owner', computeDefault),
      'high',
    ],
    [
      'flags high when the App Engine default account holds roles/editor',
      aJob({ serviceAccount: appEngineDefault }),
      withRole('roles/editor', appEngineDefault),
      'high',
    ],
    [
      'flags medium when the default account holds a narrower role',
      aService({ serviceAccount: computeDefault }),
      withRole('roles/run.invoker', computeDefault),
      'medium',
    ],
    [
      'flags a job that runs as the default account',
      aJob({ serviceAccount: undefined }),
      undefined,
      'medium',
    ],
    ['does not flag a dedicated account', aService(), undefined, undefined],
    [
      'does not flag a dedicated account that holds roles/editor (CR-12 covers it)',
      aService({ serviceAccount: 'svc@p1.iam.gserviceaccount.com' }),
      withRole('roles/editor', 'svc@p1.iam.gserviceaccount.com'),
      undefined,
    ],
  ])('%s', (_name, workload, projects, severity) => {
    expect(runRule(cr11DefaultServiceAccount, [workload], projects).map((f) => f.severity)).toEqual(
      severity ? [severity] : [],
    );
  });

  it('flags with the effective account in evidence and a dedicated account in the remediation', () => {
    const [finding] = runRule(
      cr11DefaultServiceAccount,
      [aService({ shortName: 'orders', serviceAccount: undefined })],
      withRole('roles/editor', computeDefault),
    );
    expect(finding?.evidence).toEqual([
      { path: 'serviceAccount', value: '(unset)' },
      { path: 'effectiveServiceAccount', value: computeDefault },
      { path: 'project.iamPolicy.bindings[roles/editor]', value: `serviceAccount:${computeDefault}` },
    ]);
    expect(finding?.remediation.gcloud).toContain('gcloud iam service-accounts create orders --project=p1');
    expect(finding?.remediation.gcloud).toContain(
      'gcloud run services update orders --region=europe-west1 --project=p1 --service-account=orders@p1.iam.gserviceaccount.com',
    );
    expect(finding?.remediation.terraform).toContain('service_account = "orders@p1.iam.gserviceaccount.com"');
  });

  it('nests the job template one level deeper in Terraform', () => {
    const [finding] = runRule(cr11DefaultServiceAccount, [
      aJob({ shortName: 'nightly-export', serviceAccount: undefined }),
    ]);
    expect(finding?.remediation.gcloud).toContain(
      'gcloud run jobs update nightly-export --region=europe-west1 --project=p1',
    );
    expect(finding?.remediation.terraform).toMatch(
      /google_cloud_run_v2_job[\s\S]*template \{\n\s+template \{\n\s+service_account/,
    );
  });
});

describe('CR-11 account id', () => {
  it.each([
    ['api', 'api-runtime'],
    ['orders', 'orders'],
    ['a-very-long-service-name-that-exceeds-thirty', 'a-very-long-service-name-that'],
  ])('flags %s with a suggested account %s', (shortName, accountId) => {
    const [finding] = runRule(cr11DefaultServiceAccount, [
      aService({ shortName, serviceAccount: undefined }),
    ]);
    expect(finding?.remediation.gcloud).toContain(
      `--service-account=${accountId}@p1.iam.gserviceaccount.com`,
    );
  });
});
