import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiRequestError } from '../lib/api-client.ts';

/** Retry only what may heal by itself: an unreachable server or a 5xx. A bad response or a 4xx will not. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2 || !(error instanceof ApiRequestError)) return false;
  if (error.kind === 'unreachable') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500 && error.code !== 'snapshot_pending';
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: shouldRetry, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
