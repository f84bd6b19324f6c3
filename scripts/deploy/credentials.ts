import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Credentials } from './cloud';

/**
 * Who the deployment acts as. First TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (and
 * TENCENTCLOUD_SESSIONTOKEN for temporary keys) — an API key of the Tencent Cloud account that
 * owns the environment; the CloudBase CLI reads the same variables. Otherwise the session
 * `npx tcb login` saved (~/.config/.cloudbase/auth.json), while it is still valid: the CLI
 * renews it on its next command, so `npx tcb env list` refreshes an expired one.
 */

export class NoCredentials extends Error {}

const LOGIN_FILE = path.join(os.homedir(), '.config', '.cloudbase', 'auth.json');

interface StoredCredential {
  secretId?: string;
  secretKey?: string;
  token?: string;
  tmpSecretId?: string;
  tmpSecretKey?: string;
  tmpToken?: string;
  tmpExpired?: number | string;
  accessTokenExpired?: number | string;
}

/** The CLI's saved session, if it still has a minute to live. Pure: the file's text and the time. */
export function credentialsFromLogin(text: string, now: number): Credentials | null {
  let stored: StoredCredential | undefined;
  try {
    stored = (JSON.parse(text) as { credential?: StoredCredential }).credential;
  } catch {
    return null;
  }
  if (!stored) return null;
  const secretId = stored.secretId ?? stored.tmpSecretId;
  const secretKey = stored.secretKey ?? stored.tmpSecretKey;
  if (!secretId || !secretKey) return null;
  const token = stored.token ?? stored.tmpToken;
  const expires = Number(stored.accessTokenExpired ?? stored.tmpExpired ?? Number.POSITIVE_INFINITY);
  if (token && expires < now + 60_000) return null;
  return { secretId, secretKey, ...(token ? { token } : {}) };
}

export function findCredentials(env: NodeJS.ProcessEnv = process.env, now = Date.now()): Credentials {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = env;
  if (secretId && secretKey) {
    return { secretId, secretKey, ...(env.TENCENTCLOUD_SESSIONTOKEN ? { token: env.TENCENTCLOUD_SESSIONTOKEN } : {}) };
  }
  let text: string | null = null;
  try {
    text = readFileSync(LOGIN_FILE, 'utf8');
  } catch {
    // never logged in
  }
  const fromLogin = text === null ? null : credentialsFromLogin(text, now);
  if (fromLogin) return fromLogin;
  throw new NoCredentials(
    text === null
      ? 'no credentials: run `npx tcb login`, or set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (腾讯云 → 访问管理 → API 密钥)'
      : 'the `tcb login` session has expired: run `npx tcb env list` (renews it) or `npx tcb login`, or set TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY',
  );
}
