import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Session, sessionSchema } from '../../../../../shared/session.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiRequest('/api/session', sessionSchema, { signal });
}

/** Who is signed in does not change while the page lives: fetched once. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
