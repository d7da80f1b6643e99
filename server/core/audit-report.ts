import type { AuditReport } from '../../shared/audit.ts';
import { type SeverityCounts, type Verdict, verdictSchema } from '../../shared/model.ts';
import type { Analysis } from './analyze.ts';

const zeroCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

/** The `runmap audit --format json` report of an analysis (SPEC §10). */
export function auditReport(analysis: Analysis): AuditReport {
  const { inventory, exposures, findings, notes } = analysis;
  const services = inventory.workloads.flatMap((w) => {
    const exposure = exposures.get(w.name);
    if (w.kind !== 'service' || !exposure) return [];
    const { reach, access, verdict } = exposure;
    return [{ name: w.name, exposure: { reach, access, verdict } }];
  });
  const jobs = inventory.workloads.filter((w) => w.kind === 'job').map((w) => ({ name: w.name }));

  const bySeverity = zeroCounts();
  const byProject: Record<string, SeverityCounts> = {};
  for (const project of inventory.projects) byProject[project.projectId] = zeroCounts();
  let waived = 0;
  for (const finding of findings) {
    if (finding.waiver) {
      waived += 1;
      continue;
    }
    bySeverity[finding.severity] += 1;
    byProject[finding.project] ??= zeroCounts();
    (byProject[finding.project] as SeverityCounts)[finding.severity] += 1;
  }
  const byVerdict = Object.fromEntries(verdictSchema.options.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const service of services) byVerdict[service.exposure.verdict] += 1;

  return {
    snapshotAt: inventory.collectedAt,
    services,
    jobs,
    findings,
    failures: inventory.failures,
    notes,
    policy: analysis.policy.source ?? null,
    summary: {
      services: services.length,
      jobs: jobs.length,
      findings: findings.length,
      bySeverity,
      byProject,
      waived,
      byVerdict,
      failures: inventory.failures.length,
      notes: notes.length,
    },
  };
}
