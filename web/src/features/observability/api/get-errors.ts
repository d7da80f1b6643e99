import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type ErrorsResponse,
  errorsResponseSchema,
  type TimeRange,
} from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** A service's recent errors, grouped by normalized message, from Cloud Logging. */
export function getErrors(name: string, range: TimeRange, signal?: AbortSignal): Promise<ErrorsResponse> {
  return apiRequest(`/api/services/${encodeURIComponent(name)}/errors?range=${range}`, errorsResponseSchema, {
    signal,
  });
}

export const errorsQueryOptions = (name: string, range: TimeRange) =>
  queryOptions({
    queryKey: ['errors', name, range],
    queryFn: ({ signal }) => getErrors(name, range, signal),
    staleTime: 30_000,
  });

export function useErrors(name: string | null, range: TimeRange) {
  return useQuery({ ...errorsQueryOptions(name ?? '', range), enabled: name !== null });
}
