import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr14SecretLatestVersion } from './cr-14-secret-latest-version.ts';

const secretEnv = (name: string, version: string) => ({
  name,
  container: 'app',
  secret: { secret: `projects/123/secrets/${name.toLowerCase()}`, version },
});

describe('CR-14 secret pinned to latest', () => {
  it.each<[string, Workload, string[]]>([
    [
      'flags a secret env var at latest',
      aService({ env: [secretEnv('DB_PASSWORD', 'latest')] }),
      ['env:DB_PASSWORD'],
    ],
    [
      'flags a secret volume following latest',
      aService({ secretVolumes: [{ volume: 'certs', secret: 'tls-cert', versions: ['latest'] }] }),
      ['volume:certs'],
    ],
    ['flags a job', aJob({ env: [secretEnv('TOKEN', 'latest')] }), ['env:TOKEN']],
    ['does not flag a pinned env var', aService({ env: [secretEnv('DB_PASSWORD', '3')] }), []],
    [
      'does not flag a pinned volume',
      aService({ secretVolumes: [{ volume: 'certs', secret: 'tls-cert', versions: ['4'] }] }),
      [],
    ],
  ])('%s', (_name, workload, discriminators) => {
    const findings = runRule(cr14SecretLatestVersion, [workload]);
    expect(findings.map((f) => f.id.split('#')[1])).toEqual(discriminators);
    expect(findings.every((f) => f.severity === 'low')).toBe(true);
  });

  it('flags with a remediation pinning the newest version of that secret for this service', () => {
    const [finding] = runRule(cr14SecretLatestVersion, [
      aService({ shortName: 'orders', location: 'us-central1', env: [secretEnv('DB_PASSWORD', 'latest')] }),
    ]);
    expect(finding?.remediation.gcloud).toContain(
      'gcloud run services update orders --region=us-central1 --project=p1 --update-secrets=DB_PASSWORD=projects/123/secrets/db_password:$(gcloud secrets versions list db_password --project=123',
    );
    expect(finding?.evidence).toEqual([
      { path: 'containers[app].env[DB_PASSWORD].secret', value: 'projects/123/secrets/db_password:latest' },
    ]);
  });
});
