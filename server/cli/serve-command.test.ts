import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../paths.ts';
import {
  anAssertion,
  aSigningKey,
  type JwksServer,
  type SigningKey,
  startJwksServer,
  TEST_AUDIENCE,
} from '../security/testing/iap-fixture.ts';

// `runmap serve` as Cloud Run starts it: a child process configured by the environment alone.
const root = packageRoot();
const tiny = path.join(root, 'server/fake-google/worlds/tiny.world.json');
const cli = ['--import', 'tsx', 'server/main.ts', 'serve', '--world', tiny];
const clean = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('RUNMAP_') && k !== 'K_SERVICE'),
);

/** `runmap serve` on loopback as on Cloud Run (K_SERVICE set, no refresh timer), its log on stderr. */
const spawnServe = (port: number, env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, [...cli, '--port', String(port)], {
    cwd: root,
    env: {
      ...clean,
      NODE_NO_WARNINGS: '1',
      K_SERVICE: 'runmap',
      RUNMAP_HOST: '127.0.0.1',
      RUNMAP_REFRESH_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

describe('runmap serve on Cloud Run', () => {
  it.each([
    ['K_SERVICE set and no audience', { K_SERVICE: 'runmap' }],
    ['RUNMAP_AUTH=iap and no audience', { RUNMAP_AUTH: 'iap' }],
  ])('refuses to start with %s, naming RUNMAP_IAP_AUDIENCE', async (_what, env) => {
    const error = (await promisify(execFile)(process.execPath, cli, {
      cwd: root,
      env: { ...clean, NODE_NO_WARNINGS: '1', PORT: '1', ...env },
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/RUNMAP_IAP_AUDIENCE is not set/);
  });

  describe('with an audience and a JWKS of our own', () => {
    let key: SigningKey;
    let jwks: JwksServer;
    let child: ChildProcess;
    let base: string;
    const logs: string[] = [];

    beforeAll(async () => {
      key = await aSigningKey('k1');
      jwks = await startJwksServer([key.jwk]);
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      child = spawnServe(port, {
        RUNMAP_IAP_AUDIENCE: TEST_AUDIENCE,
        RUNMAP_IAP_JWKS_URL: jwks.url,
        GOOGLE_CLOUD_PROJECT: 'runmap-prod',
      });
      child.stderr?.on('data', (c: Buffer) => logs.push(c.toString()));
      base = `http://127.0.0.1:${port}`;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
        if (
          await fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`runmap serve did not start: ${logs.join('')}`);
    });
    afterAll(async () => {
      child.kill('SIGTERM');
      await jwks.close();
    });

    it('serves /healthz, refuses the rest without an assertion, and accepts a valid one', async () => {
      expect((await fetch(`${base}/api/status`)).status).toBe(401);
      expect((await fetch(`${base}/`)).status).toBe(401);
      const res = await fetch(`${base}/api/session`, {
        headers: { 'x-goog-iap-jwt-assertion': await anAssertion(key) },
      });
      expect(await res.json()).toEqual({ mode: 'iap', email: 'ada@example.com', authDisabled: false });
      expect(logs.join('')).toMatch(/"auth":"iap"/);
    });
  });

  it('warns in the log when RUNMAP_AUTH=disabled', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawnServe(port, { RUNMAP_AUTH: 'disabled' });
    let out = '';
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    // Wait until it serves, so both the warning and the start line are in the log.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !out.includes('runmap serving'); ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGTERM');
    const warning = out.split('\n').find((l) => l.includes('RUNMAP_AUTH=disabled')) ?? '';
    expect(JSON.parse(warning)).toMatchObject({ severity: 'WARNING' });
    expect(out).toContain('runmap serving');
  });
});
