import { describe, expect, it } from 'vitest';
import type { EnvVar } from '../../../shared/inventory.ts';
import { aJob, aService } from '../testing/builders.ts';
import { runRule } from '../testing/run-rule.ts';
import { cr13LiteralCredential } from './cr-13-literal-credential.ts';

const literal = (name: string, value: string, container = 'app'): EnvVar => ({ name, value, container });

describe('CR-13 literal credential', () => {
  it.each<[string, EnvVar[], string[]]>([
    ['flags a literal password', [literal('DB_PASSWORD', 'hunter2-but-longer')], ['env:DB_PASSWORD']],
    [
      'flags each credential separately',
      [literal('API_KEY', 'abc'), literal('LOG_LEVEL', 'info'), literal('SESSION_SECRET', 'xyz')],
      ['env:API_KEY', 'env:SESSION_SECRET'],
    ],
    [
      'flags the same name in two containers with the container as discriminator',
      [literal('API_TOKEN', 'a', 'app'), literal('API_TOKEN', 'b', 'sidecar')],
      ['env:API_TOKEN@app', 'env:API_TOKEN@sidecar'],
    ],
    [
      'does not flag a secret reference',
      [{ name: 'DB_PASSWORD', container: 'app', secret: { secret: 's', version: '1' } }],
      [],
    ],
    ['does not flag a URL without credentials', [literal('ORDERS_URL', 'https://orders-x-ew.a.run.app')], []],
    ['does not flag a key id', [literal('AWS_ACCESS_KEY_ID', 'example-id')], []],
  ])('%s', (_name, env, discriminators) => {
    const findings = runRule(cr13LiteralCredential, [aService({ env })]);
    expect(findings.map((f) => f.id.split('#')[1])).toEqual(discriminators);
    expect(findings.every((f) => f.severity === 'high')).toBe(true);
  });

  it('flags a job too', () => {
    expect(runRule(cr13LiteralCredential, [aJob({ env: [literal('TOKEN', 'abc')] })])).toHaveLength(1);
  });

  it('flags without echoing the value anywhere in the finding', () => {
    const value = 'postgres://app:Sup3rS3cretValue@10.0.0.5:5432/shop';
    const findings = runRule(cr13LiteralCredential, [
      aService({ shortName: 'orders', env: [literal('DATABASE_URL', value)] }),
    ]);
    expect(findings).toHaveLength(1);
    const text = JSON.stringify(findings);
    expect(text).not.toContain('Sup3rS3cretValue');
    expect(text).not.toContain(value);
    expect(findings[0]?.evidence[0]).toEqual({
      path: 'containers[app].env[DATABASE_URL]',
      value: `literal value (redacted, ${value.length} chars)`,
    });
    expect(findings[0]?.remediation.gcloud).toContain(
      'gcloud run services update orders --region=europe-west1 --project=p1 --update-secrets=DATABASE_URL=orders-database_url:1',
    );
    expect(findings[0]?.remediation.terraform).toContain('secret_key_ref');
  });
});
