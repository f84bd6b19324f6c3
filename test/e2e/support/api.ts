import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@linli/types/api';
import { appUrl } from './browser';

/**
 * Calling functions from a test as a demo persona, through the local runtime's dev login — for
 * the steps of a journey that are not what the test is about (another role's part, setting the
 * scene), so the browser drives only the screens under test.
 */
const tokens = new Map<string, string>();

async function tokenFor(openid: string): Promise<string> {
  const known = tokens.get(openid);
  if (known) return known;
  const res = await fetch(new URL('/api/_dev/login', appUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  if (!res.ok) throw new Error(`dev login as ${openid}: HTTP ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  tokens.set(openid, token);
  return token;
}

/** A function's refusal, with its code, as the test sees it. */
export class CallRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** `fn.action(input)` as the persona with this openid; answers the data or throws CallRefused. */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(
  openid: string,
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  requestId?: string,
): Promise<ActionOutput<F, A>> {
  const res = await fetch(new URL(`/api/${fn}`, appUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(openid)}` },
    body: JSON.stringify({ action, input, ...(requestId ? { requestId } : {}) }),
  });
  const envelope = (await res.json()) as
    | { ok: true; data: ActionOutput<F, A> }
    | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new CallRefused(envelope.error.code, envelope.error.message);
  return envelope.data;
}
