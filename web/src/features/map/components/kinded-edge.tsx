import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { edgeCurvature, edgeKindStyle, overexposedEdgeColor } from '../utils/edge-style.ts';
import type { KindedFlowEdge } from '../utils/to-flow.ts';

/** An edge drawn by kind, with its kind and evidence as the hover title. */
export const KindedEdge = memo(function KindedEdge(props: EdgeProps<KindedFlowEdge>) {
  const kind = props.data?.kind ?? 'declared';
  const look = edgeKindStyle[kind];
  const color =
    kind === 'exposure' && props.data?.targetVerdict === 'overexposed' ? overexposedEdgeColor : look.color;
  const [path] = getBezierPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
    curvature: edgeCurvature[kind],
  });
  const evidence = props.data?.evidence ?? [];
  return (
    <g className={`kinded-edge kinded-edge--${kind}`} data-edge-kind={kind}>
      <title>{[`${look.label} edge`, ...evidence].join('\n')}</title>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={`url(#runmap-arrow-${kind === 'exposure' && color === overexposedEdgeColor ? 'overexposed' : kind})`}
        style={{
          stroke: color,
          strokeWidth: props.selected ? look.width + 1 : look.width,
          strokeDasharray: look.dash,
        }}
        interactionWidth={12}
      />
    </g>
  );
});

/** Arrow markers, one per edge colour, defined once for the whole canvas. */
export function EdgeMarkers() {
  const markers: [string, string][] = [
    ...Object.entries(edgeKindStyle).map(([kind, look]): [string, string] => [kind, look.color]),
    ['overexposed', overexposedEdgeColor],
  ];
  return (
    <svg className="edge-markers" aria-hidden="true" focusable="false">
      <defs>
        {markers.map(([id, color]) => (
          <marker
            key={id}
            id={`runmap-arrow-${id}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
