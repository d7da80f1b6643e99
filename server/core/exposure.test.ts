import { describe, expect, it } from 'vitest';
import type { Ingress, Workload } from '../../shared/inventory.ts';
import type { Access, Invoker, Reach, Verdict } from '../../shared/model.ts';
import { exposureOf } from './exposure.ts';
import { aService } from './testing/builders.ts';

const named: Invoker = {
  member: 'serviceAccount:a@p1.iam.gserviceaccount.com',
  role: 'roles/run.invoker',
  grantedOn: 'resource',
};
const allUsers: Invoker = { member: 'allUsers', role: 'roles/run.invoker', grantedOn: 'resource' };
const allAuthenticated: Invoker = {
  member: 'allAuthenticatedUsers',
  role: 'roles/run.invoker',
  grantedOn: 'resource',
};

const reaches: Array<[Reach, Ingress | undefined, boolean, string]> = [
  ['internet', 'INGRESS_TRAFFIC_ALL', false, 'INGRESS_TRAFFIC_ALL and the default run.app URL is enabled'],
  ['internet', 'INGRESS_TRAFFIC_UNSPECIFIED', false, 'unspecified'],
  ['internet', undefined, false, 'unspecified'],
  ['load-balancer', 'INGRESS_TRAFFIC_ALL', true, 'defaultUriDisabled'],
  [
    'load-balancer',
    'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    false,
    'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
  ],
  ['internal', 'INGRESS_TRAFFIC_INTERNAL_ONLY', false, 'INGRESS_TRAFFIC_INTERNAL_ONLY'],
  ['none', 'INGRESS_TRAFFIC_NONE', false, 'INGRESS_TRAFFIC_NONE'],
];

const accesses: Array<[Access, Partial<Workload>, Invoker[], string]> = [
  ['unauthenticated', { invokerIamDisabled: true }, [], 'invoker IAM check is disabled (invokerIamDisabled)'],
  ['unauthenticated', {}, [allUsers], 'allUsers holds roles/run.invoker on the service'],
  ['unauthenticated', { iapEnabled: true }, [allUsers], 'despite IAP'],
  ['unauthenticated', { invokerIamDisabled: true }, [allAuthenticated], 'invokerIamDisabled'],
  [
    'any-google-account',
    {},
    [allAuthenticated],
    'allAuthenticatedUsers holds roles/run.invoker on the service',
  ],
  ['any-google-account', { iapEnabled: true }, [allAuthenticated], 'allAuthenticatedUsers'],
  ['iap', { iapEnabled: true }, [named], 'IAP is enabled (iapEnabled)'],
  ['iap', { iapEnabled: true, invokerIamDisabled: true }, [], 'but IAP is enabled (iapEnabled)'],
  ['iam', {}, [named], 'only named principals'],
  ['iam', {}, [], 'no principal holds an invoker role'],
];

function expectedVerdict(reach: Reach, access: Access, declaredPublic: boolean): Verdict {
  if (reach === 'none') return 'closed';
  if (reach === 'internal') return 'internal';
  if (access === 'unauthenticated' || access === 'any-google-account')
    return declaredPublic ? 'public' : 'overexposed';
  return 'reachable';
}

const combinations = reaches.flatMap((r) =>
  accesses.flatMap((a) => [false, true].map((declaredPublic) => [...r, ...a, declaredPublic] as const)),
);

describe('exposureOf', () => {
  it.each(combinations)(
    'flags reach %s (ingress %s, defaultUriDisabled %s) naming "%s", access %s (%o, %o) naming "%s", declared public %s',
    (reach, ingress, defaultUriDisabled, reachReason, access, settings, invokers, accessReason, declaredPublic) => {
      const service = aService({
        ingress,
        defaultUriDisabled,
        ...settings,
        labels: declaredPublic ? { 'runmap-exposure': 'public' } : {},
      });
      const exposure = exposureOf(service, invokers);
      expect(exposure).toMatchObject({
        reach,
        access,
        declaredPublic,
        verdict: expectedVerdict(reach, access, declaredPublic),
      });
      expect(exposure.reasons.join('\n')).toContain(reachReason);
      expect(exposure.reasons.join('\n')).toContain(accessReason);
      if (declaredPublic) expect(exposure.reasons.join('\n')).toContain('runmap-exposure=public');
    },
  );

  it.each([
    ['allUsers', 'unauthenticated', 'allUsers holds roles/editor on project p1'],
    ['allAuthenticatedUsers', 'any-google-account', 'allAuthenticatedUsers holds roles/editor on project p1'],
  ] as const)('flags %s granted on the project as %s', (member, access, reason) => {
    const service = aService({ ingress: 'INGRESS_TRAFFIC_ALL' });
    const exposure = exposureOf(service, [{ member, role: 'roles/editor', grantedOn: 'project' }]);
    expect(exposure.access).toBe(access);
    expect(exposure.verdict).toBe('overexposed');
    expect(exposure.reasons).toContain(
      `${reason}: ${member === 'allUsers' ? 'anyone may invoke it without signing in' : 'any Google account may invoke it'}`,
    );
  });

  it('does not take a label other than runmap-exposure=public as a declaration', () => {
    const service = aService({
      ingress: 'INGRESS_TRAFFIC_ALL',
      invokerIamDisabled: true,
      labels: { 'runmap-exposure': 'internal', public: 'true' },
    });
    expect(exposureOf(service, [])).toMatchObject({ declaredPublic: false, verdict: 'overexposed' });
  });

  it('names the reach setting first', () => {
    const exposure = exposureOf(aService({ ingress: 'INGRESS_TRAFFIC_ALL' }), [allUsers]);
    expect(exposure.reasons[0]).toBe(
      'ingress is INGRESS_TRAFFIC_ALL and the default run.app URL is enabled: reachable from the internet',
    );
  });

  it('flags an unreadable IAM policy in the reasons', () => {
    const exposure = exposureOf(aService({ iamPolicy: null }), []);
    expect(exposure.reasons).toContain(
      'the IAM policy of the service could not be read: grants on it are unknown',
    );
  });
});
