import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { aBinding, anInventory, aPolicy, aService } from '../testing/builders.ts';
import { aCall, aClientSpan, aSpan, aTracedTrace, T0 } from '../testing/trace-builders.ts';
import { gr02DeniedCalls } from './gr-02-denied-calls.ts';

const webhook = aService({ shortName: 'webhook-receiver' });
const jobs = aService({ shortName: 'jobs-api' });

const denied = (id: string, status = 403) =>
  aTracedTrace('p1', id, [
    aSpan(webhook, { id: `${id}-r` }),
    aClientSpan(webhook, jobs, { id: `${id}-c`, parent: `${id}-r`, status }),
  ]);

function findings(traces: ReturnType<typeof denied>[], target = jobs) {
  const inventory = {
    ...anInventory({ workloads: [webhook, target] }),
    traffic: {
      from: new Date(T0 - 60_000).toISOString(),
      to: new Date(T0 + 3_600_000).toISOString(),
      projects: ['p1'],
      truncated: false,
      traces,
    },
  };
  return analyze(inventory, undefined, { rules: [gr02DeniedCalls] }).findings;
}

describe('GR-02 denied calls', () => {
  it('flags calls answered 403 with no server span, on the service that refused them', () => {
    const [finding] = findings([denied('a'), denied('b', 401)]);
    expect(finding).toMatchObject({
      id: `GR-02:${jobs.name}#caller:${webhook.name}`,
      severity: 'high',
      resource: jobs.name,
    });
    expect(finding?.message).toContain(
      '2 traced calls from webhook-receiver to jobs-api in the last 61 min were refused',
    );
    expect(finding?.message).toContain('holds no invoker role');
    expect(finding?.remediation.gcloud).toBe(
      'gcloud run services add-iam-policy-binding jobs-api --region=europe-west1 --project=p1 --member=serviceAccount:webhook-receiver@p1.iam.gserviceaccount.com --role=roles/run.invoker',
    );
    expect(finding?.remediation.terraform).toContain(
      'member = "serviceAccount:webhook-receiver@p1.iam.gserviceaccount.com"',
    );
  });

  it('points at the audience when the caller is already granted', () => {
    const granted = {
      ...jobs,
      iamPolicy: aPolicy(
        aBinding('roles/run.invoker', 'serviceAccount:webhook-receiver@p1.iam.gserviceaccount.com'),
      ),
    };
    expect(findings([denied('a')], granted)[0]?.message).toContain('audience');
  });

  it('does not flag calls that got through, or an application 403', () => {
    expect(
      findings([...aCall(webhook, jobs, 'ok'), ...aCall(webhook, jobs, 'app', { status: 403 })]),
    ).toEqual([]);
  });
});
