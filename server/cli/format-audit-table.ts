import type { AuditReport } from '../../shared/audit.ts';
import { severities } from '../../shared/model.ts';

/** `runmap audit --format table`: the services with their exposure, then the findings, for a terminal. */
export function formatAuditTable(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`runmap audit — snapshot ${report.snapshotAt}`, '');
  lines.push(
    table(
      ['SERVICE', 'REACH', 'ACCESS', 'VERDICT'],
      report.services.map((s) => [s.name, s.exposure.reach, s.exposure.access, s.exposure.verdict]),
    ),
  );
  if (report.jobs.length > 0)
    lines.push(
      '',
      table(
        ['JOB'],
        report.jobs.map((j) => [j.name]),
      ),
    );
  lines.push('');
  if (report.findings.length === 0) lines.push('No findings.');
  else {
    lines.push(
      table(
        ['SEVERITY', 'RULE', 'RESOURCE', 'FINDING'],
        report.findings.map((f) => [f.severity.toUpperCase(), f.ruleId, f.resource, f.message]),
      ),
    );
  }
  if (report.failures.length > 0) {
    lines.push('', `${report.failures.length} call(s) failed; the audit is incomplete for:`);
    for (const f of report.failures)
      lines.push(`  ${f.project}  ${f.call}  ${f.target ?? ''}  ${f.code}: ${f.message}`);
  }
  const counts = severities.map((s) => `${report.summary.bySeverity[s]} ${s}`).join(', ');
  lines.push(
    '',
    `${report.summary.services} services, ${report.summary.jobs} jobs, ${report.summary.findings} findings (${counts}).`,
  );
  return `${lines.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string {
  // Control characters in untrusted names would corrupt the terminal: show them escaped.
  const clean = (s: string) =>
    s.replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
      /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  const all = [header, ...rows.map((r) => r.map(clean))];
  const widths = header.map((_, i) => Math.min(80, Math.max(...all.map((r) => (r[i] ?? '').length))));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
