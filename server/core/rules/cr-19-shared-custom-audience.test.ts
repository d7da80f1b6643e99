import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr19SharedCustomAudience } from './cr-19-shared-custom-audience.ts';

const orders = (audiences: string[]) => aService({ shortName: 'orders', customAudiences: audiences });
const billing = (audiences: string[]) => aService({ shortName: 'billing', customAudiences: audiences });

describe('CR-19 custom audience shared by several services', () => {
  it.each<[string, Workload[], string[]]>([
    [
      'flags both services when they share an audience',
      [orders(['api']), billing(['api'])],
      ['billing', 'orders'],
    ],
    [
      'flags every service that shares it across projects',
      [
        orders(['api']),
        billing(['api', 'b']),
        aService({ shortName: 'x', project: 'p2', customAudiences: ['api'] }),
      ],
      ['billing', 'orders', 'x'],
    ],
    ['does not flag distinct audiences', [orders(['a']), billing(['b'])], []],
    ['does not flag an audience repeated on one service', [orders(['a', 'a'])], []],
    ['does not flag services without audiences', [orders([]), billing([]), aJob()], []],
  ])('%s', (_name, workloads, flagged) => {
    const findings = runRule(cr19SharedCustomAudience, workloads);
    expect(findings.map((f) => f.resource.split('/').pop()).sort()).toEqual(flagged);
    for (const f of findings) expect(f.severity).toBe('medium');
  });

  it('flags with the other services in evidence and a unique audience in the remediation', () => {
    const [finding] = runRule(cr19SharedCustomAudience, [
      orders(['https://api.example.com', 'own']),
      billing(['https://api.example.com']),
    ]).filter((f) => f.resource.endsWith('/orders'));
    expect(finding?.evidence).toEqual([
      { path: 'customAudiences', value: 'https://api.example.com' },
      {
        path: 'sharedWith[https://api.example.com]',
        value: 'projects/p1/locations/europe-west1/services/billing',
      },
    ]);
    expect(finding?.remediation.gcloud).toContain('--remove-custom-audiences=https://api.example.com');
    expect(finding?.remediation.terraform).toContain(
      'custom_audiences = ["own", "https://orders.europe-west1.p1.example"]',
    );
  });
});
