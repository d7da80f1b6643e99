import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { IAP_ISSUER } from '../iap-verifier.ts';

/** The audience the fixture's tokens carry unless told otherwise. */
export const TEST_AUDIENCE = '/projects/123456789012/global/backendServices/987654321';

type Claims = Record<string, unknown>;

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** A key pair of ours standing in for IAP's (ES256 unless told otherwise). */
export async function aSigningKey(kid: string, alg = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** Signs an assertion shaped like IAP's; `claims` override or (with undefined) remove defaults. */
export async function anAssertion(
  key: SigningKey,
  claims: Claims = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Claims = {
    iss: IAP_ISSUER,
    aud: TEST_AUDIENCE,
    sub: 'accounts.google.com:1234567890',
    email: 'ada@example.com',
    hd: 'example.com',
    iat: now,
    exp: now + 600,
    ...claims,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

/** A JWKS served on 127.0.0.1 that counts its requests; `keys` may be changed to rotate. */
export interface JwksServer {
  url: string;
  keys: JWK[];
  hits: number;
  status: number;
  close(): Promise<void>;
}

export async function startJwksServer(keys: JWK[]): Promise<JwksServer> {
  const state = { keys, hits: 0, status: 200 };
  const server: Server = createServer((_req, res) => {
    state.hits += 1;
    res.writeHead(state.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(state.status === 200 ? { keys: state.keys } : { error: 'unavailable' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/iap/verify/public_key-jwk`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
