import { flag, gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-05: ingress all on a service that is not declared public. */
export const cr05IngressAll: Rule = {
  id: 'CR-05',
  title: 'Ingress open to all traffic',
  severity: 'medium',
  description: 'ingress ALL (or unspecified) on a service that is not declared public.',
  rationale:
    'Ingress "all" accepts requests from anywhere, so the network adds no defence when IAM or the code ' +
    'gets it wrong. Callers inside the estate can use internal ingress (VPC, Shared VPC, Pub/Sub, Scheduler, ' +
    'other Cloud Run services through Direct VPC egress), and users can come through a load balancer with ' +
    'IAP and Cloud Armor: set ingress to internal, or internal-and-cloud-load-balancing.',
  appliesTo: ['service'],
  evaluate({ workload, exposure }) {
    if (!exposure || exposure.declaredPublic) return [];
    const ingress = workload.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED';
    if (ingress !== 'INGRESS_TRAFFIC_ALL' && ingress !== 'INGRESS_TRAFFIC_UNSPECIFIED') return [];
    return [
      findingOf(cr05IngressAll, workload, {
        message: `${workload.shortName} accepts traffic from any network (ingress ${ingress})${
          workload.defaultUriDisabled ? ', although its default run.app URL is disabled' : ''
        }; internal or load-balancer ingress would do for callers inside the estate.`,
        evidence: [
          { path: 'ingress', value: ingress },
          { path: 'defaultUriDisabled', value: String(workload.defaultUriDisabled) },
        ],
        remediation: {
          gcloud: gcloudRun(workload, 'update', flag('ingress', 'internal-and-cloud-load-balancing')),
          terraform: terraformWorkload(workload, {
            attributes: ['ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"'],
          }),
        },
      }),
    ];
  },
};
