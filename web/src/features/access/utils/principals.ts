import type {
  Invocable,
  PrincipalAccess,
  PrincipalKind,
  PrincipalSummary,
} from '../../../../../shared/access.ts';
import { principalKindSchema } from '../../../../../shared/access.ts';

/** Plural names for the kind filter, singular ones for a principal's chip. */
export const kindLabel: Record<PrincipalKind, { one: string; many: string }> = {
  serviceAccount: { one: 'Service account', many: 'Service accounts' },
  user: { one: 'User', many: 'Users' },
  group: { one: 'Group', many: 'Groups' },
  domain: { one: 'Domain', many: 'Domains' },
  allUsers: { one: 'allUsers', many: 'allUsers' },
  allAuthenticatedUsers: { one: 'allAuthenticatedUsers', many: 'allAuthenticatedUsers' },
  other: { one: 'Other', many: 'Other' },
};

export type Broadness = { label: string; tone: 'danger' | 'warning' };

/**
 * Why a principal is broad, for a label that stands out: allUsers is anyone on the internet (red);
 * allAuthenticatedUsers and domain: are everyone with a Google account or in a domain (orange).
 */
export function broadness(principal: Pick<PrincipalSummary, 'member' | 'kind' | 'broad'>): Broadness | null {
  switch (principal.kind) {
    case 'allUsers':
      return { label: 'Anyone on the internet', tone: 'danger' };
    case 'allAuthenticatedUsers':
      return { label: 'Any Google account', tone: 'warning' };
    case 'domain':
      return { label: 'Everyone in the domain', tone: 'warning' };
    default:
      return principal.broad ? { label: 'Broad', tone: 'warning' } : null;
  }
}

/** The kind of an IAM member string, as the server names it. */
export function memberKind(member: string): PrincipalKind {
  if (member === 'allUsers' || member === 'allAuthenticatedUsers') return member;
  const { type } = splitMember(member);
  return type === 'serviceAccount' || type === 'user' || type === 'group' || type === 'domain'
    ? type
    : 'other';
}

/** `serviceAccount:x@y` → { type: 'serviceAccount', id: 'x@y' }; bare `allUsers` keeps an empty type. */
export function splitMember(member: string): { type: string; id: string } {
  const colon = member.indexOf(':');
  return colon < 0 ? { type: '', id: member } : { type: member.slice(0, colon), id: member.slice(colon + 1) };
}

/** The kind filter of the URL, or undefined when absent or unknown. */
export function parseKind(value: string | null | undefined): PrincipalKind | undefined {
  const parsed = principalKindSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Principals of one kind (if given) whose member contains `query` (case-insensitive); order kept. */
export function filterPrincipals(
  principals: readonly PrincipalSummary[],
  filter: { kind?: PrincipalKind | undefined; query?: string | undefined },
): PrincipalSummary[] {
  const needle = filter.query?.trim().toLowerCase() ?? '';
  return principals.filter(
    (p) => (!filter.kind || p.kind === filter.kind) && (!needle || p.member.toLowerCase().includes(needle)),
  );
}

/** How many principals of each kind there are; kinds with none are left out. */
export function countKinds(principals: readonly PrincipalSummary[]): [PrincipalKind, number][] {
  const counts = new Map<PrincipalKind, number>();
  for (const p of principals) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return principalKindSchema.options.flatMap((kind) => {
    const count = counts.get(kind);
    return count ? [[kind, count] as [PrincipalKind, number]] : [];
  });
}

/** Where an invoke permission comes from, in words. */
export function grantedOnLabel(invocable: Invocable): string {
  if (invocable.grantedOn === null) return 'nowhere: the invoker IAM check is disabled';
  return invocable.grantedOn === 'project' ? `project ${invocable.project}` : invocable.kind;
}

/** The ids of the map nodes a principal may invoke: the map dims every other workload. Pure. */
export function invocableNodeIds(access: Pick<PrincipalAccess, 'mayInvoke'>): Set<string> {
  return new Set(access.mayInvoke.map((invocable) => invocable.resource));
}

/** Distinct workloads among the rows (one workload may be invocable through several grants). */
export function countWorkloads(mayInvoke: readonly Invocable[]): number {
  return new Set(mayInvoke.map((invocable) => invocable.resource)).size;
}
