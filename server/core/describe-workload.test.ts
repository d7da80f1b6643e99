import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { describeWorkload } from './describe-workload.ts';
import { aBinding, aJob, anInventory, aPolicy, aProject, aService } from './testing/builders.ts';

const SECRET_VALUE = 'Zq8-not-a-real-password-Vx1';
const orders = aService({
  shortName: 'orders',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', 'serviceAccount:web@p1.iam.gserviceaccount.com')),
});
const web = aService({
  shortName: 'web',
  ingress: 'INGRESS_TRAFFIC_ALL',
  env: [
    { name: 'DB_PASSWORD', container: 'app', value: SECRET_VALUE },
    { name: 'ORDERS_URL', container: 'app', value: `${orders.uri}/api?debug=${SECRET_VALUE}` },
    { name: 'API_KEY', container: 'app', secret: { secret: 'projects/1/secrets/api-key', version: '2' } },
  ],
});

describe('describeWorkload', () => {
  const analysis = analyze(anInventory({ workloads: [web, orders, aJob()] }));

  it('never returns a literal env value', () => {
    const detail = describeWorkload(analysis, web.name);
    expect(detail).toBeDefined();
    expect(JSON.stringify(detail)).not.toContain(SECRET_VALUE);
    expect(detail?.envVars).toEqual([
      { name: 'DB_PASSWORD', container: 'app', source: 'literal' },
      { name: 'ORDERS_URL', container: 'app', source: 'literal' },
      {
        name: 'API_KEY',
        container: 'app',
        source: 'secret',
        secret: { secret: 'projects/1/secrets/api-key', version: '2' },
      },
    ]);
  });

  it('lists callees and callers with edge kind and evidence, one per neighbour and kind', () => {
    const detail = describeWorkload(analysis, orders.name);
    expect(detail?.callers).toEqual([
      {
        id: web.name,
        label: 'web',
        kind: 'service',
        edgeKind: 'declared',
        evidence: [`env ORDERS_URL = ${orders.uri}`],
      },
      {
        id: web.name,
        label: 'web',
        kind: 'service',
        edgeKind: 'permitted',
        evidence: [
          'roles/run.invoker granted to serviceAccount:web@p1.iam.gserviceaccount.com on the service',
        ],
      },
    ]);
    expect(describeWorkload(analysis, web.name)?.callers).toEqual([
      {
        id: 'internet',
        label: 'Internet',
        kind: 'internet',
        edgeKind: 'exposure',
        evidence: expect.any(Array),
      },
    ]);
    expect(describeWorkload(analysis, web.name)?.callees.map((c) => [c.id, c.edgeKind])).toEqual([
      [orders.name, 'declared'],
      [orders.name, 'permitted'],
    ]);
  });

  it('returns findings, invokers and exposure of the resource', () => {
    const detail = describeWorkload(analysis, web.name);
    expect(detail?.findings.map((f) => f.ruleId)).toEqual(['CR-13', 'CR-05']);
    expect(detail?.exposure?.reach).toBe('internet');
    expect(describeWorkload(analysis, orders.name)?.invokers).toHaveLength(1);
  });

  it.each([
    ['both policies are read', aService({ shortName: 'a' }), aProject(), true],
    ['the service policy is unknown', aService({ shortName: 'a', iamPolicy: null }), aProject(), false],
    ['the project policy is unknown', aService({ shortName: 'a' }), aProject({ iamPolicy: null }), false],
  ])('flags iamPolicyKnown when %s', (_name, workload, project, known) => {
    const detail = describeWorkload(
      analyze(anInventory({ workloads: [workload], projects: [project] })),
      workload.name,
    );
    expect(detail?.iamPolicyKnown).toBe(known);
  });

  it('describes a job with a null exposure and returns undefined for an unknown name', () => {
    const job = aJob();
    expect(describeWorkload(analysis, job.name)).toMatchObject({
      kind: 'job',
      exposure: null,
      ingress: null,
      uri: null,
    });
    expect(describeWorkload(analysis, 'projects/p1/locations/europe-west1/services/nope')).toBeUndefined();
  });
});
