import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  findingsResponseSchema,
  graphResponseSchema,
  serviceDetailSchema,
  statusSchema,
} from '../../shared/api.ts';
import { analyze } from '../core/analyze.ts';
import { demoWorldPath } from '../paths.ts';
import { type Source, worldSource } from '../sources.ts';
import { createApp } from './create-app.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { listening } from './testing/listening.ts';
import { worldSnapshotStore } from './testing/world-snapshot-store.ts';

// Route tests: the real app over a snapshot collected from the demo world through the fake on loopback.
let source: Source;
let server: Server;
let base: string;
let store: SnapshotStore;

const demo = JSON.parse(readFileSync(demoWorldPath(), 'utf8')) as {
  projects: { services?: Workload[]; jobs?: Workload[] }[];
};
type Workload = { name: string; uri?: string; urls?: string[] };
const workloads = demo.projects.flatMap((p) => [...(p.services ?? []), ...(p.jobs ?? [])]);

/**
 * Every literal env value in the world, except those that also stand elsewhere in the world (an image
 * tag, a description) or that are URLs or hosts of services in the estate, which edge evidence may show.
 */
function literalValues(): string[] {
  const values: string[] = [];
  const rest = JSON.stringify(demo, (key, v) => {
    if (key === 'env' && Array.isArray(v)) {
      for (const e of v as { value?: string }[]) if (typeof e.value === 'string') values.push(e.value);
      return (v as object[]).map((e) => ({ ...e, value: undefined }));
    }
    return v;
  });
  const estateHosts = workloads
    .flatMap((w) => [w.uri ?? '', ...(w.urls ?? [])])
    .map((u) => u.replace(/^https?:\/\//, ''));
  return values.filter(
    (v) =>
      v.length >= 8 &&
      !rest.includes(v) &&
      !estateHosts.some((h) => h && v.includes(h)) &&
      !/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)?(:\d+)?\/?$/.test(v),
  );
}

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
};

beforeAll(async () => {
  source = await worldSource(demoWorldPath(), 'demo world');
  store = worldSnapshotStore(source, analyze);
  const app = createApp({ store });
  server = app.listen(0, '127.0.0.1');
  base = await listening(server);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.stop();
  await source.close();
});

describe('before the first snapshot', () => {
  it('answers 503 snapshot_pending on the graph and a status with no snapshot', async () => {
    const graph = await get('/api/graph');
    expect(graph.status).toBe(503);
    expect(apiErrorSchema.parse(graph.body).error.code).toBe('snapshot_pending');
    expect(statusSchema.parse((await get('/api/status')).body).snapshotAt).toBeNull();
  });
});

describe('with a snapshot of the demo world', () => {
  beforeAll(() => store.refresh());

  it('serves /healthz', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('serves the graph with a node per service and job, ids their full names', async () => {
    const { status, body } = await get('/api/graph');
    expect(status).toBe(200);
    const graph = graphResponseSchema.parse(body);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const w of workloads) expect(ids.has(w.name)).toBe(true);
    expect(ids.has('internet')).toBe(true);
    expect(new Set(graph.edges.map((e) => e.kind))).toEqual(
      new Set(['declared', 'permitted', 'exposure', 'event', 'backing', 'observed']),
    );
    for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('serves the findings', async () => {
    const findings = findingsResponseSchema.parse((await get('/api/findings')).body).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['CR-01', 'CR-02', 'CR-03', 'CR-05', 'CR-11', 'CR-13', 'CR-14']),
    );
  });

  it('serves every service and job by its URL-encoded full name', async () => {
    for (const w of workloads) {
      const { status, body } = await get(`/api/services/${encodeURIComponent(w.name)}`);
      expect(status).toBe(200);
      expect(serviceDetailSchema.parse(body).name).toBe(w.name);
    }
  });

  it.each([
    [
      'an unknown service',
      `/api/services/${encodeURIComponent('projects/shop-prod/locations/europe-west1/services/nope')}`,
      404,
      'not_found',
    ],
    ['a name that is not a resource name', '/api/services/frontend', 400, 'invalid_input'],
    ['an unknown API route', '/api/nothing', 404, 'not_found'],
  ])('answers %s with a JSON error', async (_what, path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(apiErrorSchema.parse(res.body).error.code).toBe(code);
  });

  it('starts a new collection on POST /api/refresh', async () => {
    const res = await get('/api/refresh', { method: 'POST' });
    expect(res.status).toBe(202);
    expect(statusSchema.parse(res.body).collecting).toBe(true);
    await store.refresh();
    const status = statusSchema.parse((await get('/api/status')).body);
    expect(status).toMatchObject({ collecting: false, counts: { services: 26, jobs: 8 } });
  });

  it('refuses a refresh sent by a page on another site', async () => {
    const res = await get('/api/refresh', { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect(apiErrorSchema.parse(res.body).error.code).toBe('forbidden');
    expect(statusSchema.parse((await get('/api/status')).body).collecting).toBe(false);
  });

  it('never sends a literal env value', async () => {
    const values = literalValues();
    expect(values.length).toBeGreaterThan(10);
    const bodies = [
      await (await fetch(`${base}/api/graph`)).text(),
      await (await fetch(`${base}/api/findings`)).text(),
      await (await fetch(`${base}/api/status`)).text(),
      ...(await Promise.all(
        workloads.map(async (w) =>
          (await fetch(`${base}/api/services/${encodeURIComponent(w.name)}`)).text(),
        ),
      )),
    ].join('\n');
    for (const v of values) expect(bodies.includes(v), `literal value ${v} leaked`).toBe(false);
    expect(bodies).not.toMatch(/RUNMAP(LEAK|PLAIN)\d+/);
  });
});
