import { describe, expect, it } from 'vitest';
import { healthOf } from './health.ts';

describe('healthOf', () => {
  it.each([
    [0, 100, 'healthy'],
    [0.0001, 10_000, 'degraded'],
    [0.0999, 100, 'degraded'],
    [0.1, 100, 'failing'],
    [0.86, 50, 'failing'],
    [0, 0, 'idle'],
    [null, 0, 'idle'],
    [null, 12, 'unknown'],
    [0.5, null, 'unknown'],
  ] as const)('maps ratio %s over %s requests to %s', (ratio, requests, health) => {
    expect(healthOf(ratio, requests)).toBe(health);
  });
});
