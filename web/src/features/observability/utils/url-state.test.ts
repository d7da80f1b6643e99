import { describe, expect, it } from 'vitest';
import { formatRange, formatTab, formatTraceRef, parseRange, parseTab, parseTraceRef } from './url-state.ts';

describe('range in the URL', () => {
  it.each([
    [null, '1h'],
    ['', '1h'],
    ['6h', '6h'],
    ['24h', '24h'],
    ['7d', '7d'],
    ['30d', '1h'],
    ['6H', '1h'],
  ])('reads %s as %s', (value, range) => {
    expect(parseRange(value)).toBe(range);
  });
  it('leaves the default out of URLs', () => {
    expect(formatRange('1h')).toBeNull();
    expect(formatRange('7d')).toBe('7d');
  });
});

describe('panel tab in the URL', () => {
  it.each([
    [null, 'overview'],
    ['signals', 'signals'],
    ['errors', 'errors'],
    ['traces', 'traces'],
    ['constructor', 'overview'],
    ['Signals', 'overview'],
  ])('reads %s as %s', (value, tab) => {
    expect(parseTab(value)).toBe(tab);
  });
  it('leaves the overview out of URLs', () => {
    expect(formatTab('overview')).toBeNull();
    expect(formatTab('errors')).toBe('errors');
  });
});

describe('trace in the URL', () => {
  it.each([
    [
      'shop-prod/0af7651916cd43dd8448eb211c80319c',
      { project: 'shop-prod', traceId: '0af7651916cd43dd8448eb211c80319c' },
    ],
    ['example.com:shop/abc', { project: 'example.com:shop', traceId: 'abc' }],
  ])('reads %s', (value, ref) => {
    expect(parseTraceRef(value)).toEqual(ref);
    expect(formatTraceRef(ref)).toBe(value);
  });
  it.each([null, '', 'abc', '/abc', 'shop-prod/', 'shop prod/abc', 'shop-prod/a b', 'p/../x', 'a/b/c d'])(
    'refuses %s',
    (value) => {
      expect(parseTraceRef(value)).toBeNull();
    },
  );
});
