import { describe, expect, it } from 'vitest';
import { loadGoogleProtos } from './google-protos.ts';
import { loadWorld } from './load-world.ts';
import type { JsonObject } from './proto-json-checker.ts';
import {
  aLoadBalancer,
  aProject,
  aPushSubscription,
  aSchedulerJob,
  aTaskQueue,
  aWorld,
} from './world-builders.ts';

const protos = loadGoogleProtos();
const P = 'events-prod';

function worldWith(sections: JsonObject) {
  return aWorld(aProject(P, { locations: ['europe-west1'], ...sections }));
}

describe('loadWorld: event sources and load balancers', () => {
  it('expands Compute references to the full URLs the API returns and adds kind, selfLink and id', () => {
    const world = loadWorld(worldWith(aLoadBalancer('europe-west1', 'web', 'web')), { protos });
    const [rule] = world.projects[0]?.forwardingRules ?? [];
    expect(rule).toMatchObject({
      kind: 'compute#forwardingRule',
      selfLink: `https://www.googleapis.com/compute/v1/projects/${P}/global/forwardingRules/web-rule`,
      target: `https://www.googleapis.com/compute/v1/projects/${P}/global/targetHttpsProxies/web-proxy`,
      id: expect.stringMatching(/^\d+$/),
    });
    expect(world.projects[0]?.networkEndpointGroups[0]?.region).toBe(
      `https://www.googleapis.com/compute/v1/projects/${P}/regions/europe-west1`,
    );
  });

  const lb = aLoadBalancer('europe-west1', 'web', 'web');
  const cases: Array<{ name: string; sections: JsonObject; message: string }> = [
    {
      name: 'a subscription named outside the project',
      sections: { pubsubSubscriptions: [aPushSubscription('other-prod', 'orders', 'https://x')] },
      message:
        'projects[0].pubsubSubscriptions[0].name: "projects/other-prod/subscriptions/orders" is not in project "events-prod"',
    },
    {
      name: 'a subscription ID starting with goog',
      sections: { pubsubSubscriptions: [aPushSubscription(P, 'google-events', 'https://x')] },
      message: 'projects[0].pubsubSubscriptions[0].name: "google-events" is not a valid ID',
    },
    {
      name: 'a subscription without a topic',
      sections: { pubsubSubscriptions: [{ name: `projects/${P}/subscriptions/orders` }] },
      message:
        'projects[0].pubsubSubscriptions[0].topic: expected a topic name projects/{project}/topics/{topic}, got nothing',
    },
    {
      name: 'a scheduler job in a location the project does not list',
      sections: { schedulerJobs: [aSchedulerJob(P, 'us-east1', 'sweep', 'https://x')] },
      message:
        'projects[0].schedulerJobs[0].name: location "us-east1" is not listed in projects[0].locations',
    },
    {
      name: 'a scheduler job with an unknown state',
      sections: {
        schedulerJobs: [aSchedulerJob(P, 'europe-west1', 'sweep', 'https://x', { state: 'RUNNING' })],
      },
      message:
        'projects[0].schedulerJobs[0].state: unknown enum value "RUNNING" for google.cloud.scheduler.v1.Job.State',
    },
    {
      name: 'two queues with one name',
      sections: {
        tasksQueues: [aTaskQueue(P, 'europe-west1', 'work', 'x'), aTaskQueue(P, 'europe-west1', 'work', 'y')],
      },
      message: `projects[0].tasksQueues[1].name: duplicate name "projects/${P}/locations/europe-west1/queues/work"`,
    },
    {
      name: 'a backend service using a NEG the world does not have',
      sections: { ...lb, networkEndpointGroups: [] },
      message:
        "projects[0].backendServices[0].backends[0].group: regions/europe-west1/networkEndpointGroups/web-neg is not in this project's world",
    },
    {
      name: 'an unknown load-balancing scheme',
      sections: { ...lb, forwardingRules: [{ ...lb.forwardingRules?.[0], loadBalancingScheme: 'PUBLIC' }] },
      message: 'projects[0].forwardingRules[0].loadBalancingScheme: unknown value "PUBLIC"',
    },
    {
      name: 'a cloudRun NEG that is not serverless',
      sections: {
        networkEndpointGroups: [
          {
            name: 'neg',
            region: 'europe-west1',
            networkEndpointType: 'GCE_VM_IP_PORT',
            cloudRun: { service: 'web' },
          },
        ],
      },
      message:
        'projects[0].networkEndpointGroups[0].cloudRun: cloudRun is only valid when networkEndpointType is SERVERLESS',
    },
    {
      name: 'a host rule naming no path matcher',
      sections: {
        ...lb,
        urlMaps: [{ name: 'web-map', hostRules: [{ hosts: ['a.example.com'], pathMatcher: 'nope' }] }],
      },
      message:
        'projects[0].urlMaps[0].hostRules[0].pathMatcher: "nope" names no entry of projects[0].urlMaps[0].pathMatchers',
    },
    {
      name: 'a forwarding rule target that is not a proxy',
      sections: { ...lb, forwardingRules: [{ name: 'r', target: 'global/urlMaps/web-map' }] },
      message: 'projects[0].forwardingRules[0].target: expected a reference to targetHttpsProxies',
    },
  ];

  it.each(cases)('refuses $name', ({ sections, message }) => {
    expect(() => loadWorld(worldWith(sections), { protos })).toThrow(message);
  });
});
