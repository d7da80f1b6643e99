#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatAuditTable } from './cli/format-audit-table.ts';
import { collect } from './collect/collect.ts';
import { ConfigError, parseConfig } from './config.ts';
import { analyze } from './core/analyze.ts';
import { auditReport } from './core/audit-report.ts';
import { createApp } from './http/create-app.ts';
import { SnapshotStore } from './http/snapshot-store.ts';
import { demoWorldPath, webRootPath } from './paths.ts';
import { googleSource, type Source, worldSource } from './sources.ts';

const USAGE = `runmap — map and audit a Google Cloud Run estate

Usage:
  runmap serve [--world FILE | --project P ...] [--port N]
      Serve the console. With no source, the embedded demo world.
  runmap audit [--world FILE | --project P ...] [--format json|table]
      Collect once and print the audit.

Environment: PORT, RUNMAP_HOST, RUNMAP_REFRESH_SECONDS, RUNMAP_CONCURRENCY.`;

/** Bad flags: printed with the usage, exit code 2. */
class UsageError extends Error {}
/** An unreadable or malformed input file: printed alone, exit code 2. */
class InputFileError extends Error {}

function log(entry: { severity: string; message: string; [k: string]: unknown }): void {
  process.stderr.write(`${JSON.stringify({ ...entry, time: new Date().toISOString() })}\n`);
}

async function openSource(values: { world?: string; project?: string[] }): Promise<Source> {
  if (values.world && values.project?.length)
    throw new UsageError('give either --world or --project, not both');
  if (values.project?.length) {
    const bad = values.project.find((p) => !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(p));
    if (bad) throw new UsageError(`--project ${JSON.stringify(bad)} is not a Google Cloud project ID`);
    return googleSource(values.project);
  }
  const file = values.world ?? demoWorldPath();
  try {
    return await worldSource(file, values.world ? undefined : 'demo world');
  } catch (error) {
    // A world that cannot be read or is malformed is the user's input: name the file and the problem.
    throw new InputFileError(
      `cannot use world ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function serve(args: string[]): Promise<void> {
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

async function audit(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      world: { type: 'string' },
      project: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
    },
    strict: true,
  });
  if (!['json', 'table'].includes(values.format ?? '')) {
    throw new UsageError(`--format must be json or table, got ${JSON.stringify(values.format)}`);
  }
  const config = parseConfig(process.env);
  const source = await openSource(values);
  try {
    const inventory = await collect({
      projects: source.projects,
      run: source.run,
      resourceManager: source.resourceManager,
      concurrency: config.RUNMAP_CONCURRENCY,
    });
    const report = auditReport(analyze(inventory));
    process.stdout.write(
      values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAuditTable(report),
    );
    return 0;
  } finally {
    await source.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'serve') {
    await serve(rest);
    return -1; // keeps running
  }
  if (command === 'audit') return audit(rest);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}`);
}

/** Flags, config and input files: the user can fix these, so they get their message alone and exit code 2. */
function isInputError(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code;
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof InputFileError ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (isInputError(error)) {
      process.stderr.write(`runmap: ${error.message}\n`);
      if (!(error instanceof ConfigError || error instanceof InputFileError))
        process.stderr.write(`\n${USAGE}\n`);
    } else {
      process.stderr.write(`runmap: ${String((error as Error)?.stack ?? error)}\n`);
    }
    process.exitCode = 2;
  },
);
