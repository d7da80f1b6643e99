import { type ConsoleLinks, consoleLinksSchema } from '../../../../../shared/observability.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import type { TraceRef } from './url-state.ts';

export type ConsoleLinkKey = keyof ConsoleLinks;

export const consoleLinkLabels: Record<ConsoleLinkKey, { label: string; description: string }> = {
  cloudRun: { label: 'Cloud Run', description: 'The service page in the Cloud Run console' },
  logs: { label: 'Logs Explorer', description: 'Its request and error logs, with the query filled in' },
  metrics: { label: 'Metrics Explorer', description: 'Its Cloud Run metrics in Cloud Monitoring' },
  traces: { label: 'Trace explorer', description: 'Its traces in Cloud Trace' },
  errorReporting: { label: 'Error Reporting', description: 'Its error groups in Error Reporting' },
};

/**
 * The console links of a service detail, when the server sent valid ones. Read defensively from an
 * unknown value: servers older than the observability API send none.
 */
export function consoleLinksOf(detail: unknown): ConsoleLinks | null {
  if (typeof detail !== 'object' || detail === null || !('links' in detail)) return null;
  const parsed = consoleLinksSchema.safeParse(detail.links);
  return parsed.success ? parsed.data : null;
}

/** Links in the given order, each kept only when it is http(s) (API data never becomes a script URL). */
export function consoleLinkItems(
  links: ConsoleLinks,
  order: readonly ConsoleLinkKey[],
): { key: ConsoleLinkKey; label: string; description: string; href: string }[] {
  return order.flatMap((key) => {
    const href = safeHref(links[key]);
    return href ? [{ key, ...consoleLinkLabels[key], href }] : [];
  });
}

/** One trace in Cloud Trace's explorer. */
export function traceConsoleUrl(ref: TraceRef): string {
  const query = new URLSearchParams({ project: ref.project, tid: ref.traceId });
  return `https://console.cloud.google.com/traces/list?${query.toString()}`;
}
