import { createTimerFunction } from '../../_shared/runtime/timer';
import { sendReminders } from './send-reminders';

/** reminders: scheduled only (config.json triggers); no client can call it. */
export const main = createTimerFunction('reminders', { sendReminders });
