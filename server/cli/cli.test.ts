import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../shared/audit.ts';
import { packageRoot } from '../paths.ts';

// The CLI as a user runs it: a child process, real clients, the fake on loopback.
const run = promisify(execFile);
const root = packageRoot();
const tiny = path.join(root, 'server/fake-google/worlds/tiny.world.json');

async function runmap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runmapWith({}, ...args);
}

async function runmapWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('runmap audit', { timeout: 60_000 }, () => {
  it('prints the JSON audit of a world', async () => {
    const { code, stdout } = await runmap('audit', '--world', tiny, '--format', 'json');
    expect(code).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(stdout));
    const verdicts = Object.fromEntries(
      report.services.map((s) => [s.name.split('/').pop(), s.exposure.verdict]),
    );
    expect(verdicts).toEqual({
      storefront: 'public',
      'orders-api': 'overexposed',
      'fulfilment-worker': 'internal',
    });
    expect(report.findings.map((f) => `${f.ruleId} ${f.resource.split('/').pop()}`)).toContain(
      'CR-01 orders-api',
    );
    expect(report.failures).toEqual([]);
  });

  it('prints a table', async () => {
    const { code, stdout } = await runmap('audit', '--world', tiny, '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/SERVICE\s+REACH\s+ACCESS\s+VERDICT/);
    expect(stdout).toMatch(/orders-api\s+internet\s+unauthenticated\s+overexposed/);
  });

  it.each([
    [
      'a bad format',
      ['--world', tiny, '--format', 'xml'],
      /--format must be one of table, json, sarif, markdown/,
    ],
    ['a bad --fail-on', ['--world', tiny, '--fail-on', 'severe'], /--fail-on must be one of critical, high/],
    [
      'a missing policy file',
      ['--world', tiny, '--policy', '/nonexistent/p.yaml'],
      /cannot use policy \/nonexistent\/p\.yaml:1:1: cannot read/,
    ],
    ['an unknown flag', ['--world', tiny, '--colour'], /Unknown option '--colour'/],
    ['both sources', ['--world', tiny, '--project', 'shop-prod'], /either --world or --project/],
    ['a missing world file', ['--world', '/nonexistent/x.world.json'], /cannot use world .*ENOENT/],
  ])('exits 2 on %s', async (_what, args, message) => {
    const { code, stderr } = await runmap('audit', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a malformed world, naming the JSON path', async () => {
    const file = worldFile({
      projects: [
        {
          projectId: 'bad-world',
          locations: ['us-central1'],
          services: [
            { name: 'projects/bad-world/locations/us-central1/services/x', invokerIamDisabled: 'yes' },
          ],
        },
      ],
    });
    const { code, stderr } = await runmap('audit', '--world', file);
    expect(code).toBe(2);
    expect(stderr).toContain('projects[0].services[0].invokerIamDisabled: expected a boolean');
  });

  it('notes an unknown enum value by path and audits the rest', async () => {
    const service = (id: string, ingress: string) => ({
      name: `projects/odd-world/locations/us-central1/services/${id}`,
      ingress,
      template: { serviceAccount: `${id}@odd-world.iam.gserviceaccount.com`, containers: [{ image: 'img' }] },
    });
    const file = worldFile({
      projects: [
        {
          projectId: 'odd-world',
          locations: ['us-central1'],
          services: [service('future', 'INGRESS_TRAFFIC_EVERYWHERE'), service('open', 'INGRESS_TRAFFIC_ALL')],
          iamPolicies: {
            'projects/odd-world/locations/us-central1/services/open': {
              bindings: [{ role: 'roles/run.invoker', members: ['allUsers'] }],
            },
          },
        },
      ],
    });
    const { code, stdout } = await runmap('audit', '--world', file, '--format', 'json');
    expect(code).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(stdout));
    expect(report.failures).toContainEqual(
      expect.objectContaining({
        target: 'projects[0].services[0].ingress',
        message: expect.stringContaining('unknown enum value "INGRESS_TRAFFIC_EVERYWHERE"'),
      }),
    );
    // The odd service is still audited, on the safe side (unspecified ingress reads as all), and so is the rest.
    expect(report.services.map((s) => [s.name.split('/').pop(), s.exposure.reach])).toEqual([
      ['future', 'internet'],
      ['open', 'internet'],
    ]);
    expect(report.findings.map((f) => `${f.ruleId} ${f.resource.split('/').pop()}`)).toContain('CR-02 open');
  });
});

function worldFile(world: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'runmap-')), 'w.world.json');
  writeFileSync(file, JSON.stringify(world));
  return file;
}

function policyFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'runmap-')), 'p.yaml');
  writeFileSync(file, text);
  return file;
}

const waiveAll = `waivers:
  - rule: "*"
    resource: "**"
    justification: accepted for the test
    owner: test@example.com
    expires: 2099-01-01
`;

describe('runmap audit --fail-on and formats', { timeout: 60_000 }, () => {
  it.each<[string, string[], Record<string, string>, number]>([
    ['exits 1 when a finding is at or above the threshold', ['--fail-on', 'CRITICAL'], {}, 1],
    ['exits 0 when every finding is waived', ['--fail-on', 'info', '--policy', policyFile(waiveAll)], {}, 0],
    [
      'exits 0 when RUNMAP_POLICY waives every finding',
      ['--fail-on', 'info'],
      { RUNMAP_POLICY: policyFile(waiveAll) },
      0,
    ],
  ])('%s', async (_name, args, env, code) => {
    const result = await runmapWith(env, 'audit', '--world', tiny, '--format', 'json', ...args);
    expect(result.code).toBe(code);
    auditReportSchema.parse(JSON.parse(result.stdout));
  });

  it('exits 2 on a malformed policy, naming line, column and reason', async () => {
    const file = policyFile('publicServices: [a]\nwaviers: []\n');
    const { code, stderr } = await runmap('audit', '--world', tiny, '--policy', file, '--fail-on', 'high');
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot use policy ${file}:2:1: unknown key "waviers"`);
  });

  it('prints SARIF', async () => {
    const sarif = await runmap('audit', '--world', tiny, '--format', 'sarif');
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout)).toMatchObject({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'runmap' } } }],
    });
  });

  it('prints Markdown', async () => {
    const markdown = await runmap('audit', '--world', tiny, '--format', 'markdown');
    expect(markdown.stdout).toMatch(/^## runmap audit\n/);
    expect(markdown.stdout).toContain('| Severity | Open | Waived |');
  });
});
