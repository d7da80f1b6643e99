import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { memo } from 'react';
import { type HealthTone, healthLook, isAlarming } from '../../../lib/health.ts';
import type { TrafficFlowEdge } from '../utils/traffic-overlay.ts';
import './traffic-overlay.css';

/** Wider for busier edges: 1.5 px for a trickle, up to 5 px for thousands of calls a minute. */
const widthFor = (callsPerMinute: number): number =>
  Math.min(5, 1.5 + Math.log10(1 + Math.max(0, callsPerMinute)) * 1.1);

/**
 * How far out the map is zoomed, in three steps (so that edges re-render only when a step is
 * crossed): 0 close enough to read every label; 1 and 2 further out, where only the labels of
 * failing, degraded and denied edges stay, enlarged so that the overview can still be read.
 */
const zoomStep = (state: ReactFlowState): 0 | 1 | 2 => {
  const zoom = state.transform[2];
  return zoom >= 0.7 ? 0 : zoom >= 0.45 ? 1 : 2;
};
const LABEL_SCALE = [1, 1.4, 2] as const;

/** Observed calls: coloured by health (denied dashed red), labelled with calls/min and error share. */
export const TrafficEdge = memo(function TrafficEdge(props: EdgeProps<TrafficFlowEdge>) {
  const data = props.data;
  const tone: HealthTone = data?.tone ?? 'unknown';
  const look = healthLook[tone];
  const [path, labelX, labelY] = getBezierPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
    curvature: 0.15,
  });
  const lit = data?.state === 'lit';
  const step = useStore(zoomStep);
  const label = data?.label && (step === 0 || lit || isAlarming(tone)) ? data.label : null;
  const width = widthFor(data?.traffic?.callsPerMinute ?? 0) + (lit ? 1.5 : 0);
  return (
    <g
      className={`traffic-edge traffic-edge--${tone}${lit ? ' traffic-edge--lit' : ''}`}
      data-edge-kind="observed"
    >
      <title>{data?.title ?? 'Observed calls'}</title>
      {lit ? <path d={path} className="traffic-edge__glow" fill="none" /> : null}
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={`url(#runmap-traffic-${tone})`}
        style={{ stroke: look.color, strokeWidth: width, strokeDasharray: look.dash }}
        interactionWidth={12}
      />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className={`traffic-label traffic-label--${tone}${data?.state ? ` traffic-label--${data.state}` : ''}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(${LABEL_SCALE[step]})`,
            }}
            data-edge-id={props.id}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
});

/** Arrow markers of the traffic edges, one per health tone, defined once for the canvas. */
export function TrafficMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" focusable="false">
      <defs>
        {Object.entries(healthLook).map(([tone, look]) => (
          <marker
            key={tone}
            id={`runmap-traffic-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill={look.color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
