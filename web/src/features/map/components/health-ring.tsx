import { memo } from 'react';
import type { NodeTraffic } from '../../../../../shared/observability.ts';
import { formatPercent, formatRate, healthLook } from '../../../lib/health.ts';
import './traffic-overlay.css';

/** Under 1 % of 5xx, a degraded workload shows its ring alone: a badge on every node would be noise. */
const BADGE_FROM = 0.01;

/** A ring around a workload coloured by its health, and its 5xx share when it is notable. */
export const HealthRing = memo(function HealthRing({ traffic }: { traffic: NodeTraffic }) {
  const look = healthLook[traffic.health];
  const title = `${look.label}: ${formatPercent(traffic.errorRatio)} 5xx, ${formatRate(traffic.requestsPerMinute)}`;
  return (
    <>
      <span className={`wl-ring wl-ring--${traffic.health}`} aria-hidden="true" />
      {traffic.health === 'failing' || (traffic.health === 'degraded' && traffic.errorRatio >= BADGE_FROM) ? (
        <span className={`wl-health wl-health--${traffic.health}`} title={title} data-health={traffic.health}>
          {formatPercent(traffic.errorRatio)} 5xx
        </span>
      ) : null}
    </>
  );
});
