import { queryOptions, useQuery } from '@tanstack/react-query';
import { type AuditReport, auditReportSchema } from '../../../../../shared/audit.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The audit of the snapshot: every finding (waived ones included), notes, counts, the policy applied. */
export function getAudit(signal?: AbortSignal): Promise<AuditReport> {
  return apiRequest('/api/audit', auditReportSchema, { signal });
}

/** Downloads of every finding; the endpoints take no filter. */
export const findingsExportUrls = { csv: '/api/findings.csv', json: '/api/findings.json' } as const;

export const auditQueryOptions = () =>
  queryOptions({
    queryKey: ['audit'],
    queryFn: ({ signal }) => getAudit(signal),
    // Only a new snapshot changes it, and that invalidates every query.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useAudit() {
  return useQuery(auditQueryOptions());
}
