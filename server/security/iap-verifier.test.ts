import { createHmac } from 'node:crypto';
import { base64url } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, KeysUnavailableError, UnauthenticatedError } from './auth-errors.ts';
import { IapKeyStore } from './iap-keys.ts';
import { IapVerifier } from './iap-verifier.ts';
import {
  anAssertion,
  aSigningKey,
  type JwksServer,
  type SigningKey,
  startJwksServer,
  TEST_AUDIENCE,
} from './testing/iap-fixture.ts';

// Keys of our own, served as a JWKS on loopback: the verifier fetches them as it would IAP's.
let iap: SigningKey;
let other: SigningKey;
let p384: SigningKey;
let rsa: SigningKey;
let jwks: JwksServer;
let clock: number;
let keys: IapKeyStore;

const verifier = (options: { audiences?: string[]; allowedDomains?: string[] } = {}) =>
  new IapVerifier({
    audiences: options.audiences ?? [TEST_AUDIENCE],
    allowedDomains: options.allowedDomains ?? [],
    getKey: keys.getKey,
    now: () => clock,
  });
const now = () => Math.floor(clock / 1000);

beforeAll(async () => {
  [iap, other, p384, rsa] = await Promise.all([
    aSigningKey('iap-1'),
    aSigningKey('iap-1'), // same kid, different key: a forgery
    aSigningKey('p384', 'ES384'),
    aSigningKey('rsa', 'RS256'),
  ]);
  jwks = await startJwksServer([]);
});
afterAll(() => jwks.close());
beforeEach(() => {
  jwks.keys = [iap.jwk, p384.jwk, rsa.jwk];
  jwks.hits = 0;
  jwks.status = 200;
  clock = Date.now();
  keys = new IapKeyStore({ url: jwks.url, now: () => clock });
});

/** An unsecured or HMAC token with the header we choose, built by hand as an attacker would. */
function handMade(header: object, payload: object, sign: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  return `${input}.${sign(input)}`;
}
const claims = () => ({
  iss: 'https://cloud.google.com/iap',
  aud: TEST_AUDIENCE,
  sub: 'accounts.google.com:1',
  email: 'eve@example.com',
  iat: now(),
  exp: now() + 600,
});

describe('IapVerifier', () => {
  it('accepts a valid assertion and returns the identity', async () => {
    const token = await anAssertion(iap, { iat: now(), exp: now() + 600 });
    await expect(verifier().verify(token)).resolves.toEqual({
      email: 'ada@example.com',
      subject: 'accounts.google.com:1234567890',
      hostedDomain: 'example.com',
    });
  });

  it('accepts any audience of the configured list (load balancer or Cloud Run form)', async () => {
    const cloudRun = '/projects/123456789012/locations/europe-west1/services/runmap';
    const token = await anAssertion(iap, { aud: cloudRun, iat: now(), exp: now() + 600 });
    await expect(verifier({ audiences: [TEST_AUDIENCE, cloudRun] }).verify(token)).resolves.toMatchObject({
      email: 'ada@example.com',
    });
  });

  it.each([
    ['within the 30 s skew after exp', -300, -20],
    ['an iat within the 30 s skew ahead', 20, 300],
  ])('accepts %s', async (_what, iat, exp) => {
    const token = await anAssertion(iap, { iat: now() + iat, exp: now() + exp });
    await expect(verifier().verify(token)).resolves.toBeTruthy();
  });

  const refusals: [string, () => Promise<string | undefined>, RegExp][] = [
    ['a missing header', async () => undefined, /missing x-goog-iap-jwt-assertion/],
    ['garbage', async () => 'not.a.jwt', /malformed/],
    ['an oversized token', async () => 'a'.repeat(9000), /too long/],
    [
      'the wrong issuer',
      () => anAssertion(iap, { iss: 'https://accounts.google.com', iat: now(), exp: now() + 600 }),
      /iss check failed/,
    ],
    [
      'the wrong audience',
      () => anAssertion(iap, { aud: '/projects/1/global/backendServices/2', iat: now(), exp: now() + 600 }),
      /aud check failed/,
    ],
    [
      'an expired token (beyond skew)',
      () => anAssertion(iap, { iat: now() - 700, exp: now() - 31 }),
      /expired/,
    ],
    [
      'an iat in the future beyond skew',
      () => anAssertion(iap, { iat: now() + 31, exp: now() + 600 }),
      /iat check failed/,
    ],
    ['no exp', () => anAssertion(iap, { exp: undefined, iat: now() }), /exp/],
    ['no email', () => anAssertion(iap, { email: undefined, iat: now(), exp: now() + 600 }), /email/],
    [
      'ES384 (wrong alg, key in the JWKS)',
      () => anAssertion(p384, { iat: now(), exp: now() + 600 }),
      /not signed with ES256/,
    ],
    [
      'RS256 (wrong alg, key in the JWKS)',
      () => anAssertion(rsa, { iat: now(), exp: now() + 600 }),
      /not signed with ES256/,
    ],
    [
      'a forged signature under a known kid',
      () => anAssertion(other, { iat: now(), exp: now() + 600 }),
      /signature does not verify/,
    ],
    [
      'alg none',
      async () => handMade({ alg: 'none', kid: 'iap-1' }, claims(), () => ''),
      /not signed with ES256/,
    ],
    [
      'HMAC signed with the public key (alg confusion)',
      async () =>
        handMade({ alg: 'HS256', kid: 'iap-1' }, claims(), (input) =>
          createHmac('sha256', JSON.stringify(iap.jwk)).update(input).digest('base64url'),
        ),
      /not signed with ES256/,
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await anAssertion(iap, { iat: now(), exp: now() + 600 })).split('.');
        return `${h}.${base64url.encode(JSON.stringify({ ...claims(), email: 'root@example.com' }))}.${s}`;
      },
      /signature does not verify/,
    ],
  ];
  it.each(refusals)('refuses %s with 401', async (_what, token, reason) => {
    const error = await verifier()
      .verify(await token())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as Error).message).toMatch(reason);
  });

  it('refetches the JWKS on an unknown kid at most once a minute, then picks up a rotated key', async () => {
    const rotated = await aSigningKey('iap-2');
    const v = verifier();
    await v.verify(await anAssertion(iap, { iat: now(), exp: now() + 600 }));
    expect(jwks.hits).toBe(1);

    // An unknown kid right after a fetch: refused without asking the JWKS again (cooldown).
    const unknown = await anAssertion(rotated, { iat: now(), exp: now() + 600 });
    await expect(v.verify(unknown)).rejects.toThrow(/unknown key/);
    for (let i = 0; i < 5; i++) await expect(v.verify(unknown)).rejects.toThrow(/unknown key/);
    expect(jwks.hits).toBe(1);

    // IAP rotates; a minute later the unknown kid triggers one refetch and passes.
    jwks.keys = [iap.jwk, rotated.jwk];
    clock += 60_000;
    const later = await anAssertion(rotated, { iat: now(), exp: now() + 600 });
    await expect(v.verify(later)).resolves.toMatchObject({ email: 'ada@example.com' });
    expect(jwks.hits).toBe(2);

    // Forged kids keep being refused, and still cost at most one fetch a minute.
    const forged = await anAssertion(await aSigningKey('forged'), { iat: now(), exp: now() + 600 });
    clock += 30_000;
    await expect(v.verify(forged)).rejects.toThrow(/unknown key/);
    expect(jwks.hits).toBe(2);
    clock += 30_000;
    await expect(v.verify(forged)).rejects.toThrow(/unknown key/);
    expect(jwks.hits).toBe(3);
  });

  it('shares one JWKS fetch between concurrent first requests', async () => {
    const token = await anAssertion(iap, { iat: now(), exp: now() + 600 });
    const v = verifier();
    await Promise.all(Array.from({ length: 10 }, () => v.verify(token)));
    expect(jwks.hits).toBe(1);
  });

  it('fails closed with KeysUnavailableError when the JWKS cannot be fetched', async () => {
    jwks.status = 500;
    const error = await verifier()
      .verify(await anAssertion(iap, { iat: now(), exp: now() + 600 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeysUnavailableError);
  });

  it('keeps the cached keys when a refresh fails', async () => {
    const v = verifier();
    await v.verify(await anAssertion(iap, { iat: now(), exp: now() + 600 }));
    jwks.status = 500;
    clock += 2 * 60 * 60_000; // past the cache's max age
    await expect(v.verify(await anAssertion(iap, { iat: now(), exp: now() + 600 }))).resolves.toBeTruthy();
    expect(jwks.hits).toBe(2);
  });

  it.each([
    ['admits a listed hd', { hd: 'example.com', email: 'ada@example.com' }, ['example.com'], true],
    [
      'admits a listed email domain without hd',
      { hd: undefined, email: 'ada@partner.org' },
      ['partner.org'],
      true,
    ],
    [
      'compares domains case-insensitively',
      { hd: 'Example.COM', email: 'ada@example.com' },
      ['example.com'],
      true,
    ],
    ['refuses another domain', { hd: 'evil.com', email: 'eve@evil.com' }, ['example.com'], false],
    [
      'refuses a lookalike subdomain',
      { hd: undefined, email: 'eve@example.com.evil.com' },
      ['example.com'],
      false,
    ],
  ])('domain restriction %s', async (_what, identity, allowedDomains, admitted) => {
    const token = await anAssertion(iap, { ...identity, iat: now(), exp: now() + 600 });
    const result = verifier({ allowedDomains })
      .verify(token)
      .catch((e: unknown) => e);
    if (admitted) await expect(result).resolves.toMatchObject({ email: identity.email });
    else expect(await result).toBeInstanceOf(ForbiddenError);
  });
});
