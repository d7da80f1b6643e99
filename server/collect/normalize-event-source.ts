import type { EventSource, OauthToken, OidcToken } from '../../shared/inventory.ts';
import { describeValue, type Normalized, optional, Reader } from './payload-reader.ts';

// Turns Pub/Sub subscriptions, Cloud Scheduler jobs and Cloud Tasks queues, as the gax clients decode
// them, into EventSources. Only HTTP deliveries become event sources (value undefined otherwise);
// problems are reported by path, as for workloads.

const SUBSCRIPTION = /^projects\/([^/]+)\/subscriptions\/([^/]+)$/;
const LOCATED = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|queues)\/([^/]+)$/;

/** Normalizes a google.pubsub.v1.Subscription; undefined unless it pushes to an endpoint. */
export function normalizeSubscription(raw: unknown): Normalized<EventSource | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'subscription');
  const name = r.str(o.name, 'name') ?? '';
  const m = SUBSCRIPTION.exec(name);
  if (!m) r.problems.push(`name: expected projects/P/subscriptions/ID, got ${describeValue(name)}`);
  const push = r.obj(o.pushConfig, 'pushConfig');
  const targetUrl = r.str(push.pushEndpoint, 'pushConfig.pushEndpoint');
  if (!m || targetUrl === undefined) return { value: undefined, problems: r.problems };
  const oidcToken = oidc(r, push.oidcToken, 'pushConfig.oidcToken');
  return {
    value: {
      kind: 'subscription',
      name,
      project: m[1] ?? '',
      shortName: m[2] ?? '',
      targetUrl,
      ...optional('targetHost', hostOf(targetUrl)),
      httpMethod: 'POST',
      ...optional('oidcToken', oidcToken),
      ...optional('topic', r.str(o.topic, 'topic')),
      ...optional('state', enumValue(r, o.state, 'state')),
    },
    problems: r.problems,
  };
}

/** Normalizes a google.cloud.scheduler.v1.Job; undefined unless it has an HTTP target. */
export function normalizeSchedulerJob(raw: unknown): Normalized<EventSource | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'job');
  const located = locatedName(r, o.name, 'jobs');
  const target = r.obj(o.httpTarget, 'httpTarget');
  const targetUrl = r.str(target.uri, 'httpTarget.uri');
  if (!located || targetUrl === undefined) return { value: undefined, problems: r.problems };
  return {
    value: {
      kind: 'scheduler',
      ...located,
      targetUrl,
      ...optional('targetHost', hostOf(targetUrl)),
      // Scheduler's HttpTarget: "If not specified, it will be POST."
      httpMethod: enumValue(r, target.httpMethod, 'httpTarget.httpMethod') ?? 'POST',
      ...optional('oidcToken', oidc(r, target.oidcToken, 'httpTarget.oidcToken')),
      ...optional('oauthToken', oauth(r, target.oauthToken, 'httpTarget.oauthToken')),
      ...optional('schedule', r.str(o.schedule, 'schedule')),
      ...optional('timeZone', r.str(o.timeZone, 'timeZone')),
      ...optional('state', enumValue(r, o.state, 'state')),
    },
    problems: r.problems,
  };
}

/** Normalizes a google.cloud.tasks.v2beta3.Queue; undefined unless it has a queue-level HTTP target. */
export function normalizeQueue(raw: unknown): Normalized<EventSource | undefined> {
  const r = new Reader();
  const o = r.obj(raw, 'queue');
  const located = locatedName(r, o.name, 'queues');
  if (!located || o.httpTarget === undefined || o.httpTarget === null) {
    return { value: undefined, problems: r.problems };
  }
  const target = r.obj(o.httpTarget, 'httpTarget');
  const override = r.obj(target.uriOverride, 'httpTarget.uriOverride');
  const host = r.str(override.host, 'httpTarget.uriOverride.host');
  // An unset scheme keeps the task's own, which for Cloud Run is https.
  const scheme = (enumValue(r, override.scheme, 'httpTarget.uriOverride.scheme') ?? 'HTTPS').toLowerCase();
  const port = r.str(
    typeof override.port === 'number' ? String(override.port) : override.port,
    'httpTarget.uriOverride.port',
  );
  const path = r.str(
    r.obj(override.pathOverride, 'httpTarget.uriOverride.pathOverride').path,
    'httpTarget.uriOverride.pathOverride.path',
  );
  const defaultPort = (scheme === 'https' && port === '443') || (scheme === 'http' && port === '80');
  const portPart = port === undefined || port === '0' || defaultPort ? '' : `:${port}`;
  const targetUrl = host === undefined ? undefined : `${scheme}://${host}${portPart}${path ?? ''}`;
  return {
    value: {
      kind: 'tasks',
      ...located,
      ...optional('targetUrl', targetUrl),
      ...optional('targetHost', host),
      httpMethod: enumValue(r, target.httpMethod, 'httpTarget.httpMethod') ?? 'POST',
      ...optional('oidcToken', oidc(r, target.oidcToken, 'httpTarget.oidcToken')),
      ...optional('oauthToken', oauth(r, target.oauthToken, 'httpTarget.oauthToken')),
      ...optional('state', enumValue(r, o.state, 'state')),
      ...optional(
        'uriOverrideEnforceMode',
        enumValue(r, override.uriOverrideEnforceMode, 'httpTarget.uriOverride.uriOverrideEnforceMode'),
      ),
    },
    problems: r.problems,
  };
}

type Located = Pick<EventSource, 'name' | 'project' | 'location' | 'shortName'>;

function locatedName(r: Reader, value: unknown, collection: 'jobs' | 'queues'): Located | undefined {
  const name = r.str(value, 'name') ?? '';
  const m = LOCATED.exec(name);
  if (!m || m[3] !== collection) {
    r.problems.push(`name: expected projects/P/locations/L/${collection}/ID, got ${describeValue(name)}`);
    return undefined;
  }
  return { name, project: m[1] ?? '', location: m[2] ?? '', shortName: m[4] ?? '' };
}

function oidc(r: Reader, value: unknown, path: string): OidcToken | undefined {
  const o = r.obj(value, path);
  const serviceAccountEmail = r.str(o.serviceAccountEmail, `${path}.serviceAccountEmail`);
  if (serviceAccountEmail === undefined) return undefined;
  return { serviceAccountEmail, ...optional('audience', r.str(o.audience, `${path}.audience`)) };
}

function oauth(r: Reader, value: unknown, path: string): OauthToken | undefined {
  const o = r.obj(value, path);
  const serviceAccountEmail = r.str(o.serviceAccountEmail, `${path}.serviceAccountEmail`);
  if (serviceAccountEmail === undefined) return undefined;
  return { serviceAccountEmail, ...optional('scope', r.str(o.scope, `${path}.scope`)) };
}

/** An enum name, with the proto's zero value (`…_UNSPECIFIED`) read as unset. */
function enumValue(r: Reader, value: unknown, path: string): string | undefined {
  const text = r.str(value, path);
  return text === undefined || text.endsWith('_UNSPECIFIED') ? undefined : text;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
