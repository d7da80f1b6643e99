import { describe, expect, it } from 'vitest';
import { distinctLabels } from './service-labels.ts';

const s = (project: string, region: string, name: string) =>
  `projects/${project}/locations/${region}/services/${name}`;

describe('distinctLabels', () => {
  it('uses the short name when it is unique', () => {
    expect([...distinctLabels([s('p', 'r', 'order'), s('p', 'r', 'payment')]).values()]).toEqual([
      'order',
      'payment',
    ]);
  });
  it('adds the region where two services share a name', () => {
    const labels = distinctLabels([
      s('shop', 'europe-west1', 'cart'),
      s('shop', 'europe-west4', 'cart'),
      s('shop', 'europe-west1', 'order'),
    ]);
    expect([...labels.values()]).toEqual(['cart (europe-west1)', 'cart (europe-west4)', 'order']);
  });
  it('adds the project where the region is not enough', () => {
    const labels = distinctLabels([s('a', 'r', 'api'), s('b', 'r', 'api')]);
    expect([...labels.values()]).toEqual(['api (a/r)', 'api (b/r)']);
  });
  it('keeps the last segment of other ids', () => {
    expect(distinctLabels(['internet']).get('internet')).toBe('internet');
  });
});
