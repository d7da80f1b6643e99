import type { ConsoleLinks, ErrorGroup, TimeRange } from '../../../../../shared/observability.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { formatAbsolute, formatRelative } from '../../../lib/format-time.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useErrors } from '../api/get-errors.ts';
import { rangeLabels, type TraceRef } from '../utils/url-state.ts';
import { ConsoleLinkBar } from './console-links.tsx';
import { PanelError, PanelSkeleton, PartialFailures } from './panel-states.tsx';
import './observability.css';

/** Recent errors grouped by normalized message, the biggest group first; each may open a sample trace. */
export function ErrorsPanel({
  name,
  range,
  links,
  onOpenTrace,
}: {
  name: string;
  range: TimeRange;
  links: ConsoleLinks | null;
  onOpenTrace: (ref: TraceRef) => void;
}) {
  const errors = useErrors(name, range);
  const now = useNow();
  const groups = errors.data ? [...errors.data.groups].sort((a, b) => b.count - a.count) : [];
  return (
    <div className="obs-panel" data-testid="errors-panel">
      {errors.isPending ? (
        <PanelSkeleton label="Loading errors…" blocks={3} height={92} />
      ) : errors.isError ? (
        <PanelError what="the errors" error={errors.error} onRetry={() => void errors.refetch()} />
      ) : (
        <>
          <p className="obs-panel__lede">
            {groups.length === 0
              ? `No errors logged over ${rangeLabels[range].long}.`
              : `${groups.length} group${groups.length === 1 ? '' : 's'} of errors over ${rangeLabels[range].long}, from ${errors.data.entriesRead.toLocaleString()} log entries read.`}
          </p>
          <PartialFailures failures={errors.data.failures} what="This list" />
          {errors.data.truncated ? (
            <p className="note">
              Only the newest {errors.data.entriesRead.toLocaleString()} entries were read: counts are lower
              bounds and older groups may be missing. Logs Explorer has the rest.
            </p>
          ) : null}
          {groups.length > 0 ? (
            <ol className="error-groups">
              {groups.map((group) => (
                <ErrorGroupItem key={group.fingerprint} group={group} now={now} onOpenTrace={onOpenTrace} />
              ))}
            </ol>
          ) : null}
        </>
      )}
      <ConsoleLinkBar links={links} first={['errorReporting', 'logs']} />
    </div>
  );
}

function ErrorGroupItem({
  group,
  now,
  onOpenTrace,
}: {
  group: ErrorGroup;
  now: number;
  onOpenTrace: (ref: TraceRef) => void;
}) {
  const sample = group.sampleTrace;
  return (
    <li className="error-group" data-fingerprint={group.fingerprint}>
      <div className="error-group__head">
        <span className="error-group__count" title={`${group.count.toLocaleString()} occurrences`}>
          {group.count.toLocaleString()}×
        </span>
        <p className="error-group__message mono">
          <SafeText text={group.message} max={300} />
        </p>
      </div>
      <p className="error-group__when small muted">
        First{' '}
        <time dateTime={group.firstSeen} title={formatAbsolute(group.firstSeen)}>
          {formatRelative(group.firstSeen, now)}
        </time>
        {' · '}last{' '}
        <time dateTime={group.lastSeen} title={formatAbsolute(group.lastSeen)}>
          {formatRelative(group.lastSeen, now)}
        </time>
      </p>
      <details className="error-group__example">
        <summary>Example</summary>
        <pre className="mono">
          <SafeText text={group.example} max={4_000} />
        </pre>
      </details>
      {sample ? (
        <button type="button" className="button button--small" onClick={() => onOpenTrace(sample)}>
          Open sample trace
        </button>
      ) : (
        <span className="small muted">No trace was logged with these entries.</span>
      )}
    </li>
  );
}
