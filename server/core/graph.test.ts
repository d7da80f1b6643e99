import { describe, expect, it } from 'vitest';
import type { EnvVar, Project, Workload } from '../../shared/inventory.ts';
import type { GraphEdge } from '../../shared/model.ts';
import { analyze } from './analyze.ts';
import {
  aBackend,
  aBinding,
  aJob,
  aLoadBalancer,
  anInventory,
  aPolicy,
  aProject,
  aPushSubscription,
  aSchedulerJobRunning,
  aService,
  projectNumberOf,
} from './testing/builders.ts';

const orders = aService({
  shortName: 'orders',
  traffic: [
    { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 },
    {
      type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
      percent: 0,
      tag: 'canary',
      uri: 'https://canary---orders-tag-ew.a.run.app',
    },
  ],
});
const ordersUs = aService({ shortName: 'orders', location: 'us-central1' });
const ordersP2 = aService({ shortName: 'orders', project: 'p2' });
const env = (name: string, value: string): EnvVar => ({ name, value, container: 'app' });
const web = (...vars: EnvVar[]) => aService({ shortName: 'web', env: vars });

function edgesOf(workloads: Workload[], projects?: Project[]): GraphEdge[] {
  return analyze(anInventory({ workloads, projects }), undefined, { rules: [] }).graph.edges;
}

function declared(workloads: Workload[]): Array<[string, string, string[]]> {
  return edgesOf(workloads)
    .filter((e) => e.kind === 'declared')
    .map((e) => [e.source, e.target, e.evidence]);
}

describe('buildGraph declared edges', () => {
  const legacy = orders.uri ?? '';
  const deterministic = orders.urls[0] ?? '';
  const legacyHost = legacy.replace('https://', '');

  it.each<[string, EnvVar, Workload[], string | undefined, string | undefined]>([
    ['the legacy URL', env('ORDERS_URL', legacy), [orders], orders.name, `env ORDERS_URL = ${legacy}`],
    [
      'the deterministic URL',
      env('ORDERS_URL', deterministic),
      [orders],
      orders.name,
      `env ORDERS_URL = ${deterministic}`,
    ],
    [
      'a URL with a path and query',
      env('ORDERS_URL', `${legacy}/v1/orders?page=2`),
      [orders],
      orders.name,
      `env ORDERS_URL = ${legacy}`,
    ],
    [
      'a URL with a trailing slash in upper case',
      env('ORDERS_URL', `${legacy.toUpperCase()}/`),
      [orders],
      orders.name,
      `env ORDERS_URL = https://${legacyHost}`,
    ],
    [
      'a URL in a list',
      env('UPSTREAMS', `https://example.com, ${legacy}`),
      [orders],
      orders.name,
      `env UPSTREAMS = ${legacy}`,
    ],
    [
      'a gRPC host:port',
      env('ORDERS_ADDR', `${legacyHost}:443`),
      [orders],
      orders.name,
      `env ORDERS_ADDR = ${legacyHost}:443`,
    ],
    ['a bare host', env('ORDERS_HOST', legacyHost), [orders], orders.name, `env ORDERS_HOST = ${legacyHost}`],
    [
      'a dns:/// target',
      env('ORDERS_TARGET', `dns:///${legacyHost}:443`),
      [orders],
      orders.name,
      `env ORDERS_TARGET = dns://${legacyHost}:443`,
    ],
    [
      'a tag URL',
      env('CANARY', 'https://canary---orders-tag-ew.a.run.app'),
      [orders],
      orders.name,
      'env CANARY = https://canary---orders-tag-ew.a.run.app',
    ],
    [
      'a runsd short name in the same region',
      env('ORDERS', 'http://orders'),
      [orders, ordersUs],
      orders.name,
      'env ORDERS = http://orders',
    ],
    [
      'a runsd short name with port and path',
      env('ORDERS', 'http://orders:8080/api'),
      [orders],
      orders.name,
      'env ORDERS = http://orders:8080',
    ],
    [
      'a runsd name in another region',
      env('ORDERS', 'http://orders.us-central1'),
      [orders, ordersUs],
      ordersUs.name,
      'env ORDERS = http://orders.us-central1',
    ],
    [
      'a runsd FQDN',
      env('ORDERS', 'http://orders.us-central1.run.internal'),
      [ordersUs],
      ordersUs.name,
      'env ORDERS = http://orders.us-central1.run.internal',
    ],
    [
      'a URL of another project of the estate',
      env('ORDERS', ordersP2.uri ?? ''),
      [ordersP2],
      ordersP2.name,
      `env ORDERS = ${ordersP2.uri}`,
    ],
    [
      'no edge for a URL outside the estate',
      env('PAYMENTS', 'https://api.stripe.com/v1'),
      [orders],
      undefined,
      undefined,
    ],
    ['no edge for a short name without a scheme', env('ORDERS', 'orders'), [orders], undefined, undefined],
    [
      'no edge for a short name in another region',
      env('ORDERS', 'http://orders'),
      [ordersUs],
      undefined,
      undefined,
    ],
    [
      'no edge for a short name in another project',
      env('ORDERS', 'http://orders'),
      [ordersP2],
      undefined,
      undefined,
    ],
    [
      'no edge for a look-alike host',
      env('ORDERS', `https://evil-${legacyHost}`),
      [orders],
      undefined,
      undefined,
    ],
  ])('makes an edge for %s', (_name, variable, others, target, evidence) => {
    const source = web(variable);
    expect(declared([source, ...others])).toEqual(target ? [[source.name, target, [evidence]]] : []);
  });

  it('makes edges from jobs too', () => {
    const job = aJob({ shortName: 'nightly', env: [env('ORDERS_URL', orders.uri ?? '')] });
    expect(declared([job, orders])).toEqual([[job.name, orders.name, [`env ORDERS_URL = ${orders.uri}`]]]);
  });

  it('makes no edge from secret env vars nor to the service itself', () => {
    const self = aService({ shortName: 'orders', env: [env('SELF_URL', orders.uri ?? '')] });
    const secret = aService({
      shortName: 'web',
      env: [{ name: 'ORDERS_URL', container: 'app', secret: { secret: 's', version: '1' } }],
    });
    expect(declared([self, secret])).toEqual([]);
  });

  it('merges evidence into one edge per source and target', () => {
    const source = web(
      env('ORDERS_URL', orders.uri ?? ''),
      env('ORDERS_GRPC', `${legacyHost}:443`),
      env('ORDERS_AGAIN', orders.uri ?? ''),
    );
    expect(declared([source, orders])).toEqual([
      [
        source.name,
        orders.name,
        [
          `env ORDERS_URL = ${orders.uri}`,
          `env ORDERS_GRPC = ${legacyHost}:443`,
          `env ORDERS_AGAIN = ${orders.uri}`,
        ],
      ],
    ]);
  });

  it('never shows values that point outside the estate, nor userinfo, paths or queries', () => {
    const source = web(
      env('PAYMENTS', 'https://api.stripe.com/v1'),
      env('ORDERS_URL', `https://user:pa55word@${legacyHost}/private/path?token=t0ken`),
    );
    const graph = analyze(anInventory({ workloads: [source, orders] })).graph;
    const text = JSON.stringify(graph);
    for (const fragment of ['stripe', 'pa55word', 'private/path', 't0ken', 'user:'])
      expect(text).not.toContain(fragment);
  });
});

describe('buildGraph permitted edges', () => {
  const caller = aService({ shortName: 'web' });
  const callerMember = `serviceAccount:${caller.serviceAccount}`;

  it('flags a permitted edge when the caller account holds an invoker role on the service', () => {
    const target = aService({
      shortName: 'orders',
      iamPolicy: aPolicy(aBinding('roles/run.invoker', callerMember)),
    });
    expect(edgesOf([caller, target]).filter((e) => e.kind === 'permitted')).toEqual([
      {
        id: `permitted:${caller.name}->${target.name}`,
        source: caller.name,
        target: target.name,
        kind: 'permitted',
        evidence: [`roles/run.invoker granted to ${callerMember} on the service`],
      },
    ]);
  });

  it('flags a permitted edge to every workload of the project for a project grant', () => {
    const a = aService({ shortName: 'orders' });
    const b = aService({ shortName: 'billing', location: 'us-central1' });
    const job = aJob({ shortName: 'export' });
    const elsewhere = aService({ shortName: 'other', project: 'p2' });
    const projects = [
      aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', callerMember)) }),
      aProject({ projectId: 'p2' }),
    ];
    const edges = edgesOf([caller, a, b, job, elsewhere], projects).filter((e) => e.kind === 'permitted');
    expect(edges.map((e) => [e.target, e.evidence])).toEqual([
      [a.name, ['roles/run.invoker granted to serviceAccount:web@p1.iam.gserviceaccount.com on project p1']],
      [b.name, ['roles/run.invoker granted to serviceAccount:web@p1.iam.gserviceaccount.com on project p1']],
      [
        job.name,
        ['roles/run.invoker granted to serviceAccount:web@p1.iam.gserviceaccount.com on project p1'],
      ],
    ]);
  });

  it('merges grants on the service and the project into one edge', () => {
    const target = aService({
      shortName: 'orders',
      iamPolicy: aPolicy(aBinding('roles/run.invoker', callerMember)),
    });
    const projects = [aProject({ iamPolicy: aPolicy(aBinding('roles/editor', callerMember)) })];
    const edges = edgesOf([caller, target], projects).filter((e) => e.kind === 'permitted');
    expect(edges.map((e) => e.evidence)).toEqual([
      [
        `roles/run.invoker granted to ${callerMember} on the service`,
        `roles/editor granted to ${callerMember} on project p1`,
      ],
    ]);
  });

  it('flags a permitted edge from a workload running as the default account', () => {
    const unset = aService({ shortName: 'legacy', serviceAccount: undefined });
    const member = `serviceAccount:${projectNumberOf('p1')}-compute@developer.gserviceaccount.com`;
    const target = aService({
      shortName: 'orders',
      iamPolicy: aPolicy(aBinding('roles/run.invoker', member)),
    });
    expect(
      edgesOf([unset, target])
        .filter((e) => e.kind === 'permitted')
        .map((e) => e.source),
    ).toEqual([unset.name]);
  });

  it('makes no permitted edge for allUsers, other principals or the workload itself', () => {
    const target = aService({
      shortName: 'orders',
      iamPolicy: aPolicy(
        aBinding(
          'roles/run.invoker',
          'allUsers',
          'allAuthenticatedUsers',
          'user:a@x.com',
          'serviceAccount:orders@p1.iam.gserviceaccount.com',
        ),
      ),
    });
    expect(edgesOf([caller, target]).filter((e) => e.kind === 'permitted')).toEqual([]);
  });
});

describe('buildGraph nodes and exposure edges', () => {
  it('adds the internet node and exposure edges for internet and load-balancer reach only', () => {
    const open = aService({ shortName: 'open', ingress: 'INGRESS_TRAFFIC_ALL' });
    const lb = aService({ shortName: 'lb', ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' });
    const internal = aService({ shortName: 'internal' });
    const closed = aService({ shortName: 'closed', ingress: 'INGRESS_TRAFFIC_NONE' });
    const { graph } = analyze(anInventory({ workloads: [open, lb, internal, closed] }), undefined, {
      rules: [],
    });
    expect(graph.nodes[0]).toEqual({ kind: 'internet', id: 'internet', label: 'Internet' });
    expect(graph.edges.filter((e) => e.kind === 'exposure').map((e) => [e.source, e.target])).toEqual([
      ['internet', open.name],
      ['internet', lb.name],
    ]);
    expect(graph.edges[0]?.evidence[0]).toContain('INGRESS_TRAFFIC_ALL');
  });

  it('adds no internet node when nothing is reachable from it', () => {
    const { graph } = analyze(anInventory({ workloads: [aService(), aJob()] }));
    expect(graph.nodes.map((n) => n.kind)).toEqual(['service', 'job']);
    expect(graph.edges).toEqual([]);
  });

  it('flags finding counts by severity on service and job nodes', () => {
    const service = aService({ shortName: 'open', ingress: 'INGRESS_TRAFFIC_ALL', invokerIamDisabled: true });
    const job = aJob({ serviceAccount: undefined });
    const { graph } = analyze(anInventory({ workloads: [service, job] }));
    expect(graph.nodes.find((n) => n.id === service.name)).toMatchObject({
      kind: 'service',
      label: 'open',
      project: 'p1',
      location: 'europe-west1',
      exposure: { reach: 'internet', access: 'unauthenticated', verdict: 'overexposed' },
      findings: { critical: 1, high: 0, medium: 1, low: 0, info: 0 },
    });
    expect(graph.nodes.find((n) => n.id === job.name)).toMatchObject({
      kind: 'job',
      findings: { critical: 0, high: 0, medium: 1, low: 0, info: 0 },
    });
  });
});

describe('buildGraph event sources, load balancers and backing resources', () => {
  const api = aService({ shortName: 'api', ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER' });
  const open = aService({ shortName: 'open', ingress: 'INGRESS_TRAFFIC_ALL' });
  const sweep = aJob({ shortName: 'sweep' });
  const lb = aLoadBalancer([aBackend([api], { iapEnabled: true })]);

  function graphOf(inventory: Parameters<typeof analyze>[0]) {
    return analyze(inventory, undefined, { rules: [] }).graph;
  }

  it('routes the Internet through the load balancer to a load-balancer-ingress service', () => {
    const graph = graphOf(anInventory({ workloads: [api], loadBalancers: [lb] }));
    const lbId = `//compute.googleapis.com/${lb.name}`;
    expect(graph.edges.filter((e) => e.kind === 'exposure').map((e) => [e.source, e.target])).toEqual([
      [lbId, api.name],
      ['internet', lbId],
    ]);
    expect(graph.nodes.find((n) => n.id === lbId)).toMatchObject({
      kind: 'load-balancer',
      label: 'lb',
      external: true,
      urlMap: lb.urlMap,
      backends: [
        { backendService: 'projects/p1/global/backendServices/api-backend', iapEnabled: true, hosts: ['*'] },
      ],
    });
  });

  it.each<[string, Workload, boolean]>([
    ['keeps the direct edge of a service whose run.app URL answers the internet', open, true],
    ['drops the direct edge of a load-balancer-ingress service once load balancers are known', api, false],
  ])('%s', (_name, service, direct) => {
    const graph = graphOf(anInventory({ workloads: [service], loadBalancers: [] }));
    expect(graph.edges.some((e) => e.source === 'internet' && e.target === service.name)).toBe(direct);
  });

  it('keeps the direct edge of a load-balancer-ingress service when load balancers were not collected', () => {
    const graph = graphOf(anInventory({ workloads: [api] }));
    expect(graph.edges.map((e) => [e.kind, e.source, e.target])).toEqual([
      ['exposure', 'internet', api.name],
    ]);
  });

  it('shows a load balancer the ingress refuses, without a way through it', () => {
    const internal = aService({ shortName: 'api' });
    const graph = graphOf(anInventory({ workloads: [internal], loadBalancers: [lb] }));
    expect(graph.nodes.map((n) => n.kind)).toEqual(['service', 'load-balancer']);
    expect(graph.edges).toEqual([]);
  });

  it('links event sources to the service or job they deliver to, with unique ids', () => {
    const cronNamedLikeTheJob = aSchedulerJobRunning(sweep, { shortName: 'sweep' });
    const graph = graphOf(
      anInventory({ workloads: [api, sweep], eventSources: [aPushSubscription(api), cronNamedLikeTheJob] }),
    );
    const events = graph.edges.filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.source, e.target])).toEqual([
      ['//pubsub.googleapis.com/projects/p1/subscriptions/sub', api.name],
      ['//cloudscheduler.googleapis.com/projects/p1/locations/europe-west1/jobs/sweep', sweep.name],
    ]);
    expect(events[0]?.evidence).toEqual([
      `push subscription sub of topic events POSTs to ${api.uri}/push`,
      'OIDC token of pusher@p1.iam.gserviceaccount.com',
      'state ACTIVE',
    ]);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(graph.nodes.find((n) => n.kind === 'event-source' && n.source === 'scheduler')).toMatchObject({
      label: 'sweep',
      schedule: '0 * * * *',
      token: 'oauth',
      serviceAccount: 'scheduler@p1.iam.gserviceaccount.com',
      target: sweep.name,
    });
  });

  it('adds Cloud SQL instances and secrets as backing nodes shared by their users', () => {
    const secretEnv: EnvVar = {
      name: 'DB_PASSWORD',
      container: 'app',
      secret: { secret: `projects/${projectNumberOf('p1')}/secrets/db`, version: '3' },
    };
    const a = aService({ shortName: 'a', cloudSqlInstances: ['p1:europe-west1:main'], env: [secretEnv] });
    const b = aService({
      shortName: 'b',
      secretVolumes: [{ volume: 'creds', secret: 'db', versions: ['latest'] }],
    });
    const graph = graphOf(anInventory({ workloads: [a, b] }));
    expect(graph.nodes.filter((n) => n.kind === 'backing').map((n) => n.id)).toEqual([
      '//sqladmin.googleapis.com/projects/p1/instances/main',
      '//secretmanager.googleapis.com/projects/p1/secrets/db',
    ]);
    expect(
      graph.edges
        .filter((e) => e.kind === 'backing')
        .map((e) => [e.source, e.target.replace(/^.*\//, ''), e.evidence]),
    ).toEqual([
      [a.name, 'main', ['Cloud SQL connection p1:europe-west1:main']],
      [a.name, 'db', [`env DB_PASSWORD reads projects/${projectNumberOf('p1')}/secrets/db:3`]],
      [b.name, 'db', ['volume creds mounts db:latest']],
    ]);
  });
});
