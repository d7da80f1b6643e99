import { describe, expect, it } from 'vitest';
import { resourcePattern } from './resource-pattern.ts';

const orders = ['projects/shop/locations/europe-west1/services/orders', 'orders'] as const;

describe('resourcePattern', () => {
  it.each<[string, boolean]>([
    ['orders', true],
    ['order', false],
    ['ord*', true],
    ['*', true],
    ['projects/shop/locations/europe-west1/services/orders', true],
    ['projects/shop/locations/*/services/orders', true],
    ['projects/shop/locations/*/services/*', true],
    ['projects/shop/**', true],
    ['projects/shop/*', false],
    ['projects/shop/locations/*/jobs/*', false],
    ['projects/sh.p/**', false],
  ])('matches %s: %s', (pattern, expected) => {
    expect(resourcePattern(pattern)(...orders)).toBe(expected);
  });
});
