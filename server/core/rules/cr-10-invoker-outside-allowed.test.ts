import { describe, expect, it } from 'vitest';
import type { Project, Workload } from '../../../shared/inventory.ts';
import { emptyPolicy, type Policy } from '../../../shared/policy.ts';
import { analyze } from '../analyze.ts';
import {
  aBinding,
  aJob,
  anInventory,
  aPolicy,
  aProject,
  aService,
  projectNumberOf,
} from '../testing/builders.ts';
import { cr10InvokerOutsideAllowed } from './cr-10-invoker-outside-allowed.ts';

const policy = (domains: string[], projects: string[]): Policy => ({
  ...emptyPolicy,
  allowedInvokers: { domains, projects },
});
const allowed = policy(['example.com', '*.corp.example'], ['p1', 'partner-ok']);
const invokedBy = (...members: string[]) =>
  aService({ iamPolicy: aPolicy(aBinding('roles/run.invoker', ...members)) });

function outsiders(workload: Workload, p: Policy, projects?: Project[]): string[] {
  const { findings } = analyze(anInventory({ workloads: [workload], projects }), p, {
    rules: [cr10InvokerOutsideAllowed],
  });
  for (const f of findings) expect(f.severity).toBe('medium');
  return findings.flatMap((f) =>
    f.evidence.filter((e) => e.path !== 'policy.allowedInvokers').map((e) => e.value),
  );
}

describe('CR-10 invoker outside the allowed domains and projects', () => {
  it.each<[string, Workload, Policy, string[]]>([
    ['flags when a gmail user may invoke', invokedBy('user:eve@gmail.com'), allowed, ['user:eve@gmail.com']],
    [
      'flags when an outside group may invoke',
      invokedBy('group:ops@vendor.io'),
      allowed,
      ['group:ops@vendor.io'],
    ],
    ['flags when an outside domain may invoke', invokedBy('domain:vendor.io'), allowed, ['domain:vendor.io']],
    [
      'flags when a service account of an outside project may invoke',
      invokedBy('serviceAccount:ci@other-proj.iam.gserviceaccount.com'),
      allowed,
      ['serviceAccount:ci@other-proj.iam.gserviceaccount.com'],
    ],
    [
      'flags when the default compute account of an unknown project may invoke',
      invokedBy('serviceAccount:999999999999-compute@developer.gserviceaccount.com'),
      allowed,
      ['serviceAccount:999999999999-compute@developer.gserviceaccount.com'],
    ],
    [
      'flags when a job may be executed by an outsider',
      aJob({ iamPolicy: aPolicy(aBinding('roles/run.jobsExecutor', 'user:eve@gmail.com')) }),
      allowed,
      ['user:eve@gmail.com'],
    ],
    [
      'flags when an outsider is a deleted user',
      invokedBy('deleted:user:old@gmail.com?uid=123'),
      allowed,
      ['deleted:user:old@gmail.com?uid=123'],
    ],
    [
      'does not flag allowed users, subdomains, accounts and service agents',
      invokedBy(
        'user:ann@example.com',
        'group:sre@eng.corp.example',
        'serviceAccount:api@p1.iam.gserviceaccount.com',
        'serviceAccount:x@partner-ok.iam.gserviceaccount.com',
        `serviceAccount:${projectNumberOf('p1')}-compute@developer.gserviceaccount.com`,
        `serviceAccount:service-${projectNumberOf('p1')}@gcp-sa-pubsub.iam.gserviceaccount.com`,
        'serviceAccount:p1@appspot.gserviceaccount.com',
      ),
      allowed,
      [],
    ],
    ['does not flag allUsers (CR-02 does)', invokedBy('allUsers', 'allAuthenticatedUsers'), allowed, []],
    ['does not flag without a policy', invokedBy('user:eve@gmail.com'), emptyPolicy, []],
    [
      'does not check people when only projects are listed',
      invokedBy('user:eve@gmail.com', 'serviceAccount:ci@other.iam.gserviceaccount.com'),
      policy([], ['p1']),
      ['serviceAccount:ci@other.iam.gserviceaccount.com'],
    ],
    [
      'does not check service accounts when only domains are listed',
      invokedBy('user:eve@gmail.com', 'serviceAccount:ci@other.iam.gserviceaccount.com'),
      policy(['example.com'], []),
      ['user:eve@gmail.com'],
    ],
  ])('%s', (_name, workload, p, expected) => {
    expect(outsiders(workload, p)).toEqual(expected);
  });

  it('flags a project-level grant on every workload of the project', () => {
    const project = aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', 'user:eve@gmail.com')) });
    expect(outsiders(aService(), allowed, [project])).toEqual(['user:eve@gmail.com']);
    const { findings } = analyze(
      anInventory({ workloads: [aService(), aJob()], projects: [project] }),
      allowed,
      {
        rules: [cr10InvokerOutsideAllowed],
      },
    );
    expect(findings.map((f) => f.resourceKind).sort()).toEqual(['job', 'service']);
    expect(findings[0]?.remediation.gcloud).toBe(
      'gcloud projects remove-iam-policy-binding p1 --member=user:eve@gmail.com --role=roles/run.invoker',
    );
  });

  it('accepts a project listed by number', () => {
    const account = 'serviceAccount:ci@p2.iam.gserviceaccount.com';
    const projects = [aProject(), aProject({ projectId: 'p2' })];
    expect(outsiders(invokedBy(account), policy([], ['p1', projectNumberOf('p2')]), projects)).toEqual([]);
  });
});
