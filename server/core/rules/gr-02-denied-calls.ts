import type { Evidence } from '../../../shared/model.ts';
import { windowLength } from '../estate-traffic.ts';
import { runtimeIdentityOf } from '../runtime-identity.ts';
import { flag, gcloudRun, hclString } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** GR-02: traced calls from another workload were refused with 401/403 by Cloud Run. */
export const gr02DeniedCalls: Rule = {
  id: 'GR-02',
  title: 'Denied calls between services',
  severity: 'high',
  description:
    'In the traffic window, calls from another workload of the estate to the service were answered 401 or ' +
    '403 with no server span: Cloud Run refused them before they reached the container.',
  rationale:
    'Observed but denied: a caller tries to use the service and Cloud Run turns it away, because the ' +
    'caller’s runtime service account holds no invoker role on the service or its ID token names the wrong ' +
    'audience. The feature behind those calls is broken right now, and the usual quick fix — allUsers or ' +
    'disabling the invoker check — would expose the service. Grant roles/run.invoker on this service to the ' +
    'caller’s service account, or fix the audience the caller asks its token for.',
  appliesTo: ['service'],
  evaluate({ workload, invokers, estate }) {
    const { window, observed } = estate.traffic;
    const denied = observed.filter((e) => e.target === workload.name && e.denied > 0);
    const workloads = estate.workloadsByName;
    const projects = estate.projectsById;
    return denied.flatMap((edge) => {
      const caller = workloads.get(edge.source);
      if (!caller) return [];
      const email = runtimeIdentityOf(caller, projects.get(caller.project)).email;
      const member = email ? `serviceAccount:${email}` : undefined;
      const granted = member ? invokers.filter((i) => i.member.toLowerCase() === member.toLowerCase()) : [];
      const why =
        member === undefined
          ? `the account ${caller.shortName} runs as is unknown`
          : granted.length === 0
            ? `${email} (which ${caller.shortName} runs as) holds no invoker role on ${workload.shortName} or on project ${workload.project}`
            : `${email} does hold ${granted.map((g) => g.role).join(', ')}, so the token's audience (or an IAM condition) is the likely cause`;
      const evidence: Evidence[] = [
        { path: 'observed.caller', value: caller.name },
        {
          path: 'observed.denied',
          value: `${edge.denied} of ${edge.calls} traced calls answered 401/403 with no server span`,
        },
        ...(window
          ? [{ path: 'traffic.window', value: `last ${windowLength(window)} before the snapshot` }]
          : []),
        { path: 'caller.serviceAccount', value: email ?? '(unknown)' },
        {
          path: 'invokers',
          value:
            granted.length > 0
              ? granted.map((g) => `${g.member} ${g.role}`).join(', ')
              : `none for ${email ?? 'the caller'}`,
        },
      ];
      const grant = member ?? `serviceAccount:${caller.shortName}@${caller.project}.iam.gserviceaccount.com`;
      const label = `${workload.shortName}_${caller.shortName}_invoker`.replace(/[^A-Za-z0-9_-]/g, '_');
      return [
        findingOf(gr02DeniedCalls, workload, {
          discriminator: `caller:${caller.name}`,
          message: `${edge.denied} traced calls from ${caller.shortName} to ${workload.shortName} in the last ${windowLength(window)} were refused with 401/403: ${why}.`,
          evidence,
          remediation: {
            gcloud: [
              ...(granted.length > 0
                ? [
                    `# ${email} is already granted: make ${caller.shortName} ask for an ID token whose audience is ${workload.uri ?? workload.urls[0] ?? `${workload.shortName}'s URL`}`,
                  ]
                : []),
              gcloudRun(
                workload,
                'add-iam-policy-binding',
                flag('member', grant),
                flag('role', 'roles/run.invoker'),
              ),
            ].join('\n'),
            terraform: [
              `resource "google_cloud_run_v2_service_iam_member" ${hclString(label)} {`,
              `  name = ${hclString(workload.shortName)}`,
              `  location = ${hclString(workload.location)}`,
              `  project = ${hclString(workload.project)}`,
              `  role = "roles/run.invoker"`,
              `  member = ${hclString(grant)}`,
              '}',
            ].join('\n'),
          },
        }),
      ];
    });
  },
};
