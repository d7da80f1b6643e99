import type { Workload } from '../../../shared/inventory.ts';
import type { Evidence } from '../../../shared/model.ts';
import { credentialSignal } from '../credential-signal.ts';
import type { CallEdge } from '../estate-traffic.ts';
import { flag, gcloudRun, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** What makes a workload worth reaching: the secrets and databases it holds, in words. */
/** What a workload holds that an attacker wants; remembered per analysis, as many paths reach the same workloads. */
function holdingsOf(workload: Workload, memo: WeakMap<Workload, string[]>): string[] {
  const known = memo.get(workload);
  if (known) return known;
  const holdings = holdingsOfUncached(workload);
  memo.set(workload, holdings);
  return holdings;
}

function holdingsOfUncached(workload: Workload): string[] {
  const secrets = new Set([
    ...workload.env.flatMap((e) => (e.secret ? [e.secret.secret.split('/').pop() ?? e.secret.secret] : [])),
    ...workload.secretVolumes.map((v) => v.secret.split('/').pop() ?? v.secret),
  ]);
  const literal = workload.env.filter(
    (e) => e.value !== undefined && !e.secret && credentialSignal(e.name, e.value) !== undefined,
  );
  return [
    ...(secrets.size > 0 ? [`secrets ${[...secrets].sort().join(', ')}`] : []),
    ...(literal.length > 0 ? [`literal credentials in env ${literal.map((e) => e.name).join(', ')}`] : []),
    ...(workload.cloudSqlInstances.length > 0 ? [`Cloud SQL ${workload.cloudSqlInstances.join(', ')}`] : []),
  ];
}

/** GR-04: an overexposed service reaches, through calls, a workload holding secrets or a database. */
export const gr04BlastRadius: Rule = {
  id: 'GR-04',
  title: 'Blast radius of an overexposed service',
  severity: 'high',
  description:
    'The service is overexposed (anyone, or any Google account, may invoke it from the internet or a load ' +
    'balancer) and reaches, through observed or declared calls, a workload that holds secrets or a Cloud SQL ' +
    'connection.',
  rationale:
    'An overexposed service is a door anyone can open; what sits behind it decides how bad that is. Through ' +
    'the calls it makes (seen in traces, or declared by env vars holding other services’ URLs), a request ' +
    'from the internet can drive workloads that read secrets or talk to a database: a bug anywhere on that ' +
    'path becomes a way to the data. Close the door first (require IAM or IAP), then keep the services that ' +
    'hold data behind internal ingress and narrow invoker grants.',
  appliesTo: ['service'],
  evaluate({ workload, exposure, estate }) {
    if (exposure?.verdict !== 'overexposed') return [];
    const workloads = estate.workloadsByName;
    // Breadth first, so each reached workload is shown by its shortest path.
    const via = new Map<string, { from: string; call: CallEdge }>();
    const queue = [workload.name];
    const seen = new Set(queue);
    for (let next = 0; next < queue.length; next += 1) {
      const current = queue[next] as string;
      for (const call of estate.traffic.callees.get(current) ?? []) {
        if (seen.has(call.target) || !workloads.has(call.target)) continue;
        seen.add(call.target);
        via.set(call.target, { from: current, call });
        queue.push(call.target);
      }
    }
    const pathTo = (target: string): string => {
      const hops: string[] = [];
      for (let at = target; at !== workload.name; ) {
        const step = via.get(at);
        if (!step) break;
        hops.unshift(`→ ${workloads.get(at)?.shortName ?? at} (${step.call.kind}: ${step.call.evidence})`);
        at = step.from;
      }
      return `${workload.shortName} ${hops.join(' ')}`;
    };
    const reached = [...via.keys()].sort().flatMap((name) => {
      const target = workloads.get(name);
      const holdings = target ? holdingsOf(target, estate.holdings) : [];
      return target && holdings.length > 0 ? [{ target, holdings }] : [];
    });
    if (reached.length === 0) return [];
    const evidence: Evidence[] = [
      { path: 'exposure', value: `${exposure.reach} / ${exposure.access} / ${exposure.verdict}` },
      ...reached.map(({ target, holdings }) => ({
        path: `reaches[${target.name}]`,
        value: `${pathTo(target.name)}; holds ${holdings.join('; ')}`,
      })),
    ];
    const closeGate =
      exposure.access === 'unauthenticated' && workload.invokerIamDisabled
        ? {
            gcloud: gcloudRun(workload, 'update', '--invoker-iam-check'),
            terraform: terraformWorkload(workload, { attributes: ['invoker_iam_disabled = false'] }),
          }
        : {
            gcloud: gcloudRun(
              workload,
              'remove-iam-policy-binding',
              flag('member', exposure.access === 'unauthenticated' ? 'allUsers' : 'allAuthenticatedUsers'),
              flag('role', 'roles/run.invoker'),
            ),
            terraform: `# delete the google_cloud_run_v2_service_iam_member (or _binding) that grants ${exposure.access === 'unauthenticated' ? 'allUsers' : 'allAuthenticatedUsers'} an invoker role on ${workload.shortName}\n${terraformWorkload(workload, { attributes: ['ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY" # or put IAP in front'] })}`,
          };
    return [
      findingOf(gr04BlastRadius, workload, {
        message: `${workload.shortName} is overexposed and its calls reach ${reached.length} workload${reached.length > 1 ? 's' : ''} holding secrets or databases: ${reached.map((r) => r.target.shortName).join(', ')}.`,
        evidence,
        remediation: closeGate,
      }),
    ];
  },
};
