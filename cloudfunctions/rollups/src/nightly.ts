import { recomputeTouched } from '../../_shared/queries/indicator-rollups';
import { purgeGeneratedFiles } from '../../_shared/runtime/generated-files';
import { purgeOldRequests } from '../../_shared/runtime/idempotency';

/**
 * Everything that runs once a night, on the one timer trigger WeChat allows this function
 * (`recomputeTouched`, 02:30 China time; the name predates the clean-ups and is kept so deployed
 * triggers stay as they are). The clean-ups go first and are bounded, so they run every night
 * however long the recompute takes; the recompute keeps the rest of the 60 s.
 */

/** Real time the clean-ups may take together before the recompute starts (they stop between batches). */
const CLEANUP_BUDGET_MS = 15_000;

type Job = (now: Date, deadline: number) => Promise<Record<string, number>>;

const JOBS: ReadonlyArray<[string, Job]> = [
  ['purgeGeneratedFiles', async (now, deadline) => ({ filesDeleted: await purgeGeneratedFiles(now, deadline) })],
  ['purgeOldRequests', async (now, deadline) => ({ requestsDeleted: await purgeOldRequests(now, deadline) })],
  ['recomputeTouched', (now) => recomputeTouched(now)],
];

/**
 * Runs every job even when one fails — a storage error must not stop the indicators, nor the
 * other way round — then fails with the first error (logged by the timer runtime) if any did.
 */
export async function nightly(now: Date): Promise<Record<string, number>> {
  const deadline = Date.now() + CLEANUP_BUDGET_MS;
  const summary: Record<string, number> = {};
  const failures: unknown[] = [];
  for (const [name, job] of JOBS) {
    try {
      Object.assign(summary, await job(now, deadline));
    } catch (error) {
      failures.push(error);
      console.error(`[rollups.${name}] failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw failures[0];
  return summary;
}
