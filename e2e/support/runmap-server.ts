import { type ChildProcess, spawn } from 'node:child_process';

/** A `runmap serve` of the built package on loopback, started by a spec for its own world or config. */
export interface RunmapServer {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startRunmap(options: {
  port: number;
  world?: string;
  env?: Record<string, string>;
  /** Headers for the readiness checks (an IAP assertion when the gate is on). */
  headers?: Record<string, string>;
}): Promise<RunmapServer> {
  const args = ['bin/runmap.js', 'serve', '--port', String(options.port)];
  if (options.world) args.push('--world', options.world);
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_NO_WARNINGS: '1',
      RUNMAP_HOST: '127.0.0.1',
      RUNMAP_REFRESH_SECONDS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`runmap exited ${child.exitCode}: ${logs.join('\n')}`);
    const status = await fetch(`${url}/api/status`, { headers: options.headers ?? {} })
      .then((r) => (r.ok ? (r.json() as Promise<{ snapshotAt: string | null }>) : null))
      .catch(() => null);
    if (status?.snapshotAt) return { url, logs, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`runmap did not collect a snapshot within 30 s: ${logs.join('\n')}`);
}
