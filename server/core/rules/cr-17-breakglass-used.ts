import { gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-17: the workload was deployed with Binary Authorization breakglass. */
export const cr17BreakglassUsed: Rule = {
  id: 'CR-17',
  title: 'Binary Authorization breakglass used',
  severity: 'high',
  description: 'binaryAuthorization.breakglassJustification is set: the image policy was bypassed.',
  rationale:
    'Breakglass deploys an image that the Binary Authorization policy would have refused. It is meant for ' +
    'emergencies and leaves the workload running an unverified image until someone redeploys it. Check the ' +
    'justification and the image, then redeploy an image that satisfies the policy, without breakglass.',
  appliesTo: ['service', 'job'],
  evaluate({ workload }) {
    const justification = workload.binaryAuthorization?.breakglassJustification?.trim();
    if (!justification) return [];
    return [
      findingOf(cr17BreakglassUsed, workload, {
        message: `${workload.shortName} bypassed Binary Authorization with breakglass: its image may not satisfy the policy.`,
        evidence: [
          { path: 'binaryAuthorization.breakglassJustification', value: justification },
          { path: 'images', value: workload.images.join(', ') || '(unknown)' },
        ],
        remediation: {
          // Redeploying without --breakglass clears the justification; the image must then pass the policy.
          gcloud: `${gcloudRun(workload, 'update', '--image=ATTESTED_IMAGE', '--binary-authorization=default')}  # without --breakglass`,
          terraform: terraformWorkload(workload, {
            attributes: [
              'binary_authorization {',
              '  use_default = true',
              '  # breakglass_justification removed',
              '}',
            ],
          }),
        },
      }),
    ];
  },
};
