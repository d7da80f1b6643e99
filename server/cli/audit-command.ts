import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditReport } from '../../shared/audit.ts';
import { type Severity, severitySchema } from '../../shared/model.ts';
import { collect } from '../collect/collect.ts';
import { parseConfig } from '../config.ts';
import { analyze } from '../core/analyze.ts';
import { auditReport } from '../core/audit-report.ts';
import { rules } from '../core/rules/index.ts';
import { packageRoot } from '../paths.ts';
import { UsageError } from './cli-errors.ts';
import { findingsAtOrAbove } from './fail-on.ts';
import { formatAuditTable } from './format-audit-table.ts';
import { formatMarkdown } from './format-markdown.ts';
import { formatSarif } from './format-sarif.ts';
import { loadPolicyOption } from './load-policy-option.ts';
import { openSource } from './open-source.ts';

const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

function render(report: AuditReport, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return formatSarif(report, rules, toolVersion());
    case 'markdown':
      return formatMarkdown(report);
    case 'table':
      return formatAuditTable(report);
  }
}

/**
 * `runmap audit`: collect once, print the audit, and return the exit code: 0 when no finding (waived
 * ones aside) is at or above --fail-on, 1 when one is. Usage and input errors throw (exit 2).
 */
export async function auditCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      world: { type: 'string' },
      project: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
      policy: { type: 'string' },
      'fail-on': { type: 'string' },
    },
    strict: true,
  });
  const format = FORMATS.find((f) => f === values.format);
  if (!format) {
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`,
    );
  }
  let failOn: Severity | undefined;
  if (values['fail-on'] !== undefined) {
    const parsed = severitySchema.safeParse(values['fail-on'].toLowerCase());
    if (!parsed.success) {
      throw new UsageError(
        `--fail-on must be one of ${severitySchema.options.join(', ')}, got ${JSON.stringify(values['fail-on'])}`,
      );
    }
    failOn = parsed.data;
  }
  const config = parseConfig(process.env);
  const policy = await loadPolicyOption(values.policy ?? config.RUNMAP_POLICY);
  const source = await openSource(values);
  try {
    const inventory = await collect({ ...source, concurrency: config.RUNMAP_CONCURRENCY });
    const report = auditReport(analyze(inventory, policy));
    process.stdout.write(render(report, format));
    return failOn && findingsAtOrAbove(report, failOn) > 0 ? 1 : 0;
  } finally {
    await source.close();
  }
}
