import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import type { TracedTrace } from '../../../shared/traffic.ts';
import { analyze } from '../analyze.ts';
import { aBinding, anInventory, aPolicy, aService } from '../testing/builders.ts';
import { aCall, T0 } from '../testing/trace-builders.ts';
import { gr04BlastRadius } from './gr-04-blast-radius.ts';

const vault = aService({
  shortName: 'vault',
  env: [
    {
      name: 'DB_PASSWORD',
      container: 'app',
      secret: { secret: 'projects/p1/secrets/db-password', version: '3' },
    },
  ],
});
const db = aService({ shortName: 'db-api', cloudSqlInstances: ['p1:europe-west1:orders'] });
const middle = aService({
  shortName: 'middle',
  env: [{ name: 'VAULT_URL', container: 'app', value: vault.urls[0] }],
});
const open = (overrides: Partial<Workload> = {}) =>
  aService({
    shortName: 'status-page',
    ingress: 'INGRESS_TRAFFIC_ALL',
    iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allAuthenticatedUsers')),
    ...overrides,
  });

function findings(workloads: Workload[], traces: TracedTrace[] = []) {
  const inventory = {
    ...anInventory({ workloads }),
    traffic: {
      from: new Date(T0).toISOString(),
      to: new Date(T0 + 3_600_000).toISOString(),
      projects: ['p1'],
      truncated: false,
      traces,
    },
  };
  return analyze(inventory, undefined, { rules: [gr04BlastRadius] }).findings;
}

describe('GR-04 blast radius', () => {
  it('flags an overexposed service that reaches secrets through declared calls, hop by hop', () => {
    const status = open({ env: [{ name: 'MIDDLE_URL', container: 'app', value: middle.urls[0] }] });
    const [finding] = findings([status, middle, vault]);
    expect(finding).toMatchObject({ ruleId: 'GR-04', severity: 'high', resource: status.name });
    expect(finding?.evidence.find((e) => e.path === `reaches[${vault.name}]`)?.value).toBe(
      `status-page → middle (declared: env MIDDLE_URL = ${middle.urls[0]}) → vault (declared: env VAULT_URL = ${vault.urls[0]}); holds secrets db-password`,
    );
    expect(finding?.remediation.gcloud).toContain('remove-iam-policy-binding status-page');
    expect(finding?.remediation.gcloud).toContain('--member=allAuthenticatedUsers');
  });

  it('follows observed calls to a database connection', () => {
    const status = open({ invokerIamDisabled: true, iamPolicy: aPolicy() });
    const [finding] = findings([status, db], aCall(status, db, 't'));
    expect(finding?.message).toContain('reach 1 workload holding secrets or databases: db-api');
    expect(finding?.remediation.gcloud).toContain('--invoker-iam-check');
  });

  it('stays silent for services that are not overexposed, or reach nothing sensitive', () => {
    const internal = aService({
      shortName: 'internal',
      env: [{ name: 'V', container: 'app', value: vault.urls[0] }],
    });
    expect(findings([internal, vault])).toEqual([]);
    expect(findings([open(), middle])).toEqual([]);
  });
});
