import type { EnvVar, Workload } from '../../../shared/inventory.ts';
import { credentialSignal } from '../credential-signal.ts';
import { flag, gcloudRun, secretEnvLines, shellArg, terraformWorkload } from './remediation.ts';
import { envDiscriminator, findingOf, type Rule } from './rule.ts';

/** A Secret Manager id for the value: lowercase, from the workload and variable names. */
function secretIdFor(workload: Workload, env: EnvVar): string {
  return `${workload.shortName}-${env.name}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 255);
}

/** CR-13: a literal env value that looks like a credential. The value is never echoed. */
export const cr13LiteralCredential: Rule = {
  id: 'CR-13',
  title: 'Credential in a literal environment variable',
  severity: 'high',
  description: 'A literal env value whose name or value looks like a credential (the value is never shown).',
  rationale:
    'Literal environment values are part of the service or job configuration: anyone with run.services.get ' +
    '(roles/run.viewer, and every broader role) reads them in the console, in gcloud output and in exported ' +
    'YAML, and they are copied into every revision. Store the credential in Secret Manager, reference it with ' +
    'a pinned version, grant the runtime service account roles/secretmanager.secretAccessor on that secret, ' +
    'and rotate the credential, since it has been exposed.',
  appliesTo: ['service', 'job'],
  evaluate({ workload }) {
    return workload.env.flatMap((env) => {
      if (env.value === undefined || env.secret) return [];
      const signal = credentialSignal(env.name, env.value);
      if (!signal) return [];
      const secretId = secretIdFor(workload, env);
      const containerFlag = workload.images.length > 1 ? [flag('container', env.container)] : [];
      return [
        findingOf(cr13LiteralCredential, workload, {
          discriminator: envDiscriminator(env, workload),
          message: `Env var ${env.name} of container ${env.container} in ${workload.shortName} holds a literal value that looks like a credential: ${signal}.`,
          evidence: [
            {
              path: `containers[${env.container}].env[${env.name}]`,
              value: `literal value (redacted, ${env.value.length} chars)`,
            },
            { path: `containers[${env.container}].env[${env.name}].why`, value: signal },
          ],
          remediation: {
            gcloud: [
              `printf '%s' "$NEW_VALUE" | gcloud secrets create ${shellArg(secretId)} --project=${shellArg(workload.project)} --data-file=-`,
              gcloudRun(
                workload,
                'update',
                ...containerFlag,
                flag('update-secrets', `${env.name}=${secretId}:1`),
              ),
            ].join(' && \\\n  '),
            terraform: terraformWorkload(workload, {
              inTemplate: secretEnvLines(env.name, secretId, '"1"'),
            }),
          },
        }),
      ];
    });
  },
};
