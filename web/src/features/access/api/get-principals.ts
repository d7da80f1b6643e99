import { queryOptions, useQuery } from '@tanstack/react-query';
import { type PrincipalsResponse, principalsResponseSchema } from '../../../../../shared/access.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Every principal that holds an invoker grant or is a runtime identity, broad ones first. */
export function getPrincipals(signal?: AbortSignal): Promise<PrincipalsResponse> {
  return apiRequest('/api/access/principals', principalsResponseSchema, { signal });
}

/** The same list as a CSV download (member, kind, broad, grants, mayInvoke, runsAs). */
export const principalsCsvUrl = '/api/access/principals.csv';

export const principalsQueryOptions = () =>
  queryOptions({
    queryKey: ['access', 'principals'],
    queryFn: ({ signal }) => getPrincipals(signal),
    // Only a new snapshot changes it, and that invalidates every query.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function usePrincipals() {
  return useQuery(principalsQueryOptions());
}
