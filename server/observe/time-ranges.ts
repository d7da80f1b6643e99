import type { TimeRange } from '../../shared/observability.ts';

/** Length of each range and the alignment period Monitoring aggregates it by (≤ ~500 points). */
export const RANGES: Record<TimeRange, { seconds: number; stepSeconds: number }> = {
  '1h': { seconds: 3_600, stepSeconds: 60 },
  '6h': { seconds: 21_600, stepSeconds: 300 },
  '24h': { seconds: 86_400, stepSeconds: 1_200 },
  '7d': { seconds: 604_800, stepSeconds: 1_200 },
};

/** The window of a range ending at `now`. */
export function windowOf(range: TimeRange, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - RANGES[range].seconds * 1000), to: now };
}
