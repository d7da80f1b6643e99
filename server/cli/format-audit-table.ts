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
        report.findings.map((f) => [
          f.waiver ? `${f.severity.toUpperCase()} (waived)` : f.severity.toUpperCase(),
          f.ruleId,
          f.resource,
          f.waiver
            ? `${f.message} — waived: ${f.waiver.justification} (owner ${f.waiver.owner}, until ${f.waiver.expires})`
            : f.expiredWaiver
              ? `${f.message} — waiver expired on ${f.expiredWaiver.expires}`
              : f.message,
        ]),
      ),
    );
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of report.notes)
      lines.push(`  ${n.level === 'warning' ? 'WARNING' : 'INFO'}  ${clean(n.message)}`);
  }
  if (report.failures.length > 0) {
    lines.push('', `${report.failures.length} call(s) failed; the audit is incomplete for:`);
    for (const f of report.failures)
      lines.push(clean(`  ${f.project}  ${f.call}  ${f.target ?? ''}  ${f.code}: ${f.message}`));
  }
  const counts = severities.map((s) => `${report.summary.bySeverity[s]} ${s}`).join(', ');
  const waived = report.summary.waived > 0 ? `; ${report.summary.waived} waived` : '';
  lines.push(
    '',
    `${report.summary.services} services, ${report.summary.jobs} jobs, ${report.summary.findings} findings (open: ${counts}${waived}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** Control characters in untrusted names would corrupt the terminal: show them escaped. */
function clean(s: string): string {
  return s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function table(header: string[], rows: string[][]): string {
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
