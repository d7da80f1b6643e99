import type { UseQueryResult } from '@tanstack/react-query';
import type { TimeRange, TrafficResponse } from '../../../../../shared/observability.ts';
import { SafeText } from '../../../components/safe-text.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { edgeTone, type HealthTone, healthLook } from '../../../lib/health.ts';
import { rangeLabels } from '../utils/url-state.ts';
import { sourceLabel } from './panel-states.tsx';
import './observability.css';

const LEGEND: readonly HealthTone[] = ['healthy', 'degraded', 'failing', 'denied'];

/**
 * The overlay's state in the map toolbar: loading (the map is already there), a one-line summary
 * with the colour key, or what failed. Never blocks the map.
 */
export function TrafficStatus({
  traffic,
  range,
}: {
  traffic: UseQueryResult<TrafficResponse>;
  range: TimeRange;
}) {
  if (traffic.isPending || (traffic.isPlaceholderData && traffic.isFetching)) {
    return (
      <span className="traffic-status traffic-status--loading" role="status">
        <span className="spinner spinner--tiny" aria-hidden="true" /> Loading traffic for{' '}
        {rangeLabels[range].short}…
      </span>
    );
  }
  if (traffic.isError && !traffic.data) {
    return (
      <span className="traffic-status traffic-status--error" role="status">
        Traffic unavailable: <SafeText text={errorMessage(traffic.error)} max={160} />{' '}
        <button type="button" className="link-button" onClick={() => void traffic.refetch()}>
          Retry
        </button>
      </span>
    );
  }
  const data = traffic.data;
  if (!data) return null;
  const counts = { failing: 0, degraded: 0, denied: 0 };
  for (const edge of data.edges) {
    const tone = edgeTone(edge);
    if (tone === 'failing' || tone === 'degraded' || tone === 'denied') counts[tone] += 1;
  }
  const failingNodes = data.nodes.filter((node) => node.health === 'failing').length;
  const summary = [
    `${data.edges.length} observed edge${data.edges.length === 1 ? '' : 's'}`,
    counts.failing ? `${counts.failing} failing` : '',
    counts.degraded ? `${counts.degraded} degraded` : '',
    counts.denied ? `${counts.denied} denied` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span className="traffic-status" data-testid="traffic-status">
      <span role="status">
        <strong>Traffic, {rangeLabels[range].short}:</strong> {summary}
        {failingNodes > 0 ? (
          <span className="traffic-status__alarm">
            {' '}
            · {failingNodes} service{failingNodes === 1 ? '' : 's'} failing
          </span>
        ) : null}
      </span>
      <span className="traffic-key">
        {LEGEND.map((tone) => (
          <span key={tone} className="traffic-key__item" title={healthLook[tone].description}>
            <svg viewBox="0 0 18 6" width="18" height="6" aria-hidden="true" focusable="false">
              <line
                x1="0"
                y1="3"
                x2="18"
                y2="3"
                stroke={healthLook[tone].color}
                strokeWidth="2.5"
                strokeDasharray={healthLook[tone].dash}
              />
            </svg>
            {healthLook[tone].label}
          </span>
        ))}
      </span>
      {data.truncated ? (
        <span className="traffic-status__degraded">
          More traces than runmap reads: edges come from the newest
          {data.tracesRead ? ` ${data.tracesRead.toLocaleString()}` : ''}.
        </span>
      ) : null}
      {data.failures.length > 0 ? (
        <span className="traffic-status__degraded" role="alert">
          Incomplete:{' '}
          {data.failures.map((failure) => (
            <span key={`${failure.source}|${failure.code}`}>
              {sourceLabel[failure.source]} failed ({failure.code}:{' '}
              <SafeText text={failure.message} max={120} />){' '}
            </span>
          ))}
        </span>
      ) : null}
      {traffic.isError ? (
        <span className="traffic-status__degraded">Could not refresh; showing the last traffic read.</span>
      ) : null}
    </span>
  );
}
