import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inventorySchema } from '../../shared/inventory.ts';
import { fakeClientOptions, fakeRestClientOptions } from '../fake-google/fake-client-options.ts';
import { loadWorld } from '../fake-google/load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../fake-google/start-fake-google.ts';
import {
  aLoadBalancer,
  aProject,
  aPushSubscription,
  aSchedulerJob,
  aService,
  aTaskQueue,
  aWorld,
} from '../fake-google/world-builders.ts';
import { collect } from './collect.ts';
import { GoogleComputeAdapter } from './compute-adapter.ts';
import { GoogleProjectsAdapter } from './projects-adapter.ts';
import { GooglePubSubAdapter } from './pubsub-adapter.ts';
import { GoogleRunAdapter } from './run-adapter.ts';
import { GoogleSchedulerAdapter } from './scheduler-adapter.ts';
import { GoogleTasksAdapter } from './tasks-adapter.ts';

// The real clients (gRPC for Pub/Sub, Scheduler and Tasks; REST for Compute) against the fake.
const P = 'jobs-prod';
const OTHER = 'side-prod';
const lb = aLoadBalancer('europe-west1', 'web', 'web', { iap: true });
const world = loadWorld(
  aWorld(
    aProject(P, {
      locations: ['europe-west1'],
      services: [aService(P, 'europe-west1', 'web'), aService(P, 'europe-west1', 'worker')],
      pubsubSubscriptions: [
        ...Array.from({ length: 60 }, (_, i) =>
          aPushSubscription(P, `orders-${i}`, 'https://worker-abc123xyz-ew.a.run.app/push', {
            serviceAccountEmail: `pubsub-push@${P}.iam.gserviceaccount.com`,
            audience: 'https://worker-abc123xyz-ew.a.run.app',
          }),
        ),
        aPushSubscription(P, 'no-token', 'https://worker-abc123xyz-ew.a.run.app/raw', null),
        // A pull subscription delivers to no URL and is left out.
        { name: `projects/${P}/subscriptions/pull-only`, topic: `projects/${P}/topics/t` },
      ],
      schedulerJobs: [
        aSchedulerJob(P, 'europe-west1', 'sweep', 'https://worker-abc123xyz-ew.a.run.app/sweep'),
      ],
      tasksQueues: [aTaskQueue(P, 'europe-west1', 'work', 'worker-abc123xyz-ew.a.run.app')],
      ...lb,
    }),
    aProject(OTHER, {
      locations: ['europe-west1'],
      services: [aService(OTHER, 'europe-west1', 'lonely')],
      ...aLoadBalancer('europe-west1', 'lonely', 'lonely', { scheme: 'EXTERNAL' }),
    }),
  ),
);

let fake: FakeGoogle;
let adapters: {
  run: GoogleRunAdapter;
  resourceManager: GoogleProjectsAdapter;
  pubsub: GooglePubSubAdapter;
  scheduler: GoogleSchedulerAdapter;
  tasks: GoogleTasksAdapter;
  compute: GoogleComputeAdapter;
};

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  const grpc = fakeClientOptions(fake);
  adapters = {
    run: new GoogleRunAdapter(grpc),
    resourceManager: new GoogleProjectsAdapter(grpc),
    pubsub: new GooglePubSubAdapter(grpc),
    scheduler: new GoogleSchedulerAdapter(grpc),
    tasks: new GoogleTasksAdapter(grpc),
    compute: new GoogleComputeAdapter(fakeRestClientOptions(fake)),
  };
});
afterAll(async () => {
  await Promise.all(Object.values(adapters).map((a) => a.close()));
  await fake.stop();
});
beforeEach(() => fake.reset());

const collectAll = () => collect({ projects: [P, OTHER], ...adapters, concurrency: 4 });

describe('collect: event sources', () => {
  it('reads push subscriptions across pages, scheduler jobs and queues, with their tokens', async () => {
    const inventory = await collectAll();
    expect(inventory.failures).toEqual([]);
    expect(() => inventorySchema.parse(inventory)).not.toThrow();
    const sources = inventory.eventSources ?? [];
    expect(sources.filter((s) => s.kind === 'subscription')).toHaveLength(61);
    expect(fake.calls('ListSubscriptions').filter((c) => JSON.stringify(c.request).includes(P))).toHaveLength(
      2,
    );
    expect(sources.find((s) => s.shortName === 'orders-3')).toEqual({
      kind: 'subscription',
      name: `projects/${P}/subscriptions/orders-3`,
      project: P,
      shortName: 'orders-3',
      targetUrl: 'https://worker-abc123xyz-ew.a.run.app/push',
      targetHost: 'worker-abc123xyz-ew.a.run.app',
      httpMethod: 'POST',
      oidcToken: {
        serviceAccountEmail: `pubsub-push@${P}.iam.gserviceaccount.com`,
        audience: 'https://worker-abc123xyz-ew.a.run.app',
      },
      topic: `projects/${P}/topics/orders-3-topic`,
      state: 'ACTIVE',
    });
    expect(sources.find((s) => s.shortName === 'no-token')?.oidcToken).toBeUndefined();
    expect(sources.some((s) => s.shortName === 'pull-only')).toBe(false);
    expect(sources.find((s) => s.kind === 'scheduler')).toEqual({
      kind: 'scheduler',
      name: `projects/${P}/locations/europe-west1/jobs/sweep`,
      project: P,
      location: 'europe-west1',
      shortName: 'sweep',
      targetUrl: 'https://worker-abc123xyz-ew.a.run.app/sweep',
      targetHost: 'worker-abc123xyz-ew.a.run.app',
      httpMethod: 'POST',
      oidcToken: { serviceAccountEmail: `scheduler@${P}.iam.gserviceaccount.com` },
      schedule: '0 * * * *',
      timeZone: 'Etc/UTC',
      state: 'ENABLED',
    });
    expect(sources.find((s) => s.kind === 'tasks')).toMatchObject({
      name: `projects/${P}/locations/europe-west1/queues/work`,
      targetUrl: 'https://worker-abc123xyz-ew.a.run.app/tasks',
      oidcToken: { serviceAccountEmail: `tasks@${P}.iam.gserviceaccount.com` },
      state: 'RUNNING',
      uriOverrideEnforceMode: 'ALWAYS',
    });
  });

  it('records a denied API as a failure and keeps the workloads and the other sources', async () => {
    fake.failCall('Subscriber/ListSubscriptions', 'PERMISSION_DENIED', {
      message: 'Cloud Pub/Sub API has not been used in project jobs-prod before or it is disabled.',
    });
    const inventory = await collectAll();
    expect(inventory.workloads).toHaveLength(3);
    expect(inventory.eventSources?.map((s) => s.kind).sort()).toEqual(['scheduler', 'tasks']);
    expect(inventory.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          project: P,
          call: 'pubsub.subscriptions.list',
          target: `projects/${P}`,
          code: 'PERMISSION_DENIED',
        }),
      ]),
    );
  });
});

describe('collect: load balancers', () => {
  it('links forwarding rule → proxy → URL map → backend service → NEG → Cloud Run service', async () => {
    const inventory = await collectAll();
    const web = inventory.loadBalancers?.find((l) => l.project === P);
    expect(web).toEqual({
      name: `projects/${P}/global/forwardingRules/web-rule`,
      project: P,
      shortName: 'web-rule',
      ipAddress: '34.120.0.10',
      ipProtocol: 'TCP',
      portRange: '443-443',
      loadBalancingScheme: 'EXTERNAL_MANAGED',
      external: true,
      targetProxy: `projects/${P}/global/targetHttpsProxies/web-proxy`,
      urlMap: `projects/${P}/global/urlMaps/web-map`,
      backends: [
        {
          backendService: `projects/${P}/global/backendServices/web-backend`,
          loadBalancingScheme: 'EXTERNAL_MANAGED',
          iapEnabled: true,
          routes: [{ hosts: ['*'], paths: ['/*'] }],
          negs: [
            {
              name: `projects/${P}/regions/europe-west1/networkEndpointGroups/web-neg`,
              project: P,
              region: 'europe-west1',
              cloudRunService: `projects/${P}/locations/europe-west1/services/web`,
            },
          ],
        },
      ],
    });
    const lonely = inventory.loadBalancers?.find((l) => l.project === OTHER);
    expect(lonely?.backends[0]).toMatchObject({ iapEnabled: false, loadBalancingScheme: 'EXTERNAL' });
    // NEGs are listed only in the regions backend services use.
    expect(fake.calls('RegionNetworkEndpointGroups/List')).toHaveLength(2);
  });

  it('keeps the rules when the URL maps cannot be read, and records the failure', async () => {
    fake.failCall('UrlMaps/List', 'PERMISSION_DENIED', { times: 1 });
    const inventory = await collectAll();
    const broken = inventory.loadBalancers?.filter((l) => l.backends.length === 0) ?? [];
    expect(broken).toHaveLength(1);
    expect(inventory.loadBalancers).toHaveLength(2);
    expect(inventory.failures).toEqual([
      expect.objectContaining({
        call: 'compute.urlMaps.list',
        code: 'PERMISSION_DENIED',
        message: expect.stringContaining('UrlMaps/List'),
      }),
    ]);
  });

  it('records a denied project once per call and still shows the other project', async () => {
    fake.denyProject(OTHER);
    const inventory = await collectAll();
    expect(inventory.loadBalancers?.map((l) => l.project)).toEqual([P]);
    const calls = inventory.failures.filter((f) => f.project === OTHER).map((f) => f.call);
    expect(calls).toEqual(
      expect.arrayContaining([
        'compute.backendServices.list',
        'compute.globalForwardingRules.list',
        'compute.urlMaps.list',
        'pubsub.subscriptions.list',
        'run.locations.list',
      ]),
    );
    expect(inventory.workloads.every((w) => w.project === P)).toBe(true);
  });
});
