/**
 * The demo world's traffic: 24 hours of the gateway estate (platform-prod) and the web shop
 * (shop-prod), with an incident under way. Users call the shop's frontend; since 40 minutes before
 * `now` payment's calls to Stripe time out, so order fails its checkouts and the frontends answer 500:
 * the root cause sits two hops below the service users call. Described in demo.expected.md.
 *
 * gen-demo-world.ts calls withDemoTraffic on the world it built; the traffic is written one item per
 * line to keep the file a few MB and its diffs readable.
 */
import { generateTraffic } from '../server/fake-google/traffic/generate-traffic.ts';
import type {
  TrafficCall,
  TrafficDescription,
  TrafficOperation,
  TrafficService,
} from '../server/fake-google/traffic/traffic-description.ts';

type WorldJson = { now: string; projects: Array<Record<string, unknown>> };

const SHOP = 'shop-prod';
const PLATFORM = 'platform-prod';
const EW1 = 'europe-west1';
const EW4 = 'europe-west4';
const UC1 = 'us-central1';
const UE1 = 'us-east1';

/** The services that take traffic, by key: project, region, service ID, runtime. */
const SERVICES: Record<string, [string, string, string, TrafficService['runtime'], number?]> = {
  fe1: [SHOP, EW1, 'frontend', 'node', 2],
  fe4: [SHOP, EW4, 'frontend', 'node', 2],
  auth: [SHOP, EW1, 'auth', 'node'],
  cart1: [SHOP, EW1, 'cart', 'node'],
  cart4: [SHOP, EW4, 'cart', 'node'],
  pc1: [SHOP, EW1, 'product-catalog', 'go'],
  pc4: [SHOP, EW4, 'product-catalog', 'go'],
  order: [SHOP, EW1, 'order', 'node'],
  payment: [SHOP, EW1, 'payment', 'node'],
  email: [SHOP, EW1, 'email-worker', 'python'],
  recs: [SHOP, EW1, 'recommendations', 'python'],
  gateway: [PLATFORM, UC1, 'api-gateway', 'go', 1],
  users: [PLATFORM, UC1, 'users-grpc', 'go'],
  billing: [PLATFORM, UC1, 'billing-grpc', 'go'],
  catalog: [PLATFORM, UC1, 'catalog-grpc', 'go'],
  search: [PLATFORM, UE1, 'search-grpc', 'go'],
  mobile: [PLATFORM, UC1, 'mobile-api', 'node'],
  webhooks: [PLATFORM, UC1, 'webhook-receiver', 'node'],
  jobs: [PLATFORM, UC1, 'jobs-api', 'node'],
  notify: [PLATFORM, UC1, 'notifications-grpc', 'go'],
  audit: [PLATFORM, UE1, 'audit-log-sink', 'go'],
};

const op = (
  service: string,
  route: string,
  latencyMs: [number, number],
  rest: Partial<TrafficOperation> = {},
): [string, TrafficOperation] => {
  const [method = 'GET', path = '/'] = route.split(' ');
  return [`${service}:${route}`, { service, method, path, latencyMs, ...rest }];
};
const call = (target: string, rest: Partial<TrafficCall> = {}): TrafficCall => ({ op: target, ...rest });
const grpc = (
  service: string,
  method: string,
  latencyMs: [number, number],
  rest: Partial<TrafficOperation> = {},
) => op(service, `POST ${method}`, latencyMs, rest);

/** The shop's pages, the same in both regions but for the regional cart and catalog. */
function frontendOperations(fe: string, cart: string, pc: string): Array<[string, TrafficOperation]> {
  return [
    op(fe, 'GET /', [35, 120], {
      calls: [
        call(`${pc}:GET /products`),
        call('recs:GET /recommendations', { probability: 0.6, optional: true }),
      ],
    }),
    op(fe, 'GET /product/{sku}', [30, 110], {
      calls: [
        call(`${pc}:GET /products/{sku}`),
        call('recs:GET /recommendations', { probability: 0.5, optional: true }),
        call(`${cart}:GET /carts/{cart}`, { probability: 0.4, optional: true }),
      ],
    }),
    op(fe, 'POST /cart', [25, 80], {
      calls: [call('auth:POST /verify'), call(`${cart}:POST /carts/{cart}/items`)],
    }),
    op(fe, 'POST /checkout', [40, 150], {
      calls: [
        call('auth:POST /verify'),
        call(`${cart}:GET /carts/{cart}`),
        call('order:POST /orders', {
          failStatus: 500,
          errorMessage: 'CheckoutError: order service answered {status} for cart {cart}',
        }),
      ],
    }),
  ];
}

const OPERATIONS: Array<[string, TrafficOperation]> = [
  ...frontendOperations('fe1', 'cart1', 'pc1'),
  ...frontendOperations('fe4', 'cart4', 'pc4'),
  op('auth', 'POST /verify', [8, 25], {
    errorRatio: 0.0003,
    errors: ['JsonWebTokenError: jwt malformed (user {user})'],
  }),
  ...['cart1', 'cart4'].flatMap((cart) => {
    const pc = cart === 'cart1' ? 'pc1' : 'pc4';
    const redis = ['RedisTimeoutError: Command timed out after 500ms (GET cart:{cart})'];
    return [
      op(cart, 'GET /carts/{cart}', [6, 20], {
        errorRatio: 0.001,
        errors: redis,
        calls: [call(`${pc}:GET /products/{sku}`, { probability: 0.3 })],
      }),
      op(cart, 'POST /carts/{cart}/items', [10, 30], {
        errorRatio: 0.001,
        errors: redis,
        calls: [call(`${pc}:GET /products/{sku}`)],
      }),
    ];
  }),
  ...['pc1', 'pc4'].flatMap((pc) => [
    op(pc, 'GET /products/{sku}', [5, 25], {
      clientErrorRatio: 0.01,
      errorRatio: 0.0003,
      errors: [
        'rpc error: code = Unavailable desc = firestore: read tcp {ip}:443: connection reset (doc products/{sku})',
      ],
    }),
    op(pc, 'GET /products', [15, 60]),
  ]),
  op('recs', 'GET /recommendations', [90, 300], {
    errorRatio: 0.0005,
    errorStatus: 503,
    errors: [
      'google.api_core.exceptions.ServiceUnavailable: 503 Vertex AI endpoint 4021 is overloaded (user {user})',
    ],
    calls: [call('pc1:GET /products/{sku}', { probability: 0.5 })],
  }),
  op('order', 'POST /orders', [60, 200], {
    errorRatio: 0.0005,
    errors: ['QueryFailedError: deadlock detected while inserting order {order}'],
    calls: [
      call('cart1:GET /carts/{cart}'),
      call('payment:POST /charges', {
        errorMessage: 'PaymentError: payment service answered {status} for order {order}',
      }),
      call('notify:POST /notifications.v1.Notifier/Send', { probability: 0.5, optional: true }),
      call('email:POST /pubsub/order-created', { async: true }),
    ],
  }),
  op('order', 'GET /orders/{order}', [10, 40]),
  op('payment', 'POST /charges', [120, 400], {
    errorRatio: 0.0005,
    errors: ['StripeAPIError: An unexpected error occurred (request req_{id}, intent {intent})'],
  }),
  op('email', 'POST /pubsub/order-created', [150, 600], {
    errorRatio: 0.002,
    errors: [
      'python_http_client.exceptions.TooManyRequestsError: HTTP Error 429 sending confirmation for order {order}',
    ],
    calls: [call('order:GET /orders/{order}')],
  }),

  op('gateway', 'GET /v1/users/{user}', [12, 40], { calls: [call('users:POST /users.v1.Users/GetUser')] }),
  op('gateway', 'POST /v1/invoices', [20, 70], {
    calls: [call('billing:POST /billing.v1.Billing/CreateInvoice')],
  }),
  op('gateway', 'GET /v1/catalog/items', [12, 45], {
    calls: [call('catalog:POST /catalog.v1.Catalog/ListItems')],
  }),
  op('gateway', 'GET /v1/search', [15, 50], { calls: [call('search:POST /search.v1.Search/Query')] }),
  grpc('users', '/users.v1.Users/GetUser', [4, 15], {
    errorRatio: 0.0002,
    errors: ['rpc error: code = Internal desc = pgx: conn closed (user {user})'],
  }),
  grpc('billing', '/billing.v1.Billing/CreateInvoice', [30, 120], {
    errorRatio: 0.002,
    errors: [
      'rpc error: code = Aborted desc = could not serialize access due to concurrent update (invoice in_{id})',
    ],
  }),
  grpc('billing', '/billing.v1.Billing/CreateSubscription', [40, 150]),
  grpc('catalog', '/catalog.v1.Catalog/ListItems', [8, 30]),
  grpc('search', '/search.v1.Search/Query', [25, 90], {
    errorRatio: 0.001,
    errors: [
      'rpc error: code = DeadlineExceeded desc = elasticsearch: context deadline exceeded (query {id})',
    ],
  }),
  op('mobile', 'GET /m/v2/profile', [20, 60], { calls: [call('users:POST /users.v1.Users/GetUser')] }),
  op('mobile', 'POST /m/v2/subscriptions', [40, 150], {
    calls: [call('billing:POST /billing.v1.Billing/CreateSubscription')],
  }),
  // webhook-receiver declares jobs-api's URL but may not invoke it (no grant): Cloud Run answers 403
  // and the build job is lost; the webhook itself still answers 202. The denied call of GR-02.
  op('webhooks', 'POST /webhooks/github', [20, 80], {
    calls: [
      call('jobs:POST /jobs', {
        denied: true,
        optional: true,
        probability: 0.3,
        errorMessage:
          'Error: enqueueing the build job failed: jobs-api answered {status} Forbidden (delivery {id})',
      }),
    ],
  }),
  op('webhooks', 'POST /webhooks/stripe', [15, 50]),
  op('jobs', 'POST /jobs', [30, 100]),
  op('jobs', 'POST /tasks/sweep', [400, 1500], {
    calls: [call('notify:POST /notifications.v1.Notifier/Send')],
  }),
  op('jobs', 'POST /tasks/webhook', [30, 100], {
    calls: [call('notify:POST /notifications.v1.Notifier/Send', { probability: 0.5 })],
  }),
  op('jobs', 'POST /pubsub/billing-events', [20, 80]),
  grpc('notify', '/notifications.v1.Notifier/Send', [20, 80], {
    errorRatio: 0.001,
    errors: ['rpc error: code = Unavailable desc = fcm: 503 Service Unavailable (device {id})'],
  }),
  op('audit', 'POST /push', [5, 20]),
];

const ENTRIES: TrafficDescription['entries'] = [
  { op: 'fe1:GET /', rps: 1.2, diurnal: 0.6 },
  { op: 'fe1:GET /product/{sku}', rps: 1.5, diurnal: 0.6 },
  { op: 'fe1:POST /cart', rps: 0.3, diurnal: 0.6 },
  { op: 'fe1:POST /checkout', rps: 0.12, diurnal: 0.6 },
  { op: 'fe4:GET /', rps: 0.6, diurnal: 0.6 },
  { op: 'fe4:GET /product/{sku}', rps: 0.7, diurnal: 0.6 },
  { op: 'fe4:POST /cart', rps: 0.12, diurnal: 0.6 },
  { op: 'fe4:POST /checkout', rps: 0.05, diurnal: 0.6 },
  { op: 'gateway:GET /v1/users/{user}', rps: 0.8, diurnal: 0.4, userAgent: 'okhttp/4.12.0' },
  { op: 'gateway:POST /v1/invoices', rps: 0.2, diurnal: 0.4, userAgent: 'okhttp/4.12.0' },
  { op: 'gateway:GET /v1/catalog/items', rps: 0.6, diurnal: 0.4, userAgent: 'okhttp/4.12.0' },
  { op: 'gateway:GET /v1/search', rps: 0.5, diurnal: 0.4, userAgent: 'okhttp/4.12.0' },
  { op: 'mobile:GET /m/v2/profile', rps: 0.5, diurnal: 0.5, userAgent: 'ShopApp/7.3 (iOS 19.1)' },
  { op: 'mobile:POST /m/v2/subscriptions', rps: 0.05, diurnal: 0.5, userAgent: 'ShopApp/7.3 (Android 16)' },
  { op: 'webhooks:POST /webhooks/github', rps: 0.03, userAgent: 'GitHub-Hookshot/8a1c3d2' },
  {
    op: 'webhooks:POST /webhooks/stripe',
    rps: 0.02,
    userAgent: 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  },
  { op: 'jobs:POST /tasks/sweep', rps: 1 / 3600, userAgent: 'Google-Cloud-Scheduler' },
  { op: 'jobs:POST /tasks/webhook', rps: 0.02, userAgent: 'Google-Cloud-Tasks' },
  { op: 'jobs:POST /pubsub/billing-events', rps: 0.05, userAgent: 'APIs-Google' },
  { op: 'audit:POST /push', rps: 0.2, userAgent: 'APIs-Google' },
];

/** The incident: Stripe unreachable from payment since 40 minutes before `now`. */
const INCIDENT_MINUTES = 40;

/** The demo traffic description, with URLs and revisions read from the world's services. */
export function demoTrafficDescription(world: WorldJson): TrafficDescription {
  const services: Record<string, TrafficService> = {};
  for (const [key, [project, location, name, runtime, minInstances]] of Object.entries(SERVICES)) {
    const full = `projects/${project}/locations/${location}/services/${name}`;
    const service = world.projects
      .flatMap((p) => (Array.isArray(p.services) ? (p.services as Array<Record<string, unknown>>) : []))
      .find((s) => s.name === full);
    if (!service) throw new Error(`demo traffic: no service ${full} in the world`);
    const revision =
      String(service.latestReadyRevision ?? '')
        .split('/')
        .pop() ?? '';
    services[key] = {
      project,
      location,
      name,
      revision,
      url: String(service.uri),
      ...(runtime ? { runtime } : {}),
      ...(minInstances ? { minInstances } : {}),
    };
  }
  return {
    seed: 'runmap-demo-traffic-1',
    now: world.now,
    hours: 24,
    services,
    operations: Object.fromEntries(OPERATIONS),
    entries: ENTRIES,
    incidents: [
      {
        op: 'payment:POST /charges',
        sinceMinutes: INCIDENT_MINUTES,
        errorRatio: 0.85,
        errorStatus: 503,
        latencyMs: [4000, 10_000],
        errors: [
          'StripeConnectionError: connect ETIMEDOUT api.stripe.com:443 after 10000ms (intent {intent}, order {order})',
          'StripeConnectionError: An error occurred with our connection to Stripe. Request was retried 2 times. (intent {intent})',
        ],
      },
    ],
    sampling: {
      okEvery: 3000,
      errorEvery: 8,
      deniedEvery: 40,
      tracedShare: 0.2,
      tracedPerRootHour: 1,
      fineMinutes: 120,
      coarseMinutes: 20,
    },
  };
}

/** The world with each project's logEntries, timeSeries and traces generated. */
export function withDemoTraffic<W extends WorldJson>(world: W): W {
  const traffic = generateTraffic(demoTrafficDescription(world));
  return {
    ...world,
    projects: world.projects.map((project) => {
      const t = traffic.get(String(project.projectId));
      return t
        ? { ...project, logEntries: t.logEntries, timeSeries: t.timeSeries, traces: t.traces }
        : project;
    }),
  };
}

const TRAFFIC_SECTIONS = new Set(['logEntries', 'timeSeries', 'traces']);

/**
 * The world as file text: indented like JSON.stringify(world, null, 2), except that each item of the
 * traffic sections takes one line (tens of thousands of items would otherwise take ten times the room).
 */
export function worldFileText(world: unknown): string {
  const write = (value: unknown, indent: string, key?: string): string => {
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const inner = `${indent}  `;
      const items = value.map((item) =>
        key && TRAFFIC_SECTIONS.has(key) ? JSON.stringify(item) : write(item, inner),
      );
      return `[\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}]`;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return '{}';
      const inner = `${indent}  `;
      return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, k)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(value);
  };
  return `${write(world, '')}\n`;
}
