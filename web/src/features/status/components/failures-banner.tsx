import { useState } from 'react';
import type { Status } from '../../../../../shared/api.ts';
import { FailureList } from './failure-list.tsx';

/** Partial failures of the shown snapshot, and a collection that failed as a whole. */
export function FailuresBanner({ status }: { status: Status }) {
  const [open, setOpen] = useState(false);
  const count = status.failures.length;
  if (count === 0 && !status.lastError) return null;
  return (
    <div className="banners">
      {status.lastError ? (
        <div className="banner banner--error" role="alert">
          <strong>The last collection failed:</strong> {status.lastError}
          {status.snapshotAt ? ' The previous snapshot stays shown.' : ''}
        </div>
      ) : null}
      {count > 0 ? (
        <div className="banner banner--warning">
          <button
            type="button"
            className="banner__toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {count} call{count === 1 ? '' : 's'} failed
            <span className="muted"> — the map may be incomplete for the projects and regions below</span>
          </button>
          {open ? <FailureList failures={status.failures} /> : null}
        </div>
      ) : null}
    </div>
  );
}
