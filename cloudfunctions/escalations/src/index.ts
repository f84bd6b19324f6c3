import { createTimerFunction } from '../../_shared/runtime/timer';
import { flagOverdueComplaints } from './flag-overdue-complaints';

/** escalations: scheduled only (config.json triggers); no client can call it. */
export const main = createTimerFunction('escalations', { flagOverdueComplaints });
