import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { derivedProjectNumber } from './derived-project-number.ts';
import { loadGoogleProtos } from './google-protos.ts';
import { loadWorld } from './load-world.ts';
import { type JsonObject, UNRECOGNIZED_ENUM_NUMBER } from './proto-json-checker.ts';
import { WorldError } from './world-error.ts';

// A copy of shared/examples/tiny.world.json, so the tests do not depend on where shared/ lives.
const TINY = fileURLToPath(new URL('./worlds/tiny.world.json', import.meta.url));
const protos = loadGoogleProtos();
const AT_WORLD_NOW = new Date('2026-11-21T12:00:00Z');

type Mutable = { projects: Array<JsonObject & { services: JsonObject[]; jobs: JsonObject[] }> } & JsonObject;

/** The tiny example world, parsed afresh for each case so mutations do not leak. */
function tiny(): Mutable {
  return JSON.parse(readFileSync(TINY, 'utf8')) as Mutable;
}

function project(world: Mutable, index = 0) {
  const p = world.projects[index];
  if (!p) throw new Error(`no project ${index}`);
  return p;
}

function service(
  world: Mutable,
  index: number,
): JsonObject & { template: JsonObject & { containers: JsonObject[] } } {
  const s = project(world).services[index];
  if (!s) throw new Error(`no service ${index}`);
  return s as JsonObject & { template: JsonObject & { containers: JsonObject[] } };
}

const storefront = 'projects/example-prod/locations/europe-west1/services/storefront';

describe('loadWorld', () => {
  it('loads the tiny example world when it is valid', () => {
    const world = loadWorld(TINY, { now: AT_WORLD_NOW, protos });
    expect(world.projects.map((p) => p.projectId)).toEqual(['example-prod']);
    expect(world.projects[0]?.services).toHaveLength(3);
    expect(world.projects[0]?.pubsubSubscriptions).toHaveLength(1);
    expect(world.projects[0]?.schedulerJobs).toEqual([]);
    expect(world.now).toBe('2026-11-21T12:00:00.000Z');
  });

  it('shifts every timestamp by present minus now when the world has a now', () => {
    const world = loadWorld(TINY, { now: new Date('2026-11-22T13:00:00Z'), protos });
    const shifted = world.projects[0]?.services[0];
    expect(shifted?.createTime).toBe('2026-10-02T09:00:00Z');
    expect(shifted?.updateTime).toBe('2026-11-21T09:00:00Z');
    expect(world.now).toBe('2026-11-22T13:00:00.000Z');
  });

  it('keeps timestamps as written when the world has no now', () => {
    const json = tiny();
    delete json.now;
    const world = loadWorld(json, { now: new Date('2030-01-01T00:00:00Z'), protos });
    expect(world.projects[0]?.services[0]?.createTime).toBe('2026-10-01T08:00:00Z');
    expect(world.now).toBeUndefined();
  });

  it('drops unknown fields and accepts proto field names when the world uses them', () => {
    const json = tiny();
    Object.assign(service(json, 0), { someFutureField: { a: 1 }, invoker_iam_disabled: true });
    delete service(json, 0).invokerIamDisabled;
    const loaded = loadWorld(json, { now: AT_WORLD_NOW, protos }).projects[0]?.services[0];
    expect(loaded).not.toHaveProperty('someFutureField');
    expect(loaded?.invokerIamDisabled).toBe(true);
  });

  it('turns enum numbers into names when the world uses numbers', () => {
    const json = tiny();
    service(json, 0).ingress = 3; // INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER
    const loaded = loadWorld(json, { now: AT_WORLD_NOW, protos }).projects[0]?.services[0];
    expect(loaded?.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
  });

  it('accepts names by project number when the project has one', () => {
    const json = tiny();
    service(json, 0).name = 'projects/100200300400/locations/europe-west1/services/storefront';
    const world = loadWorld(json, { now: AT_WORLD_NOW, protos });
    expect(world.projects[0]?.services[0]?.name).toBe(
      'projects/100200300400/locations/europe-west1/services/storefront',
    );
  });

  it('gives a project the number derived from its ID when the world states none', () => {
    const json = tiny();
    delete project(json).projectNumber;
    const world = loadWorld(json, { now: AT_WORLD_NOW, protos });
    expect(world.projects[0]?.projectNumber).toBe(derivedProjectNumber('example-prod'));
    expect(world.projects[0]?.projectNumber).toMatch(/^[1-9]\d{11}$/);
    expect(derivedProjectNumber('example-prod')).not.toBe(derivedProjectNumber('example-dev'));
  });

  const bad: Array<{ name: string; mutate: (world: Mutable) => void; message: string }> = [
    {
      name: 'an unknown enum value',
      mutate: (w) => {
        service(w, 2).ingress = 'INGRESS_TRAFFIC_EVERYWHERE';
      },
      message:
        'projects[0].services[2].ingress: unknown enum value "INGRESS_TRAFFIC_EVERYWHERE" for google.cloud.run.v2.IngressTraffic',
    },
    {
      name: 'a Duration that is a number',
      mutate: (w) => {
        service(w, 1).template.timeout = 42;
      },
      message: 'projects[0].services[1].template.timeout: expected a Duration string like "300s", got 42',
    },
    {
      name: 'a bool that is a string',
      mutate: (w) => {
        service(w, 0).invokerIamDisabled = 'yes';
      },
      message: 'projects[0].services[0].invokerIamDisabled: expected a boolean, got "yes"',
    },
    {
      name: 'a string in a nested repeated message that is a number',
      mutate: (w) => {
        const env = service(w, 0).template.containers[0]?.env as JsonObject[];
        (env[1] as JsonObject).name = 5;
      },
      message: 'projects[0].services[0].template.containers[0].env[1].name: expected a string, got 5',
    },
    {
      name: 'two members of a oneof',
      mutate: (w) => {
        const env = service(w, 0).template.containers[0]?.env as JsonObject[];
        (env[1] as JsonObject).value = 'literal';
      },
      message:
        'projects[0].services[0].template.containers[0].env[1]: only one of value, valueSource may be set',
    },
    {
      name: 'a timestamp that is not RFC 3339',
      mutate: (w) => {
        service(w, 1).createTime = 'yesterday';
      },
      message: 'projects[0].services[1].createTime: expected an RFC 3339 timestamp string',
    },
    {
      name: 'a map value of the wrong type',
      mutate: (w) => {
        service(w, 0).labels = { team: 7 };
      },
      message: 'projects[0].services[0].labels.team: expected a string, got 7',
    },
    {
      name: 'a repeated field that is not an array',
      mutate: (w) => {
        service(w, 0).urls = 'https://a.run.app';
      },
      message: 'projects[0].services[0].urls: expected an array, got "https://a.run.app"',
    },
    {
      name: 'an int32 out of range',
      mutate: (w) => {
        const ports = service(w, 0).template.containers[0]?.ports as JsonObject[];
        (ports[0] as JsonObject).containerPort = 1e10;
      },
      message:
        'projects[0].services[0].template.containers[0].ports[0].containerPort: 10000000000 is out of range for int32',
    },
    {
      name: 'a nested message that is a string',
      mutate: (w) => {
        (service(w, 0) as JsonObject).template = 'default';
      },
      message:
        'projects[0].services[0].template: expected an object for google.cloud.run.v2.RevisionTemplate, got "default"',
    },
    {
      name: 'a service name of the wrong form',
      mutate: (w) => {
        service(w, 0).name = 'storefront';
      },
      message: 'projects[0].services[0].name: expected a google.cloud.run.v2.Service name of the form',
    },
    {
      name: 'a service without a name',
      mutate: (w) => {
        delete service(w, 0).name;
      },
      message: 'projects[0].services[0].name: expected a google.cloud.run.v2.Service name of the form',
    },
    {
      name: 'a service named in another project',
      mutate: (w) => {
        service(w, 1).name = 'projects/other-project/locations/europe-west1/services/orders-api';
      },
      message:
        'projects[0].services[1].name: "projects/other-project/locations/europe-west1/services/orders-api" is not in project "example-prod"',
    },
    {
      name: 'a service in a location the project does not list',
      mutate: (w) => {
        service(w, 1).name = 'projects/example-prod/locations/us-central1/services/orders-api';
      },
      message: 'projects[0].services[1].name: location "us-central1" is not listed in projects[0].locations',
    },
    {
      name: 'a service ID that is not an RFC 1035 label',
      mutate: (w) => {
        service(w, 1).name = 'projects/example-prod/locations/europe-west1/services/Orders_API';
      },
      message: 'projects[0].services[1].name: "Orders_API" is not a valid ID',
    },
    {
      name: 'two services with the same name',
      mutate: (w) => {
        service(w, 2).name = 'projects/100200300400/locations/europe-west1/services/storefront';
      },
      message: 'projects[0].services[2].name: duplicate name',
    },
    {
      name: 'a job with a wrong type',
      mutate: (w) => {
        project(w).jobs = [
          {
            name: 'projects/example-prod/locations/europe-west1/jobs/nightly',
            template: { taskCount: 'many' },
          },
        ];
      },
      message: 'projects[0].jobs[0].template.taskCount: expected an integer (int32), got "many"',
    },
    {
      name: 'a duplicate project ID',
      mutate: (w) => {
        w.projects.push({ ...project(w), projectNumber: '999' });
      },
      message: 'projects[1].projectId: duplicate project "example-prod" (also at projects[0].projectId)',
    },
    {
      name: 'a duplicate project number',
      mutate: (w) => {
        w.projects.push({ projectId: 'example-dev', projectNumber: '100200300400', services: [], jobs: [] });
      },
      message: 'projects[1].projectNumber: duplicate project number "100200300400"',
    },
    {
      name: 'a stated project number equal to the one derived for a project without one',
      mutate: (w) => {
        project(w).projectNumber = derivedProjectNumber('example-dev');
        w.projects.push({ projectId: 'example-dev', services: [], jobs: [] });
      },
      message: `projects[1].projectId: the project number derived from this ID, "${derivedProjectNumber('example-dev')}", is taken`,
    },
    {
      name: 'a missing project ID',
      mutate: (w) => {
        delete project(w).projectId;
      },
      message: 'projects[0].projectId: expected a project ID',
    },
    {
      name: 'a location that is not a region',
      mutate: (w) => {
        project(w).locations = ['Europe West'];
      },
      message: 'projects[0].locations[0]: expected a region like "europe-west1", got "Europe West"',
    },
    {
      name: 'a policy whose bindings are not an array',
      mutate: (w) => {
        (project(w).iamPolicies as Record<string, JsonObject>)[storefront] = { bindings: 'allUsers' };
      },
      message: `projects[0].iamPolicies["${storefront}"].bindings: expected an array, got "allUsers"`,
    },
    {
      name: 'a policy version that is not an integer',
      mutate: (w) => {
        (project(w).iamPolicies as Record<string, JsonObject>)[storefront] = { version: 'one' };
      },
      message: `projects[0].iamPolicies["${storefront}"].version: expected an integer (int32), got "one"`,
    },
    {
      name: 'a policy for a service the project does not have',
      mutate: (w) => {
        (project(w).iamPolicies as Record<string, JsonObject>)[`${storefront}-v2`] = { version: 1 };
      },
      message: `projects[0].iamPolicies["${storefront}-v2"]: "${storefront}-v2" names no service or job of project "example-prod"`,
    },
    {
      name: 'a project policy with members that are not an array',
      mutate: (w) => {
        project(w).projectIamPolicy = { bindings: [{ role: 'roles/viewer', members: 'allUsers' }] };
      },
      message: 'projects[0].projectIamPolicy.bindings[0].members: expected an array, got "allUsers"',
    },
    {
      name: 'a loose section that is not an array',
      mutate: (w) => {
        project(w).logEntries = {};
      },
      message: 'projects[0].logEntries: expected an array, got an object',
    },
    {
      name: 'a now that is not a timestamp',
      mutate: (w) => {
        w.now = 'noon';
      },
      message: 'now: expected an RFC 3339 timestamp string, got "noon"',
    },
    {
      name: 'projects that are not an array',
      mutate: (w) => {
        w.projects = {} as Mutable['projects'];
      },
      message: 'projects: expected an array of projects, got an object',
    },
    {
      name: 'two problems (the first is reported)',
      mutate: (w) => {
        service(w, 0).ingress = 'OPEN';
        service(w, 2).ingress = 'CLOSED';
      },
      message: 'projects[0].services[0].ingress: unknown enum value "OPEN"',
    },
  ];

  it.each(bad)('refuses a world with $name', ({ mutate, message }) => {
    const json = tiny();
    mutate(json);
    let error: unknown;
    try {
      loadWorld(json, { now: AT_WORLD_NOW, protos });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorldError);
    expect((error as WorldError).message).toContain(message);
    expect((error as WorldError).message.startsWith(message.split(':')[0] ?? '')).toBe(true);
  });

  it('refuses a file that is not JSON when reading a path', () => {
    expect(() => loadWorld(fileURLToPath(import.meta.url), { protos })).toThrow(/is not valid JSON/);
  });
});

describe('loadWorld with unknownEnums: note', () => {
  it('notes an unknown enum value by path and keeps it as an unrecognized number', () => {
    const world = tiny();
    const service = project(world).services[1] as JsonObject;
    service.ingress = 'INGRESS_TRAFFIC_EVERYWHERE';
    const loaded = loadWorld(world, { protos, now: AT_WORLD_NOW, unknownEnums: 'note' });
    expect(loaded.notes).toEqual([
      {
        path: 'projects[0].services[1].ingress',
        reason: 'unknown enum value "INGRESS_TRAFFIC_EVERYWHERE" for google.cloud.run.v2.IngressTraffic',
      },
    ]);
    expect(loaded.projects[0]?.services[1]?.ingress).toBe(UNRECOGNIZED_ENUM_NUMBER);
  });

  it('still refuses other problems', () => {
    const world = tiny();
    (project(world).services[1] as JsonObject).invokerIamDisabled = 'yes';
    expect(() => loadWorld(world, { protos, now: AT_WORLD_NOW, unknownEnums: 'note' })).toThrow(WorldError);
  });
});
