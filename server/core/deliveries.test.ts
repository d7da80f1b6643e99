import { describe, expect, it } from 'vitest';
import type { EventSource } from '../../shared/inventory.ts';
import { deliveriesOf } from './deliveries.ts';
import {
  aJob,
  anInventory,
  aProject,
  aPushSubscription,
  aSchedulerJobRunning,
  aService,
  projectNumberOf,
} from './testing/builders.ts';

const orders = aService({
  shortName: 'orders',
  traffic: [
    { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 },
    {
      type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
      percent: 0,
      tag: 'beta',
      uri: 'https://beta---orders-x-ew.a.run.app',
    },
  ],
});
const sweep = aJob({ shortName: 'sweep' });
const queue = (overrides: Partial<EventSource>): EventSource => ({
  kind: 'tasks',
  name: 'projects/p1/locations/europe-west1/queues/q',
  project: 'p1',
  location: 'europe-west1',
  shortName: 'q',
  ...overrides,
});

function resolve(source: EventSource) {
  const inventory = anInventory({ workloads: [orders, sweep], eventSources: [source] });
  const byNumber = new Map([[projectNumberOf('p1'), 'p1']]);
  const [delivery] = deliveriesOf(inventory, byNumber);
  return [delivery?.target?.name, delivery?.via, delivery?.shown];
}

describe('deliveriesOf', () => {
  it.each<[string, EventSource, unknown[]]>([
    [
      'matches the legacy URL and keeps the path, not the query',
      aPushSubscription(orders, { targetUrl: `${orders.uri}/push?token=s3cr3t` }),
      [orders.name, 'url', `${orders.uri}/push`],
    ],
    [
      'matches the deterministic URL',
      aPushSubscription(orders, { targetUrl: `${orders.urls[0]}/` }),
      [orders.name, 'url', orders.urls[0]],
    ],
    [
      'matches a tag URL',
      aPushSubscription(orders, { targetUrl: 'https://beta---orders-x-ew.a.run.app/e' }),
      [orders.name, 'url', 'https://beta---orders-x-ew.a.run.app/e'],
    ],
    [
      'matches a tag URL the inventory does not list, by the host behind the tag',
      aPushSubscription(orders, {
        targetUrl: `${(orders.uri ?? '').replace('https://', 'https://canary---')}/e`,
      }),
      [orders.name, 'url', `${(orders.uri ?? '').replace('https://', 'https://canary---')}/e`],
    ],
    [
      'matches a queue override that sets only the host',
      queue({ targetHost: (orders.uri ?? '').replace('https://', '') }),
      [orders.name, 'url', (orders.uri ?? '').replace('https://', '')],
    ],
    [
      'matches jobs:run of the v2 API to the job',
      aSchedulerJobRunning(sweep),
      [sweep.name, 'run-api', `https://run.googleapis.com/v2/${sweep.name}:run`],
    ],
    [
      'matches jobs:run of the regional v1 API with a project number',
      aSchedulerJobRunning(sweep, {
        targetUrl: `https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/${projectNumberOf('p1')}/jobs/sweep:run`,
      }),
      [sweep.name, 'run-api', expect.stringContaining('/jobs/sweep:run')],
    ],
    [
      'leaves a URL outside the estate without a target',
      aPushSubscription(orders, { targetUrl: 'https://hooks.example/x', targetHost: 'hooks.example' }),
      [undefined, 'url', 'hooks.example'],
    ],
    [
      'does not take a runsd short name for a service',
      aPushSubscription(orders, { targetUrl: 'http://orders/push', targetHost: 'orders' }),
      [undefined, 'url', 'orders'],
    ],
  ])('%s', (_name, source, expected) => {
    expect(resolve(source)).toEqual(expected);
  });

  it('returns nothing when event sources were not collected', () => {
    expect(deliveriesOf(anInventory({ workloads: [orders], projects: [aProject()] }), new Map())).toEqual([]);
  });
});
