#!/usr/bin/env node
import { auditCommand } from './cli/audit-command.ts';
import { InputFileError, UsageError } from './cli/cli-errors.ts';
import { serveCommand } from './cli/serve-command.ts';
import { ConfigError } from './config.ts';

const USAGE = `runmap — map and audit a Google Cloud Run estate

Usage:
  runmap serve [--world FILE | --project P ...] [--port N] [--policy FILE]
      Serve the console. With no source, the embedded demo world.
  runmap audit [--world FILE | --project P ...] [--format table|json|sarif|markdown]
              [--policy FILE] [--fail-on critical|high|medium|low|info]
      Collect once and print the audit. Exit 0 when no open finding is at or above
      --fail-on, 1 when one is, 2 on bad flags or an unreadable world or policy.

Environment: PORT, RUNMAP_HOST, RUNMAP_REFRESH_SECONDS, RUNMAP_TRAFFIC_WINDOW, RUNMAP_CONCURRENCY,
RUNMAP_POLICY.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'serve') {
    await serveCommand(rest);
    return -1; // keeps running
  }
  if (command === 'audit') return auditCommand(rest);
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
