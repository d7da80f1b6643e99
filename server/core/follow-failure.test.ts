import { describe, expect, it } from 'vitest';
import type { Health, ObservedEdge } from '../../shared/observability.ts';
import { followFailure, type NodeState } from './follow-failure.ts';
import { healthOf } from './health.ts';
import { observedEdgeId } from './observed-edges.ts';

const edge = (source: string, target: string, calls: number, errors: number, denied = 0): ObservedEdge => ({
  id: observedEdgeId(source, target),
  source,
  target,
  calls,
  errors,
  callsPerMinute: calls / 60,
  errorRatio: errors / calls,
  p95Ms: 100,
  denied,
  health: healthOf(errors / calls, calls),
});
const state = (errorRatio: number, health: Health = healthOf(errorRatio, 100)): NodeState => ({
  health,
  errorRatio,
});

// The demo's incident: users call frontend, payment fails two hops below.
const edges = [
  edge('frontend', 'order', 60, 45),
  edge('frontend', 'recommendations', 10, 1),
  edge('frontend', 'cart', 60, 0),
  edge('order', 'payment', 60, 50),
  edge('order', 'cart', 60, 0),
  edge('payment', 'ledger', 60, 0),
];
const nodes = new Map([
  ['frontend', state(0.03)],
  ['order', state(0.75)],
  ['payment', state(0.86)],
  ['recommendations', state(0.002)],
  ['cart', state(0)],
  ['ledger', state(0)],
]);

describe('followFailure', () => {
  it('follows the failing calls down to the deepest failing workload', () => {
    const result = followFailure('frontend', edges, nodes);
    expect(result.path).toEqual(['frontend', 'order', 'payment']);
    expect(result.edges).toEqual([observedEdgeId('frontend', 'order'), observedEdgeId('order', 'payment')]);
    expect(result.rootCause).toBe('payment');
    expect(result.explanation).toContain('payment is failing (86 % 5xx)');
  });

  it('names the service itself when no callee explains its errors', () => {
    expect(followFailure('payment', edges, nodes)).toMatchObject({ path: ['payment'], rootCause: 'payment' });
  });

  it('finds nothing to follow from a healthy service', () => {
    expect(followFailure('cart', edges, nodes)).toMatchObject({ path: ['cart'], rootCause: null, edges: [] });
  });

  it('stops at the caller of a denied call', () => {
    const result = followFailure(
      'webhook',
      [edge('webhook', 'jobs', 10, 3, 3)],
      new Map([
        ['webhook', state(0)],
        ['jobs', state(0)],
      ]),
    );
    expect(result).toMatchObject({ path: ['webhook'], rootCause: 'webhook' });
    expect(result.explanation).toContain('refused with 401/403');
  });

  it('does not loop on cycles', () => {
    const cyclic = [edge('a', 'b', 10, 5), edge('b', 'a', 10, 5)];
    const failing = new Map([
      ['a', state(0.5)],
      ['b', state(0.5)],
    ]);
    expect(followFailure('a', cyclic, failing)).toMatchObject({ path: ['a', 'b'], rootCause: 'b' });
  });
});
