import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { TraceResponse, WaterfallSpan } from '../../../../../shared/observability.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { displayText } from '../../../lib/display-text.ts';
import { formatMs } from '../../../lib/health.ts';
import { shortName } from '../../../lib/resource-name.ts';
import {
  labelPlacement,
  layoutWaterfall,
  UNKNOWN_SERVICE_COLOUR,
  type WaterfallRow,
  waterfallTicks,
} from '../utils/waterfall.ts';

/**
 * A trace's spans as bars on its time axis, indented under their parents and coloured by the
 * workload they ran in; error spans are marked. Rows take the keyboard (↑/↓, Home/End) and Enter
 * shows a span's details.
 */
export function TraceWaterfall({
  trace,
  colours,
  labels,
  onFocusService,
}: {
  trace: TraceResponse;
  colours: ReadonlyMap<string, string>;
  /** Short, unambiguous names of the services. */
  labels: ReadonlyMap<string, string>;
  onFocusService: (id: string) => void;
}) {
  const rows = useMemo(() => layoutWaterfall(trace.spans, trace.durationMs), [trace]);
  const ticks = useMemo(() => waterfallTicks(trace.durationMs), [trace.durationMs]);
  const total = Math.max(trace.durationMs, ...trace.spans.map((s) => s.startMs + s.durationMs), 1);
  const [selected, setSelected] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const selectedSpan = rows.find((row) => row.span.spanId === selected)?.span ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.wf-row') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown'
        ? Math.min(buttons.length - 1, index + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null || index < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  if (rows.length === 0) return <p className="muted">This trace holds no spans.</p>;
  return (
    <div className={`wf${selectedSpan ? ' wf--with-detail' : ''}`}>
      <div className="wf__main">
        <div className="wf__axis" aria-hidden="true">
          <span className="wf__axis-label">Span</span>
          <span className="wf__axis-scale">
            {ticks.map((tick) => (
              <span key={tick} className="wf__tick" style={{ left: `${(tick / total) * 100}%` }}>
                {formatMs(tick)}
              </span>
            ))}
          </span>
        </div>
        <ol className="wf__rows" ref={listRef} onKeyDown={onKeyDown} aria-label="Spans">
          {rows.map((row, index) => (
            <li key={row.span.spanId}>
              <WaterfallRowButton
                row={row}
                colour={colourOf(row.span, colours)}
                service={serviceLabel(row.span, labels)}
                selected={row.span.spanId === selected}
                tabIndex={(selected ? row.span.spanId === selected : index === 0) ? 0 : -1}
                onSelect={() => setSelected(row.span.spanId === selected ? null : row.span.spanId)}
              />
            </li>
          ))}
        </ol>
        {selectedSpan ? null : (
          <p className="small muted wf__hint">Select a span (click, or ↑/↓ and Enter) for its details.</p>
        )}
      </div>
      {selectedSpan ? (
        <SpanDetail
          span={selectedSpan}
          colour={colourOf(selectedSpan, colours)}
          service={serviceLabel(selectedSpan, labels)}
          onFocusService={onFocusService}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}

const serviceLabel = (span: WaterfallSpan, labels: ReadonlyMap<string, string>): string | null =>
  span.service ? (labels.get(span.service) ?? shortName(span.service)) : null;

function timeStyle(row: WaterfallRow, placement: ReturnType<typeof labelPlacement>) {
  if (placement === 'after') return { left: `${row.offsetPct + row.widthPct + 0.8}%` };
  if (placement === 'before') return { right: `${100 - row.offsetPct + 0.8}%` };
  return { right: `${100 - row.offsetPct - row.widthPct + 0.6}%` };
}

const colourOf = (span: WaterfallSpan, colours: ReadonlyMap<string, string>): string =>
  (span.service && colours.get(span.service)) || UNKNOWN_SERVICE_COLOUR;

function WaterfallRowButton({
  row,
  colour,
  service: label,
  selected,
  tabIndex,
  onSelect,
}: {
  row: WaterfallRow;
  colour: string;
  service: string | null;
  selected: boolean;
  tabIndex: number;
  onSelect: () => void;
}) {
  const { span } = row;
  const service = label ?? 'unknown service';
  const placement = labelPlacement(row);
  const status = span.status !== null ? ` ${span.status}` : '';
  return (
    <button
      type="button"
      className={`wf-row${span.error ? ' wf-row--error' : ''}${selected ? ' wf-row--selected' : ''}`}
      aria-pressed={selected}
      tabIndex={tabIndex}
      onClick={onSelect}
      data-span-id={span.spanId}
      aria-label={`${displayText(service)}: ${displayText(span.name)}, starts at ${formatMs(span.startMs)}, takes ${formatMs(span.durationMs)}${span.error ? `, error${status}` : ''}`}
    >
      <span className="wf-row__label" style={{ paddingLeft: `${Math.min(row.depth, 12) * 12 + 4}px` }}>
        <span className="wf-row__swatch" style={{ background: colour }} aria-hidden="true" />
        {row.crossesService || row.depth === 0 ? (
          <strong className="wf-row__service">{displayText(service)}</strong>
        ) : null}
        <span className="wf-row__name">{displayText(span.name)}</span>
      </span>
      <span className="wf-row__track" aria-hidden="true">
        <span
          className="wf-row__bar"
          style={{ left: `${row.offsetPct}%`, width: `${row.widthPct}%`, background: colour }}
        />
        <span className={`wf-row__time wf-row__time--${placement}`} style={timeStyle(row, placement)}>
          {span.error ? <span className="wf-row__error">⚠{status}</span> : null} {formatMs(span.durationMs)}
        </span>
      </span>
    </button>
  );
}

function SpanDetail({
  span,
  colour,
  service,
  onFocusService,
  onClose,
}: {
  span: WaterfallSpan;
  colour: string;
  service: string | null;
  onFocusService: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <section className="wf-detail" aria-label="Span details">
      <button
        type="button"
        className="button button--icon wf-detail__close"
        onClick={onClose}
        aria-label="Close the span details"
      >
        ✕
      </button>
      <dl className="facts">
        <dt>Span</dt>
        <dd className="mono break">
          <SafeText text={span.name} />
        </dd>
        <dt>Service</dt>
        <dd>
          <span className="wf-row__swatch" style={{ background: colour }} aria-hidden="true" />{' '}
          {span.service ? (
            <button type="button" className="link-button" onClick={() => onFocusService(span.service ?? '')}>
              <SafeText text={service ?? shortName(span.service)} max={80} expandable={false} />
            </button>
          ) : (
            <span className="muted">not known (no workload labels on the span)</span>
          )}
        </dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Timing</dt>
        <dd>
          starts at +{formatMs(span.startMs)}, takes {formatMs(span.durationMs)}
        </dd>
        <dt>Status</dt>
        <dd className={span.error ? 'text-danger' : undefined}>
          {span.status ?? 'none recorded'}
          {span.error ? ' — error' : ''}
        </dd>
      </dl>
    </section>
  );
}
