import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClientOptions } from '../fake-google/fake-client-options.ts';
import { loadWorld } from '../fake-google/load-world.ts';
import { type FakeGoogle, startFakeGoogle } from '../fake-google/start-fake-google.ts';
import { aJob, aPolicy, aProject, aService, aWorld } from '../fake-google/world-builders.ts';
import { type CollectProgress, collect } from './collect.ts';
import { GoogleProjectsAdapter } from './projects-adapter.ts';
import { GoogleRunAdapter } from './run-adapter.ts';

// The real @google-cloud/run and @google-cloud/resource-manager clients, over gRPC, against the fake on loopback.
const many = Array.from({ length: 120 }, (_, i) =>
  aService('big-estate', 'us-central1', `svc-${String(i).padStart(3, '0')}`),
);
const world = loadWorld(
  aWorld(
    aProject('big-estate', {
      projectNumber: '111122223333',
      locations: ['us-central1', 'europe-west1'],
      services: [...many, aService('big-estate', 'europe-west1', 'eu-svc')],
      jobs: [aJob('big-estate', 'europe-west1', 'nightly')],
      iamPolicies: {
        'projects/big-estate/locations/europe-west1/services/eu-svc': aPolicy('roles/run.invoker', [
          'allUsers',
        ]),
      },
      projectIamPolicy: aPolicy('roles/run.invoker', ['group:oncall@example.com']),
    }),
    aProject('side-project', { services: [aService('side-project', 'europe-west1', 'lonely')] }),
  ),
);

let fake: FakeGoogle;
let run: GoogleRunAdapter;
let resourceManager: GoogleProjectsAdapter;

beforeAll(async () => {
  fake = await startFakeGoogle({ world });
  run = new GoogleRunAdapter(fakeClientOptions(fake));
  resourceManager = new GoogleProjectsAdapter(fakeClientOptions(fake));
});
afterAll(async () => {
  await Promise.all([run.close(), resourceManager.close()]);
  await fake.stop();
});
beforeEach(() => fake.reset());

const collectAll = (onProgress?: (p: CollectProgress) => void) =>
  collect({ projects: ['big-estate', 'side-project'], run, resourceManager, concurrency: 4, onProgress });

describe('collect', () => {
  it('reads every service across pages, with its IAM policy', async () => {
    const inventory = await collectAll();
    expect(inventory.failures).toEqual([]);
    const names = inventory.workloads.map((w) => w.name);
    expect(names).toHaveLength(123);
    expect(new Set(names).size).toBe(123);
    expect(names).toContain('projects/big-estate/locations/us-central1/services/svc-119');
    // 120 services at Google's default page size of 50 take three pages.
    expect(fake.calls('ListServices').filter((c) => JSON.stringify(c).includes('us-central1'))).toHaveLength(
      3,
    );
    const eu = inventory.workloads.find((w) => w.shortName === 'eu-svc');
    expect(eu?.iamPolicy?.bindings).toEqual([{ role: 'roles/run.invoker', members: ['allUsers'] }]);
    expect(inventory.workloads.find((w) => w.kind === 'job')?.shortName).toBe('nightly');
  });

  it('reads the project number and the project IAM policy', async () => {
    const inventory = await collectAll();
    const big = inventory.projects.find((p) => p.projectId === 'big-estate');
    expect(big).toMatchObject({ projectNumber: '111122223333', locations: ['us-central1', 'europe-west1'] });
    expect(big?.iamPolicy?.bindings).toEqual([
      { role: 'roles/run.invoker', members: ['group:oncall@example.com'] },
    ]);
  });

  it('records a denied project as failures and still shows the rest', async () => {
    fake.denyProject('side-project');
    const inventory = await collectAll();
    expect(inventory.workloads.filter((w) => w.project === 'big-estate')).toHaveLength(122);
    expect(inventory.workloads.filter((w) => w.project === 'side-project')).toEqual([]);
    expect(inventory.failures.map((f) => [f.project, f.call, f.code])).toEqual(
      expect.arrayContaining([['side-project', 'run.locations.list', 'PERMISSION_DENIED']]),
    );
    expect(inventory.failures.every((f) => f.project === 'side-project' && f.message.length > 0)).toBe(true);
  });

  it('records a failed IAM call on the resource it was about and keeps the service', async () => {
    fake.failCall('Services/GetIamPolicy', 'UNAVAILABLE', { times: 200 });
    const inventory = await collectAll();
    const eu = inventory.workloads.find((w) => w.shortName === 'eu-svc');
    expect(eu?.iamPolicy).toBeNull();
    expect(inventory.failures).toContainEqual(
      expect.objectContaining({
        project: 'big-estate',
        call: 'run.services.getIamPolicy',
        target: 'projects/big-estate/locations/europe-west1/services/eu-svc',
        code: 'UNAVAILABLE',
      }),
    );
  });

  it('reports progress up to every call done', async () => {
    const seen: CollectProgress[] = [];
    await collectAll((p) => seen.push(p));
    const last = seen.at(-1);
    expect(last).toMatchObject({ projectsDone: 2, projectsTotal: 2 });
    expect(last?.callsDone).toBe(last?.callsTotal);
    expect(last?.callsTotal).toBeGreaterThan(123);
    expect(seen.some((p) => p.callsDone < p.callsTotal)).toBe(true);
  });

  it('is refused the `-` location, which is why it lists locations first', async () => {
    await expect(run.listServices('big-estate', '-')).rejects.toMatchObject({ code: 3 });
  });
});
