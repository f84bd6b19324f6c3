import { createTimerFunction } from '../../_shared/runtime/timer';
import { nightly } from './nightly';

/**
 * rollups: scheduled only (config.json: one timer trigger, nightly at 02:30 China time). Deletes
 * generated files older than a day and idempotency records older than a week, then brings the
 * indicator roll-ups of every station-month whose records changed up to date, and closes last
 * month's (src/nightly.ts); no client can call it. The `indicators` function's `recompute` does the
 * roll-ups on demand.
 */
export const main = createTimerFunction('rollups', { recomputeTouched: nightly });
