import { describe, expect, it } from 'vitest';
import type { TracedTrace } from '../../../shared/traffic.ts';
import { analyze } from '../analyze.ts';
import { aBinding, aJob, anInventory, aPolicy, aProject, aService } from '../testing/builders.ts';
import { aCall, T0 } from '../testing/trace-builders.ts';
import { gr01UnusedInvokerGrant } from './gr-01-unused-invoker-grant.ts';

const sa = (name: string, project = 'p1') => `serviceAccount:${name}@${project}.iam.gserviceaccount.com`;
const frontend = aService({ shortName: 'frontend' });
const batch = aJob({ shortName: 'batch' });
const order = aService({
  shortName: 'order',
  iamPolicy: aPolicy(aBinding('roles/run.invoker', sa('frontend'), sa('batch'), sa('pubsub-push'))),
});

function findings(
  traces: TracedTrace[] | undefined,
  projects = ['p1'],
  workloads = [frontend, batch, order],
) {
  const inventory = anInventory({ workloads });
  const withTraffic = traces
    ? {
        ...inventory,
        traffic: {
          from: new Date(T0 - 60_000).toISOString(),
          to: new Date(T0 + 3_600_000).toISOString(),
          projects,
          truncated: false,
          traces,
        },
      }
    : inventory;
  return analyze(withTraffic, undefined, { rules: [gr01UnusedInvokerGrant] }).findings;
}

describe('GR-01 unused invoker grant', () => {
  it('flags a grant to an account whose workloads never called the service in the window', () => {
    const found = findings(aCall(frontend, order, 't1'));
    expect(found.map((f) => f.id)).toEqual([`GR-01:${order.name}#member:${sa('batch')}`]);
    expect(found[0]).toMatchObject({ severity: 'medium', resource: order.name });
    expect(found[0]?.message).toContain('no traced call from batch (job), which runs as it');
    expect(found[0]?.remediation.gcloud).toBe(
      `gcloud run services remove-iam-policy-binding order --region=europe-west1 --project=p1 --member=${sa('batch')} --role=roles/run.invoker`,
    );
    expect(found[0]?.remediation.terraform).toContain('google_cloud_run_v2_service_iam_member');
  });

  it('stays silent on a service whose project had no traces, even when other projects had some', () => {
    // Calls to order would leave server spans in p1; with none read there, tracing may simply be off.
    const elsewhere = aService({ shortName: 'other', project: 'p2' });
    const found = findings(
      aCall(elsewhere, elsewhere, 'x'),
      ['p1', 'p2'],
      [frontend, batch, order, elsewhere],
    );
    expect(found).toEqual([]);
  });

  it('stays silent without traces, or when the project’s traces could not be read', () => {
    expect(findings(undefined)).toEqual([]);
    expect(findings([], [])).toEqual([]);
    // No trace anywhere: tracing is off.
    expect(findings([])).toEqual([]);
  });

  it('covers project grants, once per member, and leaves the account’s own service out', () => {
    const project = aProject({ iamPolicy: aPolicy(aBinding('roles/run.invoker', sa('frontend'))) });
    const inventory = {
      ...anInventory({ workloads: [frontend, order], projects: [project] }),
      traffic: {
        from: new Date(T0).toISOString(),
        to: new Date(T0 + 1000).toISOString(),
        projects: ['p1'],
        truncated: false,
        traces: aCall(order, frontend, 'back'),
      },
    };
    const found = analyze(inventory, undefined, { rules: [gr01UnusedInvokerGrant] }).findings;
    expect(found.map((f) => f.resource)).toEqual([order.name]);
    expect(found[0]?.evidence.map((e) => e.path)).toContain('project.iamPolicy.bindings[roles/run.invoker]');
    expect(found[0]?.remediation.gcloud).toContain('gcloud projects remove-iam-policy-binding p1');
  });
});
