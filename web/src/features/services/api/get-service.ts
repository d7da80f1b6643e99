import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ServiceDetail, serviceDetailSchema } from '../../../../../shared/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Details of one service or job, by full resource name (sent as one encoded path segment). */
export function getService(name: string, signal?: AbortSignal): Promise<ServiceDetail> {
  return apiRequest(`/api/services/${encodeURIComponent(name)}`, serviceDetailSchema, { signal });
}

export const serviceQueryOptions = (name: string) =>
  queryOptions({
    queryKey: ['service', name],
    queryFn: ({ signal }) => getService(name, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useService(name: string) {
  return useQuery(serviceQueryOptions(name));
}
