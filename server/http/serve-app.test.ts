import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../paths.ts';

// Graceful shutdown, as Cloud Run does it: SIGTERM to a child process with a request in flight.
const root = packageRoot();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startChild(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; logs: Record<string, unknown>[]; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (typeof entry.port === 'number') resolve(entry.port);
          const m = /serving .* at http:\/\/127\.0\.0\.1:(\d+)/.exec(String(entry.message));
          if (m) resolve(Number(m[1]));
        } catch {
          // not a log line
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited ${code} before listening: ${buffer}`)));
  });
  return { child, logs, port };
}

const exitOf = (child: ChildProcess) =>
  once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

describe('serveApp shutdown on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0', async () => {
    const { child, logs, port } = await startChild(['server/http/testing/slow-app.ts']);
    const inflight = fetch(`http://127.0.0.1:${port}/slow?ms=1500`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = Date.now();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`http://127.0.0.1:${port}/fast`)).rejects.toThrow();

    const res = await inflight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    const [code] = await exited;
    const elapsed = Date.now() - sent;
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(5_000);
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining(['SIGTERM received: finishing in-flight requests', 'onClose ran']),
    );
    console.info(`graceful shutdown with a 1.5 s request in flight: exited ${elapsed} ms after SIGTERM`);
  });

  it('gives up on a request that outlives the timeout and exits 1', async () => {
    const { child, port } = await startChild(['server/http/testing/slow-app.ts'], {
      SHUTDOWN_TIMEOUT_MS: '800',
    });
    const hung = fetch(`http://127.0.0.1:${port}/slow?ms=60000`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = Date.now();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(1);
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(await hung).toBeInstanceOf(Error);
  });

  it('stops `runmap serve` on SIGTERM well within Cloud Run’s 10 s', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const world = path.join(root, 'server/fake-google/worlds/tiny.world.json');
    const { child } = await startChild(
      ['server/main.ts', 'serve', '--world', world, '--port', String(port)],
      {
        RUNMAP_REFRESH_SECONDS: '0',
      },
    );
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const sent = Date.now();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    const elapsed = Date.now() - sent;
    expect(elapsed).toBeLessThan(9_000);
    console.info(`runmap serve exited ${elapsed} ms after SIGTERM`);
  });
});
