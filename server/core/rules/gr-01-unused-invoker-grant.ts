import type { Evidence, Invoker } from '../../../shared/model.ts';
import { between, windowLength } from '../estate-traffic.ts';
import { gcloudRemoveGrant, terraformGrant } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

const SA_PREFIX = 'serviceaccount:';

/** GR-01: a service account holds an invoker role on a service, and nothing running as it called it. */
export const gr01UnusedInvokerGrant: Rule = {
  id: 'GR-01',
  title: 'Unused invoker grant',
  severity: 'medium',
  description:
    'A service account that workloads of the estate run as holds an invoker role on the service (or its ' +
    'project), and no traced call from any of those workloads reached the service in the traffic window. ' +
    'Silent when no trace was read from the service’s project, when the callers’ traces were not read, or when the estate has none.',
  rationale:
    'Permitted but never observed: the grant lets the workloads that run as this account call the service, and ' +
    'none of them does. Unused grants are standing access that an attacker who takes over one of those ' +
    'workloads inherits for free, and they hide which dependencies are real. Remove the grant, or narrow a ' +
    'project-wide grant to the services the account really calls. A caller that runs rarely (a monthly job) ' +
    'may not show in the window: check before removing.',
  appliesTo: ['service'],
  evaluate({ workload, invokers, estate }) {
    const { window, runnersByAccount, observedBetween } = estate.traffic;
    if (!window) return [];
    // Calls to the service leave server spans in its own project: with none read from there (tracing
    // off, or the read failed), silence says nothing about the grant.
    if (!window.tracesByProject.get(workload.project)) return [];
    // No trace anywhere in the estate: tracing is off, and silence says nothing.
    if (![...window.tracesByProject.values()].some((count) => count > 0)) return [];
    const byMember = new Map<string, Invoker[]>();
    for (const grant of invokers) {
      if (!grant.member.toLowerCase().startsWith(SA_PREFIX)) continue;
      byMember.set(grant.member, [...(byMember.get(grant.member) ?? []), grant]);
    }
    return [...byMember.entries()].flatMap(([member, grants]) => {
      const email = member.slice(SA_PREFIX.length).toLowerCase();
      const runners = (runnersByAccount.get(email) ?? []).filter((r) => r.name !== workload.name);
      // Accounts no workload runs as (pushers, deployers, people's robots) make no traced calls.
      if (runners.length === 0) return [];
      // A call is told by its caller's client span: without traces from every caller's project,
      // silence says nothing.
      if (runners.some((r) => !window.tracesByProject.get(r.project))) return [];
      if (runners.some((r) => observedBetween.has(between(r.name, workload.name)))) return [];
      const names = runners.map((r) => `${r.shortName}${r.kind === 'job' ? ' (job)' : ''}`);
      const evidence: Evidence[] = [
        ...grants.map(grantEvidence),
        ...runners.map((r) => ({ path: 'runsAs', value: `${r.name} runs as ${email}` })),
        { path: 'traffic.window', value: `last ${windowLength(window)} before the snapshot` },
        { path: 'observed', value: `no traced call from ${names.join(', ')} to ${workload.shortName}` },
      ];
      const projectWide = grants.some((g) => g.grantedOn === 'project');
      return [
        findingOf(gr01UnusedInvokerGrant, workload, {
          discriminator: `member:${member}`,
          message:
            `${email} may invoke ${workload.shortName} (${grants.map((g) => `${g.role} ${g.grantedOn === 'project' ? `on project ${workload.project}` : 'on the service'}`).join(', ')}), ` +
            `but no traced call from ${names.join(', ')}, which run${runners.length === 1 ? 's' : ''} as it, reached ${workload.shortName} in the last ${windowLength(window)}` +
            `${window.truncated ? ' (the trace read was capped, so older calls may be missed)' : ''}.`,
          evidence,
          remediation: {
            gcloud: [
              ...(projectWide
                ? [
                    `# the project grant covers every service of ${workload.project}: grant roles/run.invoker on the services ${email} calls before removing it`,
                  ]
                : []),
              ...grants.map((g) => gcloudRemoveGrant(workload, g)),
            ].join('\n'),
            terraform: grants.map((g) => terraformGrant(workload, g)).join('\n\n'),
          },
        }),
      ];
    });
  },
};
