import type { LbBackend, LbRoute, LoadBalancer, ServerlessNeg } from '../../shared/inventory.ts';
import { describeValue, type Normalized, type Obj, optional, Reader } from './payload-reader.ts';

// Compute Engine v1 resources, as @google-cloud/compute decodes them (proto3 optional fields, enums as
// strings), normalized into the few facts a load-balancer chain needs, and the chains linked from them.
// Compute references each other by URL (https://www.googleapis.com/compute/v1/projects/P/…); names here
// are the relative part, projects/P/….

/** A backend service as the linker needs it. */
export interface BackendServiceFacts {
  name: string;
  loadBalancingScheme?: string;
  iapEnabled: boolean;
  securityPolicy?: string;
  /** Its backends' groups (NEGs or instance groups), as relative names. */
  groups: string[];
}

/** One place a URL map sends requests: a backend service (or bucket) and where from. */
export interface UrlMapRoute extends LbRoute {
  service: string;
}

export interface UrlMapFacts {
  name: string;
  routes: UrlMapRoute[];
}

export interface TargetProxyFacts {
  name: string;
  urlMap?: string;
}

export interface ForwardingRuleFacts {
  name: string;
  project: string;
  shortName: string;
  ipAddress?: string;
  ipProtocol?: string;
  portRange?: string;
  loadBalancingScheme: string;
  target?: string;
}

const COMPUTE_URL = /^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/(?:v1|beta|alpha)\//;
const REGIONAL = /^projects\/([^/]+)\/regions\/([^/]+)\/networkEndpointGroups\/([^/]+)$/;
const GLOBAL = /^projects\/([^/]+)\/global\/([A-Za-z]+)\/([^/]+)$/;

/** `projects/P/…` of a Compute URL (or of a name already relative). */
export function relativeComputeName(url: string): string {
  return url.replace(COMPUTE_URL, '');
}

/** Normalizes a serverless NEG (regionNetworkEndpointGroups); undefined for other endpoint types. */
export function normalizeNetworkEndpointGroup(raw: unknown): Normalized<ServerlessNeg | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'networkEndpointGroup');
  const name = selfName(r, o);
  const m = REGIONAL.exec(name ?? '');
  if (!m) {
    r.problems.push(
      `selfLink: expected …/projects/P/regions/R/networkEndpointGroups/N, got ${describeValue(name)}`,
    );
    return { value: undefined, problems: r.problems };
  }
  if (r.str(o.networkEndpointType, 'networkEndpointType') !== 'SERVERLESS') {
    return { value: undefined, problems: r.problems };
  }
  const [, project = '', region = ''] = m;
  const cloudRun = r.obj(o.cloudRun, 'cloudRun');
  const service = r.str(cloudRun.service, 'cloudRun.service');
  return {
    value: {
      name: name ?? '',
      project,
      region,
      // A serverless NEG reaches Cloud Run services of its own project and region.
      ...optional(
        'cloudRunService',
        service && `projects/${project}/locations/${region}/services/${service}`,
      ),
      ...optional('cloudRunTag', r.str(cloudRun.tag, 'cloudRun.tag')),
      ...optional('urlMask', r.str(cloudRun.urlMask, 'cloudRun.urlMask')),
    },
    problems: r.problems,
  };
}

/** Normalizes a global backend service. */
export function normalizeBackendService(raw: unknown): Normalized<BackendServiceFacts | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'backendService');
  const name = globalName(r, o, 'backendServices');
  if (!name) return { value: undefined, problems: r.problems };
  const groups = r
    .arr(o.backends, 'backends')
    .map((b, i) => r.str(r.obj(b, `backends[${i}]`).group, `backends[${i}].group`))
    .flatMap((group) => (group ? [relativeComputeName(group)] : []));
  const securityPolicy = r.str(o.securityPolicy, 'securityPolicy');
  return {
    value: {
      name,
      ...optional('loadBalancingScheme', r.str(o.loadBalancingScheme, 'loadBalancingScheme')),
      iapEnabled: r.bool(r.obj(o.iap, 'iap').enabled, 'iap.enabled'),
      ...optional('securityPolicy', securityPolicy && relativeComputeName(securityPolicy)),
      groups,
    },
    problems: r.problems,
  };
}

/**
 * Normalizes a global URL map into its routes: the default service (any host, any path), each path
 * matcher's default and path rules for the hosts of the host rules that use it, and route rules.
 */
export function normalizeUrlMap(raw: unknown): Normalized<UrlMapFacts | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'urlMap');
  const name = globalName(r, o, 'urlMaps');
  if (!name) return { value: undefined, problems: r.problems };
  const routes: UrlMapRoute[] = [];
  const add = (service: unknown, path: string, hosts: string[], paths: string[]) => {
    const url = r.str(service, path);
    if (url) routes.push({ service: relativeComputeName(url), hosts, paths });
  };
  add(o.defaultService, 'defaultService', ['*'], ['/*']);
  const hostsOf = new Map<string, string[]>();
  for (const [i, rule] of r.arr(o.hostRules, 'hostRules').entries()) {
    const hr = r.obj(rule, `hostRules[${i}]`);
    const matcher = r.str(hr.pathMatcher, `hostRules[${i}].pathMatcher`) ?? '';
    const hosts = r
      .arr(hr.hosts, `hostRules[${i}].hosts`)
      .flatMap((h, j) => r.str(h, `hostRules[${i}].hosts[${j}]`) ?? []);
    hostsOf.set(matcher, [...(hostsOf.get(matcher) ?? []), ...hosts]);
  }
  for (const [i, matcher] of r.arr(o.pathMatchers, 'pathMatchers').entries()) {
    const path = `pathMatchers[${i}]`;
    const pm = r.obj(matcher, path);
    const hosts = hostsOf.get(r.str(pm.name, `${path}.name`) ?? '') ?? [];
    add(pm.defaultService, `${path}.defaultService`, hosts, ['/*']);
    for (const [j, rule] of r.arr(pm.pathRules, `${path}.pathRules`).entries()) {
      const pr = r.obj(rule, `${path}.pathRules[${j}]`);
      const paths = r
        .arr(pr.paths, `${path}.pathRules[${j}].paths`)
        .flatMap((p, k) => r.str(p, `${path}.pathRules[${j}].paths[${k}]`) ?? []);
      add(pr.service, `${path}.pathRules[${j}].service`, hosts, paths);
    }
    for (const [j, rule] of r.arr(pm.routeRules, `${path}.routeRules`).entries()) {
      const rr = r.obj(rule, `${path}.routeRules[${j}]`);
      const paths = r.arr(rr.matchRules, `${path}.routeRules[${j}].matchRules`).flatMap((match) => {
        const mr = match as Obj;
        const prefix = typeof mr.prefixMatch === 'string' ? `${mr.prefixMatch}*` : undefined;
        const full = typeof mr.fullPathMatch === 'string' ? mr.fullPathMatch : undefined;
        return prefix ?? full ?? [];
      });
      add(rr.service, `${path}.routeRules[${j}].service`, hosts, paths.length > 0 ? paths : ['/*']);
    }
  }
  return { value: { name, routes }, problems: r.problems };
}

/** Normalizes a target HTTP(S) proxy. */
export function normalizeTargetProxy(raw: unknown): Normalized<TargetProxyFacts | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'targetProxy');
  const name = selfName(r, o);
  if (!name || !GLOBAL.test(name)) {
    r.problems.push(`selfLink: expected …/projects/P/global/COLLECTION/NAME, got ${describeValue(name)}`);
    return { value: undefined, problems: r.problems };
  }
  const urlMap = r.str(o.urlMap, 'urlMap');
  return {
    value: { name, ...optional('urlMap', urlMap && relativeComputeName(urlMap)) },
    problems: r.problems,
  };
}

/** Normalizes a global forwarding rule. */
export function normalizeForwardingRule(raw: unknown): Normalized<ForwardingRuleFacts | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'forwardingRule');
  const name = globalName(r, o, 'forwardingRules');
  if (!name) return { value: undefined, problems: r.problems };
  const [, project = '', , shortName = ''] = GLOBAL.exec(name) ?? [];
  const target = r.str(o.target, 'target');
  return {
    value: {
      name,
      project,
      shortName,
      ...optional('ipAddress', r.str(o.IPAddress, 'IPAddress')),
      ...optional('ipProtocol', r.str(o.IPProtocol, 'IPProtocol')),
      ...optional('portRange', r.str(o.portRange, 'portRange')),
      // compute.proto ForwardingRule.load_balancing_scheme: EXTERNAL unless stated.
      loadBalancingScheme: r.str(o.loadBalancingScheme, 'loadBalancingScheme') ?? 'EXTERNAL',
      ...optional('target', target && relativeComputeName(target)),
    },
    problems: r.problems,
  };
}

export interface LoadBalancingFacts {
  forwardingRules: ForwardingRuleFacts[];
  targetProxies: TargetProxyFacts[];
  urlMaps: UrlMapFacts[];
  backendServices: BackendServiceFacts[];
  negs: ServerlessNeg[];
}

const EXTERNAL_SCHEMES = new Set(['EXTERNAL', 'EXTERNAL_MANAGED']);

/**
 * Links forwarding rules to the Cloud Run services behind them, across projects. A piece that was not
 * read (its list call failed) ends its chain there: the rule still shows, with fewer backends.
 */
export function linkLoadBalancers(facts: LoadBalancingFacts): LoadBalancer[] {
  const proxies = byName(facts.targetProxies);
  const urlMaps = byName(facts.urlMaps);
  const backends = byName(facts.backendServices);
  const negs = byName(facts.negs);
  return facts.forwardingRules.map(({ target, ...rule }) => {
    const proxy = target ? proxies.get(target) : undefined;
    const urlMapName = proxy?.urlMap;
    const urlMap = urlMapName ? urlMaps.get(urlMapName) : undefined;
    const routesOf = new Map<string, LbRoute[]>();
    for (const { service, hosts, paths } of urlMap?.routes ?? []) {
      routesOf.set(service, [...(routesOf.get(service) ?? []), { hosts, paths }]);
    }
    const lbBackends: LbBackend[] = [...routesOf].flatMap(([service, routes]) => {
      const backend = backends.get(service);
      if (!backend) return [];
      return [
        {
          backendService: backend.name,
          ...optional('loadBalancingScheme', backend.loadBalancingScheme),
          iapEnabled: backend.iapEnabled,
          ...optional('securityPolicy', backend.securityPolicy),
          routes,
          negs: backend.groups.flatMap((group) => negs.get(group) ?? []),
        },
      ];
    });
    return {
      ...rule,
      ...optional('targetProxy', target),
      external: EXTERNAL_SCHEMES.has(rule.loadBalancingScheme),
      ...optional('urlMap', urlMapName),
      backends: lbBackends,
    };
  });
}

function byName<T extends { name: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

function selfName(r: Reader, o: Obj): string | undefined {
  const selfLink = r.str(o.selfLink, 'selfLink');
  return selfLink && relativeComputeName(selfLink);
}

function globalName(r: Reader, o: Obj, collection: string): string | undefined {
  const name = selfName(r, o);
  const m = GLOBAL.exec(name ?? '');
  if (!m || m[2] !== collection) {
    r.problems.push(`selfLink: expected …/projects/P/global/${collection}/NAME, got ${describeValue(name)}`);
    return undefined;
  }
  return name;
}
