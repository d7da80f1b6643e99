import { describe, expect, it } from 'vitest';
import {
  edgeTone,
  formatMs,
  formatPercent,
  formatRate,
  healthLook,
  healthOfRatio,
  isAlarming,
} from './health.ts';

describe('healthOfRatio', () => {
  it.each([
    [null, 'idle'],
    [0, 'healthy'],
    [0.0001, 'degraded'],
    [0.0999, 'degraded'],
    [0.1, 'failing'],
    [0.86, 'failing'],
  ] as const)('maps a 5xx ratio of %s to %s (Kiali thresholds)', (ratio, health) => {
    expect(healthOfRatio(ratio)).toBe(health);
  });
});

describe('edgeTone', () => {
  it('flags an edge with denied calls as denied, whatever its health', () => {
    expect(edgeTone({ health: 'healthy', denied: 3 })).toBe('denied');
    expect(edgeTone({ health: 'failing', denied: 1 })).toBe('denied');
  });
  it('keeps the health of an edge without denied calls', () => {
    expect(edgeTone({ health: 'degraded', denied: 0 })).toBe('degraded');
  });
});

describe('healthLook', () => {
  it('tells healthy, degraded and failing apart by colour, and denied by its dash', () => {
    const colours = new Set([healthLook.healthy.color, healthLook.degraded.color, healthLook.failing.color]);
    expect(colours.size).toBe(3);
    expect(healthLook.denied.color).toBe(healthLook.failing.color);
    expect(healthLook.denied.dash).toBeTruthy();
    expect(healthLook.failing.dash).toBeUndefined();
  });
  it('draws the eye only to what is going wrong', () => {
    expect((['healthy', 'idle', 'unknown'] as const).map(isAlarming)).toEqual([false, false, false]);
    expect((['degraded', 'failing', 'denied'] as const).map(isAlarming)).toEqual([true, true, true]);
  });
});

describe('formatters', () => {
  it.each([
    [0, '0%'],
    [0.00004, '<0.01%'],
    [0.0004, '0.04%'],
    [0.031, '3.1%'],
    [0.05, '5%'],
    [0.863, '86%'],
    [1, '100%'],
    [null, '–'],
  ])('formats the ratio %s as %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
  it.each([
    [0, '0/min'],
    [0.04, '<0.1/min'],
    [8.25, '8.3/min'],
    [8, '8/min'],
    [120.4, '120/min'],
    [1234, '1.2k/min'],
    [2_500_000, '2.5M/min'],
  ])('formats the rate %s as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
  it.each([
    [0.4, '0.4 ms'],
    [35, '35 ms'],
    [420.6, '421 ms'],
    [1234, '1.23 s'],
    [9420, '9.42 s'],
    [12_345, '12.3 s'],
    [125_000, '2.1 min'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});
