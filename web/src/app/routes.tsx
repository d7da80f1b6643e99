import { useCallback, useEffect } from 'react';
import type { Status } from '../../../shared/api.ts';
import { AppLink } from '../components/app-link.tsx';
import { FindingsView } from '../features/findings/components/findings-view.tsx';
import type { FindingsParams } from '../features/findings/utils/findings-query.ts';
import { ServiceMap } from '../features/map/components/service-map.tsx';
import { ServicePanel } from '../features/services/components/service-panel.tsx';
import { NoServices } from '../features/status/components/no-services.tsx';
import { buildUrl, navigate } from '../lib/router.ts';

export type Route = 'map' | 'findings' | 'not-found';

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/map') return 'map';
  if (pathname === '/findings') return 'findings';
  return 'not-found';
}

/** The URL of the map focused on one service or job. */
export const focusUrl = (id: string): string => buildUrl('/map', { focus: id });

const openFocus = (id: string) => navigate(focusUrl(id));

export function MapRoute({ params, status }: { params: URLSearchParams; status: Status }) {
  const focus = params.get('focus');
  const close = useCallback(() => navigate('/map'), []);
  useDocumentTitle(focus ? `${focus.slice(focus.lastIndexOf('/') + 1)} · Map` : 'Map');
  return (
    <div className="map-layout">
      <div className="map-area">
        <ServiceMap focusId={focus} onSelect={openFocus} emptyState={<NoServices status={status} />} />
      </div>
      {focus ? <ServicePanel name={focus} onClose={close} onFocus={openFocus} /> : null}
    </div>
  );
}

export function FindingsRoute({ params }: { params: URLSearchParams }) {
  const findingsParams: FindingsParams = {
    rule: params.get('rule') ?? undefined,
    project: params.get('project') ?? undefined,
    severity: params.get('severity') ?? undefined,
    sort: params.get('sort') ?? undefined,
  };
  useDocumentTitle('Findings');
  return (
    <FindingsView
      params={findingsParams}
      onParamsChange={(next) => navigate(buildUrl('/findings', next))}
      onOpen={openFocus}
    />
  );
}

export function NotFoundRoute() {
  useDocumentTitle('Not found');
  return (
    <div className="center-stage">
      <section className="card state-card" aria-label="Page not found">
        <h2 className="state-card__title">There is no such page</h2>
        <p>
          Go to the <AppLink to="/map">service map</AppLink> or the <AppLink to="/findings">findings</AppLink>
          .
        </p>
      </section>
    </div>
  );
}

function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · runmap`;
  }, [title]);
}
