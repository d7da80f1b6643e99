import type { Ingress } from '../../../../../shared/inventory.ts';
import type { Access, Reach } from '../../../../../shared/model.ts';

export const ingressLabel: Record<Ingress, string> = {
  INGRESS_TRAFFIC_UNSPECIFIED: 'Unspecified (acts as all traffic)',
  INGRESS_TRAFFIC_ALL: 'All traffic, including the internet',
  INGRESS_TRAFFIC_INTERNAL_ONLY: 'Internal only',
  INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: 'Internal and Cloud Load Balancing',
  INGRESS_TRAFFIC_NONE: 'None',
};

export const reachLabel: Record<Reach, string> = {
  internet: 'Internet (default run.app URL)',
  'load-balancer': 'Through a load balancer',
  internal: 'Internal networks only',
  none: 'Nothing (ingress closed)',
};

export const accessLabel: Record<Access, string> = {
  unauthenticated: 'Unauthenticated: anyone',
  'any-google-account': 'Any Google account',
  iap: 'Identity-Aware Proxy',
  iam: 'Named principals (IAM)',
};

/** Principals that stand for "everyone": they get highlighted wherever a grant is listed. */
export const broadPrincipals: Record<string, string> = {
  allUsers: 'Anyone on the internet',
  allAuthenticatedUsers: 'Any Google account',
};

/** `serviceAccount:x@y` → { type: 'serviceAccount', id: 'x@y' }; bare `allUsers` keeps an empty type. */
export function splitMember(member: string): { type: string; id: string } {
  const colon = member.indexOf(':');
  return colon < 0 ? { type: '', id: member } : { type: member.slice(0, colon), id: member.slice(colon + 1) };
}
