import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TimeRange,
  type TracesResponse,
  tracesResponseSchema,
} from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** A service's recent traces from Cloud Trace, newest first. */
export function getTraces(name: string, range: TimeRange, signal?: AbortSignal): Promise<TracesResponse> {
  return apiRequest(`/api/services/${encodeURIComponent(name)}/traces?range=${range}`, tracesResponseSchema, {
    signal,
  });
}

export const tracesQueryOptions = (name: string, range: TimeRange) =>
  queryOptions({
    queryKey: ['traces', name, range],
    queryFn: ({ signal }) => getTraces(name, range, signal),
    staleTime: 30_000,
  });

export function useTraces(name: string | null, range: TimeRange) {
  return useQuery({ ...tracesQueryOptions(name ?? '', range), enabled: name !== null });
}
