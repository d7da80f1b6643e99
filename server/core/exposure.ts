import type { Workload } from '../../shared/inventory.ts';
import type { Access, Exposure, Invoker, Reach, Verdict } from '../../shared/model.ts';
import { grantScope } from './invokers.ts';

/** The label that declares a service public on purpose (SPEC §5). */
export const DECLARED_PUBLIC_LABEL = 'runmap-exposure';

const ALL_USERS = 'allUsers';
const ALL_AUTHENTICATED_USERS = 'allAuthenticatedUsers';

function reachOf(service: Workload): { reach: Reach; reason: string } {
  const ingress = service.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
  switch (ingress) {
    case 'INGRESS_TRAFFIC_ALL':
    case 'INGRESS_TRAFFIC_UNSPECIFIED': {
      const setting =
        ingress === 'INGRESS_TRAFFIC_ALL'
          ? 'ingress is INGRESS_TRAFFIC_ALL'
          : 'ingress is unspecified (Cloud Run treats it as INGRESS_TRAFFIC_ALL)';
      return service.defaultUriDisabled
        ? {
            reach: 'load-balancer',
            reason: `${setting} but the default run.app URL is disabled (defaultUriDisabled): reachable through a load balancer or custom domain only`,
          }
        : {
            reach: 'internet',
            reason: `${setting} and the default run.app URL is enabled: reachable from the internet`,
          };
    }
    case 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER':
      return {
        reach: 'load-balancer',
        reason:
          'ingress is INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: reachable through a load balancer and from internal networks',
      };
    case 'INGRESS_TRAFFIC_INTERNAL_ONLY':
      return {
        reach: 'internal',
        reason:
          'ingress is INGRESS_TRAFFIC_INTERNAL_ONLY: reachable only from internal networks (VPC, Shared VPC, internal sources of the project)',
      };
    case 'INGRESS_TRAFFIC_NONE':
      return { reach: 'none', reason: 'ingress is INGRESS_TRAFFIC_NONE: no request can reach the service' };
  }
}

function grantSentences(
  members: string,
  grants: Invoker[],
  service: Workload,
  consequence: string,
): string[] {
  return grants.map(
    (grant) => `${members} holds ${grant.role} ${grantScope(grant, service)}: ${consequence}`,
  );
}

/** Access per SPEC §5, with every condition that holds stated; precedence picks the access. */
function accessOf(service: Workload, invokers: Invoker[]): { access: Access; reasons: string[] } {
  const allUsers = invokers.filter((i) => i.member === ALL_USERS);
  const allAuthenticated = invokers.filter((i) => i.member === ALL_AUTHENTICATED_USERS);
  const iamDisabledUngated = service.invokerIamDisabled && !service.iapEnabled;

  const reasons: string[] = [];
  if (service.iamPolicy === null) {
    reasons.push('the IAM policy of the service could not be read: grants on it are unknown');
  }
  if (service.invokerIamDisabled) {
    reasons.push(
      service.iapEnabled
        ? 'invoker IAM check is disabled (invokerIamDisabled), but IAP is enabled (iapEnabled) and gates every request'
        : 'invoker IAM check is disabled (invokerIamDisabled): anyone who reaches the service may invoke it',
    );
  }
  reasons.push(...grantSentences(ALL_USERS, allUsers, service, 'anyone may invoke it without signing in'));
  reasons.push(
    ...grantSentences(ALL_AUTHENTICATED_USERS, allAuthenticated, service, 'any Google account may invoke it'),
  );
  if (service.iapEnabled && !service.invokerIamDisabled) {
    reasons.push('IAP is enabled (iapEnabled): users must pass IAP’s own access policy');
  }
  if (service.iapEnabled && allUsers.length > 0) {
    // SPEC §5 is literal here: an allUsers grant counts as unauthenticated even behind IAP.
    reasons.push(
      'allUsers holds an invoker role, so runmap counts the service as unauthenticated despite IAP',
    );
  }

  if (iamDisabledUngated || allUsers.length > 0) return { access: 'unauthenticated', reasons };
  if (allAuthenticated.length > 0) return { access: 'any-google-account', reasons };
  if (service.iapEnabled) return { access: 'iap', reasons };
  const named = new Set(invokers.map((i) => i.member)).size;
  reasons.push(
    named === 0
      ? `no principal holds an invoker role on the service or on project ${service.project}`
      : `only named principals may invoke it (${named} hold an invoker role on the service or on project ${service.project})`,
  );
  return { access: 'iam', reasons };
}

function verdictOf(reach: Reach, access: Access, declaredPublic: boolean): Verdict {
  if (reach === 'none') return 'closed';
  if (reach === 'internal') return 'internal';
  if (access === 'unauthenticated' || access === 'any-google-account') {
    return declaredPublic ? 'public' : 'overexposed';
  }
  return 'reachable';
}

/** Whether the service carries the label `runmap-exposure: public`. */
export function isDeclaredPublic(workload: Workload): boolean {
  return workload.labels[DECLARED_PUBLIC_LABEL]?.trim().toLowerCase() === 'public';
}

/**
 * Exposure of a service (SPEC §5): how a request can arrive, who passes the gate, the verdict and why.
 * `declaredBy` is the policy-file pattern that declares the service public, if one does.
 */
export function exposureOf(service: Workload, invokers: Invoker[], declaredBy?: string): Exposure {
  const { reach, reason } = reachOf(service);
  const { access, reasons } = accessOf(service, invokers);
  const byLabel = isDeclaredPublic(service);
  const declaredPublic = byLabel || declaredBy !== undefined;
  const verdict = verdictOf(reach, access, declaredPublic);
  const declared = [
    ...(byLabel ? [`label ${DECLARED_PUBLIC_LABEL}=public declares the service public on purpose`] : []),
    ...(declaredBy !== undefined
      ? [`the policy file declares the service public on purpose (publicServices: ${declaredBy})`]
      : []),
  ];
  return { reach, access, verdict, declaredPublic, reasons: [reason, ...reasons, ...declared] };
}
