import { gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-01: the invoker IAM check is disabled and no IAP stands in front. */
export const cr01InvokerIamDisabled: Rule = {
  id: 'CR-01',
  title: 'Invoker IAM check disabled',
  severity: 'critical',
  description:
    'invokerIamDisabled and not iapEnabled, on a service not declared public. Critical if reachable from the internet, else high.',
  rationale:
    'With the invoker IAM check disabled, Cloud Run lets every request that reaches the service through, ' +
    'signed in or not: the only remaining control is the network path. Unless the service is meant to be ' +
    'public (then declare it with the label runmap-exposure=public), turn the check back on and grant ' +
    'roles/run.invoker to the callers that need it, or put IAP in front.',
  appliesTo: ['service'],
  evaluate({ workload, exposure }) {
    if (!exposure || exposure.declaredPublic) return [];
    if (!workload.invokerIamDisabled || workload.iapEnabled) return [];
    const internet = exposure.reach === 'internet';
    return [
      findingOf(cr01InvokerIamDisabled, workload, {
        severity: internet ? 'critical' : 'high',
        message: `${workload.shortName} skips the invoker IAM check, so anyone who reaches it${
          internet ? ' from the internet' : ''
        } may invoke it without credentials.`,
        evidence: [
          { path: 'invokerIamDisabled', value: 'true' },
          { path: 'iapEnabled', value: 'false' },
          { path: 'exposure.reach', value: exposure.reach },
        ],
        remediation: {
          gcloud: gcloudRun(workload, 'update', '--invoker-iam-check'),
          terraform: terraformWorkload(workload, { attributes: ['invoker_iam_disabled = false'] }),
        },
      }),
    ];
  },
};
