import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/** When a new snapshot lands, everything derived from the old one (graph, findings, details) is refetched. */
export function useSnapshotSync(snapshotAt: string | null | undefined): void {
  const queryClient = useQueryClient();
  const previous = useRef(snapshotAt);
  useEffect(() => {
    if (previous.current === snapshotAt) return;
    const hadStatus = previous.current !== undefined;
    previous.current = snapshotAt;
    if (hadStatus && snapshotAt)
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'status' });
  }, [snapshotAt, queryClient]);
}
