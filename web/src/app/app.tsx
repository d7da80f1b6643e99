import { AppLink } from '../components/app-link.tsx';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { SearchBox } from '../features/map/components/search-box.tsx';
import { AuthDisabledBanner, SessionBadge } from '../features/session/components/session-badge.tsx';
import { useStatus } from '../features/status/api/get-status.ts';
import { CollectingCard } from '../features/status/components/collecting-card.tsx';
import { FailuresBanner } from '../features/status/components/failures-banner.tsx';
import { RefreshButton } from '../features/status/components/refresh-button.tsx';
import { StatusIndicator } from '../features/status/components/status-indicator.tsx';
import { errorMessage, errorTitle } from '../lib/api-client.ts';
import { buildUrl, navigate, useLocation } from '../lib/router.ts';
import { HeaderRangePicker } from './map-observability.tsx';
import { AccessRoute, FindingsRoute, MapRoute, matchRoute, NotFoundRoute } from './routes.tsx';
import { useSnapshotSync } from './use-snapshot-sync.ts';

/** The shell: header (views, search, snapshot status, refresh), failure banners, and the routed view. */
export function App() {
  const location = useLocation();
  const status = useStatus();
  useSnapshotSync(status.data?.snapshotAt);
  const route = matchRoute(location.pathname);
  const hasSnapshot = Boolean(status.data?.snapshotAt);

  let body: React.ReactNode;
  if (status.isPending) {
    body = <LoadingState label="Connecting to runmap…" />;
  } else if (!status.data) {
    body = (
      <ErrorState
        title={errorTitle(status.error)}
        message={errorMessage(status.error)}
        onRetry={() => void status.refetch()}
      />
    );
  } else if (!status.data.snapshotAt) {
    body = <CollectingCard status={status.data} />;
  } else if (route === 'map') {
    body = <MapRoute params={location.params} status={status.data} />;
  } else if (route === 'findings') {
    body = <FindingsRoute params={location.params} />;
  } else if (route === 'access') {
    body = <AccessRoute params={location.params} />;
  } else {
    body = <NotFoundRoute />;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <AppLink to="/map" className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          runmap
        </AppLink>
        <nav className="tabs" aria-label="Views">
          <AppLink to="/map" className="tab" current={route === 'map'}>
            Map
          </AppLink>
          <AppLink to="/findings" className="tab" current={route === 'findings'}>
            Findings
            {status.data && status.data.counts.findings > 0 ? (
              <span className="tab__count">{status.data.counts.findings}</span>
            ) : null}
          </AppLink>
          <AppLink to="/access" className="tab" current={route === 'access'}>
            Access
          </AppLink>
        </nav>
        <SearchBox
          enabled={hasSnapshot}
          // The time range is the SRE's context: a service found keeps it.
          onPick={(id) => navigate(buildUrl('/map', { focus: id, range: location.params.get('range') }))}
        />
        {route === 'map' && hasSnapshot ? (
          <HeaderRangePicker pathname={location.pathname} params={location.params} />
        ) : null}
        <div className="topbar__spacer" />
        <StatusIndicator
          status={status.data}
          stale={status.isError && status.data ? errorMessage(status.error) : null}
        />
        {status.data ? <RefreshButton collecting={status.data.collecting} /> : null}
        <SessionBadge />
      </header>
      <AuthDisabledBanner />
      {status.data ? <FailuresBanner status={status.data} /> : null}
      <main id="main" className="content">
        {body}
      </main>
    </div>
  );
}
