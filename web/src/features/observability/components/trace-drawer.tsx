import { useMemo } from 'react';
import { SafeText } from '../../../components/safe-text.tsx';
import { ApiRequestError } from '../../../lib/api-client.ts';
import { formatAbsolute } from '../../../lib/format-time.ts';
import { formatMs } from '../../../lib/health.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import { useTrace } from '../api/get-trace.ts';
import { traceConsoleUrl } from '../utils/console-links.ts';
import { distinctLabels } from '../utils/service-labels.ts';
import type { TraceRef } from '../utils/url-state.ts';
import { serviceColours } from '../utils/waterfall.ts';
import { PanelError, PanelSkeleton, PartialFailures } from './panel-states.tsx';
import { TraceWaterfall } from './trace-waterfall.tsx';
import './observability.css';

/** The open trace under the map: its waterfall across services; the map lights its path meanwhile. */
export function TraceDrawer({
  traceRef,
  onClose,
  onFocusService,
}: {
  traceRef: TraceRef;
  onClose: () => void;
  onFocusService: (id: string) => void;
}) {
  const trace = useTrace(traceRef);
  const colours = useMemo(
    () => serviceColours([...(trace.data?.path ?? []), ...(trace.data?.spans.map((s) => s.service) ?? [])]),
    [trace.data],
  );
  const labels = useMemo(() => distinctLabels(colours.keys()), [colours]);
  const errors = trace.data?.spans.filter((span) => span.error).length ?? 0;
  const consoleHref = safeHref(traceConsoleUrl(traceRef));
  const root = trace.data?.spans.find((span) => span.parentSpanId === null) ?? trace.data?.spans[0];
  return (
    <section
      className="trace-drawer"
      aria-labelledby="trace-drawer-title"
      data-testid="trace-drawer"
      // Escape inside the drawer closes the drawer, and not the service panel beside it.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="trace-drawer__header">
        <div className="trace-drawer__title">
          <h2 id="trace-drawer-title">
            Trace{' '}
            {root ? (
              <SafeText text={root.name} max={80} expandable={false} />
            ) : (
              <span className="mono">
                {traceRef.traceId.length > 12 ? `${traceRef.traceId.slice(0, 12)}…` : traceRef.traceId}
              </span>
            )}
          </h2>
          <p className="small muted">
            <span className="mono" title={traceRef.traceId}>
              {traceRef.project}/{traceRef.traceId.slice(0, 16)}
              {traceRef.traceId.length > 16 ? '…' : ''}
            </span>
            {trace.data ? (
              <>
                {' · '}
                {formatAbsolute(trace.data.startTime)} · {formatMs(trace.data.durationMs)} ·{' '}
                {trace.data.spans.length} spans
                {errors > 0 ? <strong className="text-danger"> · {errors} with errors</strong> : null}
              </>
            ) : null}
          </p>
        </div>
        {trace.data ? (
          <ul className="trace-drawer__services" aria-label="Services on this trace, lit on the map">
            {[...colours.entries()].map(([id, colour]) => (
              <li key={id}>
                <button type="button" className="service-key" onClick={() => onFocusService(id)} title={id}>
                  <span className="wf-row__swatch" style={{ background: colour }} aria-hidden="true" />
                  <SafeText text={labels.get(id) ?? shortName(id)} max={60} expandable={false} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="trace-drawer__actions">
          {consoleHref ? (
            <a href={consoleHref} target="_blank" rel="noopener noreferrer" className="button button--small">
              Trace explorer <span aria-hidden="true">↗</span>
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : null}
          <button
            type="button"
            className="button button--icon"
            onClick={onClose}
            aria-label="Close the trace"
          >
            ✕
          </button>
        </div>
      </header>
      <div className="trace-drawer__body">
        {trace.isPending ? (
          <PanelSkeleton label="Loading the trace…" blocks={5} height={22} />
        ) : trace.isError ? (
          trace.error instanceof ApiRequestError && trace.error.status === 404 ? (
            <div className="inline-error" role="alert">
              <strong>This trace is not in Cloud Trace</strong>
              <p>
                Trace <span className="mono">{traceRef.traceId}</span> of project {traceRef.project} was not
                found: it may be older than Cloud Trace keeps, or the link is wrong.
              </p>
            </div>
          ) : (
            <PanelError what="the trace" error={trace.error} onRetry={() => void trace.refetch()} />
          )
        ) : (
          <>
            <PartialFailures failures={trace.data.failures ?? []} what="This trace" />
            <TraceWaterfall
              trace={trace.data}
              colours={colours}
              labels={labels}
              onFocusService={onFocusService}
            />
          </>
        )}
      </div>
    </section>
  );
}
