import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr17BreakglassUsed } from './cr-17-breakglass-used.ts';

describe('CR-17 Binary Authorization breakglass used', () => {
  it.each<[string, Workload, boolean]>([
    [
      'flags when a service was deployed with breakglass',
      aService({ binaryAuthorization: { useDefault: true, breakglassJustification: 'INC-42 hotfix' } }),
      true,
    ],
    [
      'flags when a job was deployed with breakglass',
      aJob({ binaryAuthorization: { useDefault: false, breakglassJustification: 'urgent' } }),
      true,
    ],
    [
      'does not flag an empty justification',
      aService({ binaryAuthorization: { useDefault: true, breakglassJustification: ' ' } }),
      false,
    ],
    ['does not flag without breakglass', aService({ binaryAuthorization: { useDefault: true } }), false],
  ])('%s', (_name, workload, flagged) => {
    expect(runRule(cr17BreakglassUsed, [workload]).map((f) => f.severity)).toEqual(flagged ? ['high'] : []);
  });

  it('flags with the justification in evidence', () => {
    const [finding] = runRule(cr17BreakglassUsed, [
      aService({ binaryAuthorization: { useDefault: true, breakglassJustification: 'INC-42 hotfix' } }),
    ]);
    expect(finding?.evidence[0]).toEqual({
      path: 'binaryAuthorization.breakglassJustification',
      value: 'INC-42 hotfix',
    });
    expect(finding?.remediation.gcloud).toContain('--binary-authorization=default');
  });
});
