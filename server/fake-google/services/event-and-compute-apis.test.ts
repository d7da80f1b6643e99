import {
  BackendServicesClient,
  RegionNetworkEndpointGroupsClient,
  UrlMapsClient,
} from '@google-cloud/compute';
import { v1 as pubsub } from '@google-cloud/pubsub';
import { CloudSchedulerClient } from '@google-cloud/scheduler';
import { v2beta3 } from '@google-cloud/tasks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClientOptions, fakeRestClientOptions } from '../fake-client-options.ts';
import { loadWorld } from '../load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../start-fake-google.ts';
import { failureOf } from '../testing/failure-of.ts';
import {
  aLoadBalancer,
  aProject,
  aPushSubscription,
  aSchedulerJob,
  aTaskQueue,
  aWorld,
} from '../world-builders.ts';

// The real @google-cloud/pubsub, scheduler, tasks (gRPC) and compute (REST) clients against the fake.
const P = 'events-prod';
const subs = Array.from({ length: 120 }, (_, i) =>
  aPushSubscription(P, `sub-${String(i).padStart(3, '0')}`, `https://worker-abc123xyz-ew.a.run.app/${i}`),
);
const lb = aLoadBalancer('europe-west1', 'web', 'web', { iap: true });
const world = loadWorld(
  aWorld(
    aProject(P, {
      locations: ['europe-west1', 'us-central1'],
      pubsubSubscriptions: subs,
      schedulerJobs: [
        aSchedulerJob(P, 'europe-west1', 'hourly', 'https://worker-abc123xyz-ew.a.run.app/sweep'),
        aSchedulerJob(P, 'us-central1', 'daily', 'https://worker-abc123xyz-uc.a.run.app/daily'),
      ],
      tasksQueues: [aTaskQueue(P, 'europe-west1', 'work', 'worker-abc123xyz-ew.a.run.app')],
      ...lb,
      // 600 backend services: more than Compute's 500 per page.
      backendServices: [
        ...(lb.backendServices ?? []),
        ...Array.from({ length: 599 }, (_, i) => ({
          name: `be-${i}`,
          loadBalancingScheme: 'INTERNAL_MANAGED',
        })),
      ],
    }),
  ),
);

let fake: FakeGoogle;
// The REST options carry a plain auth object where the clients' types want a GoogleAuth.
const restOptions = () =>
  fakeRestClientOptions(fake) as unknown as ConstructorParameters<typeof UrlMapsClient>[0];
let subscriber: pubsub.SubscriberClient;
let scheduler: CloudSchedulerClient;
let tasks: v2beta3.CloudTasksClient;
let backendServices: BackendServicesClient;
let negs: RegionNetworkEndpointGroupsClient;
let urlMaps: UrlMapsClient;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  subscriber = new pubsub.SubscriberClient(fakeClientOptions(fake));
  scheduler = new CloudSchedulerClient(fakeClientOptions(fake));
  tasks = new v2beta3.CloudTasksClient(fakeClientOptions(fake));
  backendServices = new BackendServicesClient(restOptions());
  negs = new RegionNetworkEndpointGroupsClient(restOptions());
  urlMaps = new UrlMapsClient(restOptions());
});
afterAll(async () => {
  await Promise.all([subscriber, scheduler, tasks, backendServices, negs, urlMaps].map((c) => c.close()));
  await fake.stop();
});
beforeEach(() => fake.reset());

describe('Pub/Sub, Scheduler and Tasks', () => {
  it('lists every subscription across pages with its push config', async () => {
    const [page, next] = await subscriber.listSubscriptions(
      { project: `projects/${P}`, pageSize: 50 },
      { autoPaginate: false },
    );
    expect(page).toHaveLength(50);
    expect(next?.pageToken).toBeTruthy();
    const all = [];
    for await (const s of subscriber.listSubscriptionsAsync({ project: `projects/${P}` })) all.push(s);
    expect(all).toHaveLength(120);
    expect(all[7]).toMatchObject({
      name: `projects/${P}/subscriptions/sub-007`,
      topic: `projects/${P}/topics/sub-007-topic`,
      pushConfig: {
        pushEndpoint: 'https://worker-abc123xyz-ew.a.run.app/7',
        oidcToken: { serviceAccountEmail: `pubsub-push@${P}.iam.gserviceaccount.com` },
      },
      state: 'ACTIVE',
    });
  });

  it('lists scheduler jobs and queues of one location', async () => {
    const [jobs] = await scheduler.listJobs({ parent: `projects/${P}/locations/europe-west1` });
    expect(jobs.map((j) => j.name)).toEqual([`projects/${P}/locations/europe-west1/jobs/hourly`]);
    expect(jobs[0]?.httpTarget).toMatchObject({
      uri: 'https://worker-abc123xyz-ew.a.run.app/sweep',
      httpMethod: 'POST',
    });
    const [queues] = await tasks.listQueues({ parent: `projects/${P}/locations/europe-west1` });
    expect(queues[0]?.httpTarget?.uriOverride).toMatchObject({
      host: 'worker-abc123xyz-ew.a.run.app',
      pathOverride: { path: '/tasks' },
      uriOverrideEnforceMode: 'ALWAYS',
    });
    const [none] = await tasks.listQueues({ parent: `projects/${P}/locations/us-central1` });
    expect(none).toEqual([]);
  });

  it.each([
    [
      'Pub/Sub',
      () => subscriber.listSubscriptions({ project: 'projects/unknown-project' }),
      'User not authorized to perform this action.',
    ],
    [
      'Scheduler',
      () => scheduler.listJobs({ parent: 'projects/unknown-project/locations/europe-west1' }),
      'lacks IAM permission "cloudscheduler.jobs.list" for the resource "projects/unknown-project/locations/europe-west1"',
    ],
    [
      'Tasks',
      () => tasks.listQueues({ parent: 'projects/unknown-project/locations/europe-west1' }),
      'lacks IAM permission "cloudtasks.queues.list"',
    ],
  ])('answers PERMISSION_DENIED from %s for a project not in the world', async (_, call, message) => {
    const error = await failureOf(call());
    expect(error.code).toBe(7);
    expect(error.message).toContain(message);
  });

  it('denies a denied project and fails injected calls', async () => {
    fake.denyProject(P);
    expect(
      (await failureOf(scheduler.listJobs({ parent: `projects/${P}/locations/europe-west1` }))).code,
    ).toBe(7);
    fake.reset();
    fake.failCall('ListQueues', 'INTERNAL', { times: 1 });
    expect((await failureOf(tasks.listQueues({ parent: `projects/${P}/locations/europe-west1` }))).code).toBe(
      13,
    );
    expect(fake.calls('CloudTasks/ListQueues').map((c) => c.code)).toEqual([13]);
  });
});

describe('Compute v1 over REST', () => {
  it('pages backend services at maxResults (500 by default) and returns full URLs', async () => {
    const all = [];
    for await (const b of backendServices.listAsync({ project: P }, { autoPaginate: false })) all.push(b);
    expect(all).toHaveLength(600);
    expect(fake.calls('BackendServices/List')).toHaveLength(2);
    expect(all[0]).toMatchObject({
      name: 'web-backend',
      kind: 'compute#backendService',
      selfLink: `https://www.googleapis.com/compute/v1/projects/${P}/global/backendServices/web-backend`,
      iap: { enabled: true },
      backends: [
        {
          group: `https://www.googleapis.com/compute/v1/projects/${P}/regions/europe-west1/networkEndpointGroups/web-neg`,
        },
      ],
    });
    const [page] = await backendServices.list({ project: P, maxResults: 7 }, { autoPaginate: false });
    expect(page).toHaveLength(7);
  });

  it('lists serverless NEGs of one region only', async () => {
    const [inRegion] = await negs.list({ project: P, region: 'europe-west1' }, { autoPaginate: false });
    expect(inRegion.map((n) => [n.name, n.cloudRun?.service])).toEqual([['web-neg', 'web']]);
    const [elsewhere] = await negs.list({ project: P, region: 'us-central1' }, { autoPaginate: false });
    expect(elsewhere).toEqual([]);
  });

  it("answers Compute's 403 for a project not in the world or denied", async () => {
    const error = await failureOf(urlMaps.list({ project: 'unknown-project' }));
    expect(error).toMatchObject({
      code: 7,
      message: "Required 'compute.urlMaps.list' permission for 'projects/unknown-project'",
    });
    fake.denyProject(P);
    expect((await failureOf(urlMaps.list({ project: P }))).code).toBe(7);
  });

  it('answers 400 for a bad maxResults and an injected failure with its HTTP status', async () => {
    expect((await failureOf(urlMaps.list({ project: P, maxResults: 501 }))).code).toBe(3);
    fake.failCall('UrlMaps/List', 'PERMISSION_DENIED', {
      message: 'Compute Engine API has not been used in project events-prod',
    });
    const error = await failureOf(urlMaps.list({ project: P }));
    expect(error).toMatchObject({
      code: 7,
      message: 'Compute Engine API has not been used in project events-prod',
    });
  });

  it('serves Google JSON errors on the wire', async () => {
    const response = await fetch(
      `http://${fake.host}:${fake.restPort}/compute/v1/projects/nope-project/global/urlMaps`,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 403,
        message: "Required 'compute.urlMaps.list' permission for 'projects/nope-project'",
        errors: [
          {
            message: "Required 'compute.urlMaps.list' permission for 'projects/nope-project'",
            domain: 'global',
            reason: 'forbidden',
          },
        ],
      },
    });
  });
});
