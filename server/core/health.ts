import type { Health } from '../../shared/observability.ts';

/** Kiali's thresholds on the 5xx ratio: any error degrades, 10 % fails. */
export const DEGRADED_ABOVE = 0;
export const FAILING_AT = 0.1;

/**
 * Health from a 5xx ratio (0..1) over `requests` requests: idle without traffic, unknown when the
 * ratio could not be read, else healthy, degraded (above 0 %) or failing (at 10 % and above).
 */
export function healthOf(errorRatio: number | null, requests: number | null): Health {
  if (requests === 0) return 'idle';
  if (errorRatio === null || requests === null || Number.isNaN(errorRatio)) return 'unknown';
  if (errorRatio >= FAILING_AT) return 'failing';
  if (errorRatio > DEGRADED_ABOVE) return 'degraded';
  return 'healthy';
}

/** True for the health states that mean errors are happening. */
export function isUnhealthy(health: Health): boolean {
  return health === 'failing' || health === 'degraded';
}
