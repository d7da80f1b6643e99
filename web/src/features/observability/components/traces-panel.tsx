import { useState } from 'react';
import type { ConsoleLinks, TimeRange, TraceSummary } from '../../../../../shared/observability.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { formatAbsolute, formatRelative } from '../../../lib/format-time.ts';
import { formatMs } from '../../../lib/health.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useTraces } from '../api/get-traces.ts';
import { distinctLabels } from '../utils/service-labels.ts';
import { rangeLabels, type TraceRef } from '../utils/url-state.ts';
import { ConsoleLinkBar } from './console-links.tsx';
import { PanelError, PanelSkeleton, PartialFailures } from './panel-states.tsx';
import './observability.css';

/** Recent traces through the service; one opens as a waterfall, its path lit on the map. */
export function TracesPanel({
  name,
  range,
  links,
  selected,
  onOpenTrace,
}: {
  name: string;
  range: TimeRange;
  links: ConsoleLinks | null;
  /** The trace whose waterfall is open. */
  selected: TraceRef | null;
  onOpenTrace: (ref: TraceRef) => void;
}) {
  const traces = useTraces(name, range);
  const now = useNow();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const all = traces.data?.traces ?? [];
  const errorCount = all.filter((trace) => trace.status === 'error').length;
  const shown = errorsOnly ? all.filter((trace) => trace.status === 'error') : all;
  const longest = Math.max(1, ...shown.map((trace) => trace.durationMs));
  return (
    <div className="obs-panel" data-testid="traces-panel">
      {traces.isPending ? (
        <PanelSkeleton label="Loading traces…" blocks={6} height={38} />
      ) : traces.isError ? (
        <PanelError what="the traces" error={traces.error} onRetry={() => void traces.refetch()} />
      ) : (
        <>
          <div className="obs-panel__bar">
            <p className="obs-panel__lede">
              {all.length === 0
                ? `No traces through it over ${rangeLabels[range].long}.`
                : `${all.length} recent trace${all.length === 1 ? '' : 's'}, ${errorCount} with errors.`}
            </p>
            {errorCount > 0 && errorCount < all.length ? (
              <label className="obs-toggle">
                <input
                  type="checkbox"
                  checked={errorsOnly}
                  onChange={(event) => setErrorsOnly(event.target.checked)}
                />
                Errors only
              </label>
            ) : null}
          </div>
          <PartialFailures failures={traces.data.failures} what="This list" />
          {shown.length > 0 ? (
            <ol className="trace-list">
              {shown.map((trace) => (
                <TraceItem
                  key={`${trace.project}/${trace.traceId}`}
                  trace={trace}
                  longest={longest}
                  now={now}
                  current={selected?.project === trace.project && selected.traceId === trace.traceId}
                  onOpen={() => onOpenTrace({ project: trace.project, traceId: trace.traceId })}
                />
              ))}
            </ol>
          ) : null}
        </>
      )}
      <ConsoleLinkBar links={links} first={['traces', 'logs']} />
    </div>
  );
}

function TraceItem({
  trace,
  longest,
  now,
  current,
  onOpen,
}: {
  trace: TraceSummary;
  longest: number;
  now: number;
  current: boolean;
  onOpen: () => void;
}) {
  const labels = distinctLabels(trace.services);
  const hops = trace.services.map((id) => labels.get(id) ?? shortName(id)).join(' → ');
  return (
    <li>
      <button
        type="button"
        className={`trace-item trace-item--${trace.status}`}
        aria-current={current ? 'true' : undefined}
        onClick={onOpen}
        data-trace-id={trace.traceId}
      >
        <span className="trace-item__top">
          <span className={`status-dot status-dot--${trace.status}`} aria-hidden="true" />
          <span className="trace-item__name">
            <SafeText text={trace.rootName} max={80} expandable={false} />
          </span>
          <span className="trace-item__duration">{formatMs(trace.durationMs)}</span>
        </span>
        <span className="trace-item__bar" aria-hidden="true">
          <span
            className="trace-item__fill"
            style={{ width: `${Math.max(1, (trace.durationMs / longest) * 100)}%` }}
          />
        </span>
        <span className="trace-item__meta small muted">
          <span className="visually-hidden">{trace.status === 'error' ? 'Failed. ' : 'Succeeded. '}</span>
          <time dateTime={trace.startTime} title={formatAbsolute(trace.startTime)}>
            {formatRelative(trace.startTime, now)}
          </time>
          {' · '}
          {trace.services.length} service{trace.services.length === 1 ? '' : 's'}
          {hops ? (
            <>
              {': '}
              <SafeText text={hops} max={120} expandable={false} />
            </>
          ) : null}
        </span>
      </button>
    </li>
  );
}
