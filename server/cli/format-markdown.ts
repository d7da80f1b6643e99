import type { AuditReport } from '../../shared/audit.ts';
import { type Finding, type Severity, severities } from '../../shared/model.ts';

/** Rows of findings shown before the comment says "and N more": keeps a PR comment under GitHub's limit. */
const MAX_ROWS = 200;

const ICON: Record<Severity, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

/**
 * Escapes untrusted text for one Markdown table cell: no HTML, no links or emphasis, no table breaks,
 * no @-mentions (a PR comment would notify whoever a service name or owner mentions).
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\`*_[\]|~>]/g, '\\$&')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('@', '&#64;')
    .replace(/\r?\n|\r/g, ' ');
}

const shortResource = (f: Finding) => f.resource.replace(/^projects\//, '').replace(/\/locations\//, '/');

/** `runmap audit --format markdown`: a pull-request comment with counts, findings, waivers and notes. */
export function formatMarkdown(report: AuditReport): string {
  const { summary } = report;
  const open = report.findings.filter((f) => !f.waiver);
  const waived = report.findings.filter((f) => f.waiver);
  const waivedBy = (s: Severity) => waived.filter((f) => f.severity === s).length;
  const lines = [
    '## runmap audit',
    '',
    `${summary.services} services and ${summary.jobs} jobs audited · snapshot ${markdownCell(report.snapshotAt)}${
      report.policy ? ` · policy ${markdownCell(report.policy)}` : ''
    }`,
    '',
    '| Severity | Open | Waived |',
    '| --- | ---: | ---: |',
    ...severities.map((s) => `| ${ICON[s]} ${s} | ${summary.bySeverity[s]} | ${waivedBy(s)} |`),
    '',
  ];
  if (open.length === 0) lines.push('No open findings.', '');
  else {
    lines.push('### Findings', '', '| Severity | Rule | Resource | Finding |', '| --- | --- | --- | --- |');
    for (const f of open.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${ICON[f.severity]} ${f.severity} | ${markdownCell(f.ruleId)} | ${markdownCell(shortResource(f))} | ${markdownCell(f.message)}${
          f.expiredWaiver ? ` _(waiver expired ${markdownCell(f.expiredWaiver.expires)})_` : ''
        } |`,
      );
    }
    if (open.length > MAX_ROWS)
      lines.push('', `… and ${open.length - MAX_ROWS} more; run \`runmap audit\` for all.`);
    lines.push('');
  }
  if (waived.length > 0) {
    lines.push(
      '<details><summary>Waived findings</summary>',
      '',
      '| Severity | Rule | Resource | Justification | Owner | Expires |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const f of waived.slice(0, MAX_ROWS)) {
      const w = f.waiver;
      if (!w) continue;
      lines.push(
        `| ${f.severity} | ${markdownCell(f.ruleId)} | ${markdownCell(shortResource(f))} | ${markdownCell(w.justification)} | ${markdownCell(w.owner)} | ${markdownCell(w.expires)} |`,
      );
    }
    lines.push('', '</details>', '');
  }
  if (report.notes.length > 0) {
    lines.push('### Notes', '');
    for (const n of report.notes)
      lines.push(`- ${n.level === 'warning' ? '⚠️' : 'ℹ️'} ${markdownCell(n.message)}`);
    lines.push('');
  }
  if (report.failures.length > 0) {
    lines.push('### Incomplete: calls that failed', '');
    for (const f of report.failures) {
      lines.push(
        `- ${markdownCell(f.project)} ${markdownCell(f.call)}${f.target ? ` ${markdownCell(f.target)}` : ''}: ${markdownCell(f.code)} ${markdownCell(f.message)}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
