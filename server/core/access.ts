import type { Invocable, PrincipalKind, PrincipalSummary, WorkloadInvoker } from '../../shared/access.ts';
import type { Analysis } from './analyze.ts';
import { runtimeIdentityOf } from './runtime-identity.ts';

/** Who may invoke what, over one analysis (SPEC §1, the security reviewer's questions). */
export interface AccessIndex {
  /** Every principal that holds an invoker grant or is a runtime identity; broad ones first. */
  principals(): PrincipalSummary[];
  /** What `member` may invoke (its own grants and broader grants that cover it) and what runs as it. */
  principal(member: string): {
    member: string;
    kind: PrincipalKind;
    broad: boolean;
    mayInvoke: Invocable[];
    runsAs: string[];
    caveats: string[];
  };
  /** The invokers of one service or job; undefined when there is no such workload. */
  invokersOf(resource: string): WorkloadInvoker[] | undefined;
}

const MEMBER_FORM =
  /^(?:allUsers|allAuthenticatedUsers|(?:deleted:)?(?:user|group|serviceAccount):[^\s:]+|domain:[A-Za-z0-9.-]+|principal(?:Set)?:\/\/\S+)$/;

/** Whether `member` is written as an IAM member (`user:a@b.c`, `allUsers`, …). */
export function isMember(member: string): boolean {
  return MEMBER_FORM.test(member);
}

/** The kind of an IAM member string. */
export function principalKindOf(member: string): PrincipalKind {
  if (member === 'allUsers' || member === 'allAuthenticatedUsers') return member;
  const type = member.slice(0, member.indexOf(':'));
  return type === 'serviceAccount' || type === 'user' || type === 'group' || type === 'domain'
    ? type
    : 'other';
}

/** allUsers, allAuthenticatedUsers and domain grants reach people nobody listed by name. */
export function isBroad(member: string): boolean {
  return member === 'allUsers' || member === 'allAuthenticatedUsers' || member.startsWith('domain:');
}

/**
 * The members whose grants apply to `member`: itself, its domain for a user, then
 * allAuthenticatedUsers (anyone signed in) and allUsers (anyone).
 */
function coverersOf(member: string): string[] {
  if (member === 'allUsers') return ['allUsers'];
  const own = [member];
  const email = member.match(/^user:[^@\s]+@([^@\s]+)$/);
  if (email?.[1]) own.push(`domain:${email[1].toLowerCase()}`);
  if (member !== 'allAuthenticatedUsers') own.push('allAuthenticatedUsers');
  return [...own, 'allUsers'];
}

const compareInvocable = (a: Invocable, b: Invocable) =>
  a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : a.via < b.via ? -1 : a.via > b.via ? 1 : 0;

/** Builds the access index of an analysis; costs one pass over grants and workloads. */
export function accessIndex(analysis: Analysis): AccessIndex {
  const { inventory } = analysis;
  const projects = new Map(inventory.projects.map((p) => [p.projectId, p]));
  const workloads = new Map(inventory.workloads.map((w) => [w.name, w]));
  const byMember = new Map<string, Invocable[]>();
  const grantKeys = new Map<string, Set<string>>();
  for (const [resource, grants] of analysis.invokers) {
    const workload = workloads.get(resource);
    if (!workload) continue;
    for (const grant of grants) {
      const list = byMember.get(grant.member) ?? [];
      list.push({
        resource,
        kind: workload.kind,
        project: workload.project,
        location: workload.location,
        role: grant.role,
        grantedOn: grant.grantedOn,
        via: grant.member,
      });
      byMember.set(grant.member, list);
      const keys = grantKeys.get(grant.member) ?? new Set();
      keys.add(
        `${grant.grantedOn === 'project' ? `projects/${workload.project}` : resource}\u0000${grant.role}`,
      );
      grantKeys.set(grant.member, keys);
    }
  }
  // Without the invoker IAM check (and without IAP in front), anyone who reaches a service may invoke it.
  const open: Invocable[] = inventory.workloads
    .filter((w) => w.kind === 'service' && w.invokerIamDisabled && !w.iapEnabled)
    .map((w) => ({
      resource: w.name,
      kind: w.kind,
      project: w.project,
      location: w.location,
      role: null,
      grantedOn: null,
      via: 'invokerIamDisabled',
    }));
  const runsAsBy = new Map<string, string[]>();
  for (const workload of inventory.workloads) {
    const { email } = runtimeIdentityOf(workload, projects.get(workload.project));
    if (!email) continue;
    const member = `serviceAccount:${email}`;
    runsAsBy.set(member, [...(runsAsBy.get(member) ?? []), workload.name]);
  }

  const mayInvoke = (member: string): Invocable[] =>
    [...coverersOf(member).flatMap((m) => byMember.get(m) ?? []), ...open].sort(compareInvocable);

  // Counting needs no entries and no sort: the principal list counts for every principal at once.
  const invocableCount = (member: string): number => {
    const resources = new Set(open.map((i) => i.resource));
    for (const m of coverersOf(member)) for (const i of byMember.get(m) ?? []) resources.add(i.resource);
    return resources.size;
  };

  const caveats = (member: string): string[] => {
    const notes: string[] = [];
    const kind = principalKindOf(member);
    if (kind === 'user' || kind === 'serviceAccount') {
      notes.push(
        'Group memberships are not expanded: grants to groups this principal belongs to are not listed.',
      );
    }
    if (inventory.workloads.some((w) => w.iapEnabled)) {
      notes.push(
        'Services behind IAP also admit whoever IAP’s own access policy lets through; that policy is not read.',
      );
    }
    if (analysis.notes.some((n) => n.code === 'custom-role')) {
      notes.push(
        'Some bindings use custom roles whose permissions are unknown; their members are not counted.',
      );
    }
    if (
      inventory.workloads.some((w) => w.iamPolicy === null) ||
      inventory.projects.some((p) => p.iamPolicy === null)
    ) {
      notes.push('Some IAM policies could not be read: the list may be incomplete.');
    }
    return notes;
  };

  return {
    principals() {
      const members = new Set([...byMember.keys(), ...runsAsBy.keys()]);
      return [...members]
        .map((member) => ({
          member,
          kind: principalKindOf(member),
          broad: isBroad(member),
          grants: grantKeys.get(member)?.size ?? 0,
          mayInvoke: invocableCount(member),
          runsAs: runsAsBy.get(member)?.length ?? 0,
        }))
        .sort((a, b) =>
          a.broad !== b.broad ? (a.broad ? -1 : 1) : a.member < b.member ? -1 : a.member > b.member ? 1 : 0,
        );
    },
    principal(member) {
      return {
        member,
        kind: principalKindOf(member),
        broad: isBroad(member),
        mayInvoke: mayInvoke(member),
        runsAs: [...(runsAsBy.get(member) ?? [])].sort(),
        caveats: caveats(member),
      };
    },
    invokersOf(resource) {
      if (!workloads.has(resource)) return undefined;
      return (analysis.invokers.get(resource) ?? []).map((grant) => ({
        ...grant,
        kind: principalKindOf(grant.member),
        broad: isBroad(grant.member),
      }));
    },
  };
}
