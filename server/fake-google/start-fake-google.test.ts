import { JobsClient, type protos, ServicesClient } from '@google-cloud/run';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOptions } from './fake-client-options.ts';
import { loadGoogleProtos } from './google-protos.ts';
import { loadWorld } from './load-world.ts';
import { type FakeGoogle, startFakeGoogle } from './start-fake-google.ts';
import { failureOf } from './testing/failure-of.ts';
import { aJob, aPolicy, aProject, aService, aWorld } from './world-builders.ts';

type Service = protos.google.cloud.run.v2.IService;
type ListServicesRequest = protos.google.cloud.run.v2.IListServicesRequest;

const SHOP = 'shop-prod';
const SHOP_NUMBER = '123456789012';
const EU = 'europe-west1';
const US = 'us-central1';
const euServiceIds = ['storefront', 'orders-api', 'payments', 'search', 'recommender'];
const storefront = `projects/${SHOP}/locations/${EU}/services/storefront`;
const nightly = `projects/${SHOP}/locations/${EU}/jobs/nightly-export`;

const world = loadWorld(
  aWorld(
    aProject(SHOP, {
      projectNumber: SHOP_NUMBER,
      locations: [EU, US],
      services: [
        ...euServiceIds.map((id) => aService(SHOP, EU, id)),
        aService(SHOP, US, 'edge'),
        aService(SHOP, EU, 'retired', { deleteTime: '2026-11-20T00:00:00Z' }),
      ].map((service) =>
        service.name === storefront
          ? {
              ...service,
              ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
              urls: ['https://storefront-123456789012.europe-west1.run.app'],
              labels: { team: 'web', 'runmap-exposure': 'public' },
              invokerIamDisabled: true,
              template: {
                containers: [
                  {
                    image: 'europe-docker.pkg.dev/shop-prod/apps/storefront:1.4.0',
                    env: [
                      { name: 'ORDERS_URL', value: 'https://orders-api-abc123xyz-ew.a.run.app' },
                      {
                        name: 'SESSION_KEY',
                        valueSource: {
                          secretKeyRef: { secret: 'projects/123/secrets/session', version: '3' },
                        },
                      },
                    ],
                  },
                ],
                timeout: '60s',
              },
            }
          : service,
      ),
      jobs: [aJob(SHOP, EU, 'nightly-export'), aJob(SHOP, EU, 'reindex')],
      iamPolicies: {
        [storefront]: aPolicy('roles/run.invoker', ['allUsers']),
        [nightly]: aPolicy('roles/run.invoker', [
          'serviceAccount:scheduler@shop-prod.iam.gserviceaccount.com',
        ]),
      },
    }),
    aProject('corp-tools', { services: [aService('corp-tools', EU, 'wiki')] }),
  ),
  { now: new Date('2026-11-21T12:00:00Z'), protos: loadGoogleProtos() },
);

let fake: FakeGoogle;
let services: ServicesClient;
let jobs: JobsClient;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  services = new ServicesClient(fakeClientOptions(fake));
  jobs = new JobsClient(fakeClientOptions(fake));
});

afterEach(() => fake.reset());

afterAll(async () => {
  await Promise.all([services?.close(), jobs?.close()]);
  await fake?.stop();
});

/** The gRPC status code of a failed call. */
async function codeOf(call: Promise<unknown>): Promise<number | undefined> {
  return (await failureOf(call)).code;
}

async function listAll(parent: string, pageSize?: number): Promise<string[]> {
  const names: string[] = [];
  for await (const service of services.listServicesAsync({ parent, pageSize }))
    names.push(service.name ?? '');
  return names;
}

/** ServicesClient offers locations only as an async iterable (the gax Locations mixin). */
async function listLocationIds(name: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const location of services.listLocationsAsync({ name })) ids.push(location.locationId ?? '');
  return ids;
}

const euNames = euServiceIds.map((id) => `projects/${SHOP}/locations/${EU}/services/${id}`);

describe('startFakeGoogle', () => {
  it('listens on loopback', () => {
    expect(fake.host).toBe('127.0.0.1');
    expect(fake.address).toBe(`127.0.0.1:${fake.port}`);
  });

  it('refuses to listen when the host is not loopback', async () => {
    await expect(startFakeGoogle({ world, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('lists the project regions when asked for locations', async () => {
    const locations = [];
    for await (const location of services.listLocationsAsync({ name: `projects/${SHOP}` }))
      locations.push(location);
    expect(locations.map((l) => [l.name, l.locationId])).toEqual([
      [`projects/${SHOP}/locations/${EU}`, EU],
      [`projects/${SHOP}/locations/${US}`, US],
    ]);
  });

  it.each([1, 2, undefined])(
    'lists every service exactly once when the page size is %s',
    async (pageSize) => {
      expect(await listAll(`projects/${SHOP}/locations/${EU}`, pageSize)).toEqual(euNames);
      const pages = pageSize ? Math.ceil(euNames.length / pageSize) : 1;
      expect(fake.calls('ListServices')).toHaveLength(pages);
    },
  );

  it('pages through services one call at a time when autoPaginate is off', async () => {
    const names: string[] = [];
    let request: ListServicesRequest | null = {
      parent: `projects/${SHOP}/locations/${EU}`,
      pageSize: 2,
    };
    let calls = 0;
    while (request) {
      const [page, next]: [Service[], ListServicesRequest | null, unknown] = await services.listServices(
        request,
        { autoPaginate: false },
      );
      calls += 1;
      expect(page.length).toBeLessThanOrEqual(2);
      names.push(...page.map((s) => s.name ?? ''));
      request = next;
    }
    expect(names).toEqual(euNames);
    expect(calls).toBe(3);
  });

  it('lists by project number when the parent names the number', async () => {
    expect(await listAll(`projects/${SHOP_NUMBER}/locations/${EU}`)).toEqual(euNames);
  });

  it('lists soft-deleted services only when showDeleted is set', async () => {
    const [withDeleted] = await services.listServices({
      parent: `projects/${SHOP}/locations/${EU}`,
      showDeleted: true,
    });
    expect(withDeleted.map((s) => s.name)).toContain(`projects/${SHOP}/locations/${EU}/services/retired`);
  });

  it('lists nothing when the region has no services', async () => {
    expect(await listAll(`projects/${SHOP}/locations/asia-east1`)).toEqual([]);
  });

  it('lists jobs when asked for jobs', async () => {
    const names: string[] = [];
    for await (const job of jobs.listJobsAsync({ parent: `projects/${SHOP}/locations/${EU}`, pageSize: 1 })) {
      names.push(job.name ?? '');
    }
    expect(names).toEqual([nightly, `projects/${SHOP}/locations/${EU}/jobs/reindex`]);
  });

  it('round-trips the service fields when getting a service', async () => {
    const [service] = await services.getService({ name: storefront });
    expect(service.name).toBe(storefront);
    expect(service.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
    expect(service.urls).toEqual(['https://storefront-123456789012.europe-west1.run.app']);
    expect(service.labels).toEqual({ team: 'web', 'runmap-exposure': 'public' });
    expect(service.invokerIamDisabled).toBe(true);
    expect(service.template?.timeout).toMatchObject({ seconds: '60' });
    expect(service.createTime).toMatchObject({ seconds: String(Date.parse('2026-10-01T08:00:00Z') / 1000) });
    expect(service.template?.containers?.[0]?.env).toMatchObject([
      { name: 'ORDERS_URL', value: 'https://orders-api-abc123xyz-ew.a.run.app', values: 'value' },
      {
        name: 'SESSION_KEY',
        valueSource: { secretKeyRef: { secret: 'projects/123/secrets/session', version: '3' } },
        values: 'valueSource',
      },
    ]);
  });

  it('gets a service when the name uses the project number', async () => {
    const [service] = await services.getService({
      name: `projects/${SHOP_NUMBER}/locations/${EU}/services/storefront`,
    });
    expect(service.name).toBe(storefront);
  });

  it('returns the world policy when getting the IAM policy of a service or a job', async () => {
    const [servicePolicy] = await services.getIamPolicy({ resource: storefront });
    expect(servicePolicy.bindings).toEqual([
      expect.objectContaining({ role: 'roles/run.invoker', members: ['allUsers'] }),
    ]);
    expect(servicePolicy.etag?.length).toBeGreaterThan(0);
    const [jobPolicy] = await jobs.getIamPolicy({ resource: nightly });
    expect(jobPolicy.bindings?.[0]?.members).toEqual([
      'serviceAccount:scheduler@shop-prod.iam.gserviceaccount.com',
    ]);
  });

  it('returns an empty policy with an etag when the world has no policy for the resource', async () => {
    const [policy] = await services.getIamPolicy({
      resource: `projects/${SHOP}/locations/${EU}/services/search`,
    });
    expect(policy.bindings).toEqual([]);
    expect(Buffer.from(policy.etag ?? '').toString('base64')).toBe('ACAB');
  });

  const failures: Array<{ name: string; call: () => Promise<unknown>; code: number; message?: RegExp }> = [
    {
      name: 'the location is the - wildcard',
      call: () => services.listServices({ parent: `projects/${SHOP}/locations/-` }),
      code: 3,
      message: /wildcard/,
    },
    {
      name: 'the jobs location is the - wildcard',
      call: () => jobs.listJobs({ parent: `projects/${SHOP}/locations/-` }),
      code: 3,
    },
    {
      name: 'the parent is malformed',
      call: () => services.listServices({ parent: `projects/${SHOP}` }),
      code: 3,
    },
    {
      name: 'the service name is malformed',
      call: () => services.getService({ name: `projects/${SHOP}/services/storefront` }),
      code: 3,
    },
    {
      name: 'the page token is not one the fake gave',
      call: () =>
        services.listServices(
          { parent: `projects/${SHOP}/locations/${EU}`, pageToken: 'bogus' },
          { autoPaginate: false },
        ),
      code: 3,
    },
    {
      name: 'the page size is negative',
      call: () => services.listServices({ parent: `projects/${SHOP}/locations/${EU}`, pageSize: -1 }),
      code: 3,
    },
    {
      name: 'the project is not in the world',
      call: () => services.listServices({ parent: `projects/unknown-project/locations/${EU}` }),
      code: 7,
      message:
        /Permission 'run\.services\.list' denied on resource 'projects\/unknown-project\/locations\/europe-west1' \(or resource may not exist\)\./,
    },
    {
      name: 'the locations of a project not in the world are asked for',
      call: () => listLocationIds('projects/unknown-project'),
      code: 7,
    },
    {
      name: 'the service does not exist',
      call: () => services.getService({ name: `projects/${SHOP}/locations/${EU}/services/nope` }),
      code: 5,
      message:
        /Resource 'nope' of kind 'SERVICE' in region 'europe-west1' in project 'shop-prod' does not exist\./,
    },
    {
      name: 'the job does not exist',
      call: () => jobs.getJob({ name: `projects/${SHOP}/locations/${EU}/jobs/nope` }),
      code: 5,
    },
    {
      name: 'the policy of a missing service is asked for',
      call: () => services.getIamPolicy({ resource: `projects/${SHOP}/locations/${US}/services/storefront` }),
      code: 5,
    },
    {
      name: 'the RPC is not faked',
      call: () => services.testIamPermissions({ resource: storefront, permissions: ['run.routes.invoke'] }),
      code: 12,
    },
  ];

  it.each(failures)('answers code $code when $name', async ({ call, code, message }) => {
    let error: { code?: number; message?: string } | undefined;
    try {
      await call();
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.code).toBe(code);
    if (message) expect(error?.message).toMatch(message);
  });

  it('answers PERMISSION_DENIED for every call on a project when it is denied', async () => {
    fake.denyProject(SHOP);
    expect(await codeOf(services.listServices({ parent: `projects/${SHOP}/locations/${EU}` }))).toBe(7);
    expect(await codeOf(services.getService({ name: storefront }))).toBe(7);
    expect(await codeOf(services.getIamPolicy({ resource: storefront }))).toBe(7);
    expect(await codeOf(jobs.getJob({ name: nightly }))).toBe(7);
    expect(await codeOf(listLocationIds(`projects/${SHOP_NUMBER}`))).toBe(7);
    expect(await listAll(`projects/corp-tools/locations/${EU}`)).toHaveLength(1);
    fake.reset();
    expect(await codeOf(services.getService({ name: storefront }))).toBeUndefined();
  });

  it('fails the next calls of a method when failCall is given times', async () => {
    fake.failCall('ListServices', 'RESOURCE_EXHAUSTED', { times: 2, message: 'Quota exceeded.' });
    const parent = `projects/${SHOP}/locations/${EU}`;
    await expect(services.listServices({ parent })).rejects.toMatchObject({
      code: 8,
      details: 'Quota exceeded.',
    });
    expect(await codeOf(jobs.listJobs({ parent }))).toBeUndefined();
    expect(await codeOf(services.listServices({ parent }))).toBe(8);
    expect(await codeOf(services.listServices({ parent }))).toBeUndefined();
    expect(fake.calls('ListServices').map((call) => call.code)).toEqual([8, 8, 0]);
  });

  it('fails every call of a method when failCall has no times', async () => {
    fake.failCall('/google.cloud.run.v2.Jobs/GetIamPolicy', 'UNAVAILABLE');
    for (let i = 0; i < 3; i += 1) expect(await codeOf(jobs.getIamPolicy({ resource: nightly }))).toBe(14);
    expect(await codeOf(services.getIamPolicy({ resource: storefront }))).toBeUndefined();
    expect(fake.calls('Jobs/GetIamPolicy')).toHaveLength(3);
  });

  it('records each call with its request when calls are asked for', async () => {
    await services.getService({ name: storefront });
    expect(fake.calls()).toEqual([
      { method: '/google.cloud.run.v2.Services/GetService', request: { name: storefront }, code: 0 },
    ]);
  });
});
