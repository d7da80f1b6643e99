import { describe, expect, it } from 'vitest';
import { buildUrl } from './router.ts';

describe('buildUrl', () => {
  it.each([
    ['/map', {}, '/map'],
    [
      '/map',
      { focus: 'projects/p/locations/l/services/s' },
      '/map?focus=projects%2Fp%2Flocations%2Fl%2Fservices%2Fs',
    ],
    ['/findings', { rule: 'CR-01', project: '', severity: undefined, sort: null }, '/findings?rule=CR-01'],
    ['/findings', { q: 'a b&c' }, '/findings?q=a+b%26c'],
  ])('builds %s with %o', (path, params, expected) => {
    expect(buildUrl(path, params)).toBe(expected);
  });
});
