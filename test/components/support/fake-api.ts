import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@linli/types/api';
import type { AppErrorBody } from '@linli/types/errors';
import type { Envelope } from '@linli/types/envelope';
import { setTransport } from '@/services/api';

type Handlers = {
  [F in FunctionName]?: {
    [A in ActionName<F>]?: (input: ActionInput<F, A>) => ActionOutput<F, A> | Promise<ActionOutput<F, A>>;
  };
};

export interface RecordedCall {
  fn: string;
  action: string;
  input: unknown;
  requestId?: string;
}

class Refusal extends Error {
  constructor(readonly body: AppErrorBody) {
    super(body.message);
  }
}

/** Inside a fake handler: answer with an error envelope, as a function would. */
export function refuse(body: AppErrorBody): never {
  throw new Refusal(body);
}

/**
 * Installs a fake transport (through setTransport, as the app's tests are meant to) that answers
 * each `fn.action` with its handler, and records every call. An action without a handler
 * answers UNKNOWN_ACTION, so a page calling something unexpected fails visibly.
 */
export function fakeApi(handlers: Handlers): {
  calls: RecordedCall[];
  callsTo: (fn: string, action: string) => RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  setTransport({
    async call(fn, body): Promise<Envelope<unknown>> {
      calls.push({ fn, action: body.action, input: body.input, requestId: body.requestId });
      const group = (handlers as Record<string, Record<string, (input: unknown) => unknown> | undefined>)[fn];
      const handler = group?.[body.action];
      if (!handler)
        return { ok: false, error: { code: 'UNKNOWN_ACTION', message: `no fake for ${fn}.${body.action}` } };
      try {
        return { ok: true, data: await handler(body.input) };
      } catch (error) {
        if (error instanceof Refusal) return { ok: false, error: error.body };
        throw error;
      }
    },
  });
  return { calls, callsTo: (fn, action) => calls.filter((c) => c.fn === fn && c.action === action) };
}
