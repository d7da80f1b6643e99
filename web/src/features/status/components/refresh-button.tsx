import { errorMessage } from '../../../lib/api-client.ts';
import { useRefresh } from '../api/refresh.ts';

/** Starts a new collection. While one runs the button says so and stays disabled. */
export function RefreshButton({ collecting }: { collecting: boolean }) {
  const refresh = useRefresh();
  const busy = collecting || refresh.isPending;
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => refresh.mutate()}
        disabled={busy}
        title={
          refresh.isError ? `Refresh failed: ${errorMessage(refresh.error)}` : 'Collect a new snapshot now'
        }
      >
        {busy ? 'Collecting…' : 'Refresh'}
      </button>
      {refresh.isError ? (
        <span className="text-danger small" role="alert">
          Refresh failed
        </span>
      ) : null}
    </>
  );
}
