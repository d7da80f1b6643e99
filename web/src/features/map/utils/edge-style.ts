import type { EdgeKind } from '../../../../../shared/model.ts';

/** How each edge kind looks; one table shared by the edges and the legend. */
export const edgeKindStyle: Record<
  EdgeKind,
  { label: string; description: string; color: string; dash?: string; width: number }
> = {
  declared: {
    label: 'Declared',
    description: 'An env var holds the target’s URL',
    color: '#64748b',
    width: 1.5,
  },
  permitted: {
    label: 'Permitted',
    description: 'The caller’s identity may invoke the target',
    color: '#94a3b8',
    dash: '6 4',
    width: 1.5,
  },
  observed: {
    label: 'Observed',
    description: 'Calls seen in traces or request logs',
    color: '#2563eb',
    width: 2.5,
  },
  event: {
    label: 'Event',
    description: 'Pub/Sub push, Scheduler or Tasks delivers to the target',
    color: '#7c3aed',
    dash: '2 4',
    width: 2,
  },
  exposure: {
    label: 'Exposure',
    description: 'Reachable from the internet or a load balancer',
    color: '#ea580c',
    width: 2,
  },
  backing: {
    label: 'Backing',
    description: 'Reads a secret or connects to a Cloud SQL instance',
    color: '#0d9488',
    dash: '1 3',
    width: 1.5,
  },
};

/** Exposure edges into an overexposed service are drawn red, the others orange. */
export const overexposedEdgeColor = '#dc2626';

/** Distinct curvatures keep parallel edges of different kinds apart. */
export const edgeCurvature: Record<EdgeKind, number> = {
  declared: 0.25,
  permitted: 0.45,
  observed: 0.15,
  event: 0.6,
  exposure: 0.25,
  backing: 0.2,
};
