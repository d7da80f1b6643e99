import { z } from 'zod';
import { callFailureSchema } from './inventory.ts';
import {
  accessSchema,
  findingSchema,
  noteSchema,
  reachSchema,
  severityCountsSchema,
  verdictSchema,
} from './model.ts';

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
  /** Every finding, waived ones included (they carry `waiver`). */
  findings: z.array(findingSchema),
  /** Calls that failed or returned payloads runmap could not fully read (code INVALID_PAYLOAD). */
  failures: z.array(callFailureSchema),
  /** Expired or unused waivers, IAM roles runmap cannot interpret, and the like. */
  notes: z.array(noteSchema),
  /** The policy file applied, if any. */
  policy: z.string().nullable(),
  summary: z.object({
    services: z.number(),
    jobs: z.number(),
    /** All findings, waived included. */
    findings: z.number(),
    /** Findings not waived, by severity: what --fail-on looks at. */
    bySeverity: severityCountsSchema,
    /** Findings not waived, by project and severity. */
    byProject: z.record(z.string(), severityCountsSchema),
    waived: z.number(),
    byVerdict: z.record(verdictSchema, z.number()),
    failures: z.number(),
    notes: z.number(),
  }),
});
export type AuditReport = z.infer<typeof auditReportSchema>;
