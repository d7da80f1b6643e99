import { describe, expect, it } from 'vitest';
import type { TrafficTarget, Workload } from '../../../shared/inventory.ts';
import { aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr20TrafficTags } from './cr-20-traffic-tags.ts';

const latest: TrafficTarget = { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 };
const tag = (name: string, percent: number): TrafficTarget => ({
  type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
  revision: `svc-000${percent}`,
  percent,
  tag: name,
  uri: `https://${name}---svc-abc-ew.a.run.app`,
});

describe('CR-20 traffic tags expose extra URLs', () => {
  it.each<[string, Workload, string | undefined, RegExp | undefined]>([
    ['flags a 0 % tag', aService({ traffic: [latest, tag('old', 0)] }), 'low', /old receives no traffic/],
    [
      'flags a canary tag',
      aService({ traffic: [{ ...latest, percent: 90 }, tag('canary', 10)] }),
      'low',
      /canary \(10 %/,
    ],
    [
      'flags info when the service is declared public',
      aService({ traffic: [latest, tag('old', 0)], labels: { 'runmap-exposure': 'public' } }),
      'info',
      undefined,
    ],
    ['does not flag untagged traffic', aService({ traffic: [latest] }), undefined, undefined],
    [
      'does not flag a closed service',
      aService({ ingress: 'INGRESS_TRAFFIC_NONE', traffic: [tag('old', 0)] }),
      undefined,
      undefined,
    ],
  ])('%s', (_name, workload, severity, message) => {
    const findings = runRule(cr20TrafficTags, [workload]);
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
    if (message) expect(findings[0]?.message).toMatch(message);
  });

  it('flags with every tag in evidence and a remediation that removes them', () => {
    const [finding] = runRule(cr20TrafficTags, [
      aService({ shortName: 'svc', traffic: [latest, tag('a', 0), tag('b', 0)] }),
    ]);
    expect(finding?.evidence).toEqual([
      { path: 'traffic[a]', value: '0 % svc-0000 https://a---svc-abc-ew.a.run.app' },
      { path: 'traffic[b]', value: '0 % svc-0000 https://b---svc-abc-ew.a.run.app' },
    ]);
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services update-traffic svc --region=europe-west1 --project=p1 --remove-tags=a,b',
    );
  });
});
