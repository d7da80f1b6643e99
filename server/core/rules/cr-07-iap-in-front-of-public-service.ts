import type { Evidence } from '../../../shared/model.ts';
import { lastSegment, loadBalancerLabel } from '../frontends.ts';
import { grantScope } from '../invokers.ts';
import {
  flag,
  gcloudRemoveGrant,
  gcloudRun,
  hclString,
  terraformGrant,
  terraformWorkload,
} from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** CR-07: IAP guards the backend service in front, while the service itself lets anyone invoke it. */
export const cr07IapInFrontOfPublicService: Rule = {
  id: 'CR-07',
  title: 'IAP in front of a publicly invocable service',
  severity: 'high',
  description:
    'A backend service with IAP enabled sends to the service, while allUsers or allAuthenticatedUsers holds ' +
    'an invoker role on it or its invoker IAM check is disabled.',
  rationale:
    'IAP on a load balancer checks who the user is before forwarding; it does not stop requests that reach ' +
    'the service another way: its run.app URL, another load balancer, or internal networks. When the service ' +
    'itself is publicly invocable, those requests need no identity at all, so the IAP policy is a door in a ' +
    'wall with gaps. Keep the invoker IAM check, remove the public grant and give roles/run.invoker to the IAP ' +
    'service agent of the load balancer’s project only.',
  appliesTo: ['service'],
  evaluate({ workload, exposure, invokers, estate, inventory }) {
    const iap = (estate.frontendsByService.get(workload.name) ?? []).filter((f) => f.backend.iapEnabled);
    const first = iap[0];
    if (!first) return [];
    const publicGrants = invokers.filter((i) => PUBLIC_MEMBERS.has(i.member));
    const iamOff = workload.invokerIamDisabled && !workload.iapEnabled;
    if (publicGrants.length === 0 && !iamOff) return [];

    const who = [
      ...publicGrants.map((g) => `${g.member} holds ${g.role} ${grantScope(g, workload)}`),
      ...(iamOff ? ['the invoker IAM check is disabled'] : []),
    ].join(' and ');
    const around =
      exposure?.reach === 'internet'
        ? `anyone who calls its run.app URL${workload.uri ? ` ${workload.uri}` : ''} skips IAP`
        : 'anyone who reaches it another way (internal networks, another load balancer) skips IAP';
    const lbProject = inventory.projects.find((p) => p.projectId === first.loadBalancer.project);
    const agent = `serviceAccount:service-${lbProject?.projectNumber ?? 'PROJECT_NUMBER'}@gcp-sa-iap.iam.gserviceaccount.com`;
    const agentGranted = invokers.some((i) => i.member === agent);
    const evidence: Evidence[] = [
      ...iap.map(({ loadBalancer, backend }) => ({
        path: `loadBalancer[${loadBalancer.shortName}].backendService.iap`,
        value: `${backend.backendService} (IAP on)`,
      })),
      ...publicGrants.map(grantEvidence),
      ...(iamOff ? [{ path: 'invokerIamDisabled', value: 'true' }] : []),
    ];
    return [
      findingOf(cr07IapInFrontOfPublicService, workload, {
        message: `${workload.shortName} is behind IAP on backend service ${lastSegment(first.backend.backendService)} of load balancer ${loadBalancerLabel(first.loadBalancer)}, yet ${who}: ${around}.`,
        evidence,
        remediation: {
          gcloud: [
            ...(iamOff ? [gcloudRun(workload, 'update', '--invoker-iam-check')] : []),
            ...(agentGranted
              ? []
              : [
                  gcloudRun(
                    workload,
                    'add-iam-policy-binding',
                    flag('member', agent),
                    flag('role', 'roles/run.invoker'),
                  ),
                ]),
            ...publicGrants.map((g) => gcloudRemoveGrant(workload, g)),
          ].join('\n'),
          terraform: [
            ...(iamOff
              ? [terraformWorkload(workload, { attributes: ['invoker_iam_disabled = false'] })]
              : []),
            ...(agentGranted
              ? []
              : [
                  [
                    `resource "google_cloud_run_v2_service_iam_member" ${hclString(`${workload.shortName}_iap_invoker`.replace(/[^A-Za-z0-9_-]/g, '_'))} {`,
                    `  name = ${hclString(workload.shortName)}`,
                    `  location = ${hclString(workload.location)}`,
                    `  project = ${hclString(workload.project)}`,
                    '  role = "roles/run.invoker"',
                    `  member = ${hclString(agent)} # the IAP service agent`,
                    '}',
                  ].join('\n'),
                ]),
            ...publicGrants.map((g) => terraformGrant(workload, g)),
          ].join('\n\n'),
        },
      }),
    ];
  },
};
