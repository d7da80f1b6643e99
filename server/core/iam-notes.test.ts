import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { iamNotes } from './iam-notes.ts';
import { aBinding, anInventory, aPolicy, aProject, aService } from './testing/builders.ts';

describe('iamNotes', () => {
  it.each<[string, string, string, string | undefined]>([
    ['flags a custom project role', 'projects/p1/roles/invokerish', 'user:a@example.com', 'custom-role'],
    ['flags a custom organization role', 'organizations/123/roles/x', 'user:a@example.com', 'custom-role'],
    ['flags a role that is no role name', 'run.invoker', 'user:a@example.com', 'unknown-role'],
    ['flags a member without a type', 'roles/run.invoker', 'alice@example.com', 'unknown-member'],
    ['does not flag a predefined role', 'roles/run.invoker', 'user:a@example.com', undefined],
    ['does not flag principal sets', 'roles/run.invoker', 'principalSet://iam.googleapis.com/x', undefined],
  ])('%s', (_name, role, member, code) => {
    const inventory = anInventory({ workloads: [aService({ iamPolicy: aPolicy(aBinding(role, member)) })] });
    expect(iamNotes(inventory).map((n) => n.code)).toEqual(code ? [code] : []);
  });

  it('flags project policies by project and audits the rest of the estate', () => {
    const project = aProject({
      iamPolicy: aPolicy(aBinding('bogus', 'user:a@example.com'), aBinding('roles/run.invoker', 'allUsers')),
    });
    const analysis = analyze(
      anInventory({ workloads: [aService({ ingress: 'INGRESS_TRAFFIC_ALL' })], projects: [project] }),
    );
    expect(analysis.notes).toEqual([
      expect.objectContaining({ code: 'unknown-role', resource: 'projects/p1' }),
    ]);
    expect(analysis.findings.map((f) => f.ruleId)).toContain('CR-02');
  });
});
