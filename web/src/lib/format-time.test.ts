import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-time.ts';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('formatRelative', () => {
  it.each([
    ['2026-11-21T11:59:50Z', 'just now'],
    ['2026-11-21T11:57:00Z', '3 min ago'],
    ['2026-11-21T10:00:00Z', '2 h ago'],
    ['2026-11-16T12:00:00Z', '5 days ago'],
    ['2026-11-21T12:10:00Z', 'in the future'],
    ['not a date', ''],
  ])('describes %s as %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});
