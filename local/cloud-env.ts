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
