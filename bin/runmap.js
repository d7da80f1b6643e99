#!/usr/bin/env node
// The package's bin: runs the built server (npm install builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('runmap: the server is not built; run `npm run build` in the runmap folder first.\n');
  process.exit(2);
}
await import(entry.href);
