import type { Workload } from '../../../shared/inventory.ts';
import type { Invoker } from '../../../shared/model.ts';

/**
 * Text builders for remediations. Names and values come from Google's APIs (or a world file) and
 * are untrusted, so every interpolated argument is shell- or HCL-quoted.
 */

/** Quotes one shell argument unless it is made of plainly safe characters. */
export function shellArg(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** An HCL string literal. */
export function hclString(value: string): string {
  return JSON.stringify(value).replaceAll('${', '$${').replaceAll('%{', '%%{');
}

/** `gcloud run services|jobs VERB NAME --region=L --project=P FLAGS…` for this workload. */
export function gcloudRun(workload: Workload, verb: string, ...flags: string[]): string {
  const group = workload.kind === 'service' ? 'services' : 'jobs';
  return [
    'gcloud run',
    group,
    verb,
    shellArg(workload.shortName),
    `--region=${shellArg(workload.location)}`,
    `--project=${shellArg(workload.project)}`,
    ...flags,
  ].join(' ');
}

/** A `--flag=value` argument with the value quoted. */
export function flag(name: string, value: string): string {
  return `--${name}=${shellArg(value)}`;
}

function hclBlock(header: string, lines: string[], indent = ''): string {
  return [`${indent}${header} {`, ...lines.map((line) => `${indent}  ${line}`), `${indent}}`].join('\n');
}

function resourceLabel(value: string): string {
  const label = value.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(label) ? label : `_${label}`;
}

/**
 * The workload's google_cloud_run_v2_service (or _job) resource with `attributes` set. Job
 * templates nest one level deeper (template.template), so `inTemplate` lines go there.
 */
export function terraformWorkload(
  workload: Workload,
  { attributes = [], inTemplate = [] }: { attributes?: string[]; inTemplate?: string[] },
): string {
  const type = workload.kind === 'service' ? 'google_cloud_run_v2_service' : 'google_cloud_run_v2_job';
  const identity = [
    `name = ${hclString(workload.shortName)}`,
    `location = ${hclString(workload.location)}`,
    `project = ${hclString(workload.project)}`,
  ];
  const template =
    inTemplate.length === 0
      ? []
      : workload.kind === 'service'
        ? hclBlock('template', inTemplate).split('\n')
        : hclBlock('template', hclBlock('template', inTemplate).split('\n')).split('\n');
  return hclBlock(`resource ${hclString(type)} ${hclString(resourceLabel(workload.shortName))}`, [
    ...identity,
    ...attributes,
    ...template,
  ]);
}

/** gcloud command removing one invoker grant, on the workload or on its project. */
export function gcloudRemoveGrant(workload: Workload, grant: Invoker): string {
  const member = flag('member', grant.member);
  const role = flag('role', grant.role);
  return grant.grantedOn === 'resource'
    ? gcloudRun(workload, 'remove-iam-policy-binding', member, role)
    : `gcloud projects remove-iam-policy-binding ${shellArg(workload.project)} ${member} ${role}`;
}

/** The Terraform resource that holds one grant, to delete (or the member to drop from a binding). */
export function terraformGrant(workload: Workload, grant: Invoker): string {
  const type =
    grant.grantedOn === 'project'
      ? 'google_project_iam_member'
      : workload.kind === 'service'
        ? 'google_cloud_run_v2_service_iam_member'
        : 'google_cloud_run_v2_job_iam_member';
  const target =
    grant.grantedOn === 'project'
      ? [`project = ${hclString(workload.project)}`]
      : [
          `name = ${hclString(workload.shortName)}`,
          `location = ${hclString(workload.location)}`,
          `project = ${hclString(workload.project)}`,
        ];
  const label = resourceLabel(`${workload.shortName}_${grant.member}_${grant.role.replace(/^roles\//, '')}`);
  return [
    `# delete this resource (or drop ${grant.member} from the matching _iam_binding / _iam_policy)`,
    hclBlock(`resource ${hclString(type)} ${hclString(label)}`, [
      ...target,
      `role = ${hclString(grant.role)}`,
      `member = ${hclString(grant.member)}`,
    ]),
  ].join('\n');
}

/** HCL for a container env var that reads a secret, as lines of a template block. */
export function secretEnvLines(name: string, secret: string, version: string): string[] {
  return [
    'containers {',
    '  env {',
    `    name = ${hclString(name)}`,
    '    value_source {',
    '      secret_key_ref {',
    `        secret = ${hclString(secret)}`,
    `        version = ${version}`,
    '      }',
    '    }',
    '  }',
    '}',
  ];
}
