import type { Workload } from '../../../shared/inventory.ts';
import { flag, gcloudRun, hclString, secretEnvLines, shellArg, terraformWorkload } from './remediation.ts';
import { envDiscriminator, type FindingDraft, findingOf, type Rule } from './rule.ts';

/** Secret id and the project that holds it, from `projects/P/secrets/S` or a bare id. */
function secretParts(ref: string, workload: Workload): { project: string; id: string } {
  const match = ref.match(/^projects\/([^/]+)\/secrets\/([^/]+)/);
  return match?.[1] && match[2]
    ? { project: match[1], id: match[2] }
    : { project: workload.project, id: ref };
}

/** Shell snippet printing the newest enabled version number of a secret. */
function newestVersion(ref: string, workload: Workload): string {
  const { project, id } = secretParts(ref, workload);
  return `$(gcloud secrets versions list ${shellArg(id)} --project=${shellArg(project)} --filter=state:ENABLED --sort-by=~createTime --limit=1 --format='value(name.basename())')`;
}

/** CR-14: a secret env var or volume that follows version `latest`. */
export const cr14SecretLatestVersion: Rule = {
  id: 'CR-14',
  title: 'Secret pinned to version latest',
  severity: 'low',
  description: 'A secret env var or secret volume that references version `latest`.',
  rationale:
    'With version "latest", a new secret version reaches instances as they start, not when a revision is ' +
    'deployed: a bad or rotated value rolls out without a deployment, instances of one revision may disagree, ' +
    'and a rollback does not bring the old value back. Pin a version number and roll new values out with a ' +
    'new revision.',
  appliesTo: ['service', 'job'],
  evaluate({ workload }) {
    const env: FindingDraft[] = workload.env.flatMap((e) => {
      if (e.secret?.version !== 'latest') return [];
      const path = `containers[${e.container}].env[${e.name}].secret`;
      return [
        {
          discriminator: envDiscriminator(e, workload),
          message: `Env var ${e.name} of ${workload.shortName} reads secret ${e.secret.secret} at version latest.`,
          evidence: [{ path, value: `${e.secret.secret}:latest` }],
          remediation: {
            gcloud: gcloudRun(
              workload,
              'update',
              ...(workload.images.length > 1 ? [flag('container', e.container)] : []),
              `--update-secrets=${shellArg(`${e.name}=${e.secret.secret}`)}:${newestVersion(e.secret.secret, workload)}`,
            ),
            terraform: terraformWorkload(workload, {
              inTemplate: secretEnvLines(
                e.name,
                e.secret.secret,
                '"VERSION" # a version number, not "latest"',
              ),
            }),
          },
        },
      ];
    });
    const volumes: FindingDraft[] = workload.secretVolumes.flatMap((v) => {
      if (!v.versions.includes('latest')) return [];
      return [
        {
          discriminator: `volume:${v.volume}`,
          message: `Secret volume ${v.volume} of ${workload.shortName} mounts secret ${v.secret} at version latest.`,
          evidence: [{ path: `volumes[${v.volume}].secret`, value: `${v.secret}:latest` }],
          remediation: {
            // The inventory does not record the mount path, so the command names it MOUNT_PATH.
            gcloud: gcloudRun(
              workload,
              'update',
              `--update-secrets=MOUNT_PATH=${shellArg(v.secret)}:${newestVersion(v.secret, workload)}`,
            ),
            terraform: terraformWorkload(workload, {
              inTemplate: [
                'volumes {',
                `  name = ${hclString(v.volume)}`,
                '  secret {',
                `    secret = ${hclString(v.secret)}`,
                '    items {',
                '      version = "VERSION" # a version number, not "latest"',
                '      path = "FILE_NAME"',
                '    }',
                '  }',
                '}',
              ],
            }),
          },
        },
      ];
    });
    return [...env, ...volumes].map((draft) => findingOf(cr14SecretLatestVersion, workload, draft));
  },
};
