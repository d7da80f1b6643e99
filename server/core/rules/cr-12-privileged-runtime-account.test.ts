import { describe, expect, it } from 'vitest';
import type { Project, Workload } from '../../../shared/inventory.ts';
import { aBinding, aJob, aPolicy, aProject, aService, projectNumberOf } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr12PrivilegedRuntimeAccount } from './cr-12-privileged-runtime-account.ts';

const svc = 'serviceAccount:svc@p1.iam.gserviceaccount.com';
const compute = `serviceAccount:${projectNumberOf('p1')}-compute@developer.gserviceaccount.com`;
const holding = (role: string, member: string, projectId = 'p1'): Project =>
  aProject({ projectId, iamPolicy: aPolicy(aBinding(role, member)) });

describe('CR-12 runtime identity holds a privileged project role', () => {
  it.each<[string, Workload, Project[], number]>([
    ['flags when the runtime account holds roles/owner', aService(), [holding('roles/owner', svc)], 1],
    ['flags when the runtime account holds roles/editor', aService(), [holding('roles/editor', svc)], 1],
    [
      'flags when the runtime account may mint tokens for others',
      aService(),
      [holding('roles/iam.serviceAccountTokenCreator', svc)],
      1,
    ],
    [
      'flags when the runtime account may act as others',
      aJob({ serviceAccount: 'svc@p1.iam.gserviceaccount.com' }),
      [holding('roles/iam.serviceAccountUser', svc)],
      1,
    ],
    [
      'flags when no account is set and the default compute account holds roles/editor',
      aService({ serviceAccount: undefined }),
      [holding('roles/editor', compute)],
      1,
    ],
    [
      'flags when the account holds roles/editor on another project of the estate',
      aService(),
      [aProject(), holding('roles/editor', svc, 'p2')],
      1,
    ],
    ['does not flag a narrow role', aService(), [holding('roles/run.invoker', svc)], 0],
    [
      'does not flag another account holding roles/owner',
      aService(),
      [holding('roles/owner', 'user:a@example.com')],
      0,
    ],
    ['does not flag when the project policy is unknown', aService(), [aProject({ iamPolicy: null })], 0],
  ])('%s', (_name, workload, projects, count) => {
    const findings = runRule(cr12PrivilegedRuntimeAccount, [workload], projects);
    expect(findings).toHaveLength(count);
    for (const f of findings) expect(f.severity).toBe('high');
  });

  it('flags each privileged role once with evidence and remediation', () => {
    const project = aProject({
      iamPolicy: aPolicy(
        aBinding('roles/editor', svc),
        {
          role: 'roles/editor',
          members: [svc],
          condition: 'request.time < timestamp("2030-01-01T00:00:00Z")',
        },
        aBinding('roles/iam.serviceAccountUser', svc),
      ),
    });
    const [finding] = runRule(cr12PrivilegedRuntimeAccount, [aService()], [project]);
    expect(finding?.evidence).toEqual([
      { path: 'serviceAccount', value: 'svc@p1.iam.gserviceaccount.com' },
      { path: 'projects[p1].iamPolicy.bindings[roles/editor]', value: svc },
      { path: 'projects[p1].iamPolicy.bindings[roles/iam.serviceAccountUser]', value: svc },
    ]);
    expect(finding?.remediation.gcloud.split('\n')).toEqual([
      `gcloud projects remove-iam-policy-binding p1 --member=${svc} --role=roles/editor`,
      `gcloud projects remove-iam-policy-binding p1 --member=${svc} --role=roles/iam.serviceAccountUser`,
    ]);
    expect(finding?.remediation.terraform).toContain('resource "google_project_iam_member"');
  });
});
