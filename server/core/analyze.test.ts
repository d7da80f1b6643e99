import { describe, expect, it } from 'vitest';
import { severities } from '../../shared/model.ts';
import { analyze } from './analyze.ts';
import { auditReport } from './audit-report.ts';
import { aBinding, aJob, anInventory, aPolicy, aService } from './testing/builders.ts';

const literals = [
  'hunter2-hunter2',
  'Q3vN8xT1pLm7Rk2Zw9Yb4Hc6Jd0Fg5Sa1Ue3Wi8Oq',
  'postgres://app:Sup3rS3cret@10.0.0.5/shop',
  'https://api.partner.example/v1?token=abc123',
  'verbose-logging-7',
];

function estate() {
  const orders = aService({
    shortName: 'orders',
    ingress: 'INGRESS_TRAFFIC_ALL',
    iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')),
  });
  const web = aService({
    shortName: 'web',
    ingress: 'INGRESS_TRAFFIC_ALL',
    invokerIamDisabled: true,
    labels: { 'runmap-exposure': 'public' },
    env: [
      { name: 'DB_PASSWORD', container: 'app', value: literals[0] },
      { name: 'SIGNING', container: 'app', value: literals[1] },
      { name: 'DATABASE_URL', container: 'app', value: literals[2] },
      { name: 'PARTNER_URL', container: 'app', value: literals[3] },
      { name: 'LOG_LEVEL', container: 'app', value: literals[4] },
      { name: 'ORDERS_URL', container: 'app', value: `${orders.uri}/v1?key=${literals[0]}` },
    ],
  });
  const job = aJob({
    serviceAccount: undefined,
    env: [{ name: 'API_TOKEN', container: 'job', value: literals[0] }],
  });
  return anInventory({ workloads: [web, orders, job] });
}

describe('analyze', () => {
  it('never puts a literal env value in any output but the inventory', () => {
    const analysis = analyze(estate());
    const { inventory: _inventory, ...derived } = analysis;
    const text = JSON.stringify({
      ...derived,
      exposures: [...derived.exposures],
      invokers: [...derived.invokers],
      report: auditReport(analysis),
    });
    for (const value of literals) expect(text).not.toContain(value);
    expect(text).toContain('redacted');
  });

  it('sorts findings by severity, then resource, then rule', () => {
    const { findings } = analyze(estate());
    const keys = findings.map((f) =>
      [severities.indexOf(f.severity), f.resource, f.ruleId, f.id].join('\u0000'),
    );
    expect(keys).toEqual([...keys].sort());
    expect(findings[0]?.severity).toBe('critical');
  });

  it('computes exposure for services only and invokers for every workload', () => {
    const analysis = analyze(estate());
    expect([...analysis.exposures.keys()]).toHaveLength(2);
    expect([...analysis.invokers.keys()]).toHaveLength(3);
  });

  it('returns no findings for the clean defaults of the builders', () => {
    expect(analyze(anInventory({ workloads: [aService(), aJob()] })).findings).toEqual([]);
  });

  it('does not mutate its input', () => {
    const inventory = estate();
    const before = structuredClone(inventory);
    analyze(inventory);
    expect(inventory).toEqual(before);
  });

  it('builds the graph of 2,000 services with declared edges', () => {
    const services = Array.from({ length: 2000 }, (_, i) => aService({ shortName: `svc-${i}` }));
    const callers = services.map((s, i) =>
      aService({
        ...s,
        env: [
          { name: 'NEXT_URL', container: 'app', value: services[(i + 1) % services.length]?.uri ?? '' },
          { name: 'PREV', container: 'app', value: `http://svc-${(i + 1999) % 2000}` },
        ],
      }),
    );
    const { graph } = analyze(anInventory({ workloads: callers }));
    expect(graph.edges.filter((e) => e.kind === 'declared')).toHaveLength(4000);
  });
});
