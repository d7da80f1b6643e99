import { describe, expect, it } from 'vitest';
import { searchNodes } from './search.ts';
import { aJob, aService, internet } from './test-graph.ts';

const nodes = [
  internet,
  aService('shop', 'europe-west1', 'orders-api'),
  aService('shop', 'europe-west1', 'orders'),
  aService('shop', 'us-central1', 'backorders'),
  aService('billing', 'us-central1', 'invoices'),
  aJob('shop', 'us-central1', 'orders-export'),
];

describe('searchNodes', () => {
  it('ranks exact, prefix, then substring matches on the short name', () => {
    expect(searchNodes(nodes, 'Orders').map((hit) => hit.label)).toEqual([
      'orders',
      'orders-api',
      'orders-export',
      'backorders',
    ]);
  });

  it('matches the full resource name', () => {
    expect(searchNodes(nodes, 'projects/billing').map((hit) => hit.label)).toEqual(['invoices']);
  });

  it('never suggests the Internet node, and returns nothing for a blank query', () => {
    expect(searchNodes(nodes, 'internet')).toEqual([]);
    expect(searchNodes(nodes, '   ')).toEqual([]);
  });

  it('caps the number of suggestions', () => {
    expect(searchNodes(nodes, 'o', 2)).toHaveLength(2);
  });
});
