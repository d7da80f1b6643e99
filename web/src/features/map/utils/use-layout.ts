import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../../../../../shared/model.ts';
import type { Layout } from './layout.ts';
import type { LayoutReply, LayoutRequest } from './layout.worker.ts';

export type LayoutState =
  | { status: 'pending' }
  | { status: 'done'; graph: Graph; layout: Layout }
  | { status: 'error'; message: string };

/** Lays `graph` out in a module Web Worker (elkjs), so that large estates never block the page. */
export function useLayout(graph: Graph | undefined): LayoutState {
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const [state, setState] = useState<LayoutState>({ status: 'pending' });

  useEffect(() => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), {
      type: 'module',
      name: 'runmap-layout',
    });
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!graph || !worker) return;
    const id = ++requestRef.current;
    const onMessage = (event: MessageEvent<LayoutReply>) => {
      // A newer graph may have been sent meanwhile: only its answer counts.
      if (event.data.id !== requestRef.current) return;
      setState(
        event.data.ok
          ? { status: 'done', graph, layout: event.data.layout }
          : { status: 'error', message: event.data.message },
      );
    };
    const onError = (event: ErrorEvent) => {
      if (id === requestRef.current)
        setState({ status: 'error', message: event.message || 'The layout worker failed to start.' });
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, graph } satisfies LayoutRequest);
    return () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
  }, [graph]);

  return state;
}
