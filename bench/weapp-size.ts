import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { MAIN_BUDGET, TOTAL_BUDGET, measureWeapp } from '../scripts/weapp-size';
import type { BenchResult } from './run';

const ROOT = path.resolve(__dirname, '..');
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/**
 * The WeChat build's packages against their budgets (deterministic: `npm test` enforces the same
 * figures). The baseline is the naive layout, every page in one package: its size is the whole
 * build, which is what a resident would download before the first screen without subpackages.
 */
export async function benchWeappSize(): Promise<BenchResult> {
  execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  const sizes = measureWeapp(path.join(ROOT, 'dist', 'weapp'));
  const main = sizes.packages[0]!;
  return {
    name: 'Mini-program size (WeChat build)',
    rows: [
      ...sizes.packages.map((pkg) => ({
        package: pkg.name,
        kb: kb(pkg.bytes),
        budgetKb: kb(pkg.budget),
        withinBudget: pkg.bytes <= pkg.budget,
      })),
      {
        package: 'total',
        kb: kb(sizes.totalBytes),
        budgetKb: kb(TOTAL_BUDGET),
        withinBudget: sizes.totalBytes <= TOTAL_BUDGET,
      },
      {
        package: 'baseline: one package, no subpackages (first download)',
        kb: kb(sizes.totalBytes),
        budgetKb: kb(MAIN_BUDGET),
        withinBudget: sizes.totalBytes <= MAIN_BUDGET,
      },
    ],
    notes: [
      `the first screen downloads the main package: ${kb(main.bytes)} KB, ${(main.bytes / sizes.totalBytes).toFixed(2)}× the one-package baseline`,
      `resident pages outside the main package: ${sizes.residentSubpackages.length === 0 ? 'none' : sizes.residentSubpackages.join(', ')}`,
    ],
  };
}
