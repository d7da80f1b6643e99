import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { Graph } from '../../../../../shared/model.ts';
import { type Layout, layoutGraph } from './layout.ts';

/** Messages between the map and its layout worker. */
export type LayoutRequest = { id: number; graph: Graph };
export type LayoutReply =
  | { id: number; ok: true; layout: Layout }
  | { id: number; ok: false; message: string };

// elk.bundled runs ELK in-process here (we already are off the main thread). Importing it also
// installs ELK's own onmessage handler in worker scope, which the assignment below replaces.
const ElkConstructor = ((ElkBundled as unknown as { default?: unknown }).default ??
  ElkBundled) as new () => ELK;
const elk = new ElkConstructor();

// The DOM lib types `self` as a Window; in a dedicated worker it is this narrower scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
};
scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  layoutGraph(elk, graph).then(
    (layout) => scope.postMessage({ id, ok: true, layout } satisfies LayoutReply),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies LayoutReply),
  );
};
