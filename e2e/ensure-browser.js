#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests is present. Playwright's own download cannot reach
// its servers here, so we use Debian's chromium and install it with apt when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.RUNMAP_CHROMIUM || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

if (process.env.RUNMAP_CHROMIUM) {
  console.error(`RUNMAP_CHROMIUM=${wanted} does not exist.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
console.error('Chromium is missing: installing Debian’s chromium package for the end-to-end tests…');
try {
  const run = (args) =>
    execFileSync(args[0], args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run([...sudo, 'apt-get', 'update', '-qq']);
  run([...sudo, 'apt-get', 'install', '-y', '-qq', 'chromium']);
} catch (error) {
  console.error(
    `Could not install chromium (${error.message}). Install it yourself (apt-get install chromium) ` +
      'or point RUNMAP_CHROMIUM at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
if (!existsSync(wanted)) {
  console.error(`chromium was installed but ${wanted} is still missing; set RUNMAP_CHROMIUM.`);
  process.exit(1);
}
