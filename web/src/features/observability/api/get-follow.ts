import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type FollowResponse,
  followResponseSchema,
  type TimeRange,
} from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** From a failing service down its observed calls to where the errors originate. */
export function getFollow(name: string, range: TimeRange, signal?: AbortSignal): Promise<FollowResponse> {
  return apiRequest(`/api/services/${encodeURIComponent(name)}/follow?range=${range}`, followResponseSchema, {
    signal,
  });
}

export const followQueryOptions = (name: string, range: TimeRange) =>
  queryOptions({
    queryKey: ['follow', name, range],
    queryFn: ({ signal }) => getFollow(name, range, signal),
    staleTime: 30_000,
  });

export function useFollow(name: string | null, range: TimeRange) {
  return useQuery({ ...followQueryOptions(name ?? '', range), enabled: name !== null });
}
