import type { IamPolicy, Project, Workload, WorkloadKind } from '../../shared/inventory.ts';
import type { Invoker } from '../../shared/model.ts';

/** Roles that carry run.routes.invoke: they let a principal call a service (SPEC §5). */
const SERVICE_INVOKER_ROLES: ReadonlySet<string> = new Set([
  'roles/run.invoker',
  'roles/run.servicesInvoker',
  'roles/run.developer',
  'roles/run.admin',
  'roles/editor',
  'roles/owner',
]);

/**
 * Roles that carry run.jobs.run or run.jobs.runWithOverrides: they let a principal execute a job.
 * roles/run.servicesInvoker is absent on purpose: it holds run.routes.invoke only.
 */
const JOB_INVOKER_ROLES: ReadonlySet<string> = new Set([
  'roles/run.invoker',
  'roles/run.jobsExecutor',
  'roles/run.jobsExecutorWithOverrides',
  'roles/run.developer',
  'roles/run.admin',
  'roles/editor',
  'roles/owner',
]);

/** The roles that let a principal invoke a service or execute a job. */
export function invokerRolesFor(kind: WorkloadKind): ReadonlySet<string> {
  return kind === 'service' ? SERVICE_INVOKER_ROLES : JOB_INVOKER_ROLES;
}

function grantsIn(
  policy: IamPolicy | null | undefined,
  roles: ReadonlySet<string>,
  grantedOn: Invoker['grantedOn'],
): Invoker[] {
  if (!policy) return [];
  return policy.bindings
    .filter((binding) => roles.has(binding.role))
    .flatMap((binding) => binding.members.map((member) => ({ member, role: binding.role, grantedOn })));
}

/**
 * Who may invoke a workload: grants of an invoker role on the resource, then on its project, in
 * policy order. Conditional bindings are listed too, since the condition may well hold.
 */
export function invokersOf(workload: Workload, project: Project | undefined): Invoker[] {
  const roles = invokerRolesFor(workload.kind);
  const all = [
    ...grantsIn(workload.iamPolicy, roles, 'resource'),
    ...grantsIn(project?.iamPolicy, roles, 'project'),
  ];
  // A policy may repeat a member across bindings of the same role (e.g. with different conditions).
  const seen = new Set<string>();
  return all.filter((invoker) => {
    const key = `${invoker.grantedOn}\u0000${invoker.role}\u0000${invoker.member}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where a grant is, in words: `on the service`, `on the job` or `on project P`. */
export function grantScope(grant: Invoker, workload: Workload): string {
  return grant.grantedOn === 'resource' ? `on the ${workload.kind}` : `on project ${workload.project}`;
}
