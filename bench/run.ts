import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './measure.ts';

/**
 * `npm run bench`: runs every bench/*.bench.ts (each default-exports a Bench) in name order, or only
 * those whose file name contains one of the arguments, and prints each one's figures as a table.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

function table(rows: BenchRow[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.figures)))];
  const cells = [
    ['', ...columns],
    ...rows.map((r) => [r.name, ...columns.map((c) => String(r.figures[c] ?? ''))]),
  ];
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length))) ?? [];
  return cells
    .map((row, n) =>
      [
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join('  '),
        ...(n === 0 ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []),
      ].join('\n'),
    )
    .join('\n');
}

let failed = false;
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)).default as Bench;
  process.stdout.write(`\n## ${bench.title} (${file})\n\n`);
  try {
    const started = performance.now();
    const rows = await bench.run();
    process.stdout.write(`${table(rows)}\n\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`failed: ${String((error as Error)?.stack ?? error)}\n`);
  }
}
if (files.length === 0)
  process.stdout.write(`no bench files${filters.length ? ` matching ${filters.join(', ')}` : ''}\n`);
process.exitCode = failed ? 1 : 0;
