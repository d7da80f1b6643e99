import { grantScope } from '../invokers.ts';
import { gcloudRemoveGrant, terraformGrant } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

/** CR-03: allAuthenticatedUsers holds an invoker role: any Google account may invoke (or execute). */
export const cr03AllAuthenticatedUsersInvoker: Rule = {
  id: 'CR-03',
  title: 'Any Google account may invoke',
  severity: 'high',
  description:
    'allAuthenticatedUsers holds an invoker role on the workload or its project. ' +
    'Info when the service is declared public (SPEC §5: public services are reported as info).',
  rationale:
    'allAuthenticatedUsers is not "users of my organization": it is every Google account in the world, ' +
    'including free Gmail accounts and service accounts of any project. A grant to it is as good as public ' +
    'for an attacker, and unlike allUsers it is rarely intended. Remove the grant and give roles/run.invoker ' +
    'to a group or to the service accounts of the callers.',
  appliesTo: ['service', 'job'],
  evaluate({ workload, exposure, invokers }) {
    const grants = invokers.filter((i) => i.member === 'allAuthenticatedUsers');
    const first = grants[0];
    if (!first) return [];
    const verb = workload.kind === 'service' ? 'invoke' : 'execute';
    return [
      findingOf(cr03AllAuthenticatedUsersInvoker, workload, {
        severity: exposure?.declaredPublic ? 'info' : 'high',
        message: `Any Google account may ${verb} ${workload.shortName}: allAuthenticatedUsers holds ${first.role} ${grantScope(first, workload)}.`,
        evidence: grants.map(grantEvidence),
        remediation: {
          gcloud: grants.map((g) => gcloudRemoveGrant(workload, g)).join('\n'),
          terraform: grants.map((g) => terraformGrant(workload, g)).join('\n\n'),
        },
      }),
    ];
  },
};
