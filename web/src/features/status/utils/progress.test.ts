import { describe, expect, it } from 'vitest';
import { describeProgress, progressPercent } from './progress.ts';

describe('progressPercent', () => {
  it.each([
    [{ projectsDone: 1, projectsTotal: 2, callsDone: 30, callsTotal: 120 }, 25],
    [{ projectsDone: 1, projectsTotal: 4, callsDone: 0, callsTotal: 0 }, 25],
    [{ projectsDone: 0, projectsTotal: 0, callsDone: 0, callsTotal: 0 }, 0],
    [{ projectsDone: 2, projectsTotal: 2, callsDone: 130, callsTotal: 120 }, 100],
  ])('gives %o as %i%%', (progress, expected) => {
    expect(progressPercent(progress)).toBe(expected);
  });

  it('names projects and calls', () => {
    expect(describeProgress({ projectsDone: 1, projectsTotal: 2, callsDone: 14, callsTotal: 40 })).toBe(
      'Collecting… projects 1 of 2, calls 14 of 40',
    );
  });
});
