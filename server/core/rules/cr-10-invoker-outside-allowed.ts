import type { Invoker } from '../../../shared/model.ts';
import type { Policy } from '../../../shared/policy.ts';
import type { Estate } from '../estate.ts';
import { grantScope } from '../invokers.ts';
import { gcloudRemoveGrant, terraformGrant } from './remediation.ts';
import { findingOf, grantEvidence, type Rule } from './rule.ts';

/** Where a member belongs: a domain (people) or a project (service accounts), or neither. */
type Home = { kind: 'domain'; domain: string } | { kind: 'project'; project: string } | { kind: 'unknown' };

/** Google-made service accounts named by project number: default compute, service agents, Cloud Build… */
const BY_NUMBER = [
  /^(\d+)-compute@developer\.gserviceaccount\.com$/,
  /^service-(\d+)@[a-z0-9-]+\.iam\.gserviceaccount\.com$/,
  /^(\d+)@(?:cloudservices|cloudbuild)\.gserviceaccount\.com$/,
];

function homeOf(member: string, estate: Estate): Home | undefined {
  const bare = member.replace(/^deleted:/, '').replace(/\?uid=\d+$/, '');
  const colon = bare.indexOf(':');
  const type = bare.slice(0, colon);
  const id = bare.slice(colon + 1).toLowerCase();
  if (type === 'user' || type === 'group') {
    const at = id.lastIndexOf('@');
    return at > 0 ? { kind: 'domain', domain: id.slice(at + 1) } : { kind: 'unknown' };
  }
  if (type === 'domain') return { kind: 'domain', domain: id };
  if (type === 'serviceAccount') {
    const own = id.match(/^[^@]+@([a-z0-9-]+)\.iam\.gserviceaccount\.com$/);
    const appEngine = id.match(/^([a-z0-9-]+)@appspot\.gserviceaccount\.com$/);
    const number = BY_NUMBER.map((pattern) => id.match(pattern)?.[1]).find(Boolean);
    // A service agent's address names a Google-owned project (gcp-sa-…): its project is the number.
    if (number) return { kind: 'project', project: estate.projectByNumber.get(number) ?? number };
    if (own?.[1] && !own[1].startsWith('gcp-sa-')) return { kind: 'project', project: own[1] };
    if (appEngine?.[1]) return { kind: 'project', project: appEngine[1] };
    return { kind: 'unknown' };
  }
  // allUsers and allAuthenticatedUsers are CR-02/CR-03; principal:// identities are not attributable.
  return undefined;
}

function domainAllowed(domain: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith('*.') ? domain.endsWith(pattern.slice(1)) : domain === pattern;
  });
}

/** Why a grant is outside the policy's allowed domains and projects, or undefined when it is not. */
function outsideReason(grant: Invoker, policy: Policy, estate: Estate): string | undefined {
  const { domains, projects } = policy.allowedInvokers;
  const home = homeOf(grant.member, estate);
  if (!home) return undefined;
  const isAccount = grant.member.replace(/^deleted:/, '').startsWith('serviceAccount:');
  if (isAccount ? projects.length === 0 : domains.length === 0) return undefined;
  if (home.kind === 'unknown') return 'cannot be attributed to a domain or project';
  if (home.kind === 'domain') {
    return domainAllowed(home.domain, domains) ? undefined : `domain ${home.domain} is not allowed`;
  }
  const numbers = [...estate.projectByNumber].filter(([, id]) => id === home.project).map(([n]) => n);
  return projects.includes(home.project) || numbers.some((n) => projects.includes(n))
    ? undefined
    : `project ${home.project} is not allowed`;
}

/** CR-10: a principal outside the allowed domains and projects of the policy file may invoke. */
export const cr10InvokerOutsideAllowed: Rule = {
  id: 'CR-10',
  title: 'Invoker outside the allowed domains and projects',
  severity: 'medium',
  description:
    'A principal that holds an invoker role on the workload or its project belongs to a domain (user:, group:, ' +
    'domain:) or project (serviceAccount:) that the policy file does not list under allowedInvokers. ' +
    'Runs only when the policy lists domains (for people) or projects (for service accounts).',
  rationale:
    'Invoker grants to identities outside the organization — personal Gmail accounts, a contractor’s domain, ' +
    'service accounts of projects outside the estate — survive offboarding and are invisible to the ' +
    'organization’s access reviews. List the domains and projects whose identities may invoke in the ' +
    'policy file, and remove or waive the rest.',
  appliesTo: ['service', 'job'],
  evaluate({ workload, invokers, policy, estate }) {
    const outside = invokers.flatMap((grant) => {
      const reason = outsideReason(grant, policy, estate);
      return reason ? [{ grant, reason }] : [];
    });
    if (outside.length === 0) return [];
    const members = [...new Set(outside.map((o) => o.grant.member))];
    const first = outside[0] as (typeof outside)[number];
    return [
      findingOf(cr10InvokerOutsideAllowed, workload, {
        message: `${members.length === 1 ? `${first.grant.member} may` : `${members.length} principals outside the allowed domains and projects may`} invoke ${workload.shortName}: ${outside
          .map(
            (o) => `${o.grant.member} holds ${o.grant.role} ${grantScope(o.grant, workload)} (${o.reason})`,
          )
          .join('; ')}.`,
        evidence: [
          ...outside.map((o) => grantEvidence(o.grant)),
          {
            path: 'policy.allowedInvokers',
            value: `domains: ${policy.allowedInvokers.domains.join(', ') || '(any)'}; projects: ${
              policy.allowedInvokers.projects.join(', ') || '(any)'
            }`,
          },
        ],
        remediation: {
          gcloud: outside.map((o) => gcloudRemoveGrant(workload, o.grant)).join('\n'),
          terraform: outside.map((o) => terraformGrant(workload, o.grant)).join('\n\n'),
        },
      }),
    ];
  },
};
