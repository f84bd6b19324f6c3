import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@linli/types/api';
import type { AppErrorBody, ErrorCode } from '@linli/types/errors';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import { WRITE_ACTIONS } from '@linli/types/write-actions';
import { defaultTransport, type Transport } from './transport';

/** A function answered `{ok: false}`; `code` is one of the closed set in types/errors.ts. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: AppErrorBody['fields'];
  constructor(body: AppErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields;
  }
}

let transport: Transport | null = null;

/** Tests swap the transport; the app never does. */
export function setTransport(next: Transport | null): void {
  transport = next;
}

/** A fresh idempotency key for one user intent; reuse it when retrying that intent. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `r${Date.now().toString(36)}${random}`;
}

/** Whether an action writes, as its function declares (types/write-actions.ts, generated from the policies). */
export function isWrite(fn: FunctionName, action: string): boolean {
  return (WRITE_ACTIONS[fn] as Readonly<Record<string, true>>)[action] === true;
}

/**
 * The one way pages reach the back end. Typed by the action map, so `call('account', 'me', {})`
 * returns the `me` output type. Network failures and error envelopes both become ApiError.
 * Every write carries a request id, so the function does it once however often it arrives: the
 * caller's (useAction keeps one per intent, across retries), else a fresh one for this call.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  options: { requestId?: string } = {},
): Promise<ActionOutput<F, A>> {
  const active = transport ?? defaultTransport();
  let envelope;
  try {
    const requestId = options.requestId ?? (isWrite(fn, action) ? newRequestId() : undefined);
    envelope = await active.call(fn, { action, input, requestId });
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError({ code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL });
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as ActionOutput<F, A>;
}
