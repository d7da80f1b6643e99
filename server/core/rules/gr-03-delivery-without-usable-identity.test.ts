import { describe, expect, it } from 'vitest';
import type { EventSource, Project, Workload } from '../../../shared/inventory.ts';
import { analyze } from '../analyze.ts';
import {
  aBinding,
  aJob,
  anInventory,
  aPolicy,
  aProject,
  aPushSubscription,
  aSchedulerJobRunning,
  aService,
} from '../testing/builders.ts';
import { gr03DeliveryWithoutUsableIdentity } from './gr-03-delivery-without-usable-identity.ts';

const pusher = 'serviceAccount:pusher@p1.iam.gserviceaccount.com';
const scheduler = 'serviceAccount:scheduler@p1.iam.gserviceaccount.com';
const invokable = (...members: string[]) =>
  aService({ shortName: 'worker', iamPolicy: aPolicy(aBinding('roles/run.invoker', ...members)) });
const worker = invokable(pusher);
const job = aJob({ shortName: 'sweep', iamPolicy: aPolicy(aBinding('roles/run.jobsExecutor', scheduler)) });

function findings(workloads: Workload[], eventSources: EventSource[], projects?: Project[]) {
  return analyze(anInventory({ workloads, eventSources, projects }), undefined, {
    rules: [gr03DeliveryWithoutUsableIdentity],
  }).findings;
}

describe('GR-03 delivery without a usable identity', () => {
  it.each<[string, Workload, EventSource, string | null]>([
    [
      'does not flag a token of an account that holds an invoker role',
      worker,
      aPushSubscription(worker),
      null,
    ],
    [
      'flags a push subscription without a token',
      worker,
      aPushSubscription(worker, { oidcToken: undefined }),
      'Push subscription sub delivers to worker without an OIDC token: Cloud Run refuses',
    ],
    [
      'flags a delivery that works only because the invoker IAM check is off',
      aService({ shortName: 'worker', invokerIamDisabled: true }),
      aPushSubscription(aService({ shortName: 'worker' }), { oidcToken: undefined }),
      'only because the invoker IAM check is disabled',
    ],
    [
      'flags a delivery that works only because allUsers may invoke',
      invokable('allUsers'),
      aPushSubscription(worker, { oidcToken: undefined }),
      'only because allUsers may invoke',
    ],
    [
      'flags an account that holds no invoker role',
      invokable('serviceAccount:other@p1.iam.gserviceaccount.com'),
      aPushSubscription(worker),
      'with an OIDC token of pusher@p1.iam.gserviceaccount.com, which holds no invoker role',
    ],
    [
      'flags an OAuth token sent to a service URL',
      worker,
      aPushSubscription(worker, {
        oidcToken: undefined,
        oauthToken: { serviceAccountEmail: 'pusher@p1.iam.gserviceaccount.com' },
      }),
      'OAuth access token, which Cloud Run URLs do not accept',
    ],
    [
      'flags an audience the service does not accept',
      worker,
      aPushSubscription(worker, {
        oidcToken: {
          serviceAccountEmail: 'pusher@p1.iam.gserviceaccount.com',
          audience: 'https://other.example',
        },
      }),
      'audience https://other.example is neither',
    ],
    [
      'does not flag an audience that is one of the service URLs with a path',
      worker,
      aPushSubscription(worker, {
        oidcToken: {
          serviceAccountEmail: 'pusher@p1.iam.gserviceaccount.com',
          audience: `${worker.urls[0]}/push`,
        },
      }),
      null,
    ],
    [
      'does not flag a custom audience of the service',
      { ...worker, customAudiences: ['worker-aud'] },
      aPushSubscription(worker, {
        oidcToken: { serviceAccountEmail: 'pusher@p1.iam.gserviceaccount.com', audience: 'worker-aud' },
      }),
      null,
    ],
    [
      'does not flag when a project-level grant covers the account',
      aService({ shortName: 'worker' }),
      aPushSubscription(aService({ shortName: 'worker' }), {
        oidcToken: { serviceAccountEmail: 'scheduler@p1.iam.gserviceaccount.com' },
      }),
      null,
    ],
    [
      'does not flag an account that may be in a group holding the role (membership unknown)',
      invokable('group:pushers@example.com'),
      aPushSubscription(worker),
      null,
    ],
    [
      'does not flag an account whose grant may stand in an IAM policy that could not be read',
      aService({ shortName: 'worker', iamPolicy: null }),
      aPushSubscription(worker),
      null,
    ],
    [
      'still flags a missing token when the IAM policy could not be read',
      aService({ shortName: 'worker', iamPolicy: null }),
      aPushSubscription(worker, { oidcToken: undefined }),
      'without an OIDC token',
    ],
    ['does not flag jobs:run with an OAuth token of an executor', job, aSchedulerJobRunning(job), null],
    [
      'flags jobs:run without an OAuth token',
      job,
      aSchedulerJobRunning(job, {
        oauthToken: undefined,
        oidcToken: { serviceAccountEmail: 'scheduler@p1.iam.gserviceaccount.com' },
      }),
      'Scheduler job cron runs sweep without an OAuth access token (an OIDC token',
    ],
    [
      'flags jobs:run by an account that may not run the job',
      job,
      aSchedulerJobRunning(job, { oauthToken: { serviceAccountEmail: 'nobody@p1.iam.gserviceaccount.com' } }),
      'with an OAuth token of nobody@p1.iam.gserviceaccount.com, which holds no role that may run the job',
    ],
    [
      'does not flag a delivery to a URL outside the estate',
      worker,
      aPushSubscription(worker, {
        oidcToken: undefined,
        targetUrl: 'https://hooks.example/x',
        targetHost: 'hooks.example',
      }),
      null,
    ],
  ])('%s', (_name, workload, source, message) => {
    const projects = [aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', scheduler)) })];
    const result = findings([workload], [source], projects);
    if (message === null) expect(result).toEqual([]);
    else {
      expect(result).toHaveLength(1);
      expect(result[0]?.message).toContain(message);
      expect(result[0]?.severity).toBe('high');
    }
  });

  it('reports each delivery on the target with its own id, evidence and remediation', () => {
    const a = aPushSubscription(worker, { shortName: 'a', oidcToken: undefined });
    const b = aPushSubscription(worker, { shortName: 'b', oidcToken: undefined });
    const result = findings([worker], [a, b]);
    expect(result.map((f) => f.id)).toEqual([
      `GR-03:${worker.name}#source:projects/p1/subscriptions/a`,
      `GR-03:${worker.name}#source:projects/p1/subscriptions/b`,
    ]);
    const [first] = result;
    expect(first?.resource).toBe(worker.name);
    expect(first?.evidence).toContainEqual({ path: 'eventSource.oidcToken', value: 'none' });
    expect(first?.evidence).toContainEqual({ path: 'eventSource.target', value: `${worker.uri}/push` });
    expect(first?.remediation.gcloud).toContain(
      `gcloud pubsub subscriptions update a --project=p1 --push-auth-service-account=pubsub-push@p1.iam.gserviceaccount.com --push-auth-token-audience=${worker.uri}`,
    );
    expect(first?.remediation.gcloud).toContain(
      'gcloud run services add-iam-policy-binding worker --region=europe-west1 --project=p1 --member=serviceAccount:pubsub-push@p1.iam.gserviceaccount.com --role=roles/run.invoker',
    );
    expect(first?.remediation.terraform).toContain('resource "google_pubsub_subscription" "a"');
    expect(first?.remediation.terraform).toContain('oidc_token {');
    expect(first?.remediation.terraform).toContain('resource "google_cloud_run_v2_service_iam_member"');
  });

  it('remediates a scheduler job running a job with an OAuth token and a job grant', () => {
    const [finding] = findings([aJob({ shortName: 'sweep' })], [aSchedulerJobRunning(job)]);
    expect(finding?.remediation.gcloud).toContain(
      'gcloud scheduler jobs update http cron --location=europe-west1 --project=p1 --oauth-service-account-email=scheduler@p1.iam.gserviceaccount.com',
    );
    expect(finding?.remediation.gcloud).toContain('gcloud run jobs add-iam-policy-binding sweep');
    expect(finding?.remediation.terraform).toContain('oauth_token {');
  });
});
