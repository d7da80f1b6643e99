import type { Status } from '../../../../../shared/api.ts';
import { CenteredCard } from '../../../components/states.tsx';
import { describeProgress, progressPercent } from '../utils/progress.ts';
import { RefreshButton } from './refresh-button.tsx';

/** Before the first snapshot: the collection's progress, or why there is none. */
export function CollectingCard({ status }: { status: Status }) {
  if (status.collecting) {
    const percent = progressPercent(status.progress);
    return (
      <CenteredCard label="First collection">
        <h2 className="state-card__title">Reading your Cloud Run estate</h2>
        <p className="muted">{status.source}</p>
        <p>{describeProgress(status.progress)}</p>
        <progress className="progress--large" max={100} value={percent} aria-label="Collection progress" />
        <p className="muted small">{percent}% · the map appears as soon as the first snapshot is complete.</p>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard label="No snapshot" tone={status.lastError ? 'error' : 'neutral'}>
      <h2 className="state-card__title">
        {status.lastError ? 'The first collection failed' : 'No snapshot yet'}
      </h2>
      <p>{status.lastError ?? `Nothing has been collected from ${status.source} yet.`}</p>
      <RefreshButton collecting={false} />
    </CenteredCard>
  );
}
