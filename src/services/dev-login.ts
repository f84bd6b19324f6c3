import { DEV_AUTH_PATHS, devLoginResponseSchema, personasResponseSchema, type Persona } from '@linli/types/dev-auth';
import { devToken, httpGet, httpPost } from './transport';
import { sessionStore } from './session';

/**
 * The local runtime's dev login (H5 only, never deployed): list the demo personas, log in as
 * one of them (or as a brand-new user) and keep the token the runtime signs.
 */
export async function listPersonas(): Promise<Persona[]> {
  const body = await httpGet<unknown>(DEV_AUTH_PATHS.personas);
  return personasResponseSchema.parse(body).items;
}

/** `openid` of a persona, or undefined for a new user. Resolves with the openid logged in as. */
export async function loginAs(openid?: string): Promise<string> {
  const body = await httpPost<unknown>(DEV_AUTH_PATHS.login, openid ? { openid } : {});
  const { token, openid: loggedIn } = devLoginResponseSchema.parse(body);
  devToken.set(token);
  sessionStore.reset();
  return loggedIn;
}

export function logout(): void {
  devToken.clear();
  sessionStore.reset();
}
