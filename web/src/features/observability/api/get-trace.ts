import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TraceResponse, traceResponseSchema } from '../../../../../shared/observability.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { TraceRef } from '../utils/url-state.ts';

/** One trace as a waterfall across services, with the path it took through the estate. */
export function getTrace(ref: TraceRef, signal?: AbortSignal): Promise<TraceResponse> {
  const path = `/api/traces/${encodeURIComponent(ref.project)}/${encodeURIComponent(ref.traceId)}`;
  return apiRequest(path, traceResponseSchema, { signal });
}

export const traceQueryOptions = (ref: TraceRef) =>
  queryOptions({
    queryKey: ['trace', ref.project, ref.traceId],
    queryFn: ({ signal }) => getTrace(ref, signal),
    // A trace, once written, does not change.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useTrace(ref: TraceRef | null) {
  return useQuery({
    ...traceQueryOptions(ref ?? { project: '', traceId: '' }),
    enabled: ref !== null,
  });
}
