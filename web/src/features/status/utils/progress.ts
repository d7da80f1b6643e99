import type { Progress } from '../../../../../shared/api.ts';

/** Percent done, by calls when their total is known, else by projects; 0..100. */
export function progressPercent(progress: Progress): number {
  const [done, total] =
    progress.callsTotal > 0
      ? [progress.callsDone, progress.callsTotal]
      : [progress.projectsDone, progress.projectsTotal];
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

export function describeProgress(progress: Progress): string {
  return `Collecting… projects ${progress.projectsDone} of ${progress.projectsTotal}, calls ${progress.callsDone} of ${progress.callsTotal}`;
}
