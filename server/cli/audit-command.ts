import { parseArgs } from 'node:util';
import { collect } from '../collect/collect.ts';
import { parseConfig } from '../config.ts';
import { analyze } from '../core/analyze.ts';
import { auditReport } from '../core/audit-report.ts';
import { UsageError } from './cli-errors.ts';
import { formatAuditTable } from './format-audit-table.ts';
import { openSource } from './open-source.ts';

/** `runmap audit`: collect once, print the audit, and return the exit code. */
export async function auditCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      world: { type: 'string' },
      project: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
    },
    strict: true,
  });
  if (!['json', 'table'].includes(values.format ?? '')) {
    throw new UsageError(`--format must be json or table, got ${JSON.stringify(values.format)}`);
  }
  const config = parseConfig(process.env);
  const source = await openSource(values);
  try {
    const inventory = await collect({
      projects: source.projects,
      run: source.run,
      resourceManager: source.resourceManager,
      concurrency: config.RUNMAP_CONCURRENCY,
    });
    const report = auditReport(analyze(inventory));
    process.stdout.write(
      values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAuditTable(report),
    );
    return 0;
  } finally {
    await source.close();
  }
}
