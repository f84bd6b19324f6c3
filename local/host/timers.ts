import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TimerFunctionMain } from '../../cloudfunctions/_shared/runtime/timer';
import { runAsWeChatUser } from './wx-context';

/**
 * Scheduled functions, run locally the way the cloud runs timer triggers: on the schedule in
 * each function's config.json, with a timer event and no caller. `fireTimer` runs one now (the
 * dev endpoint and tests use it).
 */
const loaders: Record<string, () => TimerFunctionMain> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, after the cloud env is configured
  reminders: () => require('../../cloudfunctions/reminders/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  shifts: () => require('../../cloudfunctions/shifts/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  rollups: () => require('../../cloudfunctions/rollups/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  escalations: () => require('../../cloudfunctions/escalations/src/index').main,
};

export const timerFunctionNames = (): string[] => Object.keys(loaders);

export function fireTimer(fn: string, trigger: string) {
  const load = loaders[fn];
  if (!load) throw new Error(`no timer function ${fn}`);
  return runAsWeChatUser(null, () => load()({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }));
}

/**
 * Reads the interval from a WeChat cloud cron (7 fields: second minute hour day month weekday
 * year). Only the "every N minutes" form our functions use is understood; anything else runs
 * every 10 minutes, which is what the cloud's own minimum practical interval is for us.
 */
export function intervalMinutes(cron: string): number {
  const minutes = cron.trim().split(/\s+/)[1] ?? '';
  const every = /^\*\/(\d+)$/.exec(minutes);
  return every ? Math.max(1, Number(every[1])) : 10;
}

interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}

/** Starts every timer trigger; returns a function that stops them. */
export function startSchedules(root: string): () => void {
  const handles: NodeJS.Timeout[] = [];
  for (const fn of timerFunctionNames()) {
    const config = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', fn, 'config.json'), 'utf8')) as {
      triggers?: TriggerConfig[];
    };
    for (const trigger of config.triggers ?? []) {
      if (trigger.type !== 'timer') continue;
      const handle = setInterval(
        () => {
          fireTimer(fn, trigger.name).catch((error: unknown) => console.error(`[timer ${fn}.${trigger.name}]`, error));
        },
        intervalMinutes(trigger.config) * 60 * 1000,
      );
      handle.unref();
      handles.push(handle);
    }
  }
  return () => handles.forEach(clearInterval);
}
