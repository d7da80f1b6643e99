import { grantScope } from '../invokers.ts';
import { gcloudRemoveGrant, terraformGrant } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

/** CR-02: allUsers holds an invoker role on a service (or may execute a job). */
export const cr02AllUsersInvoker: Rule = {
  id: 'CR-02',
  title: 'Anyone on the internet may invoke',
  severity: 'critical',
  description:
    'allUsers holds an invoker role on the workload or its project, and the service is not declared public. ' +
    'Critical if reachable from the internet, else high; always high on a job.',
  rationale:
    'A grant of an invoker role to allUsers lets anyone call the service without signing in; on a job, ' +
    'it lets anyone execute it. Unless the service is meant to be public (then declare it with the label ' +
    'runmap-exposure=public), remove the grant and give roles/run.invoker to the callers that need it.',
  appliesTo: ['service', 'job'],
  evaluate({ workload, exposure, invokers }) {
    if (exposure?.declaredPublic) return [];
    const grants = invokers.filter((i) => i.member === 'allUsers');
    const first = grants[0];
    if (!first) return [];
    const internet = exposure?.reach === 'internet';
    const verb = workload.kind === 'service' ? 'invoke' : 'execute';
    return [
      findingOf(cr02AllUsersInvoker, workload, {
        severity: internet ? 'critical' : 'high',
        message: `Anyone${internet ? ' on the internet' : ''} may ${verb} ${workload.shortName} without signing in: allUsers holds ${first.role} ${grantScope(first, workload)}.`,
        evidence: [
          ...grants.map(grantEvidence),
          ...(exposure ? [{ path: 'exposure.reach', value: exposure.reach }] : []),
        ],
        remediation: {
          gcloud: grants.map((g) => gcloudRemoveGrant(workload, g)).join('\n'),
          terraform: grants.map((g) => terraformGrant(workload, g)).join('\n\n'),
        },
      }),
    ];
  },
};
