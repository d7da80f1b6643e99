import type { EventSource, Workload } from '../../../shared/inventory.ts';
import type { Evidence, Invoker } from '../../../shared/model.ts';
import type { Delivery } from '../deliveries.ts';
import { flag, gcloudRun, hclString, shellArg } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

const what: Record<EventSource['kind'], string> = {
  subscription: 'Push subscription',
  scheduler: 'Scheduler job',
  tasks: 'Task queue',
};

/** The account we suggest when the delivery names none: one per kind of pusher, in the source's project. */
const suggestedAccount: Record<EventSource['kind'], string> = {
  subscription: 'pubsub-push',
  scheduler: 'scheduler-invoker',
  tasks: 'tasks-invoker',
};

/** Who the grants let through: the account itself, or anyone (allUsers, any signed-in account). */
function grantsCovering(invokers: Invoker[], email: string): Invoker[] {
  const member = `serviceaccount:${email.toLowerCase()}`;
  return invokers.filter(
    (i) =>
      i.member.toLowerCase() === member || i.member === 'allUsers' || i.member === 'allAuthenticatedUsers',
  );
}

/** Hosts of the service's URLs (default, legacy, tag URLs): the audiences Cloud Run accepts besides custom ones. */
function audienceAccepted(audience: string, service: Workload): boolean {
  if (service.customAudiences.includes(audience)) return true;
  const host = (url: string | undefined) => {
    try {
      return url ? new URL(url).host.toLowerCase() : undefined;
    } catch {
      return undefined;
    }
  };
  const audienceHost = host(audience);
  if (!audienceHost) return false;
  return [...service.urls, service.uri, ...service.traffic.map((t) => t.uri)].some(
    (url) => host(url) === audienceHost,
  );
}

/** What is wrong with a delivery's identity, in sentences; empty when the target accepts it on its merits. */
function problemsOf(
  delivery: Delivery,
  target: Workload,
  invokers: Invoker[],
  projectPolicyUnknown: boolean,
): string[] {
  const { source } = delivery;
  const iamOff = target.kind === 'service' && target.invokerIamDisabled;
  const onlyBecause = iamOff
    ? 'its requests get through only because the invoker IAM check is disabled'
    : target.kind === 'service'
      ? 'Cloud Run refuses its requests (401/403)'
      : 'the Run Admin API refuses its jobs:run calls';
  // A group may hold the account, and an unreadable policy may hold its grant: then we cannot tell.
  const unknowable =
    invokers.some((i) => i.member.startsWith('group:')) || target.iamPolicy === null || projectPolicyUnknown;

  if (delivery.via === 'run-api') {
    const oauth = source.oauthToken;
    if (!oauth) {
      return [
        `without an OAuth access token${source.oidcToken ? ' (an OIDC token, which the Run Admin API does not accept)' : ''}: ${onlyBecause}`,
      ];
    }
    const covered = invokers.some(
      (i) => i.member.toLowerCase() === `serviceaccount:${oauth.serviceAccountEmail.toLowerCase()}`,
    );
    return covered || unknowable
      ? []
      : [
          `with an OAuth token of ${oauth.serviceAccountEmail}, which holds no role that may run the job: ${onlyBecause}`,
        ];
  }

  const oidc = source.oidcToken;
  if (!oidc) {
    const allUsers = invokers.some((i) => i.member === 'allUsers');
    return [
      `without an OIDC token${source.oauthToken ? ' (an OAuth access token, which Cloud Run URLs do not accept)' : ''}: ${
        allUsers && !iamOff
          ? 'its requests get through only because allUsers may invoke the service'
          : onlyBecause
      }`,
    ];
  }
  const problems: string[] = [];
  if (grantsCovering(invokers, oidc.serviceAccountEmail).length === 0 && !unknowable) {
    problems.push(
      `with an OIDC token of ${oidc.serviceAccountEmail}, which holds no invoker role on the service or on project ${target.project}: ${onlyBecause}`,
    );
  }
  if (!iamOff && oidc.audience && !audienceAccepted(oidc.audience, target)) {
    problems.push(
      `with a token whose audience ${oidc.audience.split(/[?#]/, 1)[0]} is neither a URL of the service nor one of its custom audiences, so Cloud Run refuses it`,
    );
  }
  return problems;
}

function sourceLocation(source: EventSource): string[] {
  return source.location ? [`--location=${shellArg(source.location)}`] : [];
}

/** gcloud command that makes the source send a token of `account` (with `audience`, for services). */
function gcloudSetToken(delivery: Delivery, account: string, audience: string | undefined): string {
  const { source } = delivery;
  const common = [
    shellArg(source.shortName),
    ...sourceLocation(source),
    `--project=${shellArg(source.project)}`,
  ];
  const audienceFlags = (name: string) => (audience ? [flag(name, audience)] : []);
  switch (source.kind) {
    case 'subscription':
      return [
        'gcloud pubsub subscriptions update',
        ...common,
        flag('push-auth-service-account', account),
        ...audienceFlags('push-auth-token-audience'),
      ].join(' ');
    case 'scheduler':
      return [
        'gcloud scheduler jobs update http',
        ...common,
        ...(delivery.via === 'run-api'
          ? [
              flag('oauth-service-account-email', account),
              flag('oauth-token-scope', 'https://www.googleapis.com/auth/cloud-platform'),
            ]
          : [flag('oidc-service-account-email', account), ...audienceFlags('oidc-token-audience')]),
      ].join(' ');
    case 'tasks':
      return [
        'gcloud tasks queues update',
        ...common,
        ...(delivery.via === 'run-api'
          ? [
              flag('http-oauth-service-account-email-override', account),
              flag('http-oauth-token-scope-override', 'https://www.googleapis.com/auth/cloud-platform'),
            ]
          : [
              flag('http-oidc-service-account-email-override', account),
              ...audienceFlags('http-oidc-token-audience-override'),
            ]),
      ].join(' ');
  }
}

function hcl(header: string, lines: string[]): string[] {
  return [`${header} {`, ...lines.map((line) => `  ${line}`), '}'];
}

/** The source's Terraform resource with the token block set. */
function terraformSetToken(delivery: Delivery, account: string, audience: string | undefined): string {
  const { source } = delivery;
  const oauth = delivery.via === 'run-api';
  const token = oauth
    ? hcl('oauth_token', [
        `service_account_email = ${hclString(account)}`,
        'scope = "https://www.googleapis.com/auth/cloud-platform"',
      ])
    : hcl('oidc_token', [
        `service_account_email = ${hclString(account)}`,
        ...(audience ? [`audience = ${hclString(audience)}`] : []),
      ]);
  const label = hclString(source.shortName.replace(/[^A-Za-z0-9_-]/g, '_'));
  const identity = [`name = ${hclString(source.shortName)}`, `project = ${hclString(source.project)}`];
  const located = source.location
    ? [`${source.kind === 'tasks' ? 'location' : 'region'} = ${hclString(source.location)}`]
    : [];
  switch (source.kind) {
    case 'subscription':
      return hcl(`resource "google_pubsub_subscription" ${label}`, [
        ...identity,
        'push_config {',
        '  # push_endpoint and the rest unchanged',
        ...token.map((line) => `  ${line}`),
        '}',
      ]).join('\n');
    case 'scheduler':
      return hcl(`resource "google_cloud_scheduler_job" ${label}`, [
        ...identity,
        ...located,
        'http_target {',
        '  # uri, http_method and body unchanged',
        ...token.map((line) => `  ${line}`),
        '}',
      ]).join('\n');
    case 'tasks':
      return hcl(`resource "google_cloud_tasks_queue" ${label}`, [
        ...identity,
        ...located,
        'http_target {',
        '  # uri_override unchanged',
        ...token.map((line) => `  ${line}`),
        '}',
      ]).join('\n');
  }
}

/** GR-03: a push subscription, scheduler job or task queue delivers without a usable identity. */
export const gr03DeliveryWithoutUsableIdentity: Rule = {
  id: 'GR-03',
  title: 'Event delivery without a usable identity',
  severity: 'high',
  description:
    'A Pub/Sub push subscription, Cloud Scheduler job or Cloud Tasks queue delivers to the workload without ' +
    'an OIDC token (an OAuth token for jobs:run), with a token whose account holds no invoker role on it, or ' +
    'with an audience the service does not accept.',
  rationale:
    'Google delivers push messages, scheduled calls and tasks as HTTP requests signed with a token of the ' +
    'account you configure. Without a token, or with an account that may not invoke the target, the delivery ' +
    'either fails (messages pile up and are retried, jobs silently never run) or works only because the ' +
    'target accepts anyone: then whoever can reach it can forge events. Give each delivery a dedicated ' +
    'service account with roles/run.invoker on the target (roles/run.invoker or run.jobsExecutor on a job).',
  appliesTo: ['service', 'job'],
  evaluate({ workload, project, invokers, estate }) {
    return (estate.deliveriesByTarget.get(workload.name) ?? []).flatMap((delivery) => {
      const problems = problemsOf(delivery, workload, invokers, !project || project.iamPolicy === null);
      if (problems.length === 0) return [];
      const { source } = delivery;
      const token = delivery.via === 'run-api' ? source.oauthToken : source.oidcToken;
      const account =
        token?.serviceAccountEmail ??
        `${suggestedAccount[source.kind]}@${source.project}.iam.gserviceaccount.com`;
      const audience =
        delivery.via === 'url'
          ? (workload.customAudiences[0] ?? workload.uri ?? workload.urls[0])
          : undefined;
      const member = `serviceAccount:${account}`;
      const granted = invokers.some((i) => i.member.toLowerCase() === member.toLowerCase());
      const evidence: Evidence[] = [
        { path: 'eventSource', value: source.name },
        { path: 'eventSource.target', value: delivery.shown },
        {
          path: delivery.via === 'run-api' ? 'eventSource.oauthToken' : 'eventSource.oidcToken',
          value: token
            ? `${token.serviceAccountEmail}${'audience' in token && token.audience ? ` (audience ${token.audience.split(/[?#]/, 1)[0]})` : ''}`
            : 'none',
        },
        ...(workload.kind === 'service' && workload.invokerIamDisabled
          ? [{ path: 'invokerIamDisabled', value: 'true' }]
          : []),
        ...invokers
          .filter((i) => i.member.startsWith('serviceAccount:') || i.member === 'allUsers')
          .slice(0, 5)
          .map(grantEvidence),
      ];
      const grantRole = 'roles/run.invoker';
      return [
        findingOf(gr03DeliveryWithoutUsableIdentity, workload, {
          discriminator: `source:${source.name}`,
          message: `${what[source.kind]} ${source.shortName} ${delivery.via === 'run-api' ? 'runs' : 'delivers to'} ${workload.shortName} ${problems.join('; and ')}.`,
          evidence,
          remediation: {
            gcloud: [
              ...(token
                ? []
                : [`# create ${account} if it does not exist (gcloud iam service-accounts create)`]),
              gcloudSetToken(
                delivery,
                account,
                token && !problems.some((p) => p.includes('audience')) ? undefined : audience,
              ),
              ...(granted
                ? []
                : [
                    gcloudRun(
                      workload,
                      'add-iam-policy-binding',
                      flag('member', member),
                      flag('role', grantRole),
                    ),
                  ]),
            ].join('\n'),
            terraform: [
              terraformSetToken(delivery, account, audience),
              ...(granted
                ? []
                : [
                    hcl(
                      `resource ${hclString(workload.kind === 'service' ? 'google_cloud_run_v2_service_iam_member' : 'google_cloud_run_v2_job_iam_member')} ${hclString(`${workload.shortName}_${source.shortName}_invoker`.replace(/[^A-Za-z0-9_-]/g, '_'))}`,
                      [
                        `name = ${hclString(workload.shortName)}`,
                        `location = ${hclString(workload.location)}`,
                        `project = ${hclString(workload.project)}`,
                        `role = ${hclString(grantRole)}`,
                        `member = ${hclString(member)}`,
                      ],
                    ).join('\n'),
                  ]),
            ].join('\n\n'),
          },
        }),
      ];
    });
  },
};
