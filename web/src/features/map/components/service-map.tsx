import {
  Background,
  Controls,
  MiniMap,
  type Node,
  type NodeMouseHandler,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Graph, Verdict } from '../../../../../shared/model.ts';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { ApiRequestError, errorMessage, errorTitle } from '../../../lib/api-client.ts';
import { useGraph } from '../api/get-graph.ts';
import { filterByExposure, isDimmed } from '../utils/exposure-filter.ts';
import { defaultLayers, filterLayers, type MapLayer } from '../utils/layers.ts';
import type { Layout } from '../utils/layout.ts';
import { type MapFlowNode, toFlowEdges, toFlowNodes } from '../utils/to-flow.ts';
import {
  lightEdges,
  type MapPath,
  type MapTraffic,
  overlayEdges,
  withNodeTraffic,
} from '../utils/traffic-overlay.ts';
import { useLayout } from '../utils/use-layout.ts';
import { BackingNode } from './backing-node.tsx';
import { EventSourceNode } from './event-source-node.tsx';
import { GroupNode } from './group-node.tsx';
import { InternetNode } from './internet-node.tsx';
import { EdgeMarkers, KindedEdge } from './kinded-edge.tsx';
import { Legend } from './legend.tsx';
import { LoadBalancerNode } from './load-balancer-node.tsx';
import { TrafficEdge, TrafficMarkers } from './traffic-edge.tsx';
import { WorkloadNode } from './workload-node.tsx';
import './map-filters.css';

/** Above this many nodes only those in view are rendered; below, all are (cheap, and findable). */
const CULL_ABOVE = 300;

// Defined once at module level: new objects on each render would make React Flow re-mount nodes.
const nodeTypes = {
  workload: WorkloadNode,
  internet: InternetNode,
  group: GroupNode,
  loadBalancer: LoadBalancerNode,
  eventSource: EventSourceNode,
  backing: BackingNode,
};
const edgeTypes = { kinded: KindedEdge, traffic: TrafficEdge };

const verdictColours: Record<string, string> = {
  overexposed: '#dc2626',
  public: '#2563eb',
  reachable: '#64748b',
  internal: '#94a3b8',
  closed: '#cbd5e1',
};

function miniMapColour(node: Node): string {
  const flowNode = node as MapFlowNode;
  if (flowNode.type === 'group')
    return flowNode.data.level === 'project' ? 'rgba(226,232,240,0.6)' : 'rgba(241,245,249,0.8)';
  if (flowNode.type === 'internet') return '#0f172a';
  if (flowNode.type === 'loadBalancer') return '#ea580c';
  if (flowNode.type === 'eventSource') return '#c4b5fd';
  if (flowNode.type === 'backing') return '#99f6e4';
  const workload = flowNode.data.node;
  return workload.kind === 'service' ? (verdictColours[workload.exposure.verdict] ?? '#94a3b8') : '#a78bfa';
}

export type ServiceMapProps = {
  /** Full name of the focused service or job (from the URL), or null. */
  focusId: string | null;
  onSelect: (id: string) => void;
  /** Shown when the snapshot holds no services or jobs. */
  emptyState: ReactNode;
  /** Show only services with these verdicts and the ways in to them (null: everything). */
  exposure?: readonly Verdict[] | null;
  /** Shown when the exposure filter leaves nothing. */
  exposureEmptyState?: ReactNode;
  /** Node ids to keep lit; every other node and edge is dimmed (null: no highlight). */
  highlight?: ReadonlySet<string> | null;
  /** Observed traffic drawn over the graph (edges by health, node rings); null while none has arrived. */
  traffic?: MapTraffic | null;
  /** A path to light (a trace, a followed failure): it wins over `highlight`. */
  path?: MapPath | null;
  /** Optional layers shown: event sources, load balancers, backing resources. */
  layers?: readonly MapLayer[];
};

/** The service map: fetches the graph, lays it out off the main thread and draws it. */
export function ServiceMap({
  focusId,
  onSelect,
  emptyState,
  exposure = null,
  exposureEmptyState = null,
  highlight = null,
  layers = defaultLayers,
  traffic = null,
  path = null,
}: ServiceMapProps) {
  const graph = useGraph();
  // Layers first, so that the exposure filter sees the Internet's direct edges when LBs are hidden.
  const layered = useMemo(
    () => (graph.data ? filterLayers(graph.data, layers) : undefined),
    [graph.data, layers],
  );
  const shown = useMemo(
    () => (layered && exposure ? filterByExposure(layered, exposure) : layered),
    [layered, exposure],
  );
  if (graph.isPending) return <LoadingState label="Loading the service map…" />;
  if (graph.isError) {
    if (graph.error instanceof ApiRequestError && graph.error.code === 'snapshot_pending') {
      return <LoadingState label="Waiting for the first snapshot…" />;
    }
    return (
      <ErrorState
        title={errorTitle(graph.error)}
        message={errorMessage(graph.error)}
        onRetry={() => void graph.refetch()}
      />
    );
  }
  if (!graph.data.nodes.some((node) => node.kind !== 'internet')) return <>{emptyState}</>;
  if (!shown?.nodes.some((node) => node.kind === 'service' || node.kind === 'job'))
    return <>{exposureEmptyState}</>;
  return (
    <ReactFlowProvider>
      <LaidOutMap
        graph={shown}
        focusId={focusId}
        onSelect={onSelect}
        highlight={highlight}
        traffic={traffic}
        path={path}
      />
    </ReactFlowProvider>
  );
}

function LaidOutMap({
  graph,
  focusId,
  onSelect,
  highlight,
  traffic,
  path,
}: {
  graph: Graph;
  focusId: string | null;
  onSelect: (id: string) => void;
  highlight: ReadonlySet<string> | null;
  traffic: MapTraffic | null;
  path: MapPath | null;
}) {
  const layout = useLayout(graph);
  if (layout.status === 'error')
    return <ErrorState title="The map could not be laid out" message={layout.message} />;
  if (layout.status === 'pending') {
    const count = graph.nodes.length - 1;
    return <LoadingState label={`Laying out ${count} node${count === 1 ? '' : 's'}…`} />;
  }
  return (
    <FlowCanvas
      graph={layout.graph}
      layout={layout.layout}
      focusId={focusId}
      onSelect={onSelect}
      highlight={highlight}
      traffic={traffic}
      path={path}
    />
  );
}

function FlowCanvas({
  graph,
  layout,
  focusId,
  onSelect,
  highlight: nodeHighlight,
  traffic,
  path,
}: {
  graph: Graph;
  layout: Layout;
  focusId: string | null;
  onSelect: (id: string) => void;
  highlight: ReadonlySet<string> | null;
  traffic: MapTraffic | null;
  path: MapPath | null;
}) {
  const laidOut = useMemo(() => toFlowNodes(graph, layout), [graph, layout]);
  // Traffic reaches only the nodes it changes, so the other memoized nodes do not re-render.
  const flowNodes = useMemo(() => withNodeTraffic(laidOut, traffic), [laidOut, traffic]);
  const nodeIds = useMemo(() => new Set(graph.nodes.map((node) => node.id)), [graph]);
  const flowEdges = useMemo(
    () => overlayEdges(toFlowEdges(graph), traffic, path, nodeIds),
    [graph, traffic, path, nodeIds],
  );
  // A lit path wins over a node highlight; outside either, edges fade unless lit.
  const highlight = path ? path.nodes : nodeHighlight;
  const edges = useMemo(() => lightEdges(flowEdges, nodeHighlight, path), [flowEdges, nodeHighlight, path]);
  const boxes = useMemo(() => new Map(layout.boxes.map((box) => [box.id, box])), [layout]);
  const [nodes, setNodes, onNodesChange] = useNodesState<MapFlowNode>(flowNodes);
  const containerRef = useRef<HTMLDivElement>(null);
  const { fitView, setViewport, getZoom } = useReactFlow();
  const initialized = useNodesInitialized();
  const placed = useRef(false);
  const centred = useRef<{ id: string | null; boxes: unknown }>({ id: null, boxes: null });

  // The URL's focus is the selection; a highlight dims the rest through the wrapper's class, so the
  // memoized node components themselves do not re-render.
  useEffect(() => {
    setNodes(
      flowNodes.map((node) => {
        const selected = node.id === focusId;
        const dimmed = isDimmed(node.id, node.type, highlight);
        const lit = highlight !== null && !dimmed && node.type === 'workload';
        const root = path?.rootCause === node.id;
        if (!selected && !dimmed && !lit && !root) return node;
        const extra = [dimmed ? 'map-dimmed' : lit ? 'map-lit' : '', root ? 'map-root-cause' : '']
          .filter(Boolean)
          .join(' ');
        return {
          ...node,
          ...(selected ? { selected: true } : {}),
          ...(extra ? { className: node.className ? `${node.className} ${extra}` : extra } : {}),
        };
      }),
    );
  }, [flowNodes, focusId, highlight, path, setNodes]);

  // A newly lit path is brought into view whole (after the drawer or panel that opened with it).
  const pathKey = path ? [...path.nodes].sort().join('|') : '';
  useEffect(() => {
    if (!initialized || !pathKey) return;
    const timer = window.setTimeout(() => {
      // Below the legend when it shows (a drawer under the map may have hidden it).
      const container = containerRef.current;
      const legend = container?.querySelector('.legend')?.getBoundingClientRect();
      const top =
        container && legend && legend.height > 0
          ? legend.bottom - container.getBoundingClientRect().top + 16
          : 24;
      void fitView({
        nodes: pathKey.split('|').map((id) => ({ id })),
        padding: { top: `${Math.round(top)}px`, bottom: '28px', x: '48px' },
        maxZoom: 1.1,
        duration: 350,
      });
    }, 80);
    return () => window.clearTimeout(timer);
  }, [initialized, pathKey, fitView]);

  // Centre the focused node, or fit the whole estate on first show. The container is measured
  // here rather than read from React Flow, which learns about the side panel's resize later.
  useEffect(() => {
    if (!initialized) return;
    const box = focusId ? boxes.get(focusId) : undefined;
    const container = containerRef.current;
    // Once per focus and layout: re-measuring nodes (a lit path restyles them) must not undo a fit.
    if (box && centred.current.id === focusId && centred.current.boxes === boxes) return;
    centred.current = { id: focusId, boxes };
    if (box && container) {
      const zoom = Math.min(Math.max(getZoom(), 0.9), 1.5);
      const cx = box.absX + box.width / 2;
      const cy = box.absY + box.height / 2;
      void setViewport(
        { x: container.clientWidth / 2 - cx * zoom, y: container.clientHeight / 2 - cy * zoom, zoom },
        { duration: placed.current ? 350 : 0 },
      );
    } else if (!placed.current) {
      // Room at the top for the legend, at the bottom for the controls and minimap.
      void fitView({ padding: { top: '156px', bottom: '32px', x: '24px' } });
    }
    placed.current = true;
  }, [initialized, focusId, boxes, fitView, setViewport, getZoom]);

  const onNodeClick: NodeMouseHandler = useCallback(
    (_event, node) => {
      if (node.type === 'workload') onSelect(node.id);
    },
    [onSelect],
  );

  // React Flow makes nodes focusable; Enter on a focused service or job opens it.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return;
    const element = event.target.closest('.react-flow__node-workload');
    const id = element?.getAttribute('data-id');
    if (id) onSelect(id);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: forwards Enter from the focusable nodes inside.
    <div className="map-canvas" ref={containerRef} onKeyDown={onKeyDown}>
      <EdgeMarkers />
      <TrafficMarkers />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onlyRenderVisibleElements={nodes.length > CULL_ABOVE}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        deleteKeyCode={null}
        minZoom={0.02}
        maxZoom={2}
        aria-label="Service map"
      >
        <Legend />
        <Background gap={24} size={1} color="#e2e8f0" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          nodeColor={miniMapColour}
          nodeStrokeWidth={0}
          position="bottom-right"
          ariaLabel="Mini map"
        />
      </ReactFlow>
    </div>
  );
}
