import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { base64url } from 'jose';
import {
  anAssertion,
  aSigningKey,
  type JwksServer,
  type SigningKey,
  startJwksServer,
  TEST_AUDIENCE,
} from '../server/security/testing/iap-fixture.ts';
import { type RunmapServer, startRunmap } from './support/runmap-server.ts';
import { watchPage } from './support/watch-page.ts';

// runmap started as on Cloud Run (K_SERVICE set) behind a JWKS of our own on loopback: the browser
// plays IAP by sending x-goog-iap-jwt-assertion, signed with our key.
let key: SigningKey;
let stranger: SigningKey;
let jwks: JwksServer;
let server: RunmapServer;

test.beforeAll(async () => {
  [key, stranger] = await Promise.all([aSigningKey('iap-e2e'), aSigningKey('unknown-kid')]);
  jwks = await startJwksServer([key.jwk]);
  server = await startRunmap({
    port: Number(process.env.RUNMAP_E2E_AUTH_PORT ?? 4519),
    env: {
      K_SERVICE: 'runmap',
      RUNMAP_IAP_AUDIENCE: TEST_AUDIENCE,
      RUNMAP_IAP_JWKS_URL: jwks.url,
      GOOGLE_CLOUD_PROJECT: 'runmap-e2e',
    },
    headers: { 'x-goog-iap-jwt-assertion': await anAssertion(key) },
  });
});
test.afterAll(async () => {
  await server?.stop();
  await jwks?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const handMade = (header: object, sign: (input: string) => string) => {
  const claims = {
    iss: 'https://cloud.google.com/iap',
    aud: TEST_AUDIENCE,
    sub: 's',
    email: 'eve@example.com',
    iat: now(),
    exp: now() + 600,
  };
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  return `${input}.${sign(input)}`;
};

test('from outside: every bad assertion is refused with a JSON 401 and a valid one is served', async ({
  request,
}) => {
  const bad: [string, string | null][] = [
    ['missing', null],
    ['forged (garbage)', 'eyJhbGciOiJFUzI1NiJ9.eyJlbWFpbCI6ImV2ZUBldmlsLmNvbSJ9.c2lnbmF0dXJl'],
    ['expired', await anAssertion(key, { iat: now() - 900, exp: now() - 60 })],
    ['future-dated', await anAssertion(key, { iat: now() + 300, exp: now() + 900 })],
    ['wrong audience', await anAssertion(key, { aud: '/projects/1/global/backendServices/2' })],
    ['wrong issuer', await anAssertion(key, { iss: 'https://evil.example' })],
    ['alg none', handMade({ alg: 'none', kid: 'iap-e2e' }, () => '')],
    [
      'HMAC-confused',
      handMade({ alg: 'HS256', kid: 'iap-e2e' }, (input) =>
        createHmac('sha256', JSON.stringify(key.jwk)).update(input).digest('base64url'),
      ),
    ],
    ['unknown kid', await anAssertion(stranger)],
  ];
  for (const [what, token] of bad) {
    const res = await request.get(`${server.url}/api/graph`, {
      headers: {
        ...(token ? { 'x-goog-iap-jwt-assertion': token } : {}),
        'x-goog-authenticated-user-email': 'accounts.google.com:admin@example.com',
        authorization: `Bearer ${await anAssertion(key)}`,
      },
    });
    expect(res.status(), what).toBe(401);
    expect((await res.json()).error.code, what).toBe('unauthenticated');
  }
  const ok = await request.get(`${server.url}/api/graph`, {
    headers: { 'x-goog-iap-jwt-assertion': await anAssertion(key) },
  });
  expect(ok.status()).toBe(200);
  expect((await request.get(`${server.url}/healthz`)).status()).toBe(200);
});

test('a browser without IAP gets a JSON 401, not the app', async ({ page }) => {
  const res = await page.goto(`${server.url}/map`);
  expect(res?.status()).toBe(401);
  expect(await page.textContent('body')).toContain('"unauthenticated"');
});

test('signed in through IAP: the header shows the identity and the page runs under a strict CSP', async ({
  browser,
}) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-goog-iap-jwt-assertion': await anAssertion(key, { email: 'ada@example.com' }) },
  });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const res = await page.goto(`${server.url}/map`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(res?.headers()['x-content-type-options']).toBe('nosniff');

  await expect(page.locator('header')).toContainText('ada@example.com');
  // The map is laid out by a module worker: nodes on screen mean the worker ran under the CSP too.
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.locator('.react-flow__node[data-id^="projects/"]').first().click();
  await expect(page.getByRole('complementary', { name: 'Service details' })).toBeVisible();
  await page.goto(`${server.url}/findings`);
  await expect(page.locator('tr[data-finding-id]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/artifacts/signed-in.png' });
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
  await context.close();
});

test('RUNMAP_AUTH=disabled on Cloud Run serves with a banner saying so', async ({ page }) => {
  const open = await startRunmap({
    port: Number(process.env.RUNMAP_E2E_DISABLED_PORT ?? 4520),
    world: 'server/fake-google/worlds/tiny.world.json',
    env: { K_SERVICE: 'runmap', RUNMAP_AUTH: 'disabled' },
  });
  try {
    await page.goto(`${open.url}/map`);
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in is disabled' })).toBeVisible();
    await page.screenshot({ path: 'test-results/artifacts/auth-disabled.png' });
    expect(open.logs.join('\n')).toMatch(/"severity":"WARNING".*RUNMAP_AUTH=disabled/);
  } finally {
    await open.stop();
  }
});
