import type { Status } from '../../../../../shared/api.ts';
import { formatAbsolute, formatRelative } from '../../../lib/format-time.ts';
import { useNow } from '../../../lib/use-now.ts';
import { describeProgress, progressPercent } from '../utils/progress.ts';

/** The snapshot shown (absolute and relative time) and, while collecting, the progress. */
export function StatusIndicator({ status, stale }: { status: Status | undefined; stale: string | null }) {
  const now = useNow(status?.collecting ? 5_000 : 30_000);
  return (
    <div className="status" role="status" aria-label="Snapshot status">
      {status?.snapshotAt ? (
        <span className="status__snapshot" title={`Source: ${status.source}`}>
          <span className="muted">Snapshot </span>
          <time dateTime={status.snapshotAt}>{formatAbsolute(status.snapshotAt)}</time>
          <span className="muted"> · {formatRelative(status.snapshotAt, now)}</span>
        </span>
      ) : status ? (
        <span className="muted">No snapshot yet</span>
      ) : null}
      {status?.collecting ? (
        <span className="status__progress">
          <span>{describeProgress(status.progress)}</span>
          <progress max={100} value={progressPercent(status.progress)} aria-label="Collection progress" />
        </span>
      ) : null}
      {stale ? <span className="status__stale text-danger">Status unavailable: {stale}</span> : null}
    </div>
  );
}
