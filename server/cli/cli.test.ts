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
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('runmap audit', () => {
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
    ['a bad format', ['--world', tiny, '--format', 'xml'], /--format must be json or table/],
    ['an unknown flag', ['--world', tiny, '--colour'], /Unknown option '--colour'/],
    ['both sources', ['--world', tiny, '--project', 'shop-prod'], /either --world or --project/],
    ['a missing world file', ['--world', '/nonexistent/x.world.json'], /cannot use world .*ENOENT/],
  ])('exits 2 on %s', async (_what, args, message) => {
    const { code, stderr } = await runmap('audit', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a malformed world, naming the JSON path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'runmap-'));
    const file = path.join(dir, 'bad.world.json');
    writeFileSync(
      file,
      JSON.stringify({
        projects: [
          {
            projectId: 'bad-world',
            locations: ['us-central1'],
            services: [
              { name: 'projects/bad-world/locations/us-central1/services/x', ingress: 'EVERYWHERE' },
            ],
          },
        ],
      }),
    );
    const { code, stderr } = await runmap('audit', '--world', file);
    expect(code).toBe(2);
    expect(stderr).toContain('projects[0].services[0].ingress: unknown enum value "EVERYWHERE"');
  });
});
