import { describe, expect, it } from 'vitest';
import { emptyPolicy, type Policy, type Waiver } from '../../shared/policy.ts';
import { analyze } from './analyze.ts';
import { auditReport } from './audit-report.ts';
import { aBinding, anInventory, aPolicy, aService } from './testing/builders.ts';

// collectedAt of anInventory is 2026-11-21T12:00:00Z: waivers are judged at that time.
const open = aService({
  shortName: 'orders',
  ingress: 'INGRESS_TRAFFIC_ALL',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')),
});
const waiver = (overrides: Partial<Waiver>): Waiver => ({
  rule: 'CR-02',
  resource: 'orders',
  justification: 'public API until the gateway lands',
  owner: 'team@example.com',
  expires: '2027-01-31',
  ...overrides,
});
const withWaivers = (...waivers: Waiver[]): Policy => ({
  ...emptyPolicy,
  waivers,
  waiverLines: waivers.map((_, i) => 4 + i * 6),
});
const run = (policy: Policy) => analyze(anInventory({ workloads: [open] }), policy);

describe('waivers', () => {
  it.each<[string, Partial<Waiver>, boolean]>([
    ['flags as waived when rule and short name match', {}, true],
    [
      'flags as waived when a full-name pattern matches',
      { resource: 'projects/p1/locations/*/services/ord*' },
      true,
    ],
    ['flags as waived when the rule is *', { rule: '*' }, true],
    ['flags as waived on the expiry day itself', { expires: '2026-11-21' }, true],
    ['does not waive another rule', { rule: 'CR-05' }, false],
    ['does not waive another resource', { resource: 'billing' }, false],
    ['does not waive after the expiry day', { expires: '2026-11-20' }, false],
  ])('%s', (_name, overrides, waived) => {
    const finding = run(withWaivers(waiver(overrides))).findings.find((f) => f.ruleId === 'CR-02');
    expect(finding).toBeDefined();
    expect(finding?.waiver !== undefined).toBe(waived);
  });

  it('keeps a waived finding with its justification, and leaves it out of counts and node badges', () => {
    const analysis = run(withWaivers(waiver({})));
    const finding = analysis.findings.find((f) => f.ruleId === 'CR-02');
    expect(finding?.severity).toBe('critical');
    expect(finding?.waiver).toEqual({
      justification: 'public API until the gateway lands',
      owner: 'team@example.com',
      expires: '2027-01-31',
      rule: 'CR-02',
      resource: 'orders',
      line: 4,
    });
    const report = auditReport(analysis);
    expect(report.summary.waived).toBe(1);
    expect(report.summary.bySeverity.critical).toBe(0);
    const node = analysis.graph.nodes.find((n) => n.id === open.name);
    expect(node && 'findings' in node ? node.findings.critical : -1).toBe(0);
  });

  it('flags an expired waiver as a note and the finding as counting again', () => {
    const analysis = run(withWaivers(waiver({ expires: '2026-01-01' })));
    const finding = analysis.findings.find((f) => f.ruleId === 'CR-02');
    expect(finding?.waiver).toBeUndefined();
    expect(finding?.expiredWaiver?.expires).toBe('2026-01-01');
    expect(analysis.notes).toEqual([
      expect.objectContaining({
        code: 'expired-waiver',
        level: 'warning',
        line: 4,
        message: expect.stringMatching(/expired on 2026-01-01.*1 finding/),
      }),
    ]);
  });

  it('prefers an active waiver over an expired one', () => {
    const analysis = run(
      withWaivers(waiver({ expires: '2026-01-01' }), waiver({ justification: 'renewed' })),
    );
    expect(analysis.findings.find((f) => f.ruleId === 'CR-02')?.waiver?.justification).toBe('renewed');
    expect(analysis.notes.map((n) => n.code)).toEqual(['expired-waiver']);
  });

  it('flags a waiver that matches nothing as unused', () => {
    expect(run(withWaivers(waiver({ resource: 'nothing-here' }))).notes.map((n) => n.code)).toEqual([
      'unused-waiver',
    ]);
  });
});

describe('public services of the policy', () => {
  it('flags nothing above info on a service the policy declares public', () => {
    const analysis = run({
      ...emptyPolicy,
      publicServices: ['projects/p1/locations/europe-west1/services/orders'],
    });
    expect(analysis.exposures.get(open.name)?.verdict).toBe('public');
    expect(analysis.exposures.get(open.name)?.reasons.at(-1)).toMatch(
      /policy file declares the service public/,
    );
    expect(analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(analysis.notes).toEqual([]);
  });

  it('flags a public pattern that matches no service as a note', () => {
    expect(run({ ...emptyPolicy, publicServices: ['nope-*'] }).notes.map((n) => n.code)).toEqual([
      'unused-public-pattern',
    ]);
  });
});
