import { describe, expect, it } from 'vitest';
import { credentialSignal } from './credential-signal.ts';

// Fake tokens assembled at run time so that no scanner mistakes this file for a leak.
const fake = (...parts: string[]) => parts.join('');
const RANDOM_40 = 'Q3vN8xT1pLm7Rk2Zw9Yb4Hc6Jd0Fg5Sa1Ue3Wi8Oq';

describe('credentialSignal', () => {
  it.each([
    ['DB_PASSWORD', 'hunter2', 'its name ends in PASSWORD'],
    ['dbPassword', 'hunter2', 'its name ends in PASSWORD'],
    ['DB_PASS', 'hunter2', 'its name ends in PASS'],
    ['SMTP_PASSWD', 'x', 'its name ends in PASSWD'],
    ['STRIPE_SECRET', 'abc', 'its name ends in SECRET'],
    ['GITHUB_TOKEN', 'abc', 'its name ends in TOKEN'],
    ['SERVICE_CREDENTIALS', '{"a":1}', 'its name ends in CREDENTIALS'],
    ['API_KEY', 'abc', 'its name ends in API_KEY'],
    ['APIKEY', 'abc', 'its name ends in APIKEY'],
    ['AWS_SECRET_ACCESS_KEY', 'abc', 'its name ends in ACCESS_KEY'],
    ['SECRET_KEY_BASE', 'abc', 'its name ends in SECRET_KEY'],
    ['JWT_PRIVATE_KEY_B64', 'abc', 'its name ends in PRIVATE_KEY'],
    ['SESSION_SECRET_2', 'abc', 'its name ends in SECRET'],
    ['STRIPE_KEY', 'x9f8e7d6c5b4a3210', 'its name ends in KEY and the value looks random'],
    ['BASIC_AUTH', 'admin:admin', 'its name ends in AUTH and the value looks like a credential'],
    [
      'ANYTHING',
      fake('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIE'),
      'its value has the shape of a PEM private key',
    ],
    [
      'ANYTHING',
      fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc'),
      'its value has the shape of a Stripe secret key',
    ],
    ['ANYTHING', fake('gh', 'p_', 'a'.repeat(36)), 'its value has the shape of a GitHub token'],
    ['ANYTHING', fake('xo', 'xb-', '1234567890-abcdef'), 'its value has the shape of a Slack token'],
    ['ANYTHING', fake('AK', 'IA', 'IOSFODNN7EXAMPLE'), 'its value has the shape of an AWS access key'],
    [
      'ANYTHING',
      fake('AI', 'za', 'SyA1234567890abcdefghijklmnopqrstuv'),
      'its value has the shape of a Google API key',
    ],
    [
      'DATABASE_URL',
      'postgres://app:s3cret@10.0.0.5:5432/shop',
      'its value has the shape of a URL with an embedded password',
    ],
    ['REDIS', 'redis://:s3cret@10.0.0.6:6379', 'its value has the shape of a URL with an embedded password'],
    [
      'DSN',
      'host=10.0.0.5 user=app password=s3cret dbname=shop',
      'its value has the shape of a connection string with a password',
    ],
    [
      'FEED',
      'https://api.example.com/feed?api_key=abc123',
      'its value has the shape of a URL with a credential in its query',
    ],
    ['BLOB', RANDOM_40, 'its value is a long high-entropy string'],
  ])('flags %s when it holds a credential (%#)', (name, value, reason) => {
    expect(credentialSignal(name, value)).toBe(reason);
  });

  it.each([
    ['AWS_ACCESS_KEY_ID', 'some-id'],
    ['SECRET_NAME', 'db-password'],
    ['TOKEN_URL', 'https://oauth2.googleapis.com/token'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['ORDERS_URL', 'https://orders-abc123-ew.a.run.app'],
    ['DATABASE_URL', 'postgres://10.0.0.5:5432/shop'],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/sa.json'],
    ['DB_PASSWORD', ''],
    ['USE_TOKEN', 'true'],
    ['API_TOKEN', '$(API_TOKEN)'],
    ['API_SECRET', '$API_SECRET'],
    ['DB_PASSWORD', 'projects/123/secrets/db-password/versions/3'],
    ['CACHE_KEY', 'users'],
    ['PUBLIC_KEY', 'x9f8e7d6c5b4a3210x9f8e7d6c5b4a3210'],
    ['RECAPTCHA_SITE_KEY', 'x9f8e7d6c5b4a3210'],
    ['COMMIT_SHA', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ['REQUEST_ID', '123e4567-e89b-12d3-a456-426614174000'],
    ['LOG_LEVEL', 'debug'],
    ['IMAGE', 'europe-docker.pkg.dev/p1/apps/orders@sha256:0123456789abcdef0123456789abcdef'],
    ['PASS_THROUGH', 'enabled-for-all-regions'],
  ])('does not flag %s when it holds a non-secret (%#)', (name, value) => {
    expect(credentialSignal(name, value)).toBeUndefined();
  });

  it('never quotes the value in its reason', () => {
    const value = fake('sk_', 'live_', 'ZZZZZZZZZZZZZZZZZZZZ');
    expect(credentialSignal('X', value)).not.toContain('ZZZZ');
  });
});
