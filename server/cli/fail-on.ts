import type { AuditReport } from '../../shared/audit.ts';
import { type Severity, severities } from '../../shared/model.ts';

/** Findings not waived at or above `threshold`: what makes `--fail-on` exit 1. */
export function findingsAtOrAbove(report: AuditReport, threshold: Severity): number {
  const limit = severities.indexOf(threshold);
  return report.findings.filter((f) => !f.waiver && severities.indexOf(f.severity) <= limit).length;
}
