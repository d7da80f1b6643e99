import type { Status } from '../../../../../shared/api.ts';
import { CenteredCard } from '../../../components/states.tsx';
import { FailureList } from './failure-list.tsx';

/** The empty state: which projects were read, and the calls that failed while reading them. */
export function NoServices({ status }: { status: Status }) {
  return (
    <CenteredCard label="No services found">
      <h2 className="state-card__title">No Cloud Run services or jobs found</h2>
      <p>
        Read{' '}
        {status.projects.length === 0 ? 'no projects' : `project${status.projects.length === 1 ? '' : 's'}`}{' '}
        {status.projects.length > 0 ? <strong>{status.projects.join(', ')}</strong> : null} ({status.source}).
      </p>
      {status.failures.length > 0 ? (
        <>
          <p>
            {status.failures.length} call{status.failures.length === 1 ? '' : 's'} failed, which may be why:
          </p>
          <FailureList failures={status.failures} />
        </>
      ) : (
        <p className="muted">
          No call failed: these projects hold no Cloud Run services or jobs in their regions.
        </p>
      )}
    </CenteredCard>
  );
}
