import { ProjectsClient } from '@google-cloud/resource-manager';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { derivedProjectNumber } from '../derived-project-number.ts';
import { fakeClientOptions } from '../fake-client-options.ts';
import { loadWorld } from '../load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../start-fake-google.ts';
import { failureOf } from '../testing/failure-of.ts';
import { aPolicy, aProject, aWorld } from '../world-builders.ts';

// The real @google-cloud/resource-manager ProjectsClient (its own google-gax), over gRPC, against the fake.
const SHOP = 'shop-prod';
const SHOP_NUMBER = '123456789012';
const CORP = 'corp-tools';

const world = loadWorld(
  aWorld(
    aProject(SHOP, {
      projectNumber: SHOP_NUMBER,
      projectIamPolicy: {
        version: 1,
        bindings: [
          { role: 'roles/run.invoker', members: ['group:oncall@example.com'] },
          {
            role: 'roles/editor',
            members: [`serviceAccount:${SHOP_NUMBER}-compute@developer.gserviceaccount.com`],
          },
        ],
        etag: 'BwYbOZzB6Ls=',
      },
    }),
    aProject(CORP, { projectIamPolicy: aPolicy('roles/viewer', ['user:ana@example.com']) }),
    aProject('bare-project'),
  ),
);

let fake: FakeGoogle;
let projects: ProjectsClient;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  projects = new ProjectsClient(fakeClientOptions(fake));
});

afterEach(() => fake.reset());

afterAll(async () => {
  await projects?.close();
  await fake?.stop();
});

describe('resourceManagerProjectsService', () => {
  it.each([SHOP, SHOP_NUMBER])('names the project by its number when getting projects/%s', async (ref) => {
    const [project] = await projects.getProject({ name: `projects/${ref}` });
    expect(project).toMatchObject({
      name: `projects/${SHOP_NUMBER}`,
      projectId: SHOP,
      state: 'ACTIVE',
      displayName: SHOP,
    });
  });

  it('answers a derived 12-digit number when the world states none', async () => {
    const number = derivedProjectNumber(CORP);
    expect(number).toMatch(/^[1-9]\d{11}$/);
    const [byId] = await projects.getProject({ name: `projects/${CORP}` });
    expect(byId.name).toBe(`projects/${number}`);
    const [byNumber] = await projects.getProject({ name: `projects/${number}` });
    expect(byNumber.projectId).toBe(CORP);
  });

  it('returns the world policy when getting the IAM policy of a project by ID or number', async () => {
    for (const ref of [SHOP, SHOP_NUMBER]) {
      const [policy] = await projects.getIamPolicy({ resource: `projects/${ref}` });
      expect(policy.bindings).toEqual([
        expect.objectContaining({ role: 'roles/run.invoker', members: ['group:oncall@example.com'] }),
        expect.objectContaining({
          role: 'roles/editor',
          members: [`serviceAccount:${SHOP_NUMBER}-compute@developer.gserviceaccount.com`],
        }),
      ]);
      expect(Buffer.from(policy.etag ?? '').toString('base64')).toBe('BwYbOZzB6Ls=');
    }
    const [corp] = await projects.getIamPolicy({ resource: `projects/${CORP}` });
    expect(corp.bindings?.[0]?.members).toEqual(['user:ana@example.com']);
    expect(corp.etag?.length).toBeGreaterThan(0);
  });

  it('returns an empty policy with an etag when the world has no policy for the project', async () => {
    const [policy] = await projects.getIamPolicy({ resource: 'projects/bare-project' });
    expect(policy.bindings).toEqual([]);
    expect(Buffer.from(policy.etag ?? '').toString('base64')).toBe('ACAB');
  });

  const failures: Array<{ name: string; call: () => Promise<unknown>; code: number; message?: string }> = [
    {
      name: 'the project is not in the world',
      call: () => projects.getProject({ name: 'projects/unknown-project' }),
      code: 7,
      message:
        "Permission 'resourcemanager.projects.get' denied on resource '//cloudresourcemanager.googleapis.com/projects/unknown-project' (or it may not exist).",
    },
    {
      name: 'the project number is not in the world',
      call: () => projects.getProject({ name: 'projects/999999999999' }),
      code: 7,
    },
    {
      name: 'the policy of a project not in the world is asked for',
      call: () => projects.getIamPolicy({ resource: 'projects/unknown-project' }),
      code: 7,
      message:
        "Permission 'resourcemanager.projects.getIamPolicy' denied on resource '//cloudresourcemanager.googleapis.com/projects/unknown-project' (or it may not exist).",
    },
    {
      name: 'the project name is malformed',
      call: () => projects.getProject({ name: `projects/${SHOP}/locations/europe-west1` }),
      code: 3,
    },
    {
      name: 'the RPC is not faked',
      call: () =>
        projects.testIamPermissions({ resource: `projects/${SHOP}`, permissions: ['run.services.list'] }),
      code: 12,
    },
  ];

  it.each(failures)('answers code $code when $name', async ({ call, code, message }) => {
    const error = await failureOf(call());
    expect(error.code).toBe(code);
    if (message) expect(error.message).toContain(message);
  });

  it('answers PERMISSION_DENIED for the project by ID and number when it is denied', async () => {
    fake.denyProject(SHOP_NUMBER);
    for (const ref of [SHOP, SHOP_NUMBER]) {
      expect((await failureOf(projects.getProject({ name: `projects/${ref}` }))).code).toBe(7);
      expect((await failureOf(projects.getIamPolicy({ resource: `projects/${ref}` }))).code).toBe(7);
    }
    expect((await failureOf(projects.getProject({ name: `projects/${CORP}` }))).code).toBeUndefined();
    fake.reset();
    expect((await failureOf(projects.getProject({ name: `projects/${SHOP}` }))).code).toBeUndefined();
  });

  it('fails the next project IAM calls when failCall names Projects/GetIamPolicy', async () => {
    fake.failCall('Projects/GetIamPolicy', 'INTERNAL', { times: 1 });
    expect((await failureOf(projects.getIamPolicy({ resource: `projects/${SHOP}` }))).code).toBe(13);
    expect((await failureOf(projects.getProject({ name: `projects/${SHOP}` }))).code).toBeUndefined();
    expect((await failureOf(projects.getIamPolicy({ resource: `projects/${SHOP}` }))).code).toBeUndefined();
    expect(fake.calls('Projects/GetIamPolicy').map((call) => call.code)).toEqual([13, 0]);
  });

  it('records each call with its request when calls are asked for', async () => {
    await projects.getProject({ name: `projects/${SHOP}` });
    expect(fake.calls()).toEqual([
      {
        method: '/google.cloud.resourcemanager.v3.Projects/GetProject',
        request: { name: `projects/${SHOP}` },
        code: 0,
      },
    ]);
  });
});
