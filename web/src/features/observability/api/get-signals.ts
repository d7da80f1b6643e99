import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type SignalsResponse,
  signalsResponseSchema,
  type TimeRange,
} from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** A service's golden signals over the window, aggregated by Cloud Monitoring. */
export function getSignals(name: string, range: TimeRange, signal?: AbortSignal): Promise<SignalsResponse> {
  return apiRequest(
    `/api/services/${encodeURIComponent(name)}/signals?range=${range}`,
    signalsResponseSchema,
    { signal },
  );
}

export const signalsQueryOptions = (name: string, range: TimeRange) =>
  queryOptions({
    queryKey: ['signals', name, range],
    queryFn: ({ signal }) => getSignals(name, range, signal),
    staleTime: 30_000,
  });

export function useSignals(name: string | null, range: TimeRange) {
  return useQuery({ ...signalsQueryOptions(name ?? '', range), enabled: name !== null });
}
