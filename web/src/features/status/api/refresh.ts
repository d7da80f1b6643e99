import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Status, statusSchema } from '../../../../../shared/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { statusQueryOptions } from './get-status.ts';

/** Starts a new collection (or joins the one running); answers with the status. */
export function postRefresh(): Promise<Status> {
  return apiRequest('/api/refresh', statusSchema, { method: 'POST' });
}

export function useRefresh() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postRefresh,
    onSuccess: (status) => queryClient.setQueryData(statusQueryOptions().queryKey, status),
  });
}
