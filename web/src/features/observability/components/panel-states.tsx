import type { PartialFailure } from '../../../../../shared/observability.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { errorMessage, errorTitle } from '../../../lib/api-client.ts';

const sourceLabel: Record<PartialFailure['source'], string> = {
  logging: 'Cloud Logging',
  monitoring: 'Cloud Monitoring',
  trace: 'Cloud Trace',
};

/** Grey blocks the shape of what is coming, so the panel does not jump when data lands. */
export function PanelSkeleton({
  label,
  blocks = 3,
  height = 120,
}: {
  label: string;
  blocks?: number;
  height?: number;
}) {
  return (
    <div className="obs-skeleton" role="status" aria-label={label}>
      {Array.from({ length: blocks }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders.
        <div key={index} className="obs-skeleton__block" style={{ height }} />
      ))}
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

/** This panel's API failed: said here, with a retry; the map and the other tabs are unaffected. */
export function PanelError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="inline-error obs-error" role="alert">
      <strong>
        Could not load {what}: {errorTitle(error).replace(/^The runmap API /, 'the runmap API ')}
      </strong>
      <p>
        <SafeText text={errorMessage(error)} max={400} />
      </p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** Parts of the answer that Google's APIs could not give: the rest is shown, with this said. */
export function PartialFailures({ failures, what }: { failures: readonly PartialFailure[]; what: string }) {
  if (failures.length === 0) return null;
  return (
    <div className="note note--warning obs-failures" role="status">
      <strong>{what} may be incomplete.</strong>
      <ul>
        {failures.map((failure) => (
          <li key={`${failure.source}|${failure.code}|${failure.message}`}>
            {sourceLabel[failure.source]} failed ({failure.code}):{' '}
            <SafeText text={failure.message} max={300} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export { sourceLabel };
