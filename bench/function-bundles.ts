import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildFunction, functionFolders } from '../scripts/build-functions';
import type { BenchResult } from './run';

/** Budgets from the performance issue: a deployable bundle ≤ 1 MB, loading it ≤ 150 ms. */
export const BUNDLE_BUDGET_BYTES = 1024 * 1024;
export const LOAD_BUDGET_MS = 150;
const LOAD_RUNS = 5;

/**
 * Cold-start proxy: a fresh Node process requires the bundle (as the cloud does on a cold
 * instance) and reports how long that took; the median of several runs is kept. With `preload`,
 * that module is required first and not timed: the bundle's own share of the load.
 */
function measureLoadMs(bundle: string, preload?: string): number {
  const before = preload ? `require(${JSON.stringify(preload)});` : '';
  const script = `${before}const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const runs = Array.from({ length: LOAD_RUNS }, () =>
    Number(execFileSync(process.execPath, ['-e', script]).toString().trim()),
  );
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

export async function benchFunctionBundles(): Promise<BenchResult> {
  // Baseline: the SDK every function must load, measured the same way.
  const sdk = require.resolve('wx-server-sdk');
  const sdkMs = measureLoadMs(sdk);
  const rows: BenchResult['rows'] = [
    {
      function: '(wx-server-sdk alone)',
      kb: 0,
      budgetKb: 0,
      loadMs: Number(sdkMs.toFixed(1)),
      ownLoadMs: 0,
      loadBudgetMs: 0,
      withinBudget: true,
    },
  ];
  for (const name of functionFolders()) {
    const { bytes } = await buildFunction(name);
    const bundle = path.resolve(__dirname, '../cloudfunctions', name, 'index.js');
    const loadMs = measureLoadMs(bundle);
    const ownLoadMs = measureLoadMs(bundle, sdk);
    rows.push({
      function: name,
      kb: Number((bytes / 1024).toFixed(1)),
      budgetKb: BUNDLE_BUDGET_BYTES / 1024,
      loadMs: Number(loadMs.toFixed(1)),
      ownLoadMs: Number(ownLoadMs.toFixed(1)),
      loadBudgetMs: LOAD_BUDGET_MS,
      // The SDK's share is the platform's, the same for every function (docs/performance.md).
      withinBudget: bytes <= BUNDLE_BUDGET_BYTES && ownLoadMs <= LOAD_BUDGET_MS,
    });
  }
  return {
    name: 'Cloud function bundles (size, module load time = cold-start proxy)',
    rows,
    notes: [
      `loadMs: median of ${LOAD_RUNS} fresh processes requiring index.js (wx-server-sdk included)`,
      "ownLoadMs: the same with wx-server-sdk already loaded — the bundle's own share, held to the budget",
      'the first row is the baseline: loading wx-server-sdk itself, which no function can avoid',
    ],
  };
}
