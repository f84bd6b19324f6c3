import { createTimerFunction } from '../../_shared/runtime/timer';
import { closeOpenShifts } from './close-open-shifts';

/** shifts: scheduled only (config.json trigger) — closes volunteer shifts left without a sign-out. */
export const main = createTimerFunction('shifts', { closeOpenShifts });
