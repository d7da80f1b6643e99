import { queryOptions, useQuery } from '@tanstack/react-query';
import { type FindingsResponse, findingsResponseSchema } from '../../../../../shared/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function getFindings(signal?: AbortSignal): Promise<FindingsResponse> {
  return apiRequest('/api/findings', findingsResponseSchema, { signal });
}

export const findingsQueryOptions = () =>
  queryOptions({
    queryKey: ['findings'],
    queryFn: ({ signal }) => getFindings(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useFindings() {
  return useQuery(findingsQueryOptions());
}
