import type { CallFailure } from '../../../../../shared/inventory.ts';

/** Failed API calls of a snapshot: project, call, target, gRPC code and message. */
export function FailureList({ failures }: { failures: readonly CallFailure[] }) {
  return (
    <ul className="failure-list" aria-label="Failed calls">
      {failures.map((failure, index) => (
        // Failures carry no id; the index keeps duplicates (same call retried) apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole.
        <li key={index} className="failure">
          <span className="failure__code chip chip--danger">{failure.code}</span>
          <span className="failure__call mono">{failure.call}</span>
          <span className="failure__where">
            {failure.project}
            {failure.target ? ` · ${failure.target}` : ''}
          </span>
          <span className="failure__message">{failure.message}</span>
        </li>
      ))}
    </ul>
  );
}
