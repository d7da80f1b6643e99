import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../../../shared/observability.ts';
import { formatAbsolute } from '../../../lib/format-time.ts';
import {
  areaPath,
  formatTimeTick,
  linearScale,
  linePath,
  nearestIndex,
  plotPoints,
  seriesMax,
  timeTicks,
  valueTicks,
} from '../utils/chart-scale.ts';

export type ChartSeries = {
  key: string;
  label: string;
  points: readonly Point[];
  colour: string;
  dash?: string;
};

const HEIGHT = 120;
const MARGIN = { top: 8, right: 10, bottom: 20, left: 46 };

/**
 * A time series chart drawn as plain SVG: gridlines, the lines (gaps where data is missing), an
 * optional threshold and a cursor. The cursor follows the pointer, or ←/→ when the chart has the
 * keyboard focus, and reads the values out.
 */
export function LineChart({
  label,
  series,
  from,
  to,
  format,
  area = false,
  minTop = 0,
  threshold,
}: {
  /** What the chart shows, for screen readers (the visible title is the caller's). */
  label: string;
  series: readonly ChartSeries[];
  from: string;
  to: string;
  format: (value: number) => string;
  /** Fill under the first series. */
  area?: boolean;
  /** The y axis reaches at least this high, so that noise near zero is not blown up. */
  minTop?: number;
  threshold?: { value: number; label: string; colour: string };
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 380);
  const [cursor, setCursor] = useState<number | null>(null);

  const geometry = useMemo(() => {
    const start = Date.parse(from);
    const end = Date.parse(to);
    const ticks = valueTicks(Math.max(seriesMax(series.map((s) => s.points)), minTop));
    const top = ticks[ticks.length - 1] ?? 1;
    const x = linearScale(start, end, MARGIN.left, width - MARGIN.right);
    const y = linearScale(0, top, HEIGHT - MARGIN.bottom, MARGIN.top);
    const plotted = series.map((s) => plotPoints(s.points, x, y));
    const offset = -new Date(start).getTimezoneOffset();
    return {
      x,
      y,
      ticks,
      top,
      plotted,
      times: timeTicks(start, end, width < 320 ? 3 : 4, offset),
      span: end - start,
    };
  }, [series, from, to, width, minTop]);

  const base = geometry.plotted[0] ?? [];
  const hasData = geometry.plotted.some((points) => points.some((p) => p !== null));
  const active = cursor !== null ? base[cursor] : null;
  const at = active ? active : cursor !== null ? firstAt(geometry.plotted, cursor) : null;

  const move = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const index = nearestIndex(base, event.clientX - rect.left);
    setCursor(index >= 0 ? index : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = base.length - 1;
    if (last < 0) return;
    const current = cursor ?? last;
    const next =
      event.key === 'ArrowLeft'
        ? Math.max(0, current - 1)
        : event.key === 'ArrowRight'
          ? Math.min(last, current + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (event.key === 'Escape' && cursor !== null) {
      event.preventDefault();
      event.stopPropagation();
      setCursor(null);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setCursor(next);
  };

  const readout =
    cursor !== null && at
      ? `${formatAbsolute(new Date(at.t).toISOString())}: ${series
          .map((s, i) => `${s.label} ${valueAt(geometry.plotted[i], cursor, format)}`)
          .join(', ')}`
      : null;

  return (
    <div
      className="chart"
      ref={wrapRef}
      tabIndex={0}
      role="slider"
      aria-label={label}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, base.length - 1)}
      aria-valuenow={cursor ?? Math.max(0, base.length - 1)}
      aria-valuetext={readout ?? `${label}: use the left and right arrow keys to read the values`}
      onKeyDown={onKeyDown}
      onBlur={() => setCursor(null)}
    >
      <svg
        width={width}
        height={HEIGHT}
        className="chart__svg"
        aria-hidden="true"
        focusable="false"
        onPointerMove={move}
        onPointerLeave={() => setCursor(null)}
      >
        {geometry.ticks.map((tick) => (
          <g key={tick} className="chart__grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={geometry.y(tick)} y2={geometry.y(tick)} />
            <text x={MARGIN.left - 6} y={geometry.y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {geometry.times.map((t) => (
          <text key={t} className="chart__time" x={geometry.x(t)} y={HEIGHT - 5} textAnchor="middle">
            {formatTimeTick(t, geometry.span)}
          </text>
        ))}
        {threshold && threshold.value <= geometry.top ? (
          <g className="chart__threshold">
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={geometry.y(threshold.value)}
              y2={geometry.y(threshold.value)}
              stroke={threshold.colour}
            />
            <text
              x={width - MARGIN.right - 2}
              y={geometry.y(threshold.value) - 3}
              textAnchor="end"
              fill={threshold.colour}
            >
              {threshold.label}
            </text>
          </g>
        ) : null}
        {area && geometry.plotted[0] ? (
          <path
            d={areaPath(geometry.plotted[0], HEIGHT - MARGIN.bottom)}
            fill={series[0]?.colour}
            opacity={0.12}
          />
        ) : null}
        {series.map((s, i) => (
          <path
            key={s.key}
            d={linePath(geometry.plotted[i] ?? [])}
            fill="none"
            stroke={s.colour}
            strokeWidth={1.75}
            strokeDasharray={s.dash}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ))}
        {cursor !== null && at ? (
          <g className="chart__cursor">
            <line x1={at.x} x2={at.x} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
            {geometry.plotted.map((points, i) => {
              const point = points[cursor];
              const s = series[i];
              return point && s ? (
                <circle key={s.key} cx={point.x} cy={point.y} r={3.5} fill={s.colour} />
              ) : null;
            })}
          </g>
        ) : null}
        {!hasData ? (
          <text className="chart__empty" x={(MARGIN.left + width) / 2} y={HEIGHT / 2} textAnchor="middle">
            No data in this window
          </text>
        ) : null}
      </svg>
      {readout ? (
        <p className="chart__readout" aria-hidden="true">
          {readout}
        </p>
      ) : null}
    </div>
  );
}

type Plot = ReturnType<typeof plotPoints>;

function firstAt(plotted: readonly Plot[], index: number) {
  for (const points of plotted) {
    const point = points[index];
    if (point) return point;
  }
  return null;
}

function valueAt(points: Plot | undefined, index: number, format: (value: number) => string): string {
  const point = points?.[index];
  return point ? format(point.v) : 'no data';
}

/** The element's content width, following resizes (charts fill the panel). */
function useElementWidth(ref: React.RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setWidth(Math.max(200, Math.floor(element.clientWidth)));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
