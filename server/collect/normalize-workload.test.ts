import { describe, expect, it } from 'vitest';
import { normalizeJob, normalizePolicy, normalizeService } from './normalize-workload.ts';

// Shapes as the gax client decodes them: enums as strings, Timestamps as {seconds, nanos}, defaults filled in.
const gaxService = {
  name: 'projects/p1/locations/europe-west1/services/orders',
  uri: 'https://orders-abc-ew.a.run.app',
  urls: ['https://orders-123.europe-west1.run.app', 'https://orders-abc-ew.a.run.app'],
  ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
  invokerIamDisabled: false,
  defaultUriDisabled: false,
  iapEnabled: false,
  labels: { team: 'shop' },
  annotations: {},
  createTime: { seconds: '1790000000', nanos: 500000000 },
  template: {
    serviceAccount: 'orders@p1.iam.gserviceaccount.com',
    annotations: { 'run.googleapis.com/cloudsql-instances': 'p1:europe-west1:orders-db' },
    containers: [
      {
        name: 'app',
        image: 'europe-docker.pkg.dev/p1/apps/orders:1',
        env: [
          { name: 'CART_URL', value: 'http://cart', valueSource: null, values: 'value' },
          { name: 'DB_PASS', value: '', valueSource: { secretKeyRef: { secret: 'db-pass', version: '3' } } },
        ],
      },
    ],
    volumes: [
      { name: 'creds', secret: { secret: 'creds', items: [{ path: 'k', version: 'latest' }] } },
      {
        name: 'sql',
        cloudSqlInstance: { instances: ['p1:europe-west1:orders-db', 'p1:europe-west1:reports'] },
      },
    ],
  },
  trafficStatuses: [
    {
      type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
      revision: 'orders-2',
      percent: 0,
      tag: 'canary',
      uri: 'https://canary---orders-abc-ew.a.run.app',
    },
  ],
};

describe('normalizeService', () => {
  it('reads the fields the core needs from a gax-decoded Service', () => {
    const { value, problems } = normalizeService(gaxService);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      kind: 'service',
      project: 'p1',
      location: 'europe-west1',
      shortName: 'orders',
      ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
      serviceAccount: 'orders@p1.iam.gserviceaccount.com',
      createTime: '2026-09-21T14:13:20.500Z',
      images: ['europe-docker.pkg.dev/p1/apps/orders:1'],
      secretVolumes: [{ volume: 'creds', secret: 'creds', versions: ['latest'] }],
      traffic: [{ tag: 'canary', percent: 0, uri: 'https://canary---orders-abc-ew.a.run.app' }],
      iamPolicy: null,
    });
    expect(value.env).toEqual([
      { name: 'CART_URL', container: 'app', value: 'http://cart' },
      { name: 'DB_PASS', container: 'app', secret: { secret: 'db-pass', version: '3' } },
    ]);
    expect(value.cloudSqlInstances.sort()).toEqual(['p1:europe-west1:orders-db', 'p1:europe-west1:reports']);
  });

  it.each([
    [
      'an unknown ingress number',
      { ingress: 7 },
      'ingress: unknown value number 7, treated as INGRESS_TRAFFIC_UNSPECIFIED',
    ],
    ['labels that are not strings', { labels: { team: 3 } }, 'labels.team: expected a string, got number 3'],
    [
      'a name of the wrong collection',
      { name: 'projects/p1/locations/l/jobs/x' },
      'name: expected projects/P/locations/L/services/ID',
    ],
    ['urls that are not a list', { urls: 'https://x' }, 'urls: expected a list, got "https://x"'],
    [
      'an env var without a name',
      { template: { containers: [{ env: [{ value: 'x' }] }] } },
      'template.containers[0].env[0].name: missing',
    ],
  ])('reports %s by path and keeps the service', (_what, patch, problem) => {
    const { value, problems } = normalizeService({ ...gaxService, ...patch });
    expect(problems.join('\n')).toContain(problem);
    expect(value.kind).toBe('service');
  });

  it('reads an unknown ingress as unspecified, the safe side of the exposure model', () => {
    expect(normalizeService({ ...gaxService, ingress: 7 }).value.ingress).toBe('INGRESS_TRAFFIC_UNSPECIFIED');
  });
});

describe('normalizeJob', () => {
  it('reads containers and identity from the task template', () => {
    const { value, problems } = normalizeJob({
      name: 'projects/p1/locations/us-central1/jobs/reindex',
      template: {
        template: {
          serviceAccount: 'reindex@p1.iam.gserviceaccount.com',
          containers: [{ image: 'img', env: [{ name: 'TOKEN', value: 'abc' }] }],
        },
      },
    });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      kind: 'job',
      shortName: 'reindex',
      serviceAccount: 'reindex@p1.iam.gserviceaccount.com',
    });
    expect(value.ingress).toBeUndefined();
    expect(value.env).toEqual([{ name: 'TOKEN', container: 'img', value: 'abc' }]);
  });
});

describe('normalizePolicy', () => {
  it('keeps bindings and conditions and reports bad members', () => {
    const { value, problems } = normalizePolicy({
      bindings: [
        {
          role: 'roles/run.invoker',
          members: ['allUsers', 5],
          condition: { expression: 'request.time < x' },
        },
        { members: ['user:a@b.c'] },
      ],
    });
    expect(value.bindings).toEqual([
      { role: 'roles/run.invoker', members: ['allUsers'], condition: 'request.time < x' },
    ]);
    expect(problems).toEqual([
      'bindings[0].members[1]: expected a string, got number 5',
      'bindings[1].role: missing',
    ]);
  });
});
