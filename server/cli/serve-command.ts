import { parseArgs } from 'node:util';
import { collect } from '../collect/collect.ts';
import { parseConfig } from '../config.ts';
import { analyze } from '../core/analyze.ts';
import { createApp } from '../http/create-app.ts';
import { SnapshotStore } from '../http/snapshot-store.ts';
import { webRootPath } from '../paths.ts';
import { log } from './log.ts';
import { openSource } from './open-source.ts';

/** `runmap serve`: collect in the background and serve the console until SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      world: { type: 'string' },
      project: { type: 'string', multiple: true },
      port: { type: 'string' },
    },
    strict: true,
  });
  const env = { ...process.env };
  if (values.port !== undefined) env.PORT = values.port;
  const config = parseConfig(env);
  const source = await openSource(values);
  const store = new SnapshotStore({
    source: source.description,
    projects: source.projects,
    refreshSeconds: config.RUNMAP_REFRESH_SECONDS,
    collect: (onProgress) =>
      collect({
        projects: source.projects,
        run: source.run,
        resourceManager: source.resourceManager,
        concurrency: config.RUNMAP_CONCURRENCY,
        onProgress,
      }),
    analyze,
    onError: (error) => log({ severity: 'ERROR', message: `collection failed: ${String(error)}` }),
  });
  const app = createApp({ store, webRoot: webRootPath(), log });
  store.start();
  const server = app.listen(config.PORT, config.host, () => {
    log({
      severity: 'INFO',
      message: `runmap serving ${source.description} at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.PORT}`,
    });
  });
  server.on('error', (error) => {
    log({ severity: 'ERROR', message: `cannot listen on ${config.host}:${config.PORT}: ${error.message}` });
    process.exit(1);
  });
  const shutdown = () => {
    server.close(async () => {
      await store.stop();
      await source.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
