import type { protos } from '@google-cloud/compute';
// One module per client: the package index loads all of Compute's ~120 clients (about 3 s), these six
// about 0.4 s, which every CLI run and server start pays.
import { BackendServicesClient } from '@google-cloud/compute/build/src/v1/backend_services_client.js';
import { GlobalForwardingRulesClient } from '@google-cloud/compute/build/src/v1/global_forwarding_rules_client.js';
import { RegionNetworkEndpointGroupsClient } from '@google-cloud/compute/build/src/v1/region_network_endpoint_groups_client.js';
import { TargetHttpProxiesClient } from '@google-cloud/compute/build/src/v1/target_http_proxies_client.js';
import { TargetHttpsProxiesClient } from '@google-cloud/compute/build/src/v1/target_https_proxies_client.js';
import { UrlMapsClient } from '@google-cloud/compute/build/src/v1/url_maps_client.js';

export type RawNetworkEndpointGroup = protos.google.cloud.compute.v1.INetworkEndpointGroup;
export type RawBackendService = protos.google.cloud.compute.v1.IBackendService;
export type RawUrlMap = protos.google.cloud.compute.v1.IUrlMap;
export type RawTargetProxy =
  | protos.google.cloud.compute.v1.ITargetHttpsProxy
  | protos.google.cloud.compute.v1.ITargetHttpProxy;
export type RawForwardingRule = protos.google.cloud.compute.v1.IForwardingRule;

/** Read-only access to the Compute Engine v1 resources that put a load balancer in front of Cloud Run. */
export interface ComputeAdapter {
  listRegionNetworkEndpointGroups(project: string, region: string): Promise<RawNetworkEndpointGroup[]>;
  listBackendServices(project: string): Promise<RawBackendService[]>;
  listUrlMaps(project: string): Promise<RawUrlMap[]>;
  listTargetHttpsProxies(project: string): Promise<RawTargetProxy[]>;
  listTargetHttpProxies(project: string): Promise<RawTargetProxy[]>;
  listGlobalForwardingRules(project: string): Promise<RawForwardingRule[]>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;
type ClientOptions = ConstructorParameters<typeof BackendServicesClient>[0];

/**
 * ComputeAdapter over @google-cloud/compute's v1 clients, which speak REST (google-gax's `fallback`
 * transport). With no options they use Application Default Credentials; the demo and tests pass
 * fakeRestClientOptions, which point them at the fake's plain-HTTP port on loopback.
 */
export class GoogleComputeAdapter implements ComputeAdapter {
  private readonly negs: RegionNetworkEndpointGroupsClient;
  private readonly backendServices: BackendServicesClient;
  private readonly urlMaps: UrlMapsClient;
  private readonly httpsProxies: TargetHttpsProxiesClient;
  private readonly httpProxies: TargetHttpProxiesClient;
  private readonly forwardingRules: GlobalForwardingRulesClient;

  constructor(options: object = {}) {
    // Each client reads its options once; a copy each keeps one from seeing another's defaults.
    const opts = () => ({ ...options }) as ClientOptions;
    this.negs = new RegionNetworkEndpointGroupsClient(opts());
    this.backendServices = new BackendServicesClient(opts());
    this.urlMaps = new UrlMapsClient(opts());
    this.httpsProxies = new TargetHttpsProxiesClient(opts());
    this.httpProxies = new TargetHttpProxiesClient(opts());
    this.forwardingRules = new GlobalForwardingRulesClient(opts());
  }

  listRegionNetworkEndpointGroups(project: string, region: string): Promise<RawNetworkEndpointGroup[]> {
    return collectAll(
      this.negs.listAsync({ project, region }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }),
    );
  }

  listBackendServices(project: string): Promise<RawBackendService[]> {
    return collectAll(
      this.backendServices.listAsync({ project }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }),
    );
  }

  listUrlMaps(project: string): Promise<RawUrlMap[]> {
    return collectAll(this.urlMaps.listAsync({ project }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }));
  }

  listTargetHttpsProxies(project: string): Promise<RawTargetProxy[]> {
    return collectAll(
      this.httpsProxies.listAsync({ project }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }),
    );
  }

  listTargetHttpProxies(project: string): Promise<RawTargetProxy[]> {
    return collectAll(
      this.httpProxies.listAsync({ project }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }),
    );
  }

  listGlobalForwardingRules(project: string): Promise<RawForwardingRule[]> {
    return collectAll(
      this.forwardingRules.listAsync({ project }, { timeout: CALL_TIMEOUT_MS, autoPaginate: false }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(
      [
        this.negs,
        this.backendServices,
        this.urlMaps,
        this.httpsProxies,
        this.httpProxies,
        this.forwardingRules,
      ].map((client) => client.close()),
    );
  }
}

async function collectAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
