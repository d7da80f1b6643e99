import type { IamPolicy, Inventory } from '../../shared/inventory.ts';
import type { Note } from '../../shared/model.ts';

const PREDEFINED_ROLE = /^roles\/[A-Za-z0-9_.]+$/;
const CUSTOM_ROLE = /^(?:projects\/[^/\s]+|organizations\/\d+)\/roles\/[A-Za-z0-9_.]+$/;
const MEMBER =
  /^(?:allUsers|allAuthenticatedUsers|(?:deleted:)?(?:user|group|serviceAccount):\S+|domain:\S+|principal(?:Set)?:\/\/\S+|project(?:Owner|Editor|Viewer):\S+)$/;

/**
 * Notes about IAM bindings runmap cannot interpret: custom roles (their permissions are not in the
 * inventory, so their members are not counted as invokers even if the role carries
 * run.routes.invoke), malformed role names and members. The rest of the policy is audited as usual.
 */
export function iamNotes(inventory: Inventory): Note[] {
  const notes: Note[] = [];
  const check = (policy: IamPolicy | null, resource: string, where: string) => {
    if (!policy) return;
    const seen = new Set<string>();
    for (const binding of policy.bindings) {
      const key = `role\u0000${binding.role}`;
      if (!PREDEFINED_ROLE.test(binding.role) && !seen.has(key)) {
        seen.add(key);
        const members = binding.members.join(', ') || 'no members';
        notes.push(
          CUSTOM_ROLE.test(binding.role)
            ? {
                code: 'custom-role',
                level: 'warning',
                message: `The IAM policy of ${where} binds custom role ${binding.role} (${members}). runmap cannot see a custom role's permissions: if it holds run.routes.invoke or run.jobs.run, these members may invoke but are not counted as invokers.`,
                resource,
              }
            : {
                code: 'unknown-role',
                level: 'warning',
                message: `The IAM policy of ${where} binds ${JSON.stringify(binding.role)}, which is not a role name (roles/…, projects/P/roles/…, organizations/N/roles/…); the binding is ignored.`,
                resource,
              },
        );
      }
      for (const member of binding.members) {
        const memberKey = `member\u0000${member}`;
        if (MEMBER.test(member) || seen.has(memberKey)) continue;
        seen.add(memberKey);
        notes.push({
          code: 'unknown-member',
          level: 'warning',
          message: `The IAM policy of ${where} names member ${JSON.stringify(member)} (role ${binding.role}), which is not an IAM member form such as user:EMAIL or serviceAccount:EMAIL; runmap cannot tell who it is.`,
          resource,
        });
      }
    }
  };
  for (const project of inventory.projects) {
    check(project.iamPolicy, `projects/${project.projectId}`, `project ${project.projectId}`);
  }
  for (const workload of inventory.workloads) {
    check(workload.iamPolicy, workload.name, `${workload.kind} ${workload.name}`);
  }
  return notes;
}
