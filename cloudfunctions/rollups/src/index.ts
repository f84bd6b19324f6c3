import { recomputeTouched } from '../../_shared/queries/indicator-rollups';
import { createTimerFunction } from '../../_shared/runtime/timer';

/**
 * rollups: scheduled only (config.json: one timer trigger, nightly at 02:30 China time). Brings the
 * indicator roll-ups of every station-month whose records changed up to date, and closes last
 * month's; no client can call it. The `indicators` function's `recompute` does the same on demand.
 */
export const main = createTimerFunction('rollups', { recomputeTouched });
