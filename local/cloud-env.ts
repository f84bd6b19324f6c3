import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Points the real wx-server-sdk (4.0.2 → @cloudbase/node-sdk 3.17.2) at a local database server.
 * The SDK reads these variables on every call, so calling this before the first database call
 * is enough — before or after `cloud.init`. Verified against the SDK source; see
 * /work/shared/PLATFORM.md ("wx-server-sdk and the cloud database").
 */
export function configureCloudEnv(databaseUrl: string): void {
  // Where every database call is POSTed: node-sdk's buildUrl() uses `options.serviceUrl`, else
  // JSON.parse(TCB_CONTEXT_CNFG).URL (utils/tcbcontext.ts getServerInjectUrl), then appends
  // `?env=…&seqId=…`.
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: databaseUrl });

  // Every request is signed; without a secret pair node-sdk's prepareCredentials() throws from an
  // un-awaited promise and the process dies. The local server ignores the signature.
  process.env.TENCENTCLOUD_SECRETID = 'linli-local-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY = 'linli-local-secret-key';
  // Sent as `sessionToken` and signed along; harmless, and what a real function instance has.
  process.env.TENCENTCLOUD_SESSIONTOKEN = 'linli-local-session-token';

  // What `cloud.DYNAMIC_CURRENT_ENV` resolves to (getEnvIdFromContext: TCB_ENV || SCF_NAMESPACE);
  // it arrives as `envName` and in the `?env=` query. Also cloud.getWXContext().ENV.
  process.env.SCF_NAMESPACE = 'linli-local';

  // Without it, the first call of each kind probes Tencent's metadata host (metadata.ts
  // lookupAppId) to decide whether it runs in the cloud: slow (seconds) and useless here.
  process.env.TENCENTCLOUD = 'true';

  // Deliberately NOT set:
  // - TENCENTCLOUD_RUNENV: 'SCF' makes node-sdk expect a real function instance (and log errors
  //   for a missing TENCENTCLOUD_REGION); 'WX_LOCAL_SCF' switches wx-server-sdk to the WeChat
  //   DevTools' local-debug mode.
  // - TCB_ENV: would take precedence over SCF_NAMESPACE; leave the choice to SCF_NAMESPACE.
  // - TENCENTCLOUD_REGION: only chooses a cloud endpoint, which the URL above overrides.
}

/**
 * Selects the local stand-ins for WeChat-only services (cloudfunctions/_shared/platform/local.ts)
 * and tells them the URL the H5 app is served from, so a local "mini-program code" opens the
 * right page. Also gives the functions their secrets when the environment has none (the cloud
 * sets them as function environment variables; see docs/deploy.md).
 */
export function configureLocalPlatform(publicUrl: string): void {
  process.env.LINLI_PLATFORM = 'local';
  process.env.LINLI_PUBLIC_URL = publicUrl;
  // A per-process secret: sign-in codes live 60 s, so a restart invalidating them costs nothing.
  process.env.LINLI_SIGNIN_SECRET ??= randomBytes(32).toString('hex');
  // Temporary file links (docs/files.md) live 10 minutes: per process too; a restart only makes
  // open pages fetch their photo links again.
  process.env.LINLI_FILES_SECRET ??= randomBytes(32).toString('hex');
  // Certificates are checked years later by recomputing their code, so unlike the sign-in secret
  // this one must survive a restart: locally a fixed value (local data is demo data; the cloud
  // sets its own random LINLI_CERTIFICATE_SECRET, docs/volunteers.md "Hours").
  process.env.LINLI_CERTIFICATE_SECRET ??= 'linli-local-certificate-secret-not-for-the-cloud';
  // Sealed fields (docs/privacy.md) need their key for as long as the data lives: an in-memory
  // database (tests) gets one per process; a database on disk gets its own (configureDataKey).
  process.env.LINLI_DATA_KEY ??= randomBytes(32).toString('base64');
}

/** Where a database folder keeps the key of its sealed fields. */
export const DATA_KEY_FILE = 'data-key';

/**
 * The key of the sealed fields (LINLI_DATA_KEY, cloudfunctions/_shared/repositories/sealed.ts):
 * kept from the environment when set (as the cloud sets it), otherwise the one stored in the
 * database folder — made on first use, readable by this user only — so data written today opens
 * tomorrow. An in-memory database gets a key for this process. Call before anything is written
 * (the demo seed seals fields too).
 */
export function configureDataKey(dataDir: string | null): void {
  if (process.env.LINLI_DATA_KEY) return;
  if (!dataDir) {
    process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
    return;
  }
  const file = path.join(dataDir, DATA_KEY_FILE);
  let key: string;
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    key = randomBytes(32).toString('base64');
    // 'wx': never overwrite a key another process wrote meanwhile; read that one instead.
    try {
      writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      key = readFileSync(file, 'utf8').trim();
    }
  }
  process.env.LINLI_DATA_KEY = key;
}
