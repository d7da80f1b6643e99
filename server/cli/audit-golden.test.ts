import { execFile } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditReport, auditReportSchema } from '../../shared/audit.ts';
import { collect } from '../collect/collect.ts';
import { analyze } from '../core/analyze.ts';
import { auditReport } from '../core/audit-report.ts';
import { rules } from '../core/rules/index.ts';
import { packageRoot } from '../paths.ts';
import { parsePolicy } from '../policy/parse-policy.ts';
import { worldSource } from '../sources.ts';
import { formatSarif } from './format-sarif.ts';

/**
 * Golden files: the JSON audit of every bundled world (server/fake-google/worlds/*.world.json), with
 * golden/<world>.policy.yaml applied when it exists, and the snapshot time normalized.
 * After an intended change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run server/cli/audit-golden`
 * and review the diff like code.
 */
const root = packageRoot();
const worldsDir = path.join(root, 'server/fake-google/worlds');
const goldenDir = path.join(root, 'server/cli/golden');
const worlds = readdirSync(worldsDir)
  .filter((f) => f.endsWith('.world.json'))
  .map((f) => f.replace(/\.world\.json$/, ''))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';
const reports = new Map<string, AuditReport>();

async function auditWorld(world: string): Promise<AuditReport> {
  const policyFile = path.join('server/cli/golden', `${world}.policy.yaml`);
  const policy = existsSync(path.join(root, policyFile))
    ? parsePolicy(readFileSync(path.join(root, policyFile), 'utf8'), policyFile)
    : undefined;
  const source = await worldSource(path.join(worldsDir, `${world}.world.json`));
  try {
    return auditReport(analyze(await collect({ ...source }), policy));
  } finally {
    await source.close();
  }
}

beforeAll(async () => {
  for (const world of worlds) reports.set(world, await auditWorld(world));
}, 120_000);

describe('golden audits', () => {
  it.each(worlds)('matches the golden audit of %s', (world) => {
    const report = auditReportSchema.parse(reports.get(world));
    const text = `${JSON.stringify({ ...report, snapshotAt: '<snapshotAt>' }, null, 2)}\n`;
    const file = path.join(goldenDir, `${world}.audit.json`);
    if (update) writeFileSync(file, text);
    if (!existsSync(file))
      throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run server/cli/audit-golden`);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});

const run = promisify(execFile);
const multitool = path.join(root, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

describe('SARIF', () => {
  beforeAll(() => {
    // npm install skips the package's postinstall, which sets the run bit.
    try {
      chmodSync(multitool, 0o755);
      accessSync(multitool, constants.X_OK);
    } catch (error) {
      throw new Error(
        `the SARIF multitool cannot run (${multitool}): ${(error as Error).message}. Install devDependencies (@microsoft/sarif-multitool) on linux.`,
      );
    }
  });

  it.each(worlds)(
    'passes the SARIF multitool validator with no error for %s',
    async (world) => {
      const report = reports.get(world) as AuditReport;
      const dir = mkdtempSync(path.join(tmpdir(), 'runmap-sarif-'));
      const input = path.join(dir, `${world}.sarif`);
      const output = path.join(dir, `${world}.validation.sarif`);
      writeFileSync(input, formatSarif(report, rules, '0.1.0'));
      try {
        await run(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], {
          env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
        });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string; message: string };
        throw new Error(`the SARIF multitool failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      }
      const validation = JSON.parse(readFileSync(output, 'utf8')) as {
        runs: { results?: { level?: string; ruleId?: string; message?: { text?: string } }[] }[];
      };
      const errors = (validation.runs[0]?.results ?? []).filter((r) => r.level === 'error');
      expect(errors.map((r) => `${r.ruleId}: ${r.message?.text ?? ''}`)).toEqual([]);

      const sarif = JSON.parse(readFileSync(input, 'utf8'));
      const results = sarif.runs[0].results as { ruleId: string; suppressions?: unknown[] }[];
      expect(results).toHaveLength(report.findings.length);
      expect(results.filter((r) => r.suppressions).length).toBe(report.summary.waived);
      expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
        rules.map((r) => r.id),
      );
    },
    60_000,
  );
});
