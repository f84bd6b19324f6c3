import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * wx-server-sdk's getWXContext() reads the caller's identity from process.env (WX_OPENID …), as
 * the cloud sets it per function instance. Locally many calls share one process, so two
 * concurrent calls would see each other's OPENID. We replace process.env once with a view that
 * answers the WX_* keys from the current call's AsyncLocalStorage store and everything else from
 * the real environment.
 */
export interface WXIdentity {
  OPENID: string;
  APPID: string;
  UNIONID?: string;
  /** Where the call came from, as the cloud reports it (wx_client for the mini-program). */
  SOURCE?: string;
}

const store = new AsyncLocalStorage<Record<string, string>>();
let installed = false;

function install(): void {
  if (installed) return;
  const realEnv = process.env;
  process.env = new Proxy(realEnv, {
    get(target, key) {
      const scoped = typeof key === 'string' ? store.getStore()?.[key] : undefined;
      return scoped ?? Reflect.get(target, key);
    },
    has(target, key) {
      return (typeof key === 'string' && store.getStore()?.[key] !== undefined) || Reflect.has(target, key);
    },
  });
  installed = true;
}

/** Runs `work` as the given WeChat user; everything it awaits sees only this identity. */
export function runAsWeChatUser<T>(identity: WXIdentity | null, work: () => Promise<T>): Promise<T> {
  install();
  const scoped: Record<string, string> = identity
    ? {
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_OPENID: identity.OPENID,
        WX_APPID: identity.APPID,
        ...(identity.UNIONID ? { WX_UNIONID: identity.UNIONID } : {}),
        TCB_SOURCE: identity.SOURCE ?? 'wx_client',
      }
    : // An anonymous call must not inherit an identity from the process environment.
      { WX_CONTEXT_KEYS: '', WX_OPENID: '' };
  return store.run(scoped, work);
}
