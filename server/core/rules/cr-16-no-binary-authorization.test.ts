import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr16NoBinaryAuthorization } from './cr-16-no-binary-authorization.ts';

describe('CR-16 no Binary Authorization policy', () => {
  it.each<[string, Workload, boolean]>([
    ['flags when binaryAuthorization is absent', aService({ binaryAuthorization: undefined }), true],
    [
      'flags when neither useDefault nor a policy is set',
      aService({ binaryAuthorization: { useDefault: false } }),
      true,
    ],
    ['flags a job without a policy', aJob({ binaryAuthorization: undefined }), true],
    ['does not flag useDefault', aService({ binaryAuthorization: { useDefault: true } }), false],
    [
      'does not flag a named policy',
      aJob({
        binaryAuthorization: { useDefault: false, policy: 'projects/p1/platforms/cloudRun/policies/strict' },
      }),
      false,
    ],
  ])('%s', (_name, workload, flagged) => {
    const findings = runRule(cr16NoBinaryAuthorization, [workload]);
    expect(findings.map((f) => f.severity)).toEqual(flagged ? ['medium'] : []);
  });

  it('flags with a remediation that enforces the default policy', () => {
    const [finding] = runRule(cr16NoBinaryAuthorization, [
      aService({ shortName: 'orders', binaryAuthorization: undefined }),
    ]);
    expect(finding?.evidence).toEqual([{ path: 'binaryAuthorization', value: '(absent)' }]);
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services update orders --region=europe-west1 --project=p1 --binary-authorization=default',
    );
    expect(finding?.remediation.terraform).toContain('binary_authorization {\n    use_default = true\n  }');
  });
});
