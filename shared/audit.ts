import { z } from 'zod';
import { callFailureSchema } from './inventory.ts';
import { accessSchema, findingSchema, reachSchema, severityCountsSchema, verdictSchema } from './model.ts';

/** `runmap audit --format json` (SPEC §10). */
export const auditReportSchema = z.object({
  snapshotAt: z.string(),
  services: z.array(
    z.object({
      name: z.string(),
      exposure: z.object({ reach: reachSchema, access: accessSchema, verdict: verdictSchema }),
    }),
  ),
  jobs: z.array(z.object({ name: z.string() })),
  findings: z.array(findingSchema),
  failures: z.array(callFailureSchema),
  summary: z.object({
    services: z.number(),
    jobs: z.number(),
    findings: z.number(),
    bySeverity: severityCountsSchema,
    byVerdict: z.record(verdictSchema, z.number()),
    failures: z.number(),
  }),
});
export type AuditReport = z.infer<typeof auditReportSchema>;
