import { describe, expect, it } from 'vitest';
import type { Invocable, PrincipalSummary } from '../../../../../shared/access.ts';
import {
  broadness,
  countKinds,
  countWorkloads,
  filterPrincipals,
  grantedOnLabel,
  invocableNodeIds,
  memberKind,
  parseKind,
  splitMember,
} from './principals.ts';

const aPrincipal = (member: string, kind: PrincipalSummary['kind'], broad = false): PrincipalSummary => ({
  member,
  kind,
  broad,
  grants: 1,
  mayInvoke: 1,
  runsAs: 0,
});

const principals = [
  aPrincipal('allUsers', 'allUsers', true),
  aPrincipal('domain:example.com', 'domain', true),
  aPrincipal('serviceAccount:orders@shop.iam.gserviceaccount.com', 'serviceAccount'),
  aPrincipal('serviceAccount:billing@shop.iam.gserviceaccount.com', 'serviceAccount'),
  aPrincipal('user:ana@example.com', 'user'),
];

const anInvocable = (resource: string, patch: Partial<Invocable> = {}): Invocable => ({
  resource,
  kind: 'service',
  project: 'shop',
  location: 'europe-west1',
  role: 'roles/run.invoker',
  grantedOn: 'resource',
  via: 'allUsers',
  ...patch,
});

describe('broadness', () => {
  it.each([
    ['allUsers', 'allUsers', true, { label: 'Anyone on the internet', tone: 'danger' }],
    [
      'allAuthenticatedUsers',
      'allAuthenticatedUsers',
      true,
      { label: 'Any Google account', tone: 'warning' },
    ],
    ['domain:example.com', 'domain', true, { label: 'Everyone in the domain', tone: 'warning' }],
    ['user:ana@example.com', 'user', false, null],
    ['serviceAccount:a@p.iam.gserviceaccount.com', 'serviceAccount', false, null],
  ] as const)('labels %s', (member, kind, broad, expected) => {
    expect(broadness({ member, kind, broad })).toEqual(expected);
  });
});

describe('filterPrincipals', () => {
  it('filters by kind and by text, keeping the order', () => {
    expect(filterPrincipals(principals, { kind: 'serviceAccount' }).map((p) => p.member)).toEqual([
      'serviceAccount:orders@shop.iam.gserviceaccount.com',
      'serviceAccount:billing@shop.iam.gserviceaccount.com',
    ]);
    expect(filterPrincipals(principals, { query: ' EXAMPLE ' }).map((p) => p.member)).toEqual([
      'domain:example.com',
      'user:ana@example.com',
    ]);
    expect(filterPrincipals(principals, {})).toHaveLength(5);
  });

  it('counts kinds in a fixed order, leaving out absent ones', () => {
    expect(countKinds(principals)).toEqual([
      ['serviceAccount', 2],
      ['user', 1],
      ['domain', 1],
      ['allUsers', 1],
    ]);
  });

  it('parses the kind of the URL', () => {
    expect(parseKind('group')).toBe('group');
    expect(parseKind('bogus')).toBeUndefined();
    expect(parseKind(null)).toBeUndefined();
  });
});

describe('invocableNodeIds', () => {
  it('turns what a principal may invoke into the node ids the map keeps lit', () => {
    const ids = invocableNodeIds({
      mayInvoke: [
        anInvocable('projects/shop/locations/europe-west1/services/a'),
        anInvocable('projects/shop/locations/europe-west1/services/a', {
          grantedOn: 'project',
          via: 'user:x',
        }),
        anInvocable('projects/shop/locations/europe-west1/jobs/b', { kind: 'job' }),
      ],
    });
    expect([...ids].sort()).toEqual([
      'projects/shop/locations/europe-west1/jobs/b',
      'projects/shop/locations/europe-west1/services/a',
    ]);
    expect(invocableNodeIds({ mayInvoke: [] }).size).toBe(0);
  });

  it('counts distinct workloads', () => {
    expect(
      countWorkloads([anInvocable('a'), anInvocable('a', { grantedOn: 'project' }), anInvocable('b')]),
    ).toBe(2);
  });
});

describe('labels', () => {
  it('says where a grant is', () => {
    expect(grantedOnLabel(anInvocable('a'))).toBe('service');
    expect(grantedOnLabel(anInvocable('a', { grantedOn: 'project' }))).toBe('project shop');
    expect(grantedOnLabel(anInvocable('a', { grantedOn: null, role: null }))).toMatch(/disabled/);
  });

  it.each([
    ['allUsers', 'allUsers'],
    ['allAuthenticatedUsers', 'allAuthenticatedUsers'],
    ['domain:example.com', 'domain'],
    ['serviceAccount:a@b', 'serviceAccount'],
    ['principalSet://iam.googleapis.com/x', 'other'],
    ['deleted:user:a@b?uid=1', 'other'],
  ])('knows the kind of %s', (member, kind) => {
    expect(memberKind(member)).toBe(kind);
  });

  it('splits members', () => {
    expect(splitMember('user:a@b')).toEqual({ type: 'user', id: 'a@b' });
    expect(splitMember('allUsers')).toEqual({ type: '', id: 'allUsers' });
  });
});
