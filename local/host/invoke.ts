import type { FunctionName } from '@linli/types/api';
import type { Envelope } from '@linli/types/envelope';
import { loadFunction } from './functions';
import { runAsWeChatUser } from './wx-context';

/** The app id the local runtime reports; the cloud reports the mini-program's real one. */
export const LOCAL_APPID = 'wxlinlilocal000000';

/**
 * Calls a function the way the cloud does: `main(event, context)` with the caller's identity in
 * the WeChat context, never in the event. `openid` null is an anonymous call.
 */
export function invokeFunction(name: FunctionName, event: unknown, openid: string | null): Promise<Envelope<unknown>> {
  const main = loadFunction(name);
  return runAsWeChatUser(openid ? { OPENID: openid, APPID: LOCAL_APPID } : null, () =>
    main(event, { function_name: name, namespace: process.env.SCF_NAMESPACE }),
  );
}
