import { describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../shared/audit.ts';
import { analyze } from './analyze.ts';
import { auditReport } from './audit-report.ts';
import { aBinding, aJob, anInventory, aPolicy, aService } from './testing/builders.ts';

describe('auditReport', () => {
  it('reports services with exposure, jobs, findings and a summary that satisfies the shared schema', () => {
    const inventory = {
      ...anInventory({
        workloads: [
          aService({
            shortName: 'open',
            ingress: 'INGRESS_TRAFFIC_ALL',
            iamPolicy: aPolicy(aBinding('roles/run.invoker', 'allUsers')),
          }),
          aService({ shortName: 'quiet' }),
          aJob(),
        ],
      }),
      failures: [{ project: 'p2', call: 'run.services.list', code: 'PERMISSION_DENIED', message: 'denied' }],
    };
    const report = auditReportSchema.parse(auditReport(analyze(inventory)));
    expect(report.services).toEqual([
      {
        name: 'projects/p1/locations/europe-west1/services/open',
        exposure: { reach: 'internet', access: 'unauthenticated', verdict: 'overexposed' },
      },
      {
        name: 'projects/p1/locations/europe-west1/services/quiet',
        exposure: { reach: 'internal', access: 'iam', verdict: 'internal' },
      },
    ]);
    expect(report.jobs).toEqual([{ name: 'projects/p1/locations/europe-west1/jobs/job' }]);
    expect(report.summary).toEqual({
      services: 2,
      jobs: 1,
      findings: 2,
      bySeverity: { critical: 1, high: 0, medium: 1, low: 0, info: 0 },
      byProject: { p1: { critical: 1, high: 0, medium: 1, low: 0, info: 0 } },
      waived: 0,
      byVerdict: { overexposed: 1, public: 0, reachable: 0, internal: 1, closed: 0 },
      failures: 1,
      notes: 0,
    });
    expect(report.snapshotAt).toBe(inventory.collectedAt);
  });
});
