import type { Workload } from '../../shared/inventory.ts';

/** A service that a literal value points at, and the part of the value that does (safe to show). */
export interface LocatedService {
  /** Full resource name of the service. */
  target: string;
  /** The matched URL or host, rebuilt from scheme, estate host and port only: no path, query or userinfo. */
  shown: string;
}

/** Finds the services of the estate that a literal value refers to (SPEC §7 declared edges). */
export interface ServiceLocator {
  servicesIn(value: string, from: Workload): LocatedService[];
  /**
   * The service one URL or bare host belongs to (any of its URLs or tag URLs), for deliveries that
   * Google makes on the estate's behalf: no runsd short names, which only resolve inside a service.
   */
  serviceAt(urlOrHost: string): LocatedService | undefined;
}

const SEPARATORS = /[\s,;="'`<>()[\]{}|\\]+/;
const PORT = /^\d{1,5}$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const RUNSD_SCHEMES = new Set(['http', 'https', 'h2c', 'grpc', 'grpcs', 'ws', 'wss']);

function hostsOf(service: Workload): string[] {
  const urls = [...service.urls, service.uri, ...service.traffic.map((t) => t.uri)];
  return urls.flatMap((url) => {
    const host = url ? parseToken(url)?.host : undefined;
    return host ? [host] : [];
  });
}

interface ParsedToken {
  scheme: string | undefined;
  host: string;
  port: string | undefined;
}

/** Scheme, host and port of `scheme://[user@]host[:port][/…]`, `host[:port][/…]` or `dns:///host:port`. */
function parseToken(token: string): ParsedToken | undefined {
  const schemeMatch = token.match(/^([a-z][a-z0-9+.-]*):\/\/+(.*)$/i);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  const rest = schemeMatch ? (schemeMatch[2] ?? '') : token;
  const authority = (rest.split(/[/?#]/, 1)[0] ?? '').replace(/^.*@/, '');
  const [rawHost = '', port] = authority.split(':', 2);
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9.-]+$/.test(host)) return undefined;
  return { scheme, host, port: port !== undefined && PORT.test(port) ? port : undefined };
}

/**
 * `tag---svc-hash-ew.a.run.app` → `svc-hash-ew.a.run.app`: a traffic tag's URL is the service's
 * host with `TAG---` in front, also when the inventory lacks the tag's URL.
 */
function untagged(host: string): string {
  const at = host.indexOf('---');
  return at > 0 ? host.slice(at + 3) : host;
}

const key = (project: string, location: string, shortName: string) =>
  `${project}\u0000${location}\u0000${shortName}`;

/**
 * Indexes every URL host and runsd short name of the services once, so that looking up a value
 * costs its length, not the size of the estate.
 */
export function serviceLocator(workloads: readonly Workload[]): ServiceLocator {
  const byHost = new Map<string, string>();
  const byShortName = new Map<string, string>();
  for (const service of workloads) {
    if (service.kind !== 'service') continue;
    for (const host of hostsOf(service)) if (!byHost.has(host)) byHost.set(host, service.name);
    byShortName.set(key(service.project, service.location, service.shortName), service.name);
  }

  /** runsd names: `b` (same project and region), `b.REGION` and `b.REGION.run.internal`. */
  function runsdTarget(host: string, from: Workload): string | undefined {
    const labels = host.replace(/\.run\.internal$/, '').split('.');
    const [shortName, region, ...extra] = labels;
    if (!shortName || extra.length > 0) return undefined;
    if (region === undefined) return byShortName.get(key(from.project, from.location, shortName));
    return REGION.test(region) ? byShortName.get(key(from.project, region, shortName)) : undefined;
  }

  return {
    serviceAt(urlOrHost) {
      const parsed = parseToken(urlOrHost.trim());
      const target = parsed ? (byHost.get(parsed.host) ?? byHost.get(untagged(parsed.host))) : undefined;
      if (!parsed || !target) return undefined;
      const authority = parsed.port ? `${parsed.host}:${parsed.port}` : parsed.host;
      return { target, shown: parsed.scheme ? `${parsed.scheme}://${authority}` : authority };
    },
    servicesIn(value, from) {
      const found: LocatedService[] = [];
      for (const token of value.split(SEPARATORS)) {
        if (!token) continue;
        const parsed = parseToken(token);
        if (!parsed) continue;
        const { scheme, host, port } = parsed;
        const target =
          byHost.get(host) ?? (scheme && RUNSD_SCHEMES.has(scheme) ? runsdTarget(host, from) : undefined);
        if (!target) continue;
        const authority = port ? `${host}:${port}` : host;
        found.push({ target, shown: scheme ? `${scheme}://${authority}` : authority });
      }
      return found;
    },
  };
}
