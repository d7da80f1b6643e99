import { queryOptions, useQuery } from '@tanstack/react-query';
import { type PrincipalAccess, principalAccessSchema } from '../../../../../shared/access.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const path = (member: string) => `/api/access/principals/${encodeURIComponent(member)}`;

/** What one IAM member may invoke and what runs as it. */
export function getPrincipalAccess(member: string, signal?: AbortSignal): Promise<PrincipalAccess> {
  return apiRequest(path(member), principalAccessSchema, { signal });
}

/** What the member may invoke, as a CSV download. */
export const principalAccessCsvUrl = (member: string): string => `${path(member)}?format=csv`;

export const principalAccessQueryOptions = (member: string) =>
  queryOptions({
    queryKey: ['access', 'principal', member],
    queryFn: ({ signal }) => getPrincipalAccess(member, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Disabled while `member` is null (no principal picked). */
export function usePrincipalAccess(member: string | null) {
  return useQuery({ ...principalAccessQueryOptions(member ?? ''), enabled: member !== null });
}
