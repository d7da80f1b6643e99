import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TimeRange,
  type TrafficResponse,
  trafficResponseSchema,
} from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Observed edges and per-node traffic over the window, for the map's overlay. */
export function getTraffic(range: TimeRange, signal?: AbortSignal): Promise<TrafficResponse> {
  return apiRequest(`/api/traffic?range=${range}`, trafficResponseSchema, { signal });
}

export const trafficQueryOptions = (range: TimeRange) =>
  queryOptions({
    queryKey: ['traffic', range],
    queryFn: ({ signal }) => getTraffic(range, signal),
    staleTime: 30_000,
    // Live traffic: kept fresh while the map is open.
    refetchInterval: 60_000,
  });

/** The map keeps the previous window's traffic on screen while another window loads. */
export function useTraffic(range: TimeRange) {
  return useQuery({ ...trafficQueryOptions(range), placeholderData: keepPreviousData });
}
