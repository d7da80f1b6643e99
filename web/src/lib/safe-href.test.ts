import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it.each([
    ['https://orders-abc-ew.a.run.app', 'https://orders-abc-ew.a.run.app/'],
    ['http://example.com/x?y=1', 'http://example.com/x?y=1'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['//evil.example', null],
    ['not a url', null],
  ])('maps %s to %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
