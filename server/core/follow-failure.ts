import type { FollowResponse, Health, ObservedEdge } from '../../shared/observability.ts';
import { isUnhealthy } from './health.ts';

/** What is known of a workload's own requests over the range. */
export interface NodeState {
  health: Health;
  /** 5xx ratio, 0..1, or null when unknown. */
  errorRatio: number | null;
}

export type FollowResult = Pick<FollowResponse, 'path' | 'edges' | 'rootCause' | 'explanation'>;

const pct = (ratio: number | null) =>
  ratio === null ? 'an unknown share' : `${ratio > 0 && ratio < 0.01 ? '<1' : Math.round(ratio * 100)} %`;
const short = (id: string) => id.split('/').pop() ?? id;

/**
 * "Follow the failure" (SPEC §1, issue 4): from a service, step along the observed edge carrying the
 * most errors to a callee that is itself failing (or whose health is unknown), until a workload has
 * no such callee: its errors are its own, so it is the root cause. A call refused with 401/403 ends
 * the walk at the caller — the missing grant is on that boundary.
 */
export function followFailure(
  start: string,
  edges: readonly ObservedEdge[],
  nodes: ReadonlyMap<string, NodeState>,
): FollowResult {
  const outgoing = new Map<string, ObservedEdge[]>();
  for (const edge of edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  const stateOf = (id: string): NodeState => nodes.get(id) ?? { health: 'unknown', errorRatio: null };

  const path = [start];
  const edgeIds: string[] = [];
  const steps: string[] = [];
  const visited = new Set(path);
  let current = start;
  let denied: ObservedEdge | undefined;
  for (;;) {
    const candidates = (outgoing.get(current) ?? [])
      .filter((e) => e.errors > 0 && !visited.has(e.target))
      .filter(
        (e) =>
          e.denied > 0 || isUnhealthy(stateOf(e.target).health) || stateOf(e.target).health === 'unknown',
      )
      .sort((a, b) => b.errors - a.errors || b.errorRatio - a.errorRatio || (a.id < b.id ? -1 : 1));
    const next = candidates[0];
    if (!next) break;
    if (next.errors === next.denied) {
      denied = next;
      break;
    }
    steps.push(
      `${short(current)}'s calls to ${short(next.target)} fail (${pct(next.errorRatio)} of ${next.calls} traced calls)`,
    );
    path.push(next.target);
    edgeIds.push(next.id);
    visited.add(next.target);
    current = next.target;
  }

  const own = stateOf(current);
  const startState = stateOf(start);
  if (path.length === 1 && !denied && !isUnhealthy(startState.health)) {
    return {
      path,
      edges: edgeIds,
      rootCause: null,
      explanation: `${short(start)} is ${startState.health} over the range and none of its calls fail: there is no failure to follow.`,
    };
  }
  const where = steps.length > 0 ? `${steps.join('; ')}. ` : '';
  if (denied) {
    return {
      path,
      edges: edgeIds,
      rootCause: current,
      explanation: `${where}${short(current)}'s calls to ${short(denied.target)} are refused with 401/403 (${denied.denied} traced): ${short(current)}'s identity is missing an invoker grant on ${short(denied.target)}, or its token has the wrong audience.`,
    };
  }
  return {
    path,
    edges: edgeIds,
    rootCause: current,
    explanation: `${where}${short(current)} is ${own.health} (${pct(own.errorRatio)} 5xx) and none of its callees is failing: the errors start there.`,
  };
}
