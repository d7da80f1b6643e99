import type { UseQueryResult } from '@tanstack/react-query';
import type { NodeTraffic, TimeRange, TrafficResponse } from '../../../../../shared/observability.ts';
import { AppLink } from '../../../components/app-link.tsx';
import { SafeText } from '../../../components/safe-text.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatPercent, formatRate, healthLook, isAlarming } from '../../../lib/health.ts';
import { shortName } from '../../../lib/resource-name.ts';
import { useFollow } from '../api/get-follow.ts';
import { distinctLabels } from '../utils/service-labels.ts';
import { rangeLabels } from '../utils/url-state.ts';
import { sourceLabel } from './panel-states.tsx';
import './observability.css';

/**
 * The service's health in the panel header, from the traffic overlay; when it is failing or
 * degraded, the way to follow the failure down to where it starts.
 */
export function HealthStrip({
  name,
  traffic,
  range,
  following,
  onFollow,
}: {
  name: string;
  traffic: UseQueryResult<TrafficResponse>;
  range: TimeRange;
  following: boolean;
  onFollow: () => void;
}) {
  const own: NodeTraffic | undefined = traffic.data?.nodes.find((node) => node.id === name);
  if (!own) {
    if (traffic.isPending) return <p className="health-strip health-strip--loading">Reading its traffic…</p>;
    return null;
  }
  const look = healthLook[own.health];
  return (
    <div className={`health-strip health-strip--${own.health}`} data-testid="health-strip">
      <p>
        <span className={`health-chip health-chip--${own.health}`}>{look.label}</span>{' '}
        <span>
          {formatPercent(own.errorRatio)} 5xx · {formatRate(own.requestsPerMinute)} over{' '}
          {rangeLabels[range].long}
        </span>
      </p>
      {isAlarming(own.health) ? (
        <button
          type="button"
          className="button button--small button--danger"
          onClick={onFollow}
          aria-pressed={following}
          title="Walk down its failing calls to the service where the errors start"
        >
          {/* One name in both states (a toggle button): aria-pressed and the look tell them apart. */}
          Follow the failure <span aria-hidden="true">{following ? '✓' : '→'}</span>
        </button>
      ) : null}
    </div>
  );
}

/** The followed failure in the map toolbar: the root cause named, the path and why. */
export function FollowBanner({
  name,
  range,
  onFocus,
  clearHref,
}: {
  name: string;
  range: TimeRange;
  onFocus: (id: string) => void;
  clearHref: string;
}) {
  const follow = useFollow(name, range);
  const from = <strong>{<SafeText text={shortName(name)} max={60} expandable={false} />}</strong>;
  let body: React.ReactNode;
  if (follow.isPending) body = <span>Following the failure from {from}…</span>;
  else if (follow.isError)
    body = (
      <span>
        Could not follow the failure from {from}: <SafeText text={errorMessage(follow.error)} max={160} />
      </span>
    );
  else {
    const { rootCause, path, explanation } = follow.data;
    const labels = distinctLabels(path);
    body = (
      <span className="follow-banner__text">
        {rootCause ? (
          <span className="follow-banner__root">
            Root cause:{' '}
            <button
              type="button"
              className="link-button follow-banner__root-name"
              onClick={() => onFocus(rootCause)}
            >
              <SafeText text={labels.get(rootCause) ?? shortName(rootCause)} max={60} expandable={false} />
            </button>
          </span>
        ) : (
          <span className="follow-banner__root">No root cause found</span>
        )}
        {path.length > 1 ? (
          <span className="follow-banner__path">
            <span className="visually-hidden">Path followed: </span>
            {path.map((id, index) => (
              <span key={id}>
                {index > 0 ? <span aria-hidden="true"> → </span> : null}
                <SafeText text={labels.get(id) ?? shortName(id)} max={60} expandable={false} />
              </span>
            ))}
          </span>
        ) : null}
        <span className="follow-banner__why">
          <SafeText text={explanation} max={600} />
        </span>
        {follow.data.failures && follow.data.failures.length > 0 ? (
          <span className="follow-banner__incomplete">
            Some reads failed (
            {follow.data.failures.map((f) => `${sourceLabel[f.source]} ${f.code}`).join(', ')}): the path may
            stop short of the real root cause.
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <div
      className={`follow-banner${follow.isError ? ' follow-banner--error' : ''}`}
      role="status"
      data-testid="follow-banner"
    >
      {body}
      <AppLink to={clearHref} className="follow-banner__clear">
        Stop following
      </AppLink>
    </div>
  );
}
