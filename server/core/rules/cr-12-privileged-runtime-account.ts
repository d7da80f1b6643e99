import { runtimeIdentityOf } from '../runtime-identity.ts';
import { flag, hclString, shellArg } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** Project roles that make a runtime identity a way into the whole project or into other identities. */
const PRIVILEGED_ROLES: ReadonlySet<string> = new Set([
  'roles/owner',
  'roles/editor',
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountUser',
]);

/** CR-12: the runtime service account holds owner, editor or an impersonation role on a project. */
export const cr12PrivilegedRuntimeAccount: Rule = {
  id: 'CR-12',
  title: 'Runtime identity holds a privileged project role',
  severity: 'high',
  description:
    'The service account the workload runs as (the default compute account when unset) holds roles/owner, ' +
    'roles/editor, roles/iam.serviceAccountTokenCreator or roles/iam.serviceAccountUser on a project of the estate.',
  rationale:
    'Whoever runs code in the workload — through a dependency, an SSRF to the metadata server or a remote code ' +
    'execution bug — gets its service account’s token. With Owner or Editor that token changes most of the ' +
    'project; with Service Account Token Creator or User it can act as other service accounts, often more ' +
    'privileged ones. Grant the runtime identity only the narrow roles its code calls, on the resources it uses.',
  appliesTo: ['service', 'job'],
  evaluate({ workload, project, inventory }) {
    const { email } = runtimeIdentityOf(workload, project);
    if (!email) return [];
    const member = `serviceAccount:${email}`;
    const grants = inventory.projects.flatMap((p) =>
      (p.iamPolicy?.bindings ?? [])
        .filter((b) => PRIVILEGED_ROLES.has(b.role) && b.members.includes(member))
        .map((b) => ({ project: p.projectId, role: b.role, condition: b.condition })),
    );
    // The same role may appear in several (conditional) bindings: one grant per project and role,
    // the unconditional one when there is one.
    const byKey = new Map<string, (typeof grants)[number]>();
    for (const g of grants.toSorted((a, b) => Number(!!a.condition) - Number(!!b.condition))) {
      const key = `${g.project}\u0000${g.role}`;
      if (!byKey.has(key)) byKey.set(key, g);
    }
    const unique = grants.filter((g) => byKey.get(`${g.project}\u0000${g.role}`) === g);
    if (unique.length === 0) return [];
    const unset = !workload.serviceAccount?.trim();
    const label = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
    return [
      findingOf(cr12PrivilegedRuntimeAccount, workload, {
        message: `${workload.shortName} runs as ${email}${unset ? ' (no service account set, so the default compute account)' : ''}, which holds ${unique
          .map((g) => `${g.role} on project ${g.project}${g.condition ? ' (conditional)' : ''}`)
          .join(', ')}.`,
        evidence: [
          { path: 'serviceAccount', value: workload.serviceAccount?.trim() || `(unset) → ${email}` },
          ...unique.map((g) => ({
            path: `projects[${g.project}].iamPolicy.bindings[${g.role}]`,
            value: g.condition ? `${member} if ${g.condition}` : member,
          })),
        ],
        remediation: {
          gcloud: unique
            .map(
              (g) =>
                `gcloud projects remove-iam-policy-binding ${shellArg(g.project)} ${flag('member', member)} ${flag('role', g.role)}${g.condition ? ' --all' : ''}`,
            )
            .join('\n'),
          terraform: unique
            .map((g) =>
              [
                `# delete this resource (or drop ${member} from the matching _iam_binding / _iam_policy), then grant narrow roles`,
                `resource "google_project_iam_member" ${hclString(label(`${g.project}_${email.split('@')[0]}_${g.role.split('/').pop()}`))} {`,
                `  project = ${hclString(g.project)}`,
                `  role = ${hclString(g.role)}`,
                `  member = ${hclString(member)}`,
                '}',
              ].join('\n'),
            )
            .join('\n\n'),
        },
      }),
    ];
  },
};
