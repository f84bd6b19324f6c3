import { AppError } from './app-error';
import { callerOpenid } from './cloud';
import { clock } from './clock';
import type { Envelope } from '@linli/types/envelope';
import { describeError } from './safe-log';

/**
 * Scheduled functions (timer triggers in config.json). The cloud calls them with
 * `{Type: 'Timer', TriggerName, Time}` and no caller; anything else — in particular a call from
 * the mini-program, which always carries an OPENID — is refused. They are not part of the client
 * API (types/api.ts), so no client can reach them by name.
 */
export type TimerHandler = (now: Date) => Promise<Record<string, number>>;

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' &&
  event !== null &&
  (event as TimerEvent).Type === 'Timer' &&
  typeof (event as TimerEvent).TriggerName === 'string';

export type TimerFunctionMain = ((event: unknown) => Promise<Envelope<Record<string, number>>>) & {
  readonly triggers: readonly string[];
};

export function createTimerFunction(fn: string, triggers: Record<string, TimerHandler>): TimerFunctionMain {
  async function main(event: unknown): Promise<Envelope<Record<string, number>>> {
    try {
      if (callerOpenid() || !isTimerEvent(event)) throw new AppError('FORBIDDEN', '定时任务不能由用户调用');
      const handler = Object.prototype.hasOwnProperty.call(triggers, event.TriggerName)
        ? triggers[event.TriggerName]
        : undefined;
      if (!handler) throw new AppError('UNKNOWN_ACTION', `没有名为 ${event.TriggerName} 的定时任务`);
      const summary = await handler(clock.now());
      console.info(`[${fn}.${event.TriggerName}] ${JSON.stringify(summary)}`);
      return { ok: true, data: summary };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[${fn}] ${describeError(error)}`);
      return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
    }
  }
  return Object.assign(main, { triggers: Object.keys(triggers) });
}
