import { describe, expect, it } from 'vitest';
import { parseTimestamp, shiftTimestamp } from './timestamp.ts';

describe('shiftTimestamp', () => {
  it.each([
    ['2026-11-21T12:00:00Z', 3_600_000, '2026-11-21T13:00:00Z'],
    ['2026-11-21T12:00:00.250Z', -250, '2026-11-21T12:00:00Z'],
    ['2026-11-21T12:00:00.123456789Z', 1000, '2026-11-21T12:00:01.123456789Z'],
    ['2026-11-21T12:00:00.123400Z', 0, '2026-11-21T12:00:00.123400Z'],
    ['2026-11-21T14:00:00+02:00', 0, '2026-11-21T12:00:00Z'],
    ['1970-01-01T00:00:00.5Z', -1000, '1969-12-31T23:59:59.500Z'],
  ])('moves %s by %d ms when shifted', (text, shiftMs, expected) => {
    expect(shiftTimestamp(text, shiftMs)).toBe(expected);
  });
});

describe('parseTimestamp', () => {
  it.each([
    '2026-02-31T00:00:00Z',
    '2026-11-21 12:00:00Z',
    '2026-11-21T12:00:00',
    '2026-11-21T24:00:00Z',
    'now',
  ])('refuses %s when it is not an RFC 3339 timestamp', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
