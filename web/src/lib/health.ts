import type { Health } from '../../../shared/observability.ts';

/**
 * How traffic health reads on the map (edge colours, node rings) and in the panels. `denied` is an
 * edge's own tone: calls answered 401/403 with no server span (a missing grant or a wrong audience).
 */
export type HealthTone = Health | 'denied';

export const healthLook: Record<
  HealthTone,
  { label: string; description: string; color: string; dash?: string }
> = {
  healthy: { label: 'Healthy', description: 'No 5xx in the window', color: '#16a34a' },
  degraded: { label: 'Degraded', description: 'Some 5xx (above 0 %, under 10 %)', color: '#d97706' },
  failing: { label: 'Failing', description: '10 % or more of the calls fail', color: '#dc2626' },
  denied: {
    label: 'Denied',
    description: 'Calls answered 401/403: a missing invoker grant or a wrong audience',
    color: '#dc2626',
    dash: '6 4',
  },
  idle: { label: 'Idle', description: 'No calls in the window', color: '#94a3b8' },
  unknown: { label: 'No data', description: 'Traffic could not be read', color: '#94a3b8' },
};

/** Kiali's thresholds on the 5xx ratio: degraded above 0, failing at 10 %. Null (no calls) is idle. */
export function healthOfRatio(ratio: number | null): Health {
  if (ratio === null || Number.isNaN(ratio)) return 'idle';
  if (ratio >= 0.1) return 'failing';
  return ratio > 0 ? 'degraded' : 'healthy';
}

/** An observed edge's tone: any denied call makes it `denied`, whatever the other calls did. */
export function edgeTone(edge: { health: Health; denied: number }): HealthTone {
  return edge.denied > 0 ? 'denied' : edge.health;
}

/** Whether a tone should draw the eye (an SRE looks there first). */
export const isAlarming = (tone: HealthTone): boolean =>
  tone === 'failing' || tone === 'degraded' || tone === 'denied';

/** A ratio as a short percentage: 0 → "0%", 0.0004 → "0.04%", 0.031 → "3.1%", 0.863 → "86%". */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  const pct = ratio * 100;
  if (pct === 0) return '0%';
  if (pct < 0.01) return '<0.01%';
  if (pct < 1) return `${trim(pct.toFixed(2))}%`;
  if (pct < 10) return `${trim(pct.toFixed(1))}%`;
  return `${Math.round(pct)}%`;
}

/** A rate with its unit: 0 → "0/min", 0.04 → "<0.1/min", 8.25 → "8.3/min", 1234 → "1.2k/min". */
export function formatRate(value: number | null, unit = '/min'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (value === 0) return `0${unit}`;
  if (value < 0.1) return `<0.1${unit}`;
  if (value < 10) return `${trim(value.toFixed(1))}${unit}`;
  if (value < 1000) return `${Math.round(value)}${unit}`;
  if (value < 1_000_000) return `${trim((value / 1000).toFixed(1))}k${unit}`;
  return `${trim((value / 1_000_000).toFixed(1))}M${unit}`;
}

/** A duration: 0.4 → "0.4 ms", 35 → "35 ms", 420 → "420 ms", 9420 → "9.4 s", 125000 → "2.1 min". */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 10) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
  return `${trim((ms / 60_000).toFixed(1))} min`;
}

const trim = (fixed: string): string => (fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed);
