import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/api.ts';
import { sessionSchema } from '../../shared/session.ts';
import { IapKeyStore } from '../security/iap-keys.ts';
import { IapVerifier } from '../security/iap-verifier.ts';
import {
  anAssertion,
  aSigningKey,
  type JwksServer,
  type SigningKey,
  startJwksServer,
} from '../security/testing/iap-fixture.ts';
import { createApp } from './create-app.ts';
import type { AuthGate } from './iap-gate.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { listening } from './testing/listening.ts';

// The real app behind the gate, with a JWKS of our own on loopback; the store is a stub because the
// gate runs before any route reads it.
const store = {
  current: () => null,
  status: () => {
    throw new Error('secret detail /home/runmap/stack');
  },
} as unknown as SnapshotStore;

let key: SigningKey;
let jwks: JwksServer;
let logs: Record<string, unknown>[];
const servers: Server[] = [];

async function start(auth: AuthGate): Promise<string> {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'runmap-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>runmap</title>');
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');
  const app = createApp({ store, webRoot, auth, projectId: 'runmap-prod', log: (e) => logs.push(e) });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  return listening(server);
}

const iapGate = (allowedDomains: string[] = []): AuthGate => ({
  mode: 'iap',
  verifier: new IapVerifier({
    audiences: ['/projects/123456789012/global/backendServices/987654321'],
    getKey: new IapKeyStore({ url: jwks.url }).getKey,
    allowedDomains,
  }),
});

let base: string;
beforeAll(async () => {
  key = await aSigningKey('iap-1');
  jwks = await startJwksServer([key.jwk]);
  base = await start(iapGate());
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await jwks.close();
});
beforeEach(() => {
  logs = [];
});

describe('the IAP gate', () => {
  it('leaves /healthz open', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });

  it.each(['/', '/map', '/assets/app.js', '/api/session', '/api/graph', '/api/nothing', '/favicon.svg'])(
    'answers %s without an assertion with a JSON 401',
    async (route) => {
      const res = await fetch(`${base}${route}`);
      expect(res.status).toBe(401);
      expect(apiErrorSchema.parse(await res.json()).error.code).toBe('unauthenticated');
    },
  );

  it('never trusts x-goog-authenticated-user-* or Authorization', async () => {
    const res = await fetch(`${base}/api/session`, {
      headers: {
        'x-goog-authenticated-user-email': 'accounts.google.com:admin@example.com',
        'x-goog-authenticated-user-id': 'accounts.google.com:1',
        authorization: `Bearer ${await anAssertion(key)}`,
      },
    });
    expect(res.status).toBe(401);
  });

  it('serves a request with a valid assertion, taking the identity from it alone', async () => {
    const res = await fetch(`${base}/api/session`, {
      headers: {
        'x-goog-iap-jwt-assertion': await anAssertion(key, { email: 'ada@example.com' }),
        'x-goog-authenticated-user-email': 'accounts.google.com:admin@example.com',
      },
    });
    expect(res.status).toBe(200);
    expect(sessionSchema.parse(await res.json())).toEqual({
      mode: 'iap',
      email: 'ada@example.com',
      authDisabled: false,
    });
    const page = await fetch(`${base}/map`, {
      headers: { 'x-goog-iap-jwt-assertion': await anAssertion(key) },
    });
    expect(page.status).toBe(200);
  });

  it('logs a denial as a warning with the reason and the request trace, never the token', async () => {
    const token = await anAssertion(key, { aud: '/projects/1/global/backendServices/2' });
    const res = await fetch(`${base}/api/graph`, {
      headers: {
        'x-goog-iap-jwt-assertion': token,
        'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/10;o=1',
      },
    });
    expect(res.status).toBe(401);
    expect(logs).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        message: expect.stringMatching(/denied GET \/api\/graph: .*aud check failed/),
        'logging.googleapis.com/trace': 'projects/runmap-prod/traces/105445aa7843bc8bf206b12000100000',
        'logging.googleapis.com/spanId': '000000000000000a',
        'logging.googleapis.com/trace_sampled': true,
      }),
    ]);
    expect(JSON.stringify(logs)).not.toContain(token.split('.')[2]);
  });

  it('answers 403 to an identity outside the allowed domains', async () => {
    const restricted = await start(iapGate(['example.com']));
    const outsider = await fetch(`${restricted}/api/session`, {
      headers: {
        'x-goog-iap-jwt-assertion': await anAssertion(key, { email: 'eve@evil.com', hd: 'evil.com' }),
      },
    });
    expect(outsider.status).toBe(403);
    expect(apiErrorSchema.parse(await outsider.json()).error.code).toBe('forbidden');
    const insider = await fetch(`${restricted}/api/session`, {
      headers: { 'x-goog-iap-jwt-assertion': await anAssertion(key) },
    });
    expect(insider.status).toBe(200);
  });

  it.each([
    ['disabled', { mode: 'disabled', email: null, authDisabled: true }],
    ['local', { mode: 'local', email: null, authDisabled: true }],
  ] as const)('reports the session when the gate is %s', async (mode, session) => {
    const open = await start({ mode });
    const res = await fetch(`${open}/api/session`);
    expect(sessionSchema.parse(await res.json())).toEqual(session);
  });
});

describe('hardening', () => {
  let open: string;
  beforeAll(async () => {
    open = await start({ mode: 'local' });
  });

  it('sends a strict CSP, HSTS, nosniff and no framing on pages, API answers and errors', async () => {
    for (const route of ['/map', '/api/session', '/api/nothing', '/healthz']) {
      const res = await fetch(`${open}${route}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['script-src'], route).toEqual(["'self'"]);
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}; includeSubDomains/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a body over 16 kB with a JSON 413', async () => {
    const res = await fetch(`${open}/api/refresh`, { method: 'POST', body: 'x'.repeat(17_000) });
    expect(res.status).toBe(413);
    expect(apiErrorSchema.parse(await res.json()).error.code).toBe('entity.too.large');
  });

  it('refuses a URL over 8 kB with a JSON 414', async () => {
    const res = await fetch(`${open}/api/services/${'a'.repeat(9000)}`);
    expect(res.status).toBe(414);
    apiErrorSchema.parse(await res.json());
  });

  it('answers an unexpected error with a JSON 500 without stack or detail, and logs it with the trace', async () => {
    const res = await fetch(`${open}/api/status`, {
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe('internal');
    expect(text).not.toMatch(/secret detail|\/home|at [A-Za-z]+ \(/);
    expect(logs[0]).toMatchObject({
      severity: 'ERROR',
      'logging.googleapis.com/trace': 'projects/runmap-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });
});
