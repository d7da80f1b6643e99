/** One line of a benchmark's report: a name and its figures (numbers are milliseconds unless named otherwise). */
export interface BenchRow {
  name: string;
  figures: Record<string, number | string>;
}

/** What a bench/*.bench.ts file default-exports: a title and a run that returns its rows. */
export interface Bench {
  title: string;
  run(): Promise<BenchRow[]>;
}

export interface Timing {
  runs: number;
  median: number;
  p95: number;
  min: number;
}

/** Times `fn` `runs` times in a row (after `warmup` untimed runs), in milliseconds. */
export async function time(fn: () => Promise<unknown>, runs: number, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] ?? 0;
  return { runs, median: round(at(0.5)), p95: round(at(0.95)), min: round(samples[0] ?? 0) };
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
