/**
 * Measures what the IAP gate costs per request: the same route through createApp with the gate off
 * and on (ES256 verification with cached keys), sequential requests over keep-alive on loopback.
 * Run: npx tsx scripts/bench-iap-gate.ts
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/http/create-app.ts';
import type { AuthGate } from '../server/http/iap-gate.ts';
import type { SnapshotStore } from '../server/http/snapshot-store.ts';
import { IapKeyStore } from '../server/security/iap-keys.ts';
import { IapVerifier } from '../server/security/iap-verifier.ts';
import {
  anAssertion,
  aSigningKey,
  startJwksServer,
  TEST_AUDIENCE,
} from '../server/security/testing/iap-fixture.ts';

const N = 3000;
const key = await aSigningKey('bench');
const jwks = await startJwksServer([key.jwk]);
const token = await anAssertion(key);
const store = {} as SnapshotStore;

async function perRequestMicros(auth: AuthGate): Promise<number> {
  const server = createApp({ store, auth }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/session`;
  const headers = { 'x-goog-iap-jwt-assertion': token };
  for (let i = 0; i < 200; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer();
  }
  const micros = Number(process.hrtime.bigint() - start) / 1000 / N;
  await new Promise((resolve) => server.close(resolve));
  return micros;
}

const verifier = new IapVerifier({
  audiences: [TEST_AUDIENCE],
  getKey: new IapKeyStore({ url: jwks.url }).getKey,
});
await verifier.verify(token);
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) await verifier.verify(token);
const verifyMicros = Number(process.hrtime.bigint() - start) / 1000 / N;

// Interleaved rounds, best of each, so JIT warm-up and noise do not favour either side.
const offs: number[] = [];
const ons: number[] = [];
for (let round = 0; round < 4; round++) {
  offs.push(await perRequestMicros({ mode: 'local' }));
  ons.push(await perRequestMicros({ mode: 'iap', verifier }));
}
const off = Math.min(...offs);
const on = Math.min(...ons);
console.log(`verify() alone: ${verifyMicros.toFixed(0)} µs per assertion`);
console.log(`request without gate: ${off.toFixed(0)} µs, with gate: ${on.toFixed(0)} µs`);
console.log(`gate overhead: ${(on - off).toFixed(0)} µs per request (×${(on / off).toFixed(2)})`);
console.log(`JWKS fetches: ${jwks.hits}`);
await jwks.close();
