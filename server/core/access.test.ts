import { describe, expect, it } from 'vitest';
import { accessIndex, isMember } from './access.ts';
import { analyze } from './analyze.ts';
import {
  aBinding,
  aJob,
  anInventory,
  aPolicy,
  aProject,
  aService,
  projectNumberOf,
} from './testing/builders.ts';

const api = aService({
  shortName: 'api',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', 'domain:example.com')),
});
const orders = aService({
  shortName: 'orders',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', 'serviceAccount:api@p1.iam.gserviceaccount.com')),
  serviceAccount: 'orders@p1.iam.gserviceaccount.com',
});
const status = aService({
  shortName: 'status',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allAuthenticatedUsers')),
});
const hook = aService({ shortName: 'hook', invokerIamDisabled: true });
const nightly = aJob({ shortName: 'nightly', serviceAccount: undefined });
const project = aProject({ iamPolicy: aPolicy(aBinding('roles/run.developer', 'group:devs@example.com')) });
const index = accessIndex(
  analyze(anInventory({ workloads: [api, orders, status, hook, nightly], projects: [project] })),
);
const invocable = (member: string) =>
  index
    .principal(member)
    .mayInvoke.map((i) => `${i.resource.split('/').pop()} ${i.role ?? '-'} ${i.grantedOn ?? '-'} ${i.via}`);

describe('accessIndex', () => {
  it.each<[string, string, string[]]>([
    [
      'flags what a service account may invoke through its own grant and broad ones',
      'serviceAccount:api@p1.iam.gserviceaccount.com',
      [
        'hook - - invokerIamDisabled',
        'orders roles/run.invoker resource serviceAccount:api@p1.iam.gserviceaccount.com',
        'status roles/run.invoker resource allAuthenticatedUsers',
      ],
    ],
    [
      'flags a user covered by a domain grant',
      'user:ann@example.com',
      [
        'api roles/run.invoker resource domain:example.com',
        'hook - - invokerIamDisabled',
        'status roles/run.invoker resource allAuthenticatedUsers',
      ],
    ],
    [
      'flags project grants on every workload of the project',
      'group:devs@example.com',
      [
        'nightly roles/run.developer project group:devs@example.com',
        'api roles/run.developer project group:devs@example.com',
        'hook roles/run.developer project group:devs@example.com',
        'hook - - invokerIamDisabled',
        'orders roles/run.developer project group:devs@example.com',
        'status roles/run.invoker resource allAuthenticatedUsers',
        'status roles/run.developer project group:devs@example.com',
      ],
    ],
    ['flags allUsers only with what is open to anyone', 'allUsers', ['hook - - invokerIamDisabled']],
  ])('%s', (_name, member, expected) => {
    expect(invocable(member)).toEqual(expected);
  });

  it('flags workloads that run as a principal, the default compute account when unset', () => {
    expect(
      index.principal(`serviceAccount:${projectNumberOf('p1')}-compute@developer.gserviceaccount.com`).runsAs,
    ).toEqual([nightly.name]);
    expect(index.principal('serviceAccount:orders@p1.iam.gserviceaccount.com').runsAs).toEqual([orders.name]);
  });

  it('lists principals with counts, broad ones first', () => {
    const principals = index.principals();
    expect(principals.slice(0, 2).map((p) => [p.member, p.broad])).toEqual([
      ['allAuthenticatedUsers', true],
      ['domain:example.com', true],
    ]);
    expect(principals.find((p) => p.member === 'group:devs@example.com')).toEqual({
      member: 'group:devs@example.com',
      kind: 'group',
      broad: false,
      grants: 1,
      mayInvoke: 5,
      runsAs: 0,
    });
  });

  it('lists the invokers of a workload with where each is granted', () => {
    expect(index.invokersOf(api.name)).toEqual([
      {
        member: 'domain:example.com',
        kind: 'domain',
        broad: true,
        role: 'roles/run.invoker',
        grantedOn: 'resource',
      },
      {
        member: 'group:devs@example.com',
        kind: 'group',
        broad: false,
        role: 'roles/run.developer',
        grantedOn: 'project',
      },
    ]);
    expect(index.invokersOf('projects/p1/locations/x/services/none')).toBeUndefined();
  });

  it.each([
    ['user:a@example.com', true],
    ['allUsers', true],
    ['principalSet://iam.googleapis.com/locations/global/workforcePools/p/*', true],
    ['a@example.com', false],
    ['user:', false],
    ['domain:bad domain', false],
  ])('tells whether %s is an IAM member: %s', (member, ok) => {
    expect(isMember(member)).toBe(ok);
  });
});
