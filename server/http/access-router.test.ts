import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  principalAccessSchema,
  principalsResponseSchema,
  workloadInvokersResponseSchema,
} from '../../shared/access.ts';
import { apiErrorSchema } from '../../shared/api.ts';
import { auditReportSchema } from '../../shared/audit.ts';
import { analyze } from '../core/analyze.ts';
import { packageRoot } from '../paths.ts';
import { readPolicyFile } from '../policy/read-policy-file.ts';
import { type Source, worldSource } from '../sources.ts';
import { createApp } from './create-app.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { listening } from './testing/listening.ts';
import { worldSnapshotStore } from './testing/world-snapshot-store.ts';

// Route tests: the real app over the security world (and its policy) collected through the fake.
const root = packageRoot();
let source: Source;
let server: Server;
let base: string;
let store: SnapshotStore;

const svc = (name: string) => `projects/sec-prod/locations/europe-west1/services/${name}`;
const seg = (name: string) => encodeURIComponent(name);

beforeAll(async () => {
  const policy = await readPolicyFile(path.join(root, 'server/cli/golden/security.policy.yaml'));
  source = await worldSource(path.join(root, 'server/fake-google/worlds/security.world.json'));
  store = worldSnapshotStore(source, (inventory) => analyze(inventory, policy));
  server = createApp({ store }).listen(0, '127.0.0.1');
  base = await listening(server);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.stop();
  await source.close();
});

const get = async (route: string) => {
  const res = await fetch(`${base}${route}`);
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as unknown };
};

describe('access routes before the first snapshot', () => {
  it('answers 503 snapshot_pending', async () => {
    const res = await get('/api/access/principals');
    expect(res.status).toBe(503);
    expect(apiErrorSchema.parse(res.json()).error.code).toBe('snapshot_pending');
  });
});

describe('access routes', () => {
  beforeAll(() => store.refresh());

  it('lists principals with counts, broad ones first', async () => {
    const { principals } = principalsResponseSchema.parse((await get('/api/access/principals')).json());
    expect(principals[0]).toMatchObject({ member: 'allAuthenticatedUsers', broad: true });
    expect(principals.find((p) => p.member === 'user:contractor@gmail.com')).toEqual({
      member: 'user:contractor@gmail.com',
      kind: 'user',
      broad: false,
      grants: 1,
      mayInvoke: 3, // partner-api itself, plus legacy (allAuthenticatedUsers) and public-api (allUsers)
      runsAs: 0,
    });
  });

  it('answers what a principal may invoke and what runs as it', async () => {
    const member = 'serviceAccount:gateway@sec-prod.iam.gserviceaccount.com';
    const access = principalAccessSchema.parse((await get(`/api/access/principals/${seg(member)}`)).json());
    const project = access.mayInvoke.filter((i) => i.grantedOn === 'project' && i.via === member);
    expect(project).toHaveLength(15); // roles/run.invoker on the project: every service and job
    expect(access.mayInvoke).toContainEqual({
      resource: svc('config-leak'),
      kind: 'service',
      project: 'sec-prod',
      location: 'europe-west1',
      role: 'roles/run.invoker',
      grantedOn: 'resource',
      via: member,
    });
    const computeDefault = 'serviceAccount:300400500600-compute@developer.gserviceaccount.com';
    const runs = principalAccessSchema.parse(
      (await get(`/api/access/principals/${seg(computeDefault)}`)).json(),
    );
    expect(runs.runsAs).toEqual(['projects/sec-prod/locations/europe-west1/jobs/nightly']);
  });

  it('covers a user by the grants to allUsers and allAuthenticatedUsers', async () => {
    const access = principalAccessSchema.parse(
      (await get(`/api/access/principals/${seg('user:nobody@else.org')}`)).json(),
    );
    expect(access.mayInvoke.map((i) => `${i.resource.split('/').pop()} ${i.via}`)).toEqual([
      'legacy allAuthenticatedUsers',
      'public-api allUsers',
    ]);
    expect(access.caveats.join(' ')).toMatch(/Group memberships are not expanded/);
  });

  it('answers the invokers of a service with where each is granted', async () => {
    const body = workloadInvokersResponseSchema.parse(
      (await get(`/api/services/${seg(svc('partner-api'))}/invokers`)).json(),
    );
    expect(body.invokers.map((i) => `${i.member} ${i.role} ${i.grantedOn}`)).toEqual([
      'user:contractor@gmail.com roles/run.invoker resource',
      'serviceAccount:ci@outside-proj.iam.gserviceaccount.com roles/run.invoker resource',
      'user:ann@example.com roles/run.invoker resource',
      'serviceAccount:gateway@sec-prod.iam.gserviceaccount.com roles/run.invoker resource',
      'user:cto@example.com roles/owner project',
      'serviceAccount:admin-sa@sec-prod.iam.gserviceaccount.com roles/editor project',
      'serviceAccount:gateway@sec-prod.iam.gserviceaccount.com roles/run.invoker project',
    ]);
    expect(body.iamPolicyKnown).toBe(true);
  });

  it('exports invokers and principals as CSV', async () => {
    const invokers = await get(`/api/services/${seg(svc('partner-api'))}/invokers.csv`);
    expect(invokers.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(invokers.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?runmap-invokers-partner-api-\d+T\d+Z\.csv"?$/,
    );
    expect(invokers.text.split('\r\n')[0]).toBe('member,kind,broad,role,grantedOn');
    expect(invokers.text).toContain('user:contractor@gmail.com,user,false,roles/run.invoker,resource');
    const principals = await get('/api/access/principals.csv');
    expect(principals.text).toContain('allUsers,allUsers,true,');
    const one = await get(`/api/access/principals/${seg('allUsers')}?format=csv`);
    expect(one.text.split('\r\n')[1]).toBe(
      `${svc('public-api')},service,sec-prod,europe-west1,roles/run.invoker,resource,allUsers`,
    );
  });

  it('serves the audit and exports findings as JSON and CSV, waived ones marked', async () => {
    const audit = auditReportSchema.parse((await get('/api/audit')).json());
    expect(audit.summary.waived).toBe(3);
    expect(audit.notes.map((n) => n.code)).toContain('expired-waiver');
    const json = await get('/api/findings.json');
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?runmap-findings-\d+T\d+Z\.json"?$/,
    );
    expect(auditReportSchema.parse(json.json()).findings).toHaveLength(audit.findings.length);
    const csv = await get('/api/findings.csv');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      'id,severity,rule,title,resource,resourceKind,project,location,message,evidence,gcloud,terraform,status,justification,owner,expires',
    );
    expect(csv.text).toContain(',waived,Called directly by the mobile app');
    expect(csv.text).toContain(
      ',waiver expired,"Legacy partner integration, to be removed.",platform@example.com,2020-01-31',
    );
  });

  it.each([
    ['/api/access/principals/alice%40example.com', 400, 'invalid_input'],
    ['/api/access/principals/allUsers?format=xml', 400, 'invalid_input'],
    ['/api/services/orders/invokers', 400, 'invalid_input'],
    [`/api/services/${seg(svc('nope'))}/invokers.csv`, 404, 'not_found'],
  ])('refuses %s with %i', async (route, status, code) => {
    const res = await get(route);
    expect(res.status).toBe(status);
    expect(apiErrorSchema.parse(res.json()).error.code).toBe(code);
  });
});
