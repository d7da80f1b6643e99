import type { CallFailure } from '../../../../../shared/inventory.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { displayText } from '../../../lib/display-text.ts';

/** Failed API calls of a snapshot: project, call, target, gRPC code and message. */
export function FailureList({ failures }: { failures: readonly CallFailure[] }) {
  return (
    <ul className="failure-list" aria-label="Failed calls">
      {failures.map((failure, index) => (
        // Failures carry no id; the index keeps duplicates (same call retried) apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole.
        <li key={index} className="failure">
          <span className="failure__code chip chip--danger">{failure.code}</span>
          <span className="failure__call mono">{displayText(failure.call)}</span>
          <span className="failure__where">
            <SafeText text={failure.project} max={80} />
            {failure.target ? (
              <>
                {' · '}
                <SafeText text={failure.target} max={200} />
              </>
            ) : null}
          </span>
          <span className="failure__message">
            <SafeText text={failure.message} max={600} />
          </span>
        </li>
      ))}
    </ul>
  );
}
