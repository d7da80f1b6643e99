import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo } from 'react';
import type { ServiceDetail } from '../../../shared/api.ts';
import type { NodeTraffic } from '../../../shared/observability.ts';
import type { MapPath, MapTraffic } from '../features/map/utils/traffic-overlay.ts';
import { useFollow } from '../features/observability/api/get-follow.ts';
import { signalsQueryOptions } from '../features/observability/api/get-signals.ts';
import { useTrace } from '../features/observability/api/get-trace.ts';
import { useTraffic } from '../features/observability/api/get-traffic.ts';
import { ErrorsPanel } from '../features/observability/components/errors-panel.tsx';
import { FollowBanner, HealthStrip } from '../features/observability/components/follow-failure.tsx';
import { SignalsPanel } from '../features/observability/components/signals-panel.tsx';
import { TimeRangePicker } from '../features/observability/components/time-range-picker.tsx';
import { TraceDrawer } from '../features/observability/components/trace-drawer.tsx';
import { TracesPanel } from '../features/observability/components/traces-panel.tsx';
import { TrafficStatus } from '../features/observability/components/traffic-status.tsx';
import { consoleLinksOf } from '../features/observability/utils/console-links.ts';
import {
  formatRange,
  formatTab,
  formatTraceRef,
  type PanelTab,
  panelTabLabels,
  panelTabs,
  parseRange,
  parseTab,
  parseTraceRef,
  type TraceRef,
} from '../features/observability/utils/url-state.ts';
import { buildUrl, navigate } from '../lib/router.ts';

/** URL parameters of the SRE drill-down, kept when the map's other parameters change. */
export const observabilityParams = ['range', 'tab', 'trace', 'follow'] as const;
export type ObservabilityPatch = Partial<Record<(typeof observabilityParams)[number], string | null>>;

/** The drill-down's parameters of the current URL, to carry over into the next map URL. */
export function keepObservability(params: URLSearchParams): ObservabilityPatch {
  return Object.fromEntries(observabilityParams.map((key) => [key, params.get(key)]));
}

const tabItems = panelTabs.map((id) => ({ id, label: panelTabLabels[id] }));

/** The time range picker of the header, on the map: changes `range` and keeps everything else. */
export function HeaderRangePicker({ pathname, params }: { pathname: string; params: URLSearchParams }) {
  return (
    <TimeRangePicker
      value={parseRange(params.get('range'))}
      onChange={(range) =>
        navigate(buildUrl(pathname, { ...Object.fromEntries(params), range: formatRange(range) }))
      }
    />
  );
}

/**
 * The SRE drill-down composed into the map route: the traffic overlay, the lit path (an open trace,
 * else a followed failure), the toolbar's traffic state and follow banner, the trace drawer and the
 * service panel's tabs. `mapUrl` builds the next map URL from a patch of parameters.
 */
export function useMapObservability({
  params,
  focus,
  mapUrl,
  onFocus,
}: {
  params: URLSearchParams;
  focus: string | null;
  mapUrl: (patch: ObservabilityPatch) => string;
  onFocus: (id: string) => void;
}) {
  const range = parseRange(params.get('range'));
  const tab = parseTab(params.get('tab'));
  const traceParam = params.get('trace');
  const traceRef = useMemo(() => parseTraceRef(traceParam), [traceParam]);
  const follow = params.get('follow') || null;

  const traffic = useTraffic(range);
  const trace = useTrace(traceRef);
  const followed = useFollow(follow, range);

  const overlay = useMemo<MapTraffic | null>(
    () =>
      traffic.data
        ? {
            edges: traffic.data.edges,
            nodes: new Map<string, NodeTraffic>(traffic.data.nodes.map((node) => [node.id, node])),
            complete: !traffic.data.failures.some((failure) => failure.source === 'trace'),
          }
        : null,
    [traffic.data],
  );
  const path = useMemo<MapPath | null>(() => {
    if (traceRef && trace.data)
      return { nodes: new Set(trace.data.path), edges: new Set(trace.data.edges), rootCause: null };
    if (!traceRef && follow && followed.data)
      return {
        nodes: new Set(followed.data.path),
        edges: new Set(followed.data.edges),
        rootCause: followed.data.rootCause,
      };
    return null;
  }, [traceRef, trace.data, follow, followed.data]);

  // The Signals tab is the likeliest next step once a service is open: its data is asked for now.
  // Only signals: Cloud Monitoring's read quota is generous, Cloud Logging's (entries.list) is not.
  const queryClient = useQueryClient();
  const isService = focus !== null && /\/services\/[^/]+$/.test(focus);
  useEffect(() => {
    if (focus && isService) void queryClient.prefetchQuery(signalsQueryOptions(focus, range));
  }, [focus, isService, range, queryClient]);

  const openTrace = useCallback(
    (ref: TraceRef) => navigate(mapUrl({ trace: formatTraceRef(ref), follow: null })),
    [mapUrl],
  );
  const closeTrace = useCallback(() => navigate(mapUrl({ trace: null })), [mapUrl]);
  const setTab = useCallback(
    (id: string) => navigate(mapUrl({ tab: formatTab(parseTab(id)) }), { replace: true }),
    [mapUrl],
  );

  const renderTab = useCallback(
    (id: string, detail: ServiceDetail | undefined): ReactNode => {
      if (!focus) return null;
      const links = consoleLinksOf(detail);
      const which = id as PanelTab;
      if (which === 'signals') return <SignalsPanel name={focus} range={range} links={links} />;
      if (which === 'errors')
        return <ErrorsPanel name={focus} range={range} links={links} onOpenTrace={openTrace} />;
      if (which === 'traces')
        return (
          <TracesPanel name={focus} range={range} links={links} selected={traceRef} onOpenTrace={openTrace} />
        );
      return null;
    },
    [focus, range, openTrace, traceRef],
  );

  const toolbar = (
    <>
      <TrafficStatus traffic={traffic} range={range} />
      {follow && !traceRef ? (
        <FollowBanner name={follow} range={range} onFocus={onFocus} clearHref={mapUrl({ follow: null })} />
      ) : null}
    </>
  );

  const drawer = traceRef ? (
    <TraceDrawer
      key={formatTraceRef(traceRef)}
      traceRef={traceRef}
      onClose={closeTrace}
      onFocusService={onFocus}
    />
  ) : null;

  // Jobs serve no requests: their panel is the overview alone.
  const headerExtra = isService ? (
    <HealthStrip
      name={focus ?? ''}
      traffic={traffic}
      range={range}
      following={follow === focus && !traceRef}
      onFollow={() => navigate(mapUrl({ follow: follow === focus ? null : focus, trace: null }))}
    />
  ) : null;

  return {
    traffic: overlay,
    path,
    toolbar,
    drawer,
    panel: isService
      ? { tabs: tabItems, activeTab: tab, onTabChange: setTab, renderTab, headerExtra }
      : { tabs: [], activeTab: 'overview' },
  };
}
