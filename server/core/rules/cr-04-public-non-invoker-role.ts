import type { Invoker } from '../../../shared/model.ts';
import { invokerRolesFor } from '../invokers.ts';
import { gcloudRemoveGrant, terraformGrant } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

const BROAD_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** CR-04: allUsers or allAuthenticatedUsers holds a role other than an invoker role on the workload. */
export const cr04PublicNonInvokerRole: Rule = {
  id: 'CR-04',
  title: 'The public holds a non-invoker role',
  severity: 'high',
  description:
    'allUsers or allAuthenticatedUsers holds any role on the service or job other than an invoker role ' +
    '(e.g. roles/run.viewer, roles/run.developer is an invoker role and is reported by CR-02/CR-03).',
  rationale:
    'Roles other than the invoker roles let the public read or change the workload itself rather than call it: ' +
    'roles/run.viewer shows its configuration, environment variables (literal values included), images and ' +
    'service account to anyone; stronger roles let anyone deploy. Being public on purpose never needs this. ' +
    'Remove the binding; grant viewer roles to named groups.',
  appliesTo: ['service', 'job'],
  evaluate({ workload }) {
    const invokerRoles = invokerRolesFor(workload.kind);
    const grants: Invoker[] = (workload.iamPolicy?.bindings ?? []).flatMap((binding) =>
      invokerRoles.has(binding.role)
        ? []
        : binding.members
            .filter((member) => BROAD_MEMBERS.has(member))
            .map((member) => ({ member, role: binding.role, grantedOn: 'resource' as const })),
    );
    const first = grants[0];
    if (!first) return [];
    const roles = [...new Set(grants.map((g) => `${g.member} holds ${g.role}`))].join(', ');
    return [
      findingOf(cr04PublicNonInvokerRole, workload, {
        message: `The IAM policy of ${workload.shortName} gives the public more than invocation: ${roles} on the ${workload.kind}.`,
        evidence: grants.map(grantEvidence),
        remediation: {
          gcloud: grants.map((g) => gcloudRemoveGrant(workload, g)).join('\n'),
          terraform: grants.map((g) => terraformGrant(workload, g)).join('\n\n'),
        },
      }),
    ];
  },
};
