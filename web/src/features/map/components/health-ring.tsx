import { memo } from 'react';
import type { NodeTraffic } from '../../../../../shared/observability.ts';
import { formatPercent, formatRate, healthLook, isAlarming } from '../../../lib/health.ts';
import './traffic-overlay.css';

/** A ring around a workload coloured by its health, and its 5xx share when it has errors. */
export const HealthRing = memo(function HealthRing({ traffic }: { traffic: NodeTraffic }) {
  const look = healthLook[traffic.health];
  const title = `${look.label}: ${formatPercent(traffic.errorRatio)} 5xx, ${formatRate(traffic.requestsPerMinute)}`;
  return (
    <>
      <span className={`wl-ring wl-ring--${traffic.health}`} aria-hidden="true" />
      {isAlarming(traffic.health) ? (
        <span className={`wl-health wl-health--${traffic.health}`} title={title} data-health={traffic.health}>
          {formatPercent(traffic.errorRatio)} 5xx
        </span>
      ) : null}
    </>
  );
});
