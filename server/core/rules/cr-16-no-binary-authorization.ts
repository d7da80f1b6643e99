import { gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-16: the workload enforces no Binary Authorization policy. */
export const cr16NoBinaryAuthorization: Rule = {
  id: 'CR-16',
  title: 'No Binary Authorization policy',
  severity: 'medium',
  description: 'binaryAuthorization is absent, or sets neither useDefault nor a named policy.',
  rationale:
    'Without Binary Authorization, Cloud Run deploys any image the deployer can name: an image built outside ' +
    'CI, pulled from a public registry or pushed by a compromised account. Enforcing the project’s default ' +
    'policy (or a named platform policy) lets only attested or allow-listed images run.',
  appliesTo: ['service', 'job'],
  evaluate({ workload }) {
    const binAuth = workload.binaryAuthorization;
    if (binAuth?.useDefault || binAuth?.policy) return [];
    return [
      findingOf(cr16NoBinaryAuthorization, workload, {
        message: `${workload.shortName} enforces no Binary Authorization policy: any image its deployers name will run.`,
        evidence: [
          binAuth
            ? { path: 'binaryAuthorization', value: 'useDefault false, no policy' }
            : { path: 'binaryAuthorization', value: '(absent)' },
        ],
        remediation: {
          gcloud: gcloudRun(workload, 'update', '--binary-authorization=default'),
          terraform: terraformWorkload(workload, {
            attributes: ['binary_authorization {', '  use_default = true', '}'],
          }),
        },
      }),
    ];
  },
};
