import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { type Graph, type GraphNode, INTERNET_NODE_ID } from '../../../../../shared/model.ts';

/** Fixed node sizes: the layout needs them before anything is rendered. */
export const WORKLOAD_SIZE = { width: 232, height: 76 } as const;
export const INTERNET_SIZE = { width: 148, height: 60 } as const;
export const LOAD_BALANCER_SIZE = { width: 236, height: 66 } as const;
export const EVENT_SOURCE_SIZE = { width: 216, height: 60 } as const;
export const BACKING_SIZE = { width: 188, height: 44 } as const;

export type LayoutBoxKind = 'project' | 'region' | 'node';

/** A positioned box: a project group, a region group or a graph node. */
export type LayoutBox = {
  id: string;
  kind: LayoutBoxKind;
  /** Enclosing group; undefined at the top level. */
  parentId?: string;
  /** Position relative to the parent (what React Flow wants for child nodes). */
  x: number;
  y: number;
  /** Position on the canvas. */
  absX: number;
  absY: number;
  width: number;
  height: number;
  /** Project or region shown in a group's heading. */
  label: string;
};

/** Boxes with every parent before its children. */
export type Layout = { boxes: LayoutBox[] };

/** Minimal view of ELK so that the layout can be run by elkjs in a worker or in a test. */
export type ElkLike = { layout(graph: ElkNode): Promise<ElkNode> };

export const projectGroupId = (project: string): string => `group:project:${project}`;
export const regionGroupId = (project: string, location: string): string =>
  `group:region:${project}/${location}`;

const LABEL_OPTION = 'runmap.label';

/**
 * Projects and regions are packed as rectangles (near the screen's aspect ratio, so that the whole
 * estate stays readable when fitted); inside a region, workloads are layered left to right along
 * the edges between them. Each group is laid out on its own, which keeps 2,000 services fast.
 */
const packOptions = (padding: string | null): LayoutOptions => ({
  'elk.algorithm': 'rectpacking',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.aspectRatio': '1.7',
  'elk.spacing.nodeNode': '32',
  ...(padding ? { 'elk.padding': padding } : {}),
});

const regionOptions: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=40,left=16,bottom=16,right=16]',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.componentComponent': '28',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.edgeRouting': 'POLYLINE',
  'elk.aspectRatio': '1.6',
};

type Workload = Extract<GraphNode, { kind: 'service' | 'job' }>;

function isWorkload(node: GraphNode): node is Workload {
  return node.kind === 'service' || node.kind === 'job';
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Placement = { project: string; location: string };

/** Fixed size of a node laid out inside a region. */
function sizeOf(node: GraphNode): { width: number; height: number } {
  return node.kind === 'event-source'
    ? EVENT_SOURCE_SIZE
    : node.kind === 'backing'
      ? BACKING_SIZE
      : WORKLOAD_SIZE;
}

/**
 * The region frame each node is drawn in. Workloads: their own. Event sources and backing
 * resources sit beside the workload they serve (the target of an event source, the first user of
 * a database or secret), so that their edges stay short; without one, in their own project under
 * their location or `global`. Load balancers and the Internet are placed outside every frame.
 */
function placementsOf(graph: Graph): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const node of graph.nodes) {
    if (isWorkload(node)) placements.set(node.id, { project: node.project, location: node.location });
  }
  const firstUser = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'backing' || !placements.has(edge.source)) continue;
    const current = firstUser.get(edge.target);
    if (current === undefined || byText(edge.source, current) < 0) firstUser.set(edge.target, edge.source);
  }
  for (const node of graph.nodes) {
    if (node.kind !== 'event-source' && node.kind !== 'backing') continue;
    const anchor = node.kind === 'event-source' ? node.target : firstUser.get(node.id);
    const beside = anchor === undefined ? undefined : placements.get(anchor);
    placements.set(node.id, beside ?? { project: node.project, location: node.location ?? 'global' });
  }
  return placements;
}

/**
 * Builds the ELK input: projects → regions → workloads (with the event sources and backing
 * resources beside them) as compound nodes, the Internet at the top level. Only edges inside a
 * region take part in the layout; React Flow draws all of them. Pure.
 */
export function buildElkGraph(graph: Graph): ElkNode {
  const placements = placementsOf(graph);
  const projects = new Map<string, Map<string, GraphNode[]>>();
  for (const node of graph.nodes) {
    const placement = placements.get(node.id);
    if (!placement) continue;
    let regions = projects.get(placement.project);
    if (!regions) {
      regions = new Map();
      projects.set(placement.project, regions);
    }
    const members = regions.get(placement.location);
    if (members) members.push(node);
    else regions.set(placement.location, [node]);
  }

  const root: ElkNode = { id: 'root', layoutOptions: packOptions(null), children: [] };
  for (const node of graph.nodes) {
    if (node.kind === 'internet') root.children?.push({ id: node.id, ...INTERNET_SIZE });
  }

  const regionNodes = new Map<string, ElkNode>();
  for (const project of [...projects.keys()].sort(byText)) {
    const regions = projects.get(project) ?? new Map<string, GraphNode[]>();
    const projectNode: ElkNode = {
      id: projectGroupId(project),
      layoutOptions: { ...packOptions('[top=44,left=20,bottom=20,right=20]'), [LABEL_OPTION]: project },
      children: [],
    };
    root.children?.push(projectNode);
    for (const location of [...regions.keys()].sort(byText)) {
      const regionNode: ElkNode = {
        id: regionGroupId(project, location),
        layoutOptions: { ...regionOptions, [LABEL_OPTION]: location },
        children: [],
        edges: [],
      };
      regionNodes.set(regionNode.id, regionNode);
      projectNode.children?.push(regionNode);
      const members = [...(regions.get(location) ?? [])].sort(
        (a, b) => byText(a.label, b.label) || byText(a.id, b.id),
      );
      for (const member of members) regionNode.children?.push({ id: member.id, ...sizeOf(member) });
    }
  }

  // One ELK edge per connected pair in the same region, whatever the kinds between them.
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const source = placements.get(edge.source);
    const target = placements.get(edge.target);
    if (!source || !target || edge.source === edge.target) continue;
    if (source.project !== target.project || source.location !== target.location) continue;
    const key = `${edge.source}|${edge.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const elkEdge: ElkExtendedEdge = { id: `e${seen.size}`, sources: [edge.source], targets: [edge.target] };
    regionNodes.get(regionGroupId(source.project, source.location))?.edges?.push(elkEdge);
  }
  return root;
}

/** Flattens ELK's answer into boxes with relative and absolute positions, parents first. */
export function boxesFromElk(root: ElkNode): Layout {
  const boxes: LayoutBox[] = [];
  const visit = (node: ElkNode, parent: LayoutBox | undefined): void => {
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    const isGroup = node.id.startsWith('group:');
    const box: LayoutBox = {
      id: node.id,
      kind: isGroup ? (node.id.startsWith('group:project:') ? 'project' : 'region') : 'node',
      x,
      y,
      absX: (parent?.absX ?? 0) + x,
      absY: (parent?.absY ?? 0) + y,
      width: node.width ?? 0,
      height: node.height ?? 0,
      label: node.layoutOptions?.[LABEL_OPTION] ?? node.id,
    };
    if (parent) box.parentId = parent.id;
    boxes.push(box);
    for (const child of node.children ?? []) visit(child, box);
  };
  for (const child of root.children ?? []) visit(child, undefined);
  return { boxes };
}

const INTERNET_GAP = 120;
const LOAD_BALANCER_GAP = 112;
const LOAD_BALANCER_SPACING = 16;

/** Vertical centre of the boxes `from` has edges to; undefined when it has none laid out. */
function centreOfTargets(graph: Graph, byId: Map<string, LayoutBox>, from: string): number | undefined {
  const targets = graph.edges
    .filter((edge) => edge.source === from)
    .map((edge) => byId.get(edge.target))
    .filter((box): box is LayoutBox => box !== undefined);
  if (targets.length === 0) return undefined;
  return targets.reduce((sum, box) => sum + box.absY + box.height / 2, 0) / targets.length;
}

/**
 * Puts the ways in left of every group: load balancers in a column, each near the services it
 * leads to and never overlapping, and the Internet left of them (ELK may have put it in a layer it
 * shares with a project without exposure), vertically centred on what it reaches.
 */
export function placeInternetLeft(layout: Layout, graph: Graph): Layout {
  const others = layout.boxes.filter((box) => box.parentId === undefined && box.id !== INTERNET_NODE_ID);
  if (others.length === 0) return layout;
  const left = Math.min(...others.map((box) => box.absX));
  const byId = new Map(layout.boxes.map((box) => [box.id, box]));

  const balancers = graph.nodes
    .filter((node) => node.kind === 'load-balancer')
    .map((node) => ({ node, centre: centreOfTargets(graph, byId, node.id) ?? 0 }))
    .sort((a, b) => a.centre - b.centre || byText(a.node.id, b.node.id));
  const lbX = left - LOAD_BALANCER_GAP - LOAD_BALANCER_SIZE.width;
  let bottom = Number.NEGATIVE_INFINITY;
  const lbBoxes: LayoutBox[] = balancers.map(({ node, centre }) => {
    const y = Math.max(0, centre - LOAD_BALANCER_SIZE.height / 2, bottom + LOAD_BALANCER_SPACING);
    bottom = y + LOAD_BALANCER_SIZE.height;
    const box: LayoutBox = {
      id: node.id,
      kind: 'node',
      x: lbX,
      y,
      absX: lbX,
      absY: y,
      ...LOAD_BALANCER_SIZE,
      label: node.label,
    };
    byId.set(box.id, box);
    return box;
  });

  const net = layout.boxes.find((box) => box.id === INTERNET_NODE_ID);
  if (!net) return { boxes: [...layout.boxes, ...lbBoxes] };
  const centre = centreOfTargets(graph, byId, INTERNET_NODE_ID) ?? net.absY + net.height / 2;
  const x = (lbBoxes.length > 0 ? lbX : left) - INTERNET_GAP - net.width;
  const y = Math.max(0, centre - net.height / 2);
  return {
    boxes: [
      ...layout.boxes.map((box) => (box === net ? { ...box, x, y, absX: x, absY: y } : box)),
      ...lbBoxes,
    ],
  };
}

/** Lays the graph out with the given ELK instance (in the app: elkjs inside a Web Worker). */
export async function layoutGraph(elk: ElkLike, graph: Graph): Promise<Layout> {
  return placeInternetLeft(boxesFromElk(await elk.layout(buildElkGraph(graph))), graph);
}
