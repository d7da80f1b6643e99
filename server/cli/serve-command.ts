import { parseArgs } from 'node:util';
import { collect } from '../collect/collect.ts';
import { parseConfig } from '../config.ts';
import { analyze } from '../core/analyze.ts';
import { createApp } from '../http/create-app.ts';
import type { AuthGate } from '../http/iap-gate.ts';
import { serveApp } from '../http/serve-app.ts';
import { SnapshotStore } from '../http/snapshot-store.ts';
import { GoogleObservabilityService } from '../observe/observability-service.ts';
import { RANGES } from '../observe/time-ranges.ts';
import { webRootPath } from '../paths.ts';
import { IapKeyStore } from '../security/iap-keys.ts';
import { IapVerifier } from '../security/iap-verifier.ts';
import { loadPolicyOption } from './load-policy-option.ts';
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
      policy: { type: 'string' },
    },
    strict: true,
  });
  const env = { ...process.env };
  if (values.port !== undefined) env.PORT = values.port;
  const config = parseConfig(env);
  const auth = authGate(config);
  const policy = await loadPolicyOption(values.policy ?? config.RUNMAP_POLICY);
  // Deployed, the projects come from the environment (RUNMAP_PROJECTS); flags win.
  const source = await openSource(
    values.world || values.project?.length || !config.RUNMAP_PROJECTS
      ? values
      : { ...values, project: config.RUNMAP_PROJECTS },
  );
  const store = new SnapshotStore({
    source: source.description,
    projects: source.projects,
    refreshSeconds: config.RUNMAP_REFRESH_SECONDS,
    collect: (onProgress) =>
      // The source holds every adapter collect() takes: Run, Resource Manager, Pub/Sub, Scheduler, Tasks, Compute.
      collect({
        ...source,
        concurrency: config.RUNMAP_CONCURRENCY,
        trafficWindowMinutes: RANGES[config.RUNMAP_TRAFFIC_WINDOW].seconds / 60,
        onProgress,
      }),
    analyze: (inventory) => analyze(inventory, policy),
    onError: (error) => log({ severity: 'ERROR', message: `collection failed: ${String(error)}` }),
  });
  const app = createApp({
    store,
    webRoot: webRootPath(),
    log,
    auth,
    ...(config.GOOGLE_CLOUD_PROJECT ? { projectId: config.GOOGLE_CLOUD_PROJECT } : {}),
    // Panels read Logging, Monitoring and Trace on demand, never on the map's path.
    observability: new GoogleObservabilityService({
      logging: source.logging,
      monitoring: source.monitoring,
      trace: source.trace,
      ...(source.trafficUntil ? { now: source.trafficUntil } : {}),
    }),
  });
  store.start();
  try {
    await serveApp(app, {
      port: config.PORT,
      host: config.host,
      log,
      onClose: async () => {
        await store.stop();
        await source.close();
      },
    });
    // The first panel would otherwise wait a second for the Logging and Monitoring libraries to load.
    source
      .warmUp?.()
      .catch((error: unknown) =>
        log({ severity: 'WARNING', message: `observability clients failed to load: ${String(error)}` }),
      );
  } catch (error) {
    log({
      severity: 'ERROR',
      message: `cannot listen on ${config.host}:${config.PORT}: ${(error as Error).message}`,
    });
    process.exit(1);
  }
  log({
    severity: 'INFO',
    message: `runmap serving ${source.description} at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.PORT}`,
    auth: auth.mode,
  });
  if (auth.mode === 'disabled') {
    log({
      severity: 'WARNING',
      message:
        'RUNMAP_AUTH=disabled: the IAP gate is off and anyone who can reach this server sees the estate',
    });
  } else if (auth.mode === 'local' && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    log({
      severity: 'WARNING',
      message: `no IAP audience is configured and runmap listens on ${config.host}: set RUNMAP_IAP_AUDIENCE`,
    });
  }
}

/** The IAP gate the configuration asks for; keys are fetched on the first request. */
function authGate(config: ReturnType<typeof parseConfig>): AuthGate {
  if (config.auth.mode !== 'iap') return { mode: config.auth.mode };
  const keys = new IapKeyStore({
    ...(config.auth.jwksUrl ? { url: config.auth.jwksUrl } : {}),
    onFetch: ({ ok, keys: count, error }) =>
      log(
        ok
          ? { severity: 'INFO', message: `fetched ${count} IAP public keys` }
          : { severity: 'ERROR', message: `cannot fetch IAP public keys: ${error}` },
      ),
  });
  return {
    mode: 'iap',
    verifier: new IapVerifier({
      audiences: config.auth.audiences,
      getKey: keys.getKey,
      allowedDomains: config.auth.allowedDomains,
    }),
  };
}
