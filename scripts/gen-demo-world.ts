/**
 * Generates server/fake-google/worlds/demo.world.json, the demo estate: three projects modelled on
 * real Cloud Run architectures (an API-gateway-fronted platform, a two-region web shop, internal
 * tools behind IAP) with the mistakes a security reviewer must catch planted on distinct services.
 * The expected exposure, findings and edges are written by hand in demo.expected.md beside it.
 *
 * Deterministic: no clock, no randomness; every id, time and hash derives from resource names.
 * Run: npx tsx scripts/gen-demo-world.ts
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withDemoTraffic, worldFileText } from './demo-traffic.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

const NOW = '2026-11-21T12:00:00Z';
const NOW_MS = Date.parse(NOW);
const OUT = fileURLToPath(new URL('../server/fake-google/worlds/demo.world.json', import.meta.url));

/**
 * Fake credentials planted as literal env values (CR-13). Each carries a marker so tests can grep
 * every output (HTTP, CLI, reports, logs) for a leak. Listed in demo.expected.md.
 */
const LEAK = {
  stripe: 'RUNMAPLEAK01',
  github: 'RUNMAPLEAK02',
  smtp: 'RUNMAPLEAK03',
  sftp: 'RUNMAPLEAK04',
} as const;
/** A harmless literal (not credential-like): still server-only per SPEC §9, so tests grep for it too. */
const PLAIN_MARKER = 'RUNMAPPLAIN01';

// ---------------------------------------------------------------------------------------------
// Projects, URLs, identities

interface ProjectDef {
  id: string;
  number: string;
  /** The per-project hash in `NAME-HASH-XX.a.run.app` URLs. */
  hash: string;
  locations: string[];
  registry: string;
}

const PLATFORM: ProjectDef = {
  id: 'platform-prod',
  number: '482910375612',
  hash: 'k3f9q2xv7a',
  locations: ['us-central1', 'us-east1'],
  registry: 'us-docker.pkg.dev/platform-prod/services',
};
const SHOP: ProjectDef = {
  id: 'shop-prod',
  number: '731046285519',
  hash: 'ht7w2mzq4q',
  locations: ['europe-west1', 'europe-west4'],
  registry: 'europe-docker.pkg.dev/shop-prod/shop',
};
const CORP: ProjectDef = {
  id: 'corp-tools',
  number: '295817364028',
  hash: 'r8d2nc5ylq',
  locations: ['europe-west1', 'us-central1'],
  registry: 'europe-west1-docker.pkg.dev/corp-tools/tools',
};

const REGION_CODES: Record<string, string> = {
  'us-central1': 'uc',
  'us-east1': 'ue',
  'europe-west1': 'ew',
  'europe-west4': 'ez',
};

function regionCode(region: string): string {
  const code = REGION_CODES[region];
  if (!code) throw new Error(`no run.app region code for ${region}`);
  return code;
}

const hashHost = (p: ProjectDef, region: string, name: string) =>
  `${name}-${p.hash}-${regionCode(region)}.a.run.app`;
/** `https://NAME-HASH-XX.a.run.app`, the form Service.uri returns. */
const hashUrl = (p: ProjectDef, region: string, name: string) => `https://${hashHost(p, region, name)}`;
/** `https://NAME-PROJECTNUMBER.REGION.run.app`, the deterministic form. */
const numberUrl = (p: ProjectDef, region: string, name: string) =>
  `https://${name}-${p.number}.${region}.run.app`;
/** A gRPC target as clients dial it: host:port, no scheme. */
const grpcTarget = (p: ProjectDef, region: string, name: string) => `${hashHost(p, region, name)}:443`;

const sa = (p: ProjectDef, id: string) => `${id}@${p.id}.iam.gserviceaccount.com`;
const computeSa = (p: ProjectDef) => `${p.number}-compute@developer.gserviceaccount.com`;
const member = (email: string) => `serviceAccount:${email}`;

// ---------------------------------------------------------------------------------------------
// Deterministic derivations

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

function uuid(seed: string): string {
  const h = digest(seed).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pick(seed: string, modulo: number): number {
  return digest(seed).readUInt32BE(0) % modulo;
}

function letters(seed: string, n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  return [...digest(seed).subarray(0, n)].map((b) => alphabet[b % alphabet.length]).join('');
}

function ago(ms: number): string {
  return new Date(NOW_MS - ms).toISOString().replace('.000Z', 'Z');
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function etag(seed: string): string {
  return `BwY${digest(`etag:${seed}`).subarray(0, 6).toString('base64')}`;
}

// ---------------------------------------------------------------------------------------------
// Env vars

type Env = JsonObject;

const lit = (name: string, value: string): Env => ({ name, value });
const secret = (p: ProjectDef, name: string, secretId: string, version: string): Env => ({
  name,
  valueSource: { secretKeyRef: { secret: `projects/${p.number}/secrets/${secretId}`, version } },
});

// ---------------------------------------------------------------------------------------------
// Services

type Ingress =
  | 'INGRESS_TRAFFIC_ALL'
  | 'INGRESS_TRAFFIC_INTERNAL_ONLY'
  | 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER'
  | 'INGRESS_TRAFFIC_NONE';

interface WorkloadBase {
  project: ProjectDef;
  region: string;
  id: string;
  team: string;
  /** Runtime identity; undefined leaves it unset (Cloud Run then uses the default compute account). */
  serviceAccount: string | undefined;
  image: string;
  env: Env[];
  /** Cloud SQL connection, via the v1-style template annotation, a cloudSqlInstance volume, or both. */
  cloudSql?: { instance: string; via: 'annotation' | 'volume' | 'both' };
  /** A Secret Manager secret mounted as files. */
  secretVolume?: { name: string; secret: string; mountPath: string; path: string; version: string };
  /** Direct VPC egress for all traffic: needed to call internal-ingress services. */
  vpc?: { network: string; subnetwork: string };
  /** Members holding roles/run.invoker on this resource. */
  invokers: string[];
  creator: string;
  lastModifier: string;
}

interface ServiceDef extends WorkloadBase {
  description: string;
  ingress: Ingress;
  /** Label `runmap-exposure: public`: exposed to the internet by intent. */
  publicByIntent?: boolean;
  invokerIamDisabled?: boolean;
  iapEnabled?: boolean;
  defaultUriDisabled?: boolean;
  grpc?: boolean;
  generation: number;
  /** The latest revision failed to start; traffic stays on the previous one. */
  latestRevisionFailed?: boolean;
  /** 90/10 split with a `canary` tag on the newest revision. */
  canary?: boolean;
  sidecar?: JsonObject;
  scaling?: { min: number; max: number };
}

interface JobDef extends WorkloadBase {
  taskCount: number;
  parallelism: number;
  timeout: string;
  maxRetries: number;
  executionCount: number;
  lastExecution: 'EXECUTION_SUCCEEDED' | 'EXECUTION_FAILED';
}

const resourceName = (kind: 'services' | 'jobs', w: WorkloadBase) =>
  `projects/${w.project.id}/locations/${w.region}/${kind}/${w.id}`;

function volumesOf(w: WorkloadBase): {
  volumes: JsonObject[];
  mounts: JsonObject[];
  annotations: JsonObject;
} {
  const volumes: JsonObject[] = [];
  const mounts: JsonObject[] = [];
  const annotations: JsonObject = {};
  if (w.cloudSql) {
    if (w.cloudSql.via !== 'volume')
      annotations['run.googleapis.com/cloudsql-instances'] = w.cloudSql.instance;
    if (w.cloudSql.via !== 'annotation') {
      volumes.push({ name: 'cloudsql', cloudSqlInstance: { instances: [w.cloudSql.instance] } });
      mounts.push({ name: 'cloudsql', mountPath: '/cloudsql' });
    }
  }
  if (w.secretVolume) {
    const v = w.secretVolume;
    volumes.push({
      name: v.name,
      secret: { secret: v.secret, items: [{ path: v.path, version: v.version }], defaultMode: 292 },
    });
    mounts.push({ name: v.name, mountPath: v.mountPath });
  }
  return { volumes, mounts, annotations };
}

function vpcAccessOf(w: WorkloadBase): JsonObject | undefined {
  if (!w.vpc) return undefined;
  return {
    networkInterfaces: [{ network: w.vpc.network, subnetwork: w.vpc.subnetwork }],
    egress: 'ALL_TRAFFIC',
  };
}

function labelsOf(w: WorkloadBase, extra: Record<string, string> = {}): JsonObject {
  return { team: w.team, env: 'prod', ...extra };
}

function timesOf(name: string): { createTime: string; updateTime: string } {
  return {
    createTime: ago((120 + pick(`created:${name}`, 500)) * DAY + pick(`c-min:${name}`, 86_400) * 1000),
    updateTime: ago((3 + pick(`updated:${name}`, 400)) * HOUR + pick(`u-sec:${name}`, 3600) * 1000),
  };
}

function revisionName(s: ServiceDef, generation: number): string {
  return `${s.id}-${String(generation).padStart(5, '0')}-${letters(`${resourceName('services', s)}#${generation}`, 3)}`;
}

function buildService(s: ServiceDef): JsonObject {
  const name = resourceName('services', s);
  const { createTime, updateTime } = timesOf(name);
  const { volumes, mounts, annotations } = volumesOf(s);
  const latest = revisionName(s, s.generation);
  const ready = s.latestRevisionFailed ? revisionName(s, s.generation - 1) : latest;
  const previous = revisionName(s, s.generation - 1);
  const revisionPath = (r: string) => `${name}/revisions/${r}`;

  const main: JsonObject = {
    name: s.id,
    image: s.image,
    env: s.env,
    resources: {
      limits: { cpu: '1', memory: s.grpc ? '1Gi' : '512Mi' },
      cpuIdle: true,
      startupCpuBoost: true,
    },
    ports: [{ name: s.grpc ? 'h2c' : 'http1', containerPort: 8080 }],
    volumeMounts: mounts.length > 0 ? mounts : undefined,
    startupProbe: s.grpc
      ? { grpc: { port: 8080 }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 }
      : { tcpSocket: { port: 8080 }, periodSeconds: 240, failureThreshold: 1, timeoutSeconds: 240 },
  };
  const containers: JsonObject[] = s.sidecar ? [main, s.sidecar] : [main];

  const traffic: JsonObject[] = s.canary
    ? [
        { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: previous, percent: 90 },
        { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: latest, percent: 10, tag: 'canary' },
      ]
    : [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }];
  const trafficStatuses: JsonObject[] = s.canary
    ? [
        { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: previous, percent: 90 },
        {
          type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
          revision: latest,
          percent: 10,
          tag: 'canary',
          uri: `https://canary---${hashHost(s.project, s.region, s.id)}`,
        },
      ]
    : [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }];

  const ok = (type: string): JsonObject => ({
    type,
    state: 'CONDITION_SUCCEEDED',
    lastTransitionTime: updateTime,
  });
  const terminalCondition: JsonObject = s.latestRevisionFailed
    ? {
        type: 'Ready',
        state: 'CONDITION_FAILED',
        message: `Revision '${latest}' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable within the allocated timeout.`,
        lastTransitionTime: updateTime,
        severity: 'ERROR',
        reason: 'REVISION_FAILED',
      }
    : ok('Ready');
  const conditions: JsonObject[] = s.latestRevisionFailed
    ? [
        {
          type: 'ConfigurationsReady',
          state: 'CONDITION_FAILED',
          message: terminalCondition.message,
          lastTransitionTime: updateTime,
          severity: 'ERROR',
          reason: 'REVISION_FAILED',
        },
        ok('RoutesReady'),
      ]
    : [ok('ConfigurationsReady'), ok('RoutesReady')];

  return {
    name,
    description: s.description,
    uid: uuid(name),
    generation: String(s.generation),
    labels: labelsOf(s, s.publicByIntent ? { 'runmap-exposure': 'public' } : {}),
    createTime,
    updateTime,
    creator: s.creator,
    lastModifier: s.lastModifier,
    client: 'gcloud',
    clientVersion: '549.0.0',
    ingress: s.ingress,
    launchStage: 'GA',
    binaryAuthorization: { useDefault: true },
    template: {
      labels: { team: s.team },
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      scaling: { minInstanceCount: s.scaling?.min ?? 0, maxInstanceCount: s.scaling?.max ?? 20 },
      vpcAccess: vpcAccessOf(s),
      timeout: '300s',
      serviceAccount: s.serviceAccount,
      containers,
      volumes: volumes.length > 0 ? volumes : undefined,
      executionEnvironment: 'EXECUTION_ENVIRONMENT_GEN2',
      maxInstanceRequestConcurrency: 80,
    },
    traffic,
    invokerIamDisabled: s.invokerIamDisabled ?? false,
    defaultUriDisabled: s.defaultUriDisabled ?? false,
    urls: [numberUrl(s.project, s.region, s.id), hashUrl(s.project, s.region, s.id)],
    iapEnabled: s.iapEnabled ?? false,
    observedGeneration: String(s.generation),
    terminalCondition,
    conditions,
    latestReadyRevision: revisionPath(ready),
    latestCreatedRevision: revisionPath(latest),
    trafficStatuses,
    uri: hashUrl(s.project, s.region, s.id),
    etag: `"${digest(`svc-etag:${name}`).subarray(0, 8).toString('base64url')}"`,
  };
}

function buildJob(j: JobDef): JsonObject {
  const name = resourceName('jobs', j);
  const { createTime, updateTime } = timesOf(name);
  const { volumes, mounts, annotations } = volumesOf(j);
  const executionId = `${j.id}-${letters(`exec:${name}`, 5)}`;
  // Nightly jobs last started around 02:00 UTC on the day of `now`.
  const started = Date.parse('2026-11-21T02:00:00Z') + pick(`start:${name}`, 1800) * 1000;
  const finished = started + (60 + pick(`dur:${name}`, 1500)) * 1000;
  return {
    name,
    uid: uuid(name),
    generation: String(3 + pick(`gen:${name}`, 20)),
    labels: labelsOf(j),
    createTime,
    updateTime,
    creator: j.creator,
    lastModifier: j.lastModifier,
    client: 'gcloud',
    clientVersion: '549.0.0',
    launchStage: 'GA',
    binaryAuthorization: { useDefault: true },
    template: {
      labels: { team: j.team },
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      parallelism: j.parallelism,
      taskCount: j.taskCount,
      template: {
        containers: [
          {
            name: j.id,
            image: j.image,
            env: j.env,
            resources: { limits: { cpu: '2', memory: '2Gi' } },
            volumeMounts: mounts.length > 0 ? mounts : undefined,
          },
        ],
        volumes: volumes.length > 0 ? volumes : undefined,
        maxRetries: j.maxRetries,
        timeout: j.timeout,
        serviceAccount: j.serviceAccount,
        executionEnvironment: 'EXECUTION_ENVIRONMENT_GEN2',
        vpcAccess: vpcAccessOf(j),
      },
    },
    observedGeneration: String(3 + pick(`gen:${name}`, 20)),
    terminalCondition: { type: 'Ready', state: 'CONDITION_SUCCEEDED', lastTransitionTime: updateTime },
    conditions: [],
    executionCount: j.executionCount,
    latestCreatedExecution: {
      name: `${name}/executions/${executionId}`,
      createTime: new Date(started).toISOString().replace('.000Z', 'Z'),
      completionTime: new Date(finished).toISOString().replace('.000Z', 'Z'),
      completionStatus: j.lastExecution,
    },
    etag: `"${digest(`job-etag:${name}`).subarray(0, 8).toString('base64url')}"`,
  };
}

function policyOf(name: string, w: WorkloadBase): JsonObject {
  const bindings = w.invokers.length > 0 ? [binding('roles/run.invoker', ...w.invokers)] : [];
  return { version: 1, etag: etag(name), bindings };
}

// ---------------------------------------------------------------------------------------------
// The estate

const ALICE = 'alice.nguyen@example.com';
const BRUNO = 'bruno.keller@example.com';
const CHIDI = 'chidi.okafor@example.com';
const deployer = (p: ProjectDef) => sa(p, 'deployer');

const platformVpc = (region: string) => ({ network: 'platform-vpc', subnetwork: `run-${region}` });
const shopVpc = (region: string) => ({ network: 'shop-vpc', subnetwork: `run-${region}` });
const corpVpc = (region: string) => ({ network: 'corp-vpc', subnetwork: `run-${region}` });

const UC1 = 'us-central1';
const UE1 = 'us-east1';
const EW1 = 'europe-west1';
const EW4 = 'europe-west4';

// --- 1. platform-prod: an API gateway in front of internal gRPC services, plus event-fed APIs.
const P = PLATFORM;
const pImage = (name: string, tag: string) => `${P.registry}/${name}:${tag}`;
const platformSql = 'platform-prod:us-central1:platform-pg';

const platformServices: ServiceDef[] = [
  {
    project: P,
    region: UC1,
    id: 'api-gateway',
    description: 'ESPv2 edge for api.platform.example.com: JWT validation, quotas, gRPC transcoding.',
    team: 'edge',
    ingress: 'INGRESS_TRAFFIC_ALL',
    publicByIntent: true,
    serviceAccount: sa(P, 'api-gateway'),
    image: `${P.registry}/endpoints-runtime-serverless:2.51.0-api.platform.example.com-2026-11-02r0`,
    env: [
      lit('ESPv2_ARGS', '^++^--cors_preset=basic++--enable_strict_transport_security'),
      lit('ENDPOINTS_SERVICE_NAME', 'api.platform.example.com'),
      lit('USERS_GRPC_TARGET', grpcTarget(P, UC1, 'users-grpc')),
      lit('BILLING_GRPC_TARGET', grpcTarget(P, UC1, 'billing-grpc')),
      lit('CATALOG_GRPC_TARGET', grpcTarget(P, UC1, 'catalog-grpc')),
      lit('SEARCH_GRPC_TARGET', grpcTarget(P, UE1, 'search-grpc')),
      lit(
        'JWKS_URI',
        'https://www.googleapis.com/service_accounts/v1/metadata/x509/securetoken@system.gserviceaccount.com',
      ),
    ],
    vpc: platformVpc(UC1),
    invokers: ['allUsers'],
    generation: 57,
    scaling: { min: 2, max: 100 },
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'users-grpc',
    description: 'gRPC users.v1.Users: profiles, sessions, account settings.',
    team: 'identity',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    grpc: true,
    serviceAccount: sa(P, 'users-grpc'),
    image: pImage('users-grpc', 'v3.18.2'),
    env: [
      lit('DB_NAME', 'users'),
      lit('DB_USER', 'users_svc'),
      secret(P, 'DB_PASSWORD', 'users-db-password', '4'),
      lit('INSTANCE_CONNECTION_NAME', platformSql),
    ],
    cloudSql: { instance: platformSql, via: 'annotation' },
    invokers: [member(sa(P, 'api-gateway')), member(computeSa(P)), member(sa(CORP, 'admin-console'))],
    generation: 112,
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'billing-grpc',
    description: 'gRPC billing.v2.Billing: invoices, payment methods, usage rating.',
    team: 'billing',
    // Planted: opened to the internet "to debug from a laptop" and never closed again.
    ingress: 'INGRESS_TRAFFIC_ALL',
    grpc: true,
    serviceAccount: sa(P, 'billing'),
    image: pImage('billing-grpc', 'v2.7.0'),
    env: [
      secret(P, 'STRIPE_API_KEY', 'stripe-api-key', '12'),
      lit('STRIPE_API_BASE', 'https://api.stripe.com'),
      lit('LEDGER_DATASET', 'platform-prod.billing_ledger'),
    ],
    invokers: ['allUsers', member(sa(P, 'api-gateway')), member(computeSa(P)), member(sa(P, 'batch-export'))],
    generation: 64,
    creator: ALICE,
    lastModifier: BRUNO,
  },
  {
    project: P,
    region: UC1,
    id: 'catalog-grpc',
    description: 'gRPC catalog.v1.Catalog: plans, SKUs, price books.',
    team: 'catalog',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    grpc: true,
    serviceAccount: sa(P, 'catalog'),
    image: pImage('catalog-grpc', 'v1.44.0'),
    env: [
      lit('ELASTIC_URL', 'https://catalog-es.es.us-central1.gcp.cloud.es.io'),
      secret(P, 'ELASTIC_API_KEY', 'catalog-elastic-api-key', '3'),
    ],
    invokers: [member(sa(P, 'api-gateway')), member(sa(P, 'reindex'))],
    generation: 88,
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'notifications-grpc',
    description: 'gRPC notify.v1.Notifier: email, push and SMS fan-out.',
    team: 'messaging',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    grpc: true,
    serviceAccount: sa(P, 'notifications'),
    image: pImage('notifications-grpc', 'v1.9.3'),
    env: [
      secret(P, 'SENDGRID_API_KEY', 'sendgrid-api-key', '6'),
      lit('SENDGRID_API', 'https://api.sendgrid.com/v3'),
      lit('FCM_ENDPOINT', 'https://fcm.googleapis.com/v1/projects/platform-prod/messages:send'),
    ],
    invokers: [member(sa(P, 'jobs-api')), member(sa(SHOP, 'order'))],
    generation: 41,
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'mobile-api',
    description: 'REST backend-for-frontend of the iOS and Android apps (Firebase Auth in the app).',
    team: 'mobile',
    ingress: 'INGRESS_TRAFFIC_ALL',
    publicByIntent: true,
    // Planted: no service account, so it runs as the default compute service account.
    serviceAccount: undefined,
    image: pImage('mobile-api', '2026.11.3'),
    env: [
      lit('USERS_SERVICE_URL', numberUrl(P, UC1, 'users-grpc')),
      lit('BILLING_SERVICE_URL', hashUrl(P, UC1, 'billing-grpc')),
      lit('FIREBASE_PROJECT_ID', 'platform-prod'),
      lit('MIN_APP_VERSION', '7.12.0'),
    ],
    vpc: platformVpc(UC1),
    invokers: ['allUsers'],
    generation: 203,
    scaling: { min: 1, max: 60 },
    creator: CHIDI,
    lastModifier: CHIDI,
  },
  {
    project: P,
    region: UC1,
    id: 'webhook-receiver',
    description:
      'Receives GitHub and Stripe webhooks, verifies signatures, enqueues Cloud Tasks for jobs-api.',
    team: 'integrations',
    ingress: 'INGRESS_TRAFFIC_ALL',
    publicByIntent: true,
    serviceAccount: sa(P, 'webhook-receiver'),
    image: pImage('webhook-receiver', 'v0.14.1'),
    env: [
      // Planted: a credential pasted as a literal.
      lit('GITHUB_WEBHOOK_SECRET', `ghws_${LEAK.github}_FAKE_b7e1c9a4d2f8e6`),
      secret(P, 'STRIPE_WEBHOOK_SECRET', 'stripe-webhook-secret', 'latest'),
      lit('JOBS_API_URL', hashUrl(P, UC1, 'jobs-api')),
      lit('TASKS_QUEUE', `projects/${P.id}/locations/${UC1}/queues/jobs-api-tasks`),
      lit('TASKS_INVOKER_SA', sa(P, 'tasks-invoker')),
      lit('STRIPE_API_BASE', 'https://api.stripe.com'),
    ],
    invokers: ['allUsers'],
    generation: 19,
    creator: BRUNO,
    lastModifier: BRUNO,
  },
  {
    project: P,
    region: UC1,
    id: 'jobs-api',
    description: 'Background work API fed by Cloud Scheduler, Pub/Sub push and Cloud Tasks.',
    team: 'platform',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(P, 'jobs-api'),
    image: pImage('jobs-api', 'v5.2.0'),
    env: [
      lit('NOTIFICATIONS_GRPC_TARGET', grpcTarget(P, UC1, 'notifications-grpc')),
      lit('DB_NAME', 'jobs'),
      lit('DB_USER', 'jobs_svc'),
      secret(P, 'DB_PASSWORD', 'jobs-db-password', '2'),
    ],
    cloudSql: { instance: platformSql, via: 'volume' },
    vpc: platformVpc(UC1),
    invokers: [
      member(sa(P, 'scheduler-invoker')),
      member(sa(P, 'pubsub-push')),
      member(sa(P, 'tasks-invoker')),
    ],
    generation: 77,
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UE1,
    id: 'search-grpc',
    description: 'gRPC search.v1.Search over the catalog index (east replica).',
    team: 'catalog',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    grpc: true,
    serviceAccount: sa(P, 'search'),
    image: pImage('search-grpc', 'v1.3.5'),
    env: [
      lit('ELASTIC_URL', 'https://catalog-es.es.us-east1.gcp.cloud.es.io'),
      secret(P, 'ELASTIC_API_KEY', 'search-elastic-api-key', '2'),
    ],
    invokers: [member(sa(P, 'api-gateway')), member(sa(P, 'reindex'))],
    generation: 23,
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UE1,
    id: 'audit-log-sink',
    description: 'Pub/Sub push endpoint of the audit log sink: normalizes entries into BigQuery.',
    team: 'security',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(P, 'audit-sink'),
    image: pImage('audit-log-sink', 'v1.1.0'),
    env: [lit('BQ_DATASET', 'platform-prod.audit_logs'), lit('LOG_LEVEL', 'info')],
    invokers: [member(sa(P, 'pubsub-push'))],
    generation: 8,
    creator: ALICE,
    lastModifier: ALICE,
  },
];

const platformJobs: JobDef[] = [
  {
    project: P,
    region: UC1,
    id: 'batch-export',
    team: 'billing',
    serviceAccount: sa(P, 'batch-export'),
    image: pImage('batch-export', 'v1.6.0'),
    env: [
      lit('BILLING_SERVICE_URL', numberUrl(P, UC1, 'billing-grpc')),
      lit('EXPORT_BUCKET', 'gs://platform-prod-exports'),
      lit('PARTNER_SFTP_HOST', 'sftp.partner.example.net'),
      lit('PARTNER_SFTP_USER', 'platform-export'),
      // Planted: a credential pasted as a literal.
      lit('PARTNER_SFTP_PASSWORD', `${LEAK.sftp}-FAKE-Tr0ub4dor-3x`),
    ],
    vpc: platformVpc(UC1),
    invokers: [member(sa(P, 'scheduler-invoker'))],
    taskCount: 4,
    parallelism: 2,
    timeout: '3600s',
    maxRetries: 2,
    executionCount: 311,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: ALICE,
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'nightly-reindex',
    team: 'catalog',
    serviceAccount: sa(P, 'reindex'),
    image: pImage('nightly-reindex', 'v2.0.1'),
    env: [
      lit('CATALOG_GRPC_TARGET', grpcTarget(P, UC1, 'catalog-grpc')),
      lit('SEARCH_GRPC_TARGET', grpcTarget(P, UE1, 'search-grpc')),
      secret(P, 'ELASTIC_API_KEY', 'catalog-elastic-api-key', 'latest'),
    ],
    vpc: platformVpc(UC1),
    invokers: [member(sa(P, 'scheduler-invoker'))],
    taskCount: 8,
    parallelism: 8,
    timeout: '7200s',
    maxRetries: 1,
    executionCount: 402,
    lastExecution: 'EXECUTION_FAILED',
    creator: deployer(P),
    lastModifier: deployer(P),
  },
  {
    project: P,
    region: UC1,
    id: 'db-migrate',
    team: 'platform',
    serviceAccount: sa(P, 'db-migrate'),
    image: pImage('db-migrate', 'v5.2.0'),
    env: [
      lit('MIGRATIONS_DIR', '/app/migrations'),
      lit('DB_USER', 'migrator'),
      secret(P, 'DB_PASSWORD', 'migrator-db-password', '3'),
    ],
    cloudSql: { instance: platformSql, via: 'volume' },
    invokers: [member(deployer(P))],
    taskCount: 1,
    parallelism: 1,
    timeout: '900s',
    maxRetries: 0,
    executionCount: 77,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: deployer(P),
    lastModifier: deployer(P),
  },
];

// --- 2. shop-prod: a classic web shop in two regions.
const S = SHOP;
const sImage = (name: string, tag: string) => `${S.registry}/${name}:${tag}`;
const ordersSql = 'shop-prod:europe-west1:orders-pg';
const otelSidecar: JsonObject = {
  name: 'otel-collector',
  image: 'europe-docker.pkg.dev/shop-prod/shop/otel-collector:0.112.0',
  resources: { limits: { cpu: '0.5', memory: '256Mi' } },
  env: [lit('OTEL_EXPORTER', 'googlecloud')],
};

function frontend(region: string): ServiceDef {
  const west1 = region === EW1;
  return {
    project: S,
    region,
    id: 'frontend',
    description: 'Storefront (Next.js SSR) behind the global external Application Load Balancer.',
    team: 'storefront',
    // europe-west1 takes traffic only through the load balancer; europe-west4 keeps ingress all
    // but has its run.app URL disabled, which amounts to the same reach.
    ingress: west1 ? 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' : 'INGRESS_TRAFFIC_ALL',
    defaultUriDisabled: !west1,
    publicByIntent: true,
    serviceAccount: sa(S, 'frontend'),
    image: sImage('frontend', '2026.11.20-1'),
    env: [
      lit('AUTH_SERVICE_URL', west1 ? hashUrl(S, EW1, 'auth') : numberUrl(S, EW1, 'auth')),
      lit('CART_SERVICE', 'http://cart'),
      lit(
        'PRODUCT_CATALOG_SERVICE',
        west1 ? 'http://product-catalog.europe-west1' : 'http://product-catalog',
      ),
      lit('ORDER_SERVICE_URL', hashUrl(S, EW1, 'order')),
      lit(
        'RECOMMENDATIONS_URL',
        west1 ? numberUrl(S, EW1, 'recommendations') : 'http://recommendations.europe-west1',
      ),
      lit('STRIPE_JS_URL', 'https://js.stripe.com/v3'),
      secret(S, 'SESSION_SECRET', 'frontend-session-secret', '5'),
    ],
    vpc: shopVpc(region),
    invokers: ['allUsers'],
    generation: west1 ? 142 : 139,
    canary: west1,
    scaling: { min: 2, max: 200 },
    creator: deployer(S),
    lastModifier: deployer(S),
  };
}

function cart(region: string): ServiceDef {
  const west1 = region === EW1;
  return {
    project: S,
    region,
    id: 'cart',
    description: 'Shopping cart API backed by Memorystore for Redis.',
    team: 'checkout',
    // Planted (europe-west1 only): ingress all although only the frontend and order call it.
    ingress: west1 ? 'INGRESS_TRAFFIC_ALL' : 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(S, 'cart'),
    image: sImage('cart', 'v4.2.1'),
    env: [
      lit('REDIS_HOST', west1 ? '10.24.0.3' : '10.34.0.3'),
      lit('REDIS_PORT', '6379'),
      secret(S, 'REDIS_AUTH', 'cart-redis-auth', '2'),
      lit('PRODUCT_CATALOG_SERVICE', 'http://product-catalog'),
    ],
    vpc: shopVpc(region),
    invokers: west1 ? [member(sa(S, 'frontend')), member(sa(S, 'order'))] : [member(sa(S, 'frontend'))],
    generation: west1 ? 58 : 51,
    creator: deployer(S),
    lastModifier: west1 ? BRUNO : deployer(S),
  };
}

function productCatalog(region: string): ServiceDef {
  const west1 = region === EW1;
  return {
    project: S,
    region,
    id: 'product-catalog',
    description: 'Product catalog read API (Firestore).',
    team: 'catalog',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(S, 'product-catalog'),
    image: sImage('product-catalog', 'v3.0.4'),
    env: [lit('FIRESTORE_DATABASE', west1 ? 'catalog-ew1' : 'catalog-ew4'), lit('CACHE_TTL_SECONDS', '60')],
    invokers: west1
      ? [
          member(sa(S, 'frontend')),
          member(sa(S, 'cart')),
          member(sa(S, 'recommendations')),
          member(sa(S, 'inventory-sync')),
        ]
      : [member(sa(S, 'frontend')), member(sa(S, 'cart')), member(sa(S, 'sitemap'))],
    generation: west1 ? 96 : 94,
    creator: deployer(S),
    lastModifier: deployer(S),
  };
}

const shopServices: ServiceDef[] = [
  frontend(EW1),
  {
    project: S,
    region: EW1,
    id: 'auth',
    description: 'Customer sign-in, OAuth with Google, JWT issuance.',
    team: 'identity',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(S, 'auth'),
    image: sImage('auth', 'v2.3.0'),
    env: [
      lit('OAUTH_ISSUER', 'https://accounts.google.com'),
      lit('OAUTH_CLIENT_ID', '731046285519-b3k9d0shopfront.apps.googleusercontent.com'),
      secret(S, 'OAUTH_CLIENT_SECRET', 'oauth-client-secret', '3'),
      lit('JWT_KEY_FILE', '/secrets/jwt/private.pem'),
    ],
    secretVolume: {
      name: 'jwt-signing-key',
      secret: `projects/${S.number}/secrets/jwt-signing-key`,
      mountPath: '/secrets/jwt',
      path: 'private.pem',
      version: '7',
    },
    invokers: [member(sa(S, 'frontend'))],
    generation: 33,
    creator: deployer(S),
    lastModifier: deployer(S),
  },
  productCatalog(EW1),
  cart(EW1),
  {
    project: S,
    region: EW1,
    id: 'order',
    description: 'Checkout and order lifecycle; Cloud SQL for PostgreSQL; publishes order-created.',
    team: 'checkout',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(S, 'order'),
    image: `${S.registry}/order@sha256:${digest('image:order').toString('hex')}`,
    env: [
      lit('DB_NAME', 'orders'),
      lit('DB_USER', 'orders_app'),
      secret(S, 'DB_PASSWORD', 'orders-db-password', '9'),
      lit('DB_SOCKET_DIR', '/cloudsql'),
      lit('ORDER_EVENTS_TOPIC', `projects/${S.id}/topics/order-created`),
      lit('PAYMENT_SERVICE_URL', hashUrl(S, EW1, 'payment')),
      lit('CART_SERVICE', 'http://cart'),
      lit('NOTIFICATIONS_GRPC_TARGET', grpcTarget(P, UC1, 'notifications-grpc')),
    ],
    cloudSql: { instance: ordersSql, via: 'both' },
    vpc: shopVpc(EW1),
    sidecar: otelSidecar,
    invokers: [member(sa(S, 'frontend')), member(sa(CORP, 'admin-console'))],
    generation: 121,
    creator: deployer(S),
    lastModifier: deployer(S),
  },
  {
    project: S,
    region: EW1,
    id: 'payment',
    description: 'Payment intents and refunds via Stripe.',
    team: 'checkout',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(S, 'payment'),
    image: sImage('payment', 'v1.12.0'),
    env: [
      // Planted: the live Stripe key pasted as a literal instead of a secret reference.
      lit('STRIPE_API_KEY', `sk_live_${LEAK.stripe}xFAKEx9fQ2mZ7pL4tR8wK3vN6`),
      lit('STRIPE_API_BASE', 'https://api.stripe.com'),
      secret(S, 'STRIPE_WEBHOOK_SECRET', 'stripe-webhook-secret', '4'),
      lit('CURRENCY', 'EUR'),
    ],
    invokers: [member(sa(S, 'order'))],
    generation: 47,
    creator: BRUNO,
    lastModifier: BRUNO,
  },
  {
    project: S,
    region: EW1,
    id: 'email-worker',
    description: 'Pub/Sub push consumer of order-created: sends order confirmation emails.',
    team: 'checkout',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    // Planted: runs as the default compute service account, which holds roles/editor on the project.
    serviceAccount: computeSa(S),
    image: sImage('email-worker', 'v1.4.2'),
    env: [
      lit('ORDER_SERVICE_URL', numberUrl(S, EW1, 'order')),
      secret(S, 'SENDGRID_API_KEY', 'sendgrid-api-key', '2'),
      lit('TEMPLATE_BUCKET', 'gs://shop-prod-email-templates'),
      lit('FROM_ADDRESS', 'orders@shop.example.com'),
    ],
    vpc: shopVpc(EW1),
    invokers: [member(sa(S, 'pubsub-push'))],
    generation: 15,
    creator: CHIDI,
    lastModifier: CHIDI,
  },
  {
    project: S,
    region: EW1,
    id: 'recommendations',
    description: 'Product recommendations (Vertex AI endpoint) behind the internal load balancer.',
    team: 'discovery',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    // Planted: invoker IAM check disabled so an unauthenticated push subscription could reach it.
    invokerIamDisabled: true,
    serviceAccount: sa(S, 'recommendations'),
    image: sImage('recommendations', 'v0.31.0'),
    env: [
      lit('PRODUCT_CATALOG_SERVICE', 'http://product-catalog'),
      lit(
        'VERTEX_ENDPOINT',
        'https://europe-west1-aiplatform.googleapis.com/v1/projects/shop-prod/locations/europe-west1/endpoints/4021',
      ),
    ],
    vpc: shopVpc(EW1),
    invokers: [member(sa(S, 'frontend'))],
    generation: 19,
    latestRevisionFailed: true,
    creator: CHIDI,
    lastModifier: CHIDI,
  },
  frontend(EW4),
  cart(EW4),
  productCatalog(EW4),
];

const shopJobs: JobDef[] = [
  {
    project: S,
    region: EW1,
    id: 'inventory-sync',
    team: 'catalog',
    serviceAccount: sa(S, 'inventory-sync'),
    image: sImage('inventory-sync', 'v1.8.0'),
    env: [
      lit('PRODUCT_CATALOG_URL', hashUrl(S, EW1, 'product-catalog')),
      lit('SUPPLIER_FEED_URL', 'https://feeds.supplier.example.net/inventory.csv'),
      secret(S, 'SUPPLIER_API_TOKEN', 'supplier-api-token', '5'),
    ],
    vpc: shopVpc(EW1),
    invokers: [member(sa(S, 'scheduler'))],
    taskCount: 1,
    parallelism: 1,
    timeout: '1800s',
    maxRetries: 3,
    executionCount: 540,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: deployer(S),
    lastModifier: deployer(S),
  },
  {
    project: S,
    region: EW4,
    id: 'sitemap-generator',
    team: 'storefront',
    serviceAccount: sa(S, 'sitemap'),
    image: sImage('sitemap-generator', 'v1.0.3'),
    env: [
      lit('PRODUCT_CATALOG_URL', numberUrl(S, EW4, 'product-catalog')),
      lit('SITEMAP_BUCKET', 'gs://shop-prod-sitemaps'),
    ],
    vpc: shopVpc(EW4),
    invokers: [member(sa(S, 'scheduler'))],
    taskCount: 1,
    parallelism: 1,
    timeout: '600s',
    maxRetries: 1,
    executionCount: 81,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: ALICE,
    lastModifier: deployer(S),
  },
];

// --- 3. corp-tools: internal tools, an admin app behind IAP.
const C = CORP;
const cImage = (name: string, tag: string) => `${C.registry}/${name}:${tag}`;
const iapAgent = (p: ProjectDef) => `service-${p.number}@gcp-sa-iap.iam.gserviceaccount.com`;

const corpServices: ServiceDef[] = [
  {
    project: C,
    region: EW1,
    id: 'admin-console',
    description: 'Back-office admin app (users, orders, flags) for staff, behind IAP.',
    team: 'internal-tools',
    ingress: 'INGRESS_TRAFFIC_ALL',
    iapEnabled: true,
    serviceAccount: sa(C, 'admin-console'),
    image: cImage('admin-console', 'v6.0.2'),
    env: [
      lit('FEATURE_FLAGS_URL', hashUrl(C, EW1, 'feature-flags')),
      lit('USERS_ADMIN_URL', numberUrl(P, UC1, 'users-grpc')),
      lit('ORDERS_ADMIN_URL', numberUrl(S, EW1, 'order')),
      secret(C, 'SESSION_SECRET', 'admin-session-secret', 'latest'),
    ],
    vpc: corpVpc(EW1),
    invokers: [member(iapAgent(C))],
    generation: 72,
    creator: ALICE,
    lastModifier: deployer(C),
  },
  {
    project: C,
    region: EW1,
    id: 'status-page',
    description: 'Internal status page: probes the tools and shows uptime to staff.',
    team: 'internal-tools',
    // Planted: ingress all, and "any Google account" taken to mean "our staff".
    ingress: 'INGRESS_TRAFFIC_ALL',
    serviceAccount: sa(C, 'status-page'),
    image: cImage('status-page', 'v1.2.0'),
    env: [
      lit('ADMIN_CONSOLE_URL', hashUrl(C, EW1, 'admin-console')),
      lit('COST_DASHBOARD_HEALTH_URL', `${numberUrl(C, UC1, 'cost-dashboard')}/healthz`),
      lit('STATUSPAGE_API', 'https://api.statuspage.io/v1'),
    ],
    vpc: corpVpc(EW1),
    invokers: ['allAuthenticatedUsers', 'group:corp-staff@example.com'],
    generation: 12,
    creator: CHIDI,
    lastModifier: CHIDI,
  },
  {
    project: C,
    region: EW1,
    id: 'feature-flags',
    description: 'Feature flag store and evaluation API.',
    team: 'internal-tools',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    serviceAccount: sa(C, 'feature-flags'),
    image: cImage('feature-flags', 'v2.4.1'),
    env: [
      lit('FLAGS_BUCKET', 'gs://corp-tools-flags'),
      lit('MAINTENANCE_BANNER', `Planned maintenance Saturday 06:00 UTC (${PLAIN_MARKER})`),
    ],
    invokers: [member(sa(C, 'admin-console')), member(sa(C, 'oncall-bot'))],
    generation: 29,
    creator: deployer(C),
    lastModifier: deployer(C),
  },
  {
    project: C,
    region: EW1,
    id: 'oncall-bot',
    description: 'Slack slash commands for on-call (/page, /flags); Slack signs every request.',
    team: 'sre',
    ingress: 'INGRESS_TRAFFIC_ALL',
    publicByIntent: true,
    serviceAccount: sa(C, 'oncall-bot'),
    image: cImage('oncall-bot', 'v0.9.0'),
    env: [
      secret(C, 'SLACK_SIGNING_SECRET', 'slack-signing-secret', '2'),
      secret(C, 'PAGERDUTY_TOKEN', 'pagerduty-token', '1'),
      lit('PAGERDUTY_API', 'https://api.pagerduty.com'),
      lit('FEATURE_FLAGS_URL', numberUrl(C, EW1, 'feature-flags')),
    ],
    vpc: corpVpc(EW1),
    invokers: ['allUsers'],
    generation: 9,
    creator: BRUNO,
    lastModifier: BRUNO,
  },
  {
    project: C,
    region: UC1,
    id: 'cost-dashboard',
    description: 'FinOps dashboard over the billing export, behind the internal Application Load Balancer.',
    team: 'finops',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    serviceAccount: sa(C, 'cost-dashboard'),
    image: cImage('cost-dashboard', 'v1.5.0'),
    env: [lit('BQ_BILLING_TABLE', 'corp-tools.billing_export.gcp_billing_export_v1')],
    invokers: ['group:finops@example.com', member(sa(C, 'report-generator'))],
    generation: 21,
    creator: ALICE,
    lastModifier: ALICE,
  },
];

const corpJobs: JobDef[] = [
  {
    project: C,
    region: UC1,
    id: 'report-generator',
    team: 'finops',
    serviceAccount: sa(C, 'report-generator'),
    image: cImage('report-generator', 'v3.1.0'),
    env: [
      lit('COST_DASHBOARD_URL', hashUrl(C, UC1, 'cost-dashboard')),
      lit('SMTP_HOST', 'smtp.sendgrid.net'),
      lit('SMTP_USER', 'apikey'),
      // Planted: a credential pasted as a literal.
      lit('SMTP_PASSWORD', `SG.${LEAK.smtp}-FAKE.q9Zr2LmX8vTnB4kW`),
    ],
    vpc: corpVpc(UC1),
    invokers: [member(sa(C, 'scheduler'))],
    taskCount: 1,
    parallelism: 1,
    timeout: '1200s',
    maxRetries: 1,
    executionCount: 26,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: ALICE,
    lastModifier: ALICE,
  },
  {
    project: C,
    region: UC1,
    id: 'access-review',
    team: 'security',
    serviceAccount: sa(C, 'access-review'),
    image: cImage('access-review', 'v1.0.7'),
    env: [
      lit('ASSET_SCOPE', 'organizations/618273645501'),
      secret(C, 'SLACK_WEBHOOK_URL', 'security-slack-webhook', '3'),
    ],
    invokers: [member(sa(C, 'scheduler'))],
    taskCount: 1,
    parallelism: 1,
    timeout: '1800s',
    maxRetries: 0,
    executionCount: 48,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: CHIDI,
    lastModifier: CHIDI,
  },
  {
    project: C,
    region: EW1,
    id: 'backup-verifier',
    team: 'sre',
    serviceAccount: sa(C, 'backup-verifier'),
    image: cImage('backup-verifier', 'v0.4.0'),
    env: [lit('BACKUP_BUCKETS', 'gs://corp-tools-backups'), lit('RESTORE_SAMPLE_PERCENT', '5')],
    invokers: [member(sa(C, 'scheduler'))],
    taskCount: 3,
    parallelism: 3,
    timeout: '3600s',
    maxRetries: 1,
    executionCount: 190,
    lastExecution: 'EXECUTION_SUCCEEDED',
    creator: BRUNO,
    lastModifier: BRUNO,
  },
];

// ---------------------------------------------------------------------------------------------
// Project IAM and event sources

function binding(role: string, ...members: string[]): JsonObject {
  return { role, members };
}

function commonProjectBindings(p: ProjectDef, runtimeSas: string[]): JsonObject[] {
  const sas = [...new Set(runtimeSas)].sort().map(member);
  return [
    binding('roles/owner', 'user:cto@example.com'),
    binding('roles/run.admin', 'group:cloud-admins@example.com'),
    binding('roles/run.developer', member(deployer(p))),
    binding('roles/iam.serviceAccountUser', member(deployer(p))),
    binding('roles/logging.logWriter', ...sas),
    binding('roles/cloudtrace.agent', ...sas),
    binding('roles/monitoring.metricWriter', ...sas),
    binding(
      'roles/run.serviceAgent',
      member(`service-${p.number}@serverless-robot-prod.iam.gserviceaccount.com`),
    ),
    binding('roles/pubsub.serviceAgent', member(`service-${p.number}@gcp-sa-pubsub.iam.gserviceaccount.com`)),
  ];
}

const runtimeSas = (ws: WorkloadBase[]) => ws.flatMap((w) => (w.serviceAccount ? [w.serviceAccount] : []));

const platformIam: JsonObject = {
  version: 1,
  etag: etag('project:platform-prod'),
  bindings: [
    ...commonProjectBindings(P, runtimeSas([...platformServices, ...platformJobs])),
    // Planted: the on-call group may invoke every service (and run every job) in the project.
    binding('roles/run.invoker', 'group:platform-oncall@example.com'),
    binding(
      'roles/secretmanager.secretAccessor',
      member(sa(P, 'users-grpc')),
      member(sa(P, 'billing')),
      member(sa(P, 'catalog')),
      member(sa(P, 'notifications')),
      member(sa(P, 'webhook-receiver')),
      member(sa(P, 'jobs-api')),
      member(sa(P, 'search')),
      member(sa(P, 'reindex')),
      member(sa(P, 'db-migrate')),
    ),
    binding(
      'roles/cloudsql.client',
      member(sa(P, 'users-grpc')),
      member(sa(P, 'jobs-api')),
      member(sa(P, 'db-migrate')),
    ),
    binding('roles/cloudtasks.enqueuer', member(sa(P, 'webhook-receiver'))),
    binding('roles/bigquery.dataEditor', member(sa(P, 'audit-sink')), member(sa(P, 'billing'))),
  ],
};

const shopIam: JsonObject = {
  version: 1,
  etag: etag('project:shop-prod'),
  bindings: [
    ...commonProjectBindings(S, runtimeSas([...shopServices, ...shopJobs])),
    // Planted: the default compute account keeps the basic Editor role it was created with.
    binding('roles/editor', member(computeSa(S))),
    binding(
      'roles/secretmanager.secretAccessor',
      member(sa(S, 'frontend')),
      member(sa(S, 'auth')),
      member(sa(S, 'cart')),
      member(sa(S, 'order')),
      member(sa(S, 'payment')),
      member(sa(S, 'inventory-sync')),
    ),
    binding('roles/cloudsql.client', member(sa(S, 'order'))),
    binding('roles/pubsub.publisher', member(sa(S, 'order'))),
    binding('roles/datastore.user', member(sa(S, 'product-catalog'))),
    binding('roles/aiplatform.user', member(sa(S, 'recommendations'))),
  ],
};

const corpIam: JsonObject = {
  version: 1,
  etag: etag('project:corp-tools'),
  bindings: [
    ...commonProjectBindings(C, runtimeSas([...corpServices, ...corpJobs])),
    // The status page probes every tool in the project: a project-level grant to a runtime identity.
    binding('roles/run.invoker', member(sa(C, 'status-page'))),
    binding('roles/iap.httpsResourceAccessor', 'group:corp-staff@example.com'),
    binding(
      'roles/secretmanager.secretAccessor',
      member(sa(C, 'admin-console')),
      member(sa(C, 'oncall-bot')),
      member(sa(C, 'access-review')),
    ),
    binding('roles/cloudasset.viewer', member(sa(C, 'access-review'))),
    binding('roles/bigquery.dataViewer', member(sa(C, 'cost-dashboard')), member(sa(C, 'report-generator'))),
  ],
};

const oidc = (email: string, audience: string): JsonObject => ({ serviceAccountEmail: email, audience });

function pushSubscription(
  p: ProjectDef,
  id: string,
  topic: string,
  endpoint: string,
  token: JsonObject | undefined,
): JsonObject {
  return {
    name: `projects/${p.id}/subscriptions/${id}`,
    topic: `projects/${p.id}/topics/${topic}`,
    pushConfig: { pushEndpoint: endpoint, oidcToken: token },
    ackDeadlineSeconds: 60,
    messageRetentionDuration: '604800s',
    retryPolicy: { minimumBackoff: '10s', maximumBackoff: '600s' },
    state: 'ACTIVE',
    labels: { env: 'prod' },
  };
}

/** A scheduler job that calls a Cloud Run service over HTTP with an OIDC token. */
function schedulerToService(
  p: ProjectDef,
  region: string,
  id: string,
  schedule: string,
  uri: string,
  token: JsonObject,
): JsonObject {
  return {
    name: `projects/${p.id}/locations/${region}/jobs/${id}`,
    description: `Calls ${uri}`,
    httpTarget: {
      uri,
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from('{"source":"scheduler"}').toString('base64'),
      oidcToken: token,
    },
    schedule,
    timeZone: 'Etc/UTC',
    userUpdateTime: ago((30 + pick(`sched:${id}`, 200)) * DAY),
    state: 'ENABLED',
    retryConfig: {
      retryCount: 3,
      maxRetryDuration: '0s',
      minBackoffDuration: '5s',
      maxBackoffDuration: '3600s',
      maxDoublings: 5,
    },
    attemptDeadline: '180s',
  };
}

/** A scheduler job that executes a Cloud Run job through the Admin API (OAuth token, not OIDC). */
function schedulerToJob(
  p: ProjectDef,
  region: string,
  job: JobDef,
  schedule: string,
  caller: string,
): JsonObject {
  const id = `${job.id}-trigger`;
  const target = resourceName('jobs', job);
  return {
    name: `projects/${p.id}/locations/${region}/jobs/${id}`,
    description: `Runs ${target}`,
    httpTarget: {
      uri: `https://run.googleapis.com/v2/${target}:run`,
      httpMethod: 'POST',
      oauthToken: { serviceAccountEmail: caller, scope: 'https://www.googleapis.com/auth/cloud-platform' },
    },
    schedule,
    timeZone: 'Etc/UTC',
    userUpdateTime: ago((30 + pick(`sched:${id}`, 200)) * DAY),
    state: 'ENABLED',
    retryConfig: {
      retryCount: 1,
      maxRetryDuration: '0s',
      minBackoffDuration: '5s',
      maxBackoffDuration: '3600s',
      maxDoublings: 5,
    },
    attemptDeadline: '180s',
  };
}

function byId<T extends WorkloadBase>(list: T[], id: string, region?: string): T {
  const found = list.find((w) => w.id === id && (region === undefined || w.region === region));
  if (!found) throw new Error(`no workload ${id}${region ? ` in ${region}` : ''}`);
  return found;
}

const jobsApiUrl = hashUrl(P, UC1, 'jobs-api');
const platformEvents = {
  pubsubSubscriptions: [
    pushSubscription(
      P,
      'billing-events-jobs-api',
      'billing-events',
      `${jobsApiUrl}/pubsub/billing-events`,
      oidc(sa(P, 'pubsub-push'), jobsApiUrl),
    ),
    pushSubscription(
      P,
      'audit-logs-push',
      'audit-logs',
      `${hashUrl(P, UE1, 'audit-log-sink')}/push`,
      oidc(sa(P, 'pubsub-push'), hashUrl(P, UE1, 'audit-log-sink')),
    ),
  ],
  schedulerJobs: [
    schedulerToService(
      P,
      UC1,
      'jobs-api-hourly-sweep',
      '0 * * * *',
      `${jobsApiUrl}/tasks/sweep`,
      oidc(sa(P, 'scheduler-invoker'), jobsApiUrl),
    ),
    schedulerToJob(P, UC1, byId(platformJobs, 'batch-export'), '30 1 * * *', sa(P, 'scheduler-invoker')),
    schedulerToJob(P, UC1, byId(platformJobs, 'nightly-reindex'), '0 2 * * *', sa(P, 'scheduler-invoker')),
  ],
  tasksQueues: [
    {
      name: `projects/${P.id}/locations/${UC1}/queues/jobs-api-tasks`,
      httpTarget: {
        uriOverride: {
          scheme: 'HTTPS',
          host: hashHost(P, UC1, 'jobs-api'),
          port: '443',
          pathOverride: { path: '/tasks/webhook' },
          uriOverrideEnforceMode: 'ALWAYS',
        },
        httpMethod: 'POST',
        oidcToken: oidc(sa(P, 'tasks-invoker'), jobsApiUrl),
      },
      rateLimits: { maxDispatchesPerSecond: 50, maxBurstSize: 100, maxConcurrentDispatches: 200 },
      retryConfig: { maxAttempts: 10, minBackoff: '1s', maxBackoff: '300s', maxDoublings: 4 },
      state: 'RUNNING',
      type: 'PUSH',
    },
  ],
};

const emailWorkerUrl = hashUrl(S, EW1, 'email-worker');
const shopEvents = {
  pubsubSubscriptions: [
    pushSubscription(
      S,
      'order-created-email',
      'order-created',
      `${emailWorkerUrl}/pubsub`,
      oidc(sa(S, 'pubsub-push'), emailWorkerUrl),
    ),
    // No OIDC token: recommendations has the invoker check disabled to let this through (GR-03).
    pushSubscription(
      S,
      'product-viewed-recs',
      'product-viewed',
      `${hashUrl(S, EW1, 'recommendations')}/events/viewed`,
      undefined,
    ),
  ],
  schedulerJobs: [
    schedulerToJob(S, EW1, byId(shopJobs, 'inventory-sync'), '15 3 * * *', sa(S, 'scheduler')),
    schedulerToJob(S, EW1, byId(shopJobs, 'sitemap-generator'), '0 4 * * 1', sa(S, 'scheduler')),
  ],
  tasksQueues: [],
};

const corpEvents = {
  pubsubSubscriptions: [],
  schedulerJobs: [
    schedulerToJob(C, UC1, byId(corpJobs, 'report-generator'), '0 6 1 * *', sa(C, 'scheduler')),
    schedulerToJob(C, UC1, byId(corpJobs, 'access-review'), '0 7 * * 1', sa(C, 'scheduler')),
    schedulerToJob(C, EW1, byId(corpJobs, 'backup-verifier'), '0 5 * * *', sa(C, 'scheduler')),
  ],
  tasksQueues: [],
};

// ---------------------------------------------------------------------------------------------
// Load balancers (Compute Engine v1 REST shapes; references are written relative and the world
// loader expands them to the full URLs the API returns)

interface Lb {
  networkEndpointGroups: JsonObject[];
  backendServices: JsonObject[];
  urlMaps: JsonObject[];
  targetHttpsProxies: JsonObject[];
  targetHttpProxies: JsonObject[];
  forwardingRules: JsonObject[];
}

const emptyLb = (): Lb => ({
  networkEndpointGroups: [],
  backendServices: [],
  urlMaps: [],
  targetHttpsProxies: [],
  targetHttpProxies: [],
  forwardingRules: [],
});

const created = (seed: string) => ago((60 + pick(`lb:${seed}`, 300)) * DAY);

/** A serverless NEG for one Cloud Run service, named `<service>-<region>-neg` as the console suggests. */
function serverlessNeg(w: WorkloadBase): JsonObject {
  const name = `${w.id}-${w.region}-neg`;
  return {
    name,
    region: w.region,
    networkEndpointType: 'SERVERLESS',
    cloudRun: { service: w.id },
    creationTimestamp: created(name),
  };
}

const negRef = (w: WorkloadBase) => `regions/${w.region}/networkEndpointGroups/${w.id}-${w.region}-neg`;

function backendService(name: string, negs: WorkloadBase[], extra: JsonObject = {}): JsonObject {
  return {
    name,
    loadBalancingScheme: 'EXTERNAL_MANAGED',
    protocol: 'HTTPS',
    backends: negs.map((w) => ({ group: negRef(w), balancingMode: 'UTILIZATION', capacityScaler: 1 })),
    logConfig: { enable: true, sampleRate: 1 },
    creationTimestamp: created(name),
    ...extra,
  };
}

/** A global external Application Load Balancer: HTTPS forwarding rule → proxy → URL map. */
function httpsFrontend(name: string, ip: string, urlMap: JsonObject, certificate: string): Partial<Lb> {
  return {
    urlMaps: [{ ...urlMap, creationTimestamp: created(`${name}-map`) }],
    targetHttpsProxies: [
      {
        name: `${name}-https-proxy`,
        urlMap: `global/urlMaps/${urlMap.name}`,
        sslCertificates: [`global/sslCertificates/${certificate}`],
        creationTimestamp: created(`${name}-https-proxy`),
      },
    ],
    forwardingRules: [
      {
        name: `${name}-https`,
        IPAddress: ip,
        IPProtocol: 'TCP',
        portRange: '443-443',
        loadBalancingScheme: 'EXTERNAL_MANAGED',
        networkTier: 'PREMIUM',
        target: `global/targetHttpsProxies/${name}-https-proxy`,
        creationTimestamp: created(`${name}-https`),
      },
    ],
  };
}

function lbOf(...parts: Partial<Lb>[]): Lb {
  const lb = emptyLb();
  for (const part of parts) {
    for (const key of Object.keys(lb) as (keyof Lb)[]) lb[key].push(...(part[key] ?? []));
  }
  return lb;
}

// platform-prod: api.example.com in front of api-gateway with Cloud Armor. api-gateway keeps ingress
// ALL and its run.app URL, so the load balancer and its Cloud Armor policy can be bypassed (CR-06).
const apiGateway = byId(platformServices, 'api-gateway');
const platformLb = lbOf(
  {
    networkEndpointGroups: [serverlessNeg(apiGateway)],
    backendServices: [
      backendService('api-gateway-backend', [apiGateway], {
        securityPolicy: 'global/securityPolicies/api-armor',
      }),
    ],
  },
  httpsFrontend(
    'api',
    '34.149.20.11',
    { name: 'api-map', defaultService: 'global/backendServices/api-gateway-backend' },
    'api-example-com',
  ),
);

// shop-prod: shop.example.com in front of both frontends, which accept only load-balancer traffic
// (ew1 ingress internal-and-cloud-load-balancing, ew4 with its run.app URL disabled): not bypassable.
// Plain HTTP on the same address only redirects to HTTPS.
const shopFrontends = shopServices.filter((s) => s.id === 'frontend');
const shopLb = lbOf(
  {
    networkEndpointGroups: shopFrontends.map(serverlessNeg),
    backendServices: [
      backendService('shop-frontend-backend', shopFrontends, {
        securityPolicy: 'global/securityPolicies/shop-armor',
      }),
    ],
  },
  httpsFrontend(
    'shop-web',
    '34.110.180.42',
    {
      name: 'shop-web-map',
      defaultService: 'global/backendServices/shop-frontend-backend',
      hostRules: [{ hosts: ['shop.example.com', 'www.shop.example.com'], pathMatcher: 'shop' }],
      pathMatchers: [{ name: 'shop', defaultService: 'global/backendServices/shop-frontend-backend' }],
    },
    'shop-example-com',
  ),
  {
    urlMaps: [
      {
        name: 'shop-web-redirect',
        defaultUrlRedirect: { httpsRedirect: true, redirectResponseCode: 'MOVED_PERMANENTLY_DEFAULT' },
        creationTimestamp: created('shop-web-redirect'),
      },
    ],
    targetHttpProxies: [
      {
        name: 'shop-web-http-proxy',
        urlMap: 'global/urlMaps/shop-web-redirect',
        creationTimestamp: created('shop-web-http-proxy'),
      },
    ],
    forwardingRules: [
      {
        name: 'shop-web-http',
        IPAddress: '34.110.180.42',
        IPProtocol: 'TCP',
        portRange: '80-80',
        loadBalancingScheme: 'EXTERNAL_MANAGED',
        networkTier: 'PREMIUM',
        target: 'global/targetHttpProxies/shop-web-http-proxy',
        creationTimestamp: created('shop-web-http'),
      },
    ],
  },
);

// corp-tools: one IAP-protected load balancer for two tools. cost-dashboard is the sound setup (ingress
// internal-and-cloud-load-balancing, IAM only). status-page is not: IAP on its backend while
// allAuthenticatedUsers may invoke it (CR-07), and its run.app URL still bypasses the LB (CR-06).
const statusPage = byId(corpServices, 'status-page');
const costDashboard = byId(corpServices, 'cost-dashboard');
const corpIap = { enabled: true, oauth2ClientId: `${CORP.number}-corptools.apps.googleusercontent.com` };
const corpLb = lbOf(
  {
    networkEndpointGroups: [serverlessNeg(statusPage), serverlessNeg(costDashboard)],
    backendServices: [
      backendService('status-page-backend', [statusPage], { iap: corpIap }),
      backendService('cost-dashboard-backend', [costDashboard], { iap: corpIap }),
    ],
  },
  httpsFrontend(
    'corp-tools',
    '34.117.64.5',
    {
      name: 'corp-tools-map',
      defaultService: 'global/backendServices/status-page-backend',
      hostRules: [
        { hosts: ['status.corp.example.com'], pathMatcher: 'status' },
        { hosts: ['cost.corp.example.com'], pathMatcher: 'cost' },
      ],
      pathMatchers: [
        { name: 'status', defaultService: 'global/backendServices/status-page-backend' },
        { name: 'cost', defaultService: 'global/backendServices/cost-dashboard-backend' },
      ],
    },
    'corp-example-com',
  ),
);

// ---------------------------------------------------------------------------------------------
// Assembly and self-check

function projectOf(
  p: ProjectDef,
  services: ServiceDef[],
  jobs: JobDef[],
  projectIamPolicy: JsonObject,
  events: { pubsubSubscriptions: JsonObject[]; schedulerJobs: JsonObject[]; tasksQueues: JsonObject[] },
  lb: Lb,
): JsonObject {
  const iamPolicies: JsonObject = {};
  for (const s of services)
    iamPolicies[resourceName('services', s)] = policyOf(resourceName('services', s), s);
  for (const j of jobs) iamPolicies[resourceName('jobs', j)] = policyOf(resourceName('jobs', j), j);
  return {
    projectId: p.id,
    projectNumber: p.number,
    locations: p.locations,
    services: services.map(buildService),
    jobs: jobs.map(buildJob),
    iamPolicies,
    projectIamPolicy,
    pubsubSubscriptions: events.pubsubSubscriptions,
    schedulerJobs: events.schedulerJobs,
    tasksQueues: events.tasksQueues,
    ...lb,
  };
}

const world = {
  now: NOW,
  projects: [
    projectOf(PLATFORM, platformServices, platformJobs, platformIam, platformEvents, platformLb),
    projectOf(SHOP, shopServices, shopJobs, shopIam, shopEvents, shopLb),
    projectOf(CORP, corpServices, corpJobs, corpIam, corpEvents, corpLb),
  ],
};

interface Named {
  name: string;
}

/** Throws on a structural mistake in the world; returns one summary line per project and region. */
function check(w: typeof world): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const p of w.projects) {
    const projectId = p.projectId as string;
    const locations = p.locations as string[];
    const services = p.services as unknown as Named[];
    const jobs = p.jobs as unknown as Named[];
    const names = new Set<string>();
    for (const [kind, list] of [
      ['services', services],
      ['jobs', jobs],
    ] as const) {
      for (const r of list) {
        const m =
          /^projects\/([^/]+)\/locations\/([^/]+)\/(services|jobs)\/([a-z][a-z0-9-]{0,48}[a-z0-9])$/.exec(
            r.name,
          );
        if (!m || m[1] !== projectId || m[3] !== kind || !locations.includes(m[2] ?? '')) {
          throw new Error(`bad ${kind} name ${r.name}`);
        }
        if (seen.has(r.name)) throw new Error(`duplicate ${r.name}`);
        seen.add(r.name);
        names.add(r.name);
      }
    }
    for (const key of Object.keys(p.iamPolicies as JsonObject)) {
      if (!names.has(key)) throw new Error(`iamPolicies key ${key} is not a resource of ${projectId}`);
    }
    if (names.size !== Object.keys(p.iamPolicies as JsonObject).length) {
      throw new Error(`${projectId}: a resource has no IAM policy`);
    }
    for (const loc of locations) {
      const inLoc = (list: Named[]) => list.filter((r) => r.name.includes(`/locations/${loc}/`)).length;
      lines.push(
        `${projectId.padEnd(14)} ${loc.padEnd(13)} services ${inLoc(services)}  jobs ${inLoc(jobs)}`,
      );
    }
    total += names.size;
  }
  const regions = new Set([...seen].map((n) => n.split('/')[3]));
  if (w.projects.length < 3 || regions.size < 2 || total < 32) {
    throw new Error(`too small: ${w.projects.length} projects, ${regions.size} regions, ${total} resources`);
  }
  const text = JSON.stringify(w);
  for (const marker of [...Object.values(LEAK), PLAIN_MARKER]) {
    if (text.split(marker).length !== 2) throw new Error(`marker ${marker} must occur exactly once`);
  }
  lines.push(`total: ${total} services and jobs in ${w.projects.length} projects, ${regions.size} regions`);
  return lines;
}

const summary = check(world);
writeFileSync(OUT, worldFileText(withDemoTraffic(world)));
console.log(`wrote ${OUT}`);
for (const line of summary) console.log(line);
