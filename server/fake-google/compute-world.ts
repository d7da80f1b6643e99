import { createHash } from 'node:crypto';
import { describeJson, jsonPath } from './json-path.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { parseTimestamp, shiftTimestamp } from './timestamp.ts';
import { COMPUTE_SECTIONS, type ComputeSection } from './world.ts';
import { WorldError } from './world-error.ts';

/** Where Compute Engine v1 resources live; selfLinks and references are URLs under it. */
export const COMPUTE_V1_BASE = 'https://www.googleapis.com/compute/v1/';

/** A reference between Compute resources, parsed: projects/P/{global|regions/R}/COLLECTION/NAME. */
export interface ComputeRef {
  project: string;
  /** `global` or `regions/R`. */
  scope: string;
  collection: string;
  name: string;
}

// RFC 1035 names of 1-63 characters, as every Compute resource name must be.
const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const REF =
  /^(?:https:\/\/(?:www|compute)\.googleapis\.com\/compute\/v1\/)?(?:projects\/([^/]+)\/)?(global|regions\/[a-z]+-[a-z]+\d+)\/([A-Za-z]+)\/([^/]+)$/;

// Enum values from compute.proto (which types these fields as strings, so the client checks nothing).
const SCHEMES = [
  'EXTERNAL',
  'EXTERNAL_MANAGED',
  'INTERNAL',
  'INTERNAL_MANAGED',
  'INTERNAL_SELF_MANAGED',
  'INVALID_LOAD_BALANCING_SCHEME',
];
const NEG_TYPES = [
  'GCE_VM_IP',
  'GCE_VM_IP_PORT',
  'GCE_VM_IP_PORTMAP',
  'INTERNET_FQDN_PORT',
  'INTERNET_IP_PORT',
  'NON_GCP_PRIVATE_IP_PORT',
  'PRIVATE_SERVICE_CONNECT',
  'SERVERLESS',
];
const IP_PROTOCOLS = ['AH', 'ESP', 'ICMP', 'L3_DEFAULT', 'SCTP', 'TCP', 'UDP'];

/** Parses a Compute reference: a full URL, `projects/P/…` or, within `project`, `global/…` / `regions/R/…`. */
export function parseComputeRef(ref: string, project: string): ComputeRef | undefined {
  const m = REF.exec(ref);
  if (!m) return undefined;
  return { project: m[1] ?? project, scope: m[2] ?? '', collection: m[3] ?? '', name: m[4] ?? '' };
}

export function computeUrl(ref: ComputeRef): string {
  return `${COMPUTE_V1_BASE}projects/${ref.project}/${ref.scope}/${ref.collection}/${ref.name}`;
}

interface ProjectRefs {
  projectId: string;
  projectNumber: string | undefined;
}

type Checked = { key: string; resource: JsonObject };

/**
 * Validates the Compute sections of a project. Compute's protos type enums as strings and its REST
 * shapes are what the world holds, so the fields the collector reads are checked by hand, with the
 * path of the first problem. References are canonicalized to full URLs and each resource gets the
 * kind, selfLink and id that Compute always returns; a reference within the project must name a
 * resource of the world, as Compute refuses dangling ones.
 */
export function validateComputeSections(
  json: JsonObject,
  path: string,
  project: ProjectRefs,
  shiftMs: number,
): Record<ComputeSection, JsonObject[]> {
  const out = {} as Record<ComputeSection, JsonObject[]>;
  const known = new Set<string>();
  // In dependency order, so references can be checked against what came before.
  for (const section of COMPUTE_SECTIONS) {
    const sectionPath = jsonPath(path, section);
    const value = json[section];
    if (value !== undefined && !Array.isArray(value)) {
      throw new WorldError(sectionPath, `expected an array, got ${describeJson(value)}`);
    }
    const checked: Checked[] = (value ?? []).map((item: unknown, index: number) =>
      checkResource(section, item, jsonPath(sectionPath, index), new Resource(project, known, shiftMs)),
    );
    for (const [index, { key }] of checked.entries()) {
      if (known.has(key))
        throw new WorldError(jsonPath(jsonPath(sectionPath, index), 'name'), `duplicate ${key}`);
      known.add(key);
    }
    out[section] = checked.map((c) => c.resource);
  }
  return out;
}

const KINDS: Record<ComputeSection, { kind: string; collection: string }> = {
  networkEndpointGroups: { kind: 'compute#networkEndpointGroup', collection: 'networkEndpointGroups' },
  backendServices: { kind: 'compute#backendService', collection: 'backendServices' },
  urlMaps: { kind: 'compute#urlMap', collection: 'urlMaps' },
  targetHttpsProxies: { kind: 'compute#targetHttpsProxy', collection: 'targetHttpsProxies' },
  targetHttpProxies: { kind: 'compute#targetHttpProxy', collection: 'targetHttpProxies' },
  forwardingRules: { kind: 'compute#forwardingRule', collection: 'forwardingRules' },
};

function checkResource(section: ComputeSection, item: unknown, path: string, r: Resource): Checked {
  const o = r.object(item, path);
  const name = r.string(o.name, jsonPath(path, 'name'), true) ?? '';
  if (!NAME.test(name)) {
    throw new WorldError(
      jsonPath(path, 'name'),
      `"${name}" is not a valid name (1-63 lowercase letters, digits and hyphens, starting with a letter)`,
    );
  }
  const { kind, collection } = KINDS[section];
  const out: JsonObject = { ...o, kind };
  let scope = 'global';
  switch (section) {
    case 'networkEndpointGroups': {
      const region = r.string(o.region, jsonPath(path, 'region'), true) ?? '';
      const regionName = /(?:^|\/regions\/)([a-z]+-[a-z]+\d+)$/.exec(region)?.[1];
      if (!regionName) {
        throw new WorldError(
          jsonPath(path, 'region'),
          `expected a region name or URL, got ${describeJson(region)}`,
        );
      }
      scope = `regions/${regionName}`;
      out.region = `${COMPUTE_V1_BASE}projects/${r.project.projectId}/regions/${regionName}`;
      const type = r.oneOf(o.networkEndpointType, jsonPath(path, 'networkEndpointType'), NEG_TYPES);
      if (o.cloudRun !== undefined) {
        const cloudRunPath = jsonPath(path, 'cloudRun');
        const cloudRun = r.object(o.cloudRun, cloudRunPath);
        for (const field of ['service', 'tag', 'urlMask'])
          r.string(cloudRun[field], jsonPath(cloudRunPath, field));
        if (type !== 'SERVERLESS') {
          throw new WorldError(cloudRunPath, 'cloudRun is only valid when networkEndpointType is SERVERLESS');
        }
        if (cloudRun.service === undefined && cloudRun.urlMask === undefined) {
          throw new WorldError(cloudRunPath, 'expected a service or a urlMask');
        }
      }
      break;
    }
    case 'backendServices': {
      r.oneOf(o.loadBalancingScheme, jsonPath(path, 'loadBalancingScheme'), SCHEMES);
      const backendsPath = jsonPath(path, 'backends');
      out.backends = r.array(o.backends, backendsPath).map((backend, index) => {
        const backendPath = jsonPath(backendsPath, index);
        const b = r.object(backend, backendPath);
        return {
          ...b,
          group: r.ref(
            b.group,
            jsonPath(backendPath, 'group'),
            ['networkEndpointGroups', 'instanceGroups'],
            true,
          ),
        };
      });
      if (o.iap !== undefined) {
        const iapPath = jsonPath(path, 'iap');
        const iap = r.object(o.iap, iapPath);
        r.boolean(iap.enabled, jsonPath(iapPath, 'enabled'));
        r.string(iap.oauth2ClientId, jsonPath(iapPath, 'oauth2ClientId'));
      }
      r.setRef(out, o, 'securityPolicy', path, ['securityPolicies']);
      break;
    }
    case 'urlMaps':
      checkUrlMap(o, out, path, r);
      break;
    case 'targetHttpsProxies':
    case 'targetHttpProxies':
      out.urlMap = r.ref(o.urlMap, jsonPath(path, 'urlMap'), ['urlMaps'], true);
      break;
    case 'forwardingRules':
      r.string(o.IPAddress, jsonPath(path, 'IPAddress'));
      r.oneOf(o.IPProtocol, jsonPath(path, 'IPProtocol'), IP_PROTOCOLS);
      r.string(o.portRange, jsonPath(path, 'portRange'));
      r.oneOf(o.loadBalancingScheme, jsonPath(path, 'loadBalancingScheme'), SCHEMES);
      out.target = r.ref(
        o.target,
        jsonPath(path, 'target'),
        [
          'targetHttpsProxies',
          'targetHttpProxies',
          'targetSslProxies',
          'targetTcpProxies',
          'targetGrpcProxies',
        ],
        true,
      );
      break;
  }
  if (o.creationTimestamp !== undefined) {
    const stamp = r.string(o.creationTimestamp, jsonPath(path, 'creationTimestamp')) ?? '';
    if (!parseTimestamp(stamp)) {
      throw new WorldError(
        jsonPath(path, 'creationTimestamp'),
        `expected an RFC 3339 timestamp, got "${stamp}"`,
      );
    }
    out.creationTimestamp = r.shiftMs === 0 ? stamp : shiftTimestamp(stamp, r.shiftMs);
  }
  const ref = { project: r.project.projectId, scope, collection, name };
  const selfLink = computeUrl(ref);
  out.selfLink = selfLink;
  // Compute ids are uint64 decimal strings; a stable one is derived when the world states none.
  if (o.id === undefined) {
    out.id = BigInt(`0x${createHash('sha256').update(selfLink).digest('hex').slice(0, 15)}`).toString();
  }
  return { key: `${scope}/${collection}/${name}`, resource: out };
}

function checkUrlMap(o: JsonObject, out: JsonObject, path: string, r: Resource): void {
  const services = ['backendServices', 'backendBuckets'];
  r.setRef(out, o, 'defaultService', path, services);
  const matchersPath = jsonPath(path, 'pathMatchers');
  const matcherNames = new Set<string>();
  out.pathMatchers = r.array(o.pathMatchers, matchersPath).map((matcher, index) => {
    const matcherPath = jsonPath(matchersPath, index);
    const m = r.object(matcher, matcherPath);
    matcherNames.add(r.string(m.name, jsonPath(matcherPath, 'name'), true) ?? '');
    const checked: JsonObject = { ...m };
    r.setRef(checked, m, 'defaultService', matcherPath, services);
    const rulesPath = jsonPath(matcherPath, 'pathRules');
    checked.pathRules = r.array(m.pathRules, rulesPath).map((rule, ruleIndex) => {
      const rulePath = jsonPath(rulesPath, ruleIndex);
      const pr = r.object(rule, rulePath);
      r.strings(pr.paths, jsonPath(rulePath, 'paths'));
      const checkedRule: JsonObject = { ...pr };
      r.setRef(checkedRule, pr, 'service', rulePath, services);
      return checkedRule;
    });
    const routesPath = jsonPath(matcherPath, 'routeRules');
    checked.routeRules = r.array(m.routeRules, routesPath).map((rule, ruleIndex) => {
      const rulePath = jsonPath(routesPath, ruleIndex);
      const rr = r.object(rule, rulePath);
      const checkedRule: JsonObject = { ...rr };
      r.setRef(checkedRule, rr, 'service', rulePath, services);
      return checkedRule;
    });
    return checked;
  });
  const hostRulesPath = jsonPath(path, 'hostRules');
  for (const [index, rule] of r.array(o.hostRules, hostRulesPath).entries()) {
    const rulePath = jsonPath(hostRulesPath, index);
    const hr = r.object(rule, rulePath);
    r.strings(hr.hosts, jsonPath(rulePath, 'hosts'));
    const matcher = r.string(hr.pathMatcher, jsonPath(rulePath, 'pathMatcher'), true) ?? '';
    if (!matcherNames.has(matcher)) {
      throw new WorldError(
        jsonPath(rulePath, 'pathMatcher'),
        `"${matcher}" names no entry of ${matchersPath}`,
      );
    }
  }
}

/** Typed reads of one resource's fields that fail with the JSON path. */
class Resource {
  constructor(
    readonly project: ProjectRefs,
    private readonly known: Set<string>,
    readonly shiftMs: number,
  ) {}

  object(value: unknown, path: string): JsonObject {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
    throw new WorldError(path, `expected an object, got ${describeJson(value)}`);
  }

  array(value: unknown, path: string): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    throw new WorldError(path, `expected an array, got ${describeJson(value)}`);
  }

  strings(value: unknown, path: string): void {
    for (const [index, item] of this.array(value, path).entries())
      this.string(item, jsonPath(path, index), true);
  }

  string(value: unknown, path: string, required = false): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string') return value;
    throw new WorldError(path, `expected a string, got ${describeJson(value)}`);
  }

  boolean(value: unknown, path: string): void {
    if (value !== undefined && typeof value !== 'boolean') {
      throw new WorldError(path, `expected a boolean, got ${describeJson(value)}`);
    }
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): string | undefined {
    const text = this.string(value, path);
    if (text !== undefined && !allowed.includes(text)) {
      throw new WorldError(path, `unknown value "${text}"; expected one of ${allowed.join(', ')}`);
    }
    return text;
  }

  /** A reference as a full URL; one within the project must name a resource already validated. */
  ref(value: unknown, path: string, collections: readonly string[], required = false): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    const ref = parseComputeRef(text, this.project.projectId);
    if (!ref || !collections.includes(ref.collection)) {
      throw new WorldError(
        path,
        `expected a reference to ${collections.join(' or ')} (a URL or projects/P/…/NAME), got ${describeJson(text)}`,
      );
    }
    const local = ref.project === this.project.projectId || ref.project === this.project.projectNumber;
    const tracked = (COMPUTE_SECTIONS as readonly string[]).includes(ref.collection);
    if (local && tracked && !this.known.has(`${ref.scope}/${ref.collection}/${ref.name}`)) {
      throw new WorldError(path, `${ref.scope}/${ref.collection}/${ref.name} is not in this project's world`);
    }
    return computeUrl({ ...ref, project: local ? this.project.projectId : ref.project });
  }

  setRef(out: JsonObject, o: JsonObject, field: string, path: string, collections: readonly string[]): void {
    const url = this.ref(o[field], jsonPath(path, field), collections);
    if (url !== undefined) out[field] = url;
  }
}
