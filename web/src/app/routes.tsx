import { useCallback, useEffect, useMemo } from 'react';
import type { Status } from '../../../shared/api.ts';
import { AppLink } from '../components/app-link.tsx';
import { SafeText } from '../components/safe-text.tsx';
import { CenteredCard } from '../components/states.tsx';
import { usePrincipalAccess } from '../features/access/api/get-principal-access.ts';
import { type AccessParams, AccessView } from '../features/access/components/access-view.tsx';
import { invocableNodeIds } from '../features/access/utils/principals.ts';
import { FindingsView } from '../features/findings/components/findings-view.tsx';
import type { FindingsParams } from '../features/findings/utils/findings-query.ts';
import { ExposureFilter } from '../features/map/components/exposure-filter.tsx';
import { LayerToggles } from '../features/map/components/layer-toggles.tsx';
import { ServiceMap } from '../features/map/components/service-map.tsx';
import { type ExposedVerdict, formatExposure, parseExposure } from '../features/map/utils/exposure-filter.ts';
import { formatLayers, type MapLayer, parseLayers } from '../features/map/utils/layers.ts';
import { ServicePanel } from '../features/services/components/service-panel.tsx';
import { NoServices } from '../features/status/components/no-services.tsx';
import { displayText } from '../lib/display-text.ts';
import { buildUrl, navigate } from '../lib/router.ts';
import { keepObservability, type ObservabilityPatch, useMapObservability } from './map-observability.tsx';
import './routes.css';

export type Route = 'map' | 'findings' | 'access' | 'not-found';

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/map') return 'map';
  if (pathname === '/findings') return 'findings';
  if (pathname === '/access') return 'access';
  return 'not-found';
}

/** The URL of the map focused on one service or job. */
export const focusUrl = (id: string): string => buildUrl('/map', { focus: id });

/** The URL of the map lit for what an IAM member may invoke. */
export const highlightUrl = (member: string): string => buildUrl('/map', { highlight: member });

const openFocus = (id: string) => navigate(focusUrl(id));

/**
 * The map. URL parameters: `focus` (a service or job, its panel open), `exposure` (comma-separated
 * verdicts among overexposed, public, reachable: the attack surface alone), `highlight` (an IAM
 * member: what it may invoke stays lit, the rest is dimmed) and `layers` (events, lbs, backing, or
 * none; absent: events and lbs). Focusing keeps the others. The SRE drill-down adds `range` (1h,
 * 6h, 24h, 7d; absent: 1h), `tab` (signals, errors, traces; absent: overview), `trace`
 * (`<project>/<traceId>`: its waterfall open, its path lit) and `follow` (a failing service whose
 * failure is followed to its root cause); see map-observability.tsx.
 */
export function MapRoute({ params, status }: { params: URLSearchParams; status: Status }) {
  const focus = params.get('focus');
  const exposureParam = params.get('exposure');
  const highlight = params.get('highlight') || null;
  const exposure = useMemo(() => parseExposure(exposureParam), [exposureParam]);
  const layersParam = params.get('layers');
  const layers = useMemo(() => parseLayers(layersParam), [layersParam]);
  const mapUrl = useCallback(
    (
      patch: {
        focus?: string | null;
        exposure?: string | null;
        highlight?: string | null;
        layers?: string | null;
      } & ObservabilityPatch,
    ) =>
      buildUrl('/map', {
        focus,
        exposure: exposure ? formatExposure(exposure) : null,
        highlight,
        layers: formatLayers(layers) ?? null,
        ...keepObservability(params),
        ...patch,
      }),
    [focus, exposure, highlight, layers, params],
  );
  const select = useCallback((id: string) => navigate(mapUrl({ focus: id })), [mapUrl]);
  const close = useCallback(() => navigate(mapUrl({ focus: null })), [mapUrl]);
  const setExposure = (verdicts: ExposedVerdict[]) =>
    navigate(mapUrl({ exposure: formatExposure(verdicts) ?? null }));
  const setLayers = (next: MapLayer[]) => navigate(mapUrl({ layers: formatLayers(next) ?? null }));
  const access = usePrincipalAccess(highlight);
  const lit = useMemo(() => (access.data ? invocableNodeIds(access.data) : null), [access.data]);
  useDocumentTitle(focus ? `${focus.slice(focus.lastIndexOf('/') + 1)} · Map` : 'Map');
  const observability = useMapObservability({ params, focus, mapUrl, onFocus: select });
  return (
    <div className="map-layout">
      <div className="map-area">
        <div className="map-toolbar" role="toolbar" aria-label="Map filters">
          <ExposureFilter selected={exposure} onChange={setExposure} />
          <LayerToggles selected={layers} onChange={setLayers} />
          {highlight ? (
            <HighlightBanner
              member={highlight}
              state={access.isPending ? 'pending' : access.isError ? 'error' : 'done'}
              count={lit?.size ?? 0}
              clearUrl={mapUrl({ highlight: null })}
            />
          ) : null}
          {observability.toolbar}
        </div>
        <div className="map-area__canvas">
          <ServiceMap
            focusId={focus}
            onSelect={select}
            emptyState={<NoServices status={status} />}
            exposure={exposure}
            exposureEmptyState={<NoExposedServices onClear={() => setExposure([])} />}
            highlight={highlight ? lit : null}
            layers={layers}
            traffic={observability.traffic}
            path={observability.path}
          />
        </div>
        {observability.drawer}
      </div>
      {focus ? <ServicePanel name={focus} onClose={close} onFocus={select} {...observability.panel} /> : null}
    </div>
  );
}

function HighlightBanner({
  member,
  state,
  count,
  clearUrl,
}: {
  member: string;
  state: 'pending' | 'error' | 'done';
  count: number;
  clearUrl: string;
}) {
  const who = (
    <AppLink to={buildUrl('/access', { principal: member })} className="map-highlight__member">
      <SafeText text={member} max={80} expandable={false} />
    </AppLink>
  );
  return (
    <div className={`map-highlight map-highlight--${state}`} role="status">
      {state === 'pending' ? (
        <span>Finding what {who} may invoke…</span>
      ) : state === 'error' ? (
        <span>Could not load what {who} may invoke; nothing is dimmed.</span>
      ) : (
        <span>
          Lit: the {count} workload{count === 1 ? '' : 's'} {who} may invoke
        </span>
      )}
      <AppLink to={clearUrl} className="map-highlight__clear">
        Clear highlight
      </AppLink>
    </div>
  );
}

function NoExposedServices({ onClear }: { onClear: () => void }) {
  return (
    <CenteredCard label="No exposed services">
      <h2 className="state-card__title">Nothing matches this exposure filter</h2>
      <p>No service of this snapshot has the chosen verdicts: the attack surface is empty.</p>
      <button type="button" className="button button--primary" onClick={onClear}>
        Show everything
      </button>
    </CenteredCard>
  );
}

/** Who may invoke what. URL parameters: `principal` (an IAM member), `kind` and `q` (list filters). */
export function AccessRoute({ params }: { params: URLSearchParams }) {
  const accessParams: AccessParams = {
    principal: params.get('principal') || undefined,
    kind: params.get('kind') || undefined,
    q: params.get('q') || undefined,
  };
  const principal = accessParams.principal;
  useDocumentTitle(principal ? `${principal} · Access` : 'Access');
  return (
    <AccessView
      params={accessParams}
      hrefFor={(next) => buildUrl('/access', next)}
      onParamsChange={(next) => navigate(buildUrl('/access', next), { replace: true })}
      mapHref={focusUrl}
      highlightHref={highlightUrl}
    />
  );
}

export function FindingsRoute({ params }: { params: URLSearchParams }) {
  const findingsParams: FindingsParams = {
    rule: params.get('rule') ?? undefined,
    project: params.get('project') ?? undefined,
    severity: params.get('severity') ?? undefined,
    status: params.get('status') ?? undefined,
    sort: params.get('sort') ?? undefined,
    finding: params.get('finding') ?? undefined,
  };
  useDocumentTitle('Findings');
  return (
    <FindingsView
      params={findingsParams}
      onParamsChange={(next) => navigate(buildUrl('/findings', next))}
      hrefFor={(next) => buildUrl('/findings', next)}
      onOpen={openFocus}
      mapHref={focusUrl}
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
          Go to the <AppLink to="/map">service map</AppLink>, the <AppLink to="/findings">findings</AppLink>{' '}
          or <AppLink to="/access">access</AppLink>.
        </p>
      </section>
    </div>
  );
}

/** The tab title; data in it (service names, IAM members) goes through displayText like any other text. */
function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${displayText(title)} · runmap`;
  }, [title]);
}
