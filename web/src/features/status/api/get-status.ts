import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Status, statusSchema } from '../../../../../shared/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function getStatus(signal?: AbortSignal): Promise<Status> {
  return apiRequest('/api/status', statusSchema, { signal });
}

/** Poll every second while a collection runs (progress), else every 15 s to notice new snapshots. */
export function statusPollInterval(status: Status | undefined): number {
  return status?.collecting ? 1_000 : 15_000;
}

export const statusQueryOptions = () =>
  queryOptions({
    queryKey: ['status'],
    queryFn: ({ signal }) => getStatus(signal),
    refetchInterval: (query) => statusPollInterval(query.state.data),
    refetchIntervalInBackground: false,
  });

export function useStatus() {
  return useQuery(statusQueryOptions());
}
