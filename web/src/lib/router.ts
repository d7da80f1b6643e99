import { type MouseEvent, useMemo, useSyncExternalStore } from 'react';

/**
 * A tiny router over the History API: the URL is the single source of truth for what is shown
 * (route, map focus, findings filters), so every view can be bookmarked and back/forward work.
 */

const NAVIGATE_EVENT = 'runmap:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

export type AppLocation = { pathname: string; params: URLSearchParams };

/** The current path and query; re-renders on navigation and on back/forward. */
export function useLocation(): AppLocation {
  const url = useSyncExternalStore(subscribe, currentUrl);
  return useMemo(() => {
    const parsed = new URL(url, 'http://local');
    return { pathname: parsed.pathname, params: parsed.searchParams };
  }, [url]);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Builds `pathname?query`, leaving out empty parameters so URLs stay short and canonical. */
export function buildUrl(pathname: string, params: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const query = search.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Click handler for in-app links: plain left clicks navigate in place, others keep browser behaviour. */
export function handleLinkClick(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(to);
}
