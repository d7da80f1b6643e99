import { queryOptions, useQuery } from '@tanstack/react-query';
import { type GraphResponse, graphResponseSchema } from '../../../../../shared/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function getGraph(signal?: AbortSignal): Promise<GraphResponse> {
  return apiRequest('/api/graph', graphResponseSchema, { signal });
}

export const graphQueryOptions = () =>
  queryOptions({
    queryKey: ['graph'],
    queryFn: ({ signal }) => getGraph(signal),
    // A graph only changes with a new snapshot, which invalidates this query.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useGraph(options: { enabled?: boolean } = {}) {
  return useQuery({ ...graphQueryOptions(), enabled: options.enabled ?? true });
}
