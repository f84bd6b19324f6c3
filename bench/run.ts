/**
 * `npm run bench`: runs each benchmark, writes the figures to bench/results.json and prints a
 * summary. Figures, not assertions: budgets are stated in docs/performance.md and checked by
 * reading these results (time varies between machines; sizes do not).
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- bundles      only the named ones
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFunctionBundles } from './function-bundles';
import { benchSignInBurst } from './signin-burst';
import { benchBookingContention } from './booking-contention';
import { benchH5FirstScreen } from './h5-first-screen';
import { benchIndicatorRollup } from './indicator-rollup';
import { benchWeappSize } from './weapp-size';

export interface BenchResult {
  name: string;
  /** One row per measured thing: its figures and, where there is one, the budget. */
  rows: Record<string, string | number | boolean>[];
  notes?: string[];
}

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  weapp: benchWeappSize,
  bundles: benchFunctionBundles,
  signin: benchSignInBurst,
  booking: benchBookingContention,
  h5: benchH5FirstScreen,
  indicators: benchIndicatorRollup,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
  const results: Record<string, BenchResult & { measuredAt: string }> = {};
  for (const name of names) {
    const run = BENCHMARKS[name];
    if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    const started = Date.now();
    const result = await run();
    results[name] = { ...result, measuredAt: new Date().toISOString() };
    console.log(`\n## ${result.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.table(result.rows);
    for (const note of result.notes ?? []) console.log(`- ${note}`);
  }
  // A partial run (`npm run bench -- signin`) updates its own figures and keeps the others.
  const file = path.join(__dirname, 'results.json');
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: unknown }).results
    : undefined;
  const kept = previous && !Array.isArray(previous) ? (previous as Record<string, unknown>) : {};
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version };
  const merged = { ...kept, ...results };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, results: merged }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
