import type { Project } from '../../../shared/inventory.ts';
import { runtimeIdentityOf } from '../runtime-identity.ts';
import { flag, gcloudRun, hclString, shellArg, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

const BROAD_ROLES = ['roles/owner', 'roles/editor'];

/** A service account id for the workload: 6–30 characters, lowercase, starting with a letter. */
function accountIdFor(shortName: string): string {
  const id = shortName.slice(0, 30).replace(/-+$/, '');
  return id.length >= 6 ? id : `${id}-runtime`;
}

function broadRolesOf(email: string, project: Project | undefined): string[] {
  const member = `serviceAccount:${email}`;
  const bindings = project?.iamPolicy?.bindings ?? [];
  return BROAD_ROLES.filter((role) => bindings.some((b) => b.role === role && b.members.includes(member)));
}

const KIND_TEXT = {
  unset: 'sets no service account, so it runs as the default compute service account',
  'default-compute': 'runs as the default compute service account',
  'app-engine-default': 'runs as the App Engine default service account',
} as const;

/** CR-11: the runtime identity is a default service account, or unset. */
export const cr11DefaultServiceAccount: Rule = {
  id: 'CR-11',
  title: 'Runs as a default service account',
  severity: 'high',
  description:
    'The runtime identity is the default compute or App Engine service account, or unset. ' +
    'Medium; high if that account holds roles/owner or roles/editor on the project.',
  rationale:
    'Default service accounts are shared by every workload that does not name its own identity, and they ' +
    'are often granted Editor on the project when it is created. Code running as one can read and change ' +
    'most of the project, and its grants cannot be narrowed for one workload. Give each service and job a ' +
    'dedicated service account with only the roles it needs.',
  appliesTo: ['service', 'job'],
  evaluate({ workload, project }) {
    const identity = runtimeIdentityOf(workload, project);
    if (identity.kind === 'named') return [];
    const broad = identity.email ? broadRolesOf(identity.email, project) : [];
    const accountId = accountIdFor(workload.shortName);
    const email = `${accountId}@${workload.project}.iam.gserviceaccount.com`;
    return [
      findingOf(cr11DefaultServiceAccount, workload, {
        severity: broad.length > 0 ? 'high' : 'medium',
        message: `${workload.shortName} ${KIND_TEXT[identity.kind]}${
          broad.length > 0 ? `, which holds ${broad.join(' and ')} on project ${workload.project}` : ''
        }.`,
        evidence: [
          { path: 'serviceAccount', value: workload.serviceAccount?.trim() || '(unset)' },
          ...(identity.kind === 'unset' && identity.email
            ? [{ path: 'effectiveServiceAccount', value: identity.email }]
            : []),
          ...broad.map((role) => ({
            path: `project.iamPolicy.bindings[${role}]`,
            value: `serviceAccount:${identity.email}`,
          })),
        ],
        remediation: {
          gcloud: [
            `gcloud iam service-accounts create ${shellArg(accountId)} --project=${shellArg(workload.project)}`,
            gcloudRun(workload, 'update', flag('service-account', email)),
          ].join(' && \\\n  '),
          terraform: [
            `resource "google_service_account" ${hclString(accountId.replaceAll('-', '_'))} {`,
            `  account_id = ${hclString(accountId)}`,
            `  project = ${hclString(workload.project)}`,
            '}',
            '',
            terraformWorkload(workload, {
              inTemplate: [`service_account = ${hclString(email)}`],
            }),
          ].join('\n'),
        },
      }),
    ];
  },
};
