import { describe, expect, it } from 'vitest';
import { invokersOf } from './invokers.ts';
import { aBinding, aJob, aPolicy, aProject, aService } from './testing/builders.ts';

const sa = 'serviceAccount:caller@p1.iam.gserviceaccount.com';

describe('invokersOf', () => {
  it.each([
    ['roles/run.invoker', true, true],
    ['roles/run.servicesInvoker', true, false],
    ['roles/run.developer', true, true],
    ['roles/run.admin', true, true],
    ['roles/editor', true, true],
    ['roles/owner', true, true],
    ['roles/run.jobsExecutor', false, true],
    ['roles/run.jobsExecutorWithOverrides', false, true],
    ['roles/run.viewer', false, false],
    ['roles/viewer', false, false],
  ])('lists %s as invoker of a service: %s, of a job: %s', (role, onService, onJob) => {
    const policy = aPolicy(aBinding(role, sa));
    expect(invokersOf(aService({ iamPolicy: policy }), aProject()).length).toBe(onService ? 1 : 0);
    expect(invokersOf(aJob({ iamPolicy: policy }), aProject()).length).toBe(onJob ? 1 : 0);
  });

  it('lists resource grants before project grants, in policy order', () => {
    const service = aService({
      iamPolicy: aPolicy(
        aBinding('roles/run.invoker', 'user:b@x.com', 'user:a@x.com'),
        aBinding('roles/run.admin', sa),
      ),
    });
    const project = aProject({ iamPolicy: aPolicy(aBinding('roles/editor', 'group:ops@x.com')) });
    expect(invokersOf(service, project)).toEqual([
      { member: 'user:b@x.com', role: 'roles/run.invoker', grantedOn: 'resource' },
      { member: 'user:a@x.com', role: 'roles/run.invoker', grantedOn: 'resource' },
      { member: sa, role: 'roles/run.admin', grantedOn: 'resource' },
      { member: 'group:ops@x.com', role: 'roles/editor', grantedOn: 'project' },
    ]);
  });

  it('lists conditional bindings once, like unconditional ones', () => {
    const service = aService({
      iamPolicy: aPolicy(
        {
          role: 'roles/run.invoker',
          members: [sa],
          condition: 'request.time < timestamp("2027-01-01T00:00:00Z")',
        },
        { role: 'roles/run.invoker', members: [sa], condition: 'request.path.startsWith("/a")' },
      ),
    });
    expect(invokersOf(service, aProject())).toEqual([
      { member: sa, role: 'roles/run.invoker', grantedOn: 'resource' },
    ]);
  });

  it('returns what is known when the resource or project policy is unknown', () => {
    const project = aProject({ iamPolicy: aPolicy(aBinding('roles/owner', 'user:o@x.com')) });
    expect(invokersOf(aService({ iamPolicy: null }), project)).toEqual([
      { member: 'user:o@x.com', role: 'roles/owner', grantedOn: 'project' },
    ]);
    expect(
      invokersOf(aService({ iamPolicy: aPolicy(aBinding('roles/run.invoker', sa)) }), undefined),
    ).toHaveLength(1);
    expect(invokersOf(aService(), aProject({ iamPolicy: null }))).toEqual([]);
  });
});
