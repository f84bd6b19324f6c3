import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { configureCloudEnv } from '../../local/cloud-env';
import { openLocalDatabase, type LocalDatabase } from '../../local/db';
import { databaseRequestListener, keepIdleConnectionsForSdk } from '../../local/db/http';

const REPO_ROOT = join(__dirname, '..', '..');

export interface TestDatabase {
  db: LocalDatabase;
  /** The URL the SDK now talks to (…/__tcb). */
  url: string;
  close(): Promise<void>;
}

/**
 * A local database behind an HTTP server on 127.0.0.1 (random port), with the SDK's environment
 * pointed at it: after this, `require('wx-server-sdk')` + `cloud.init()` + `cloud.database()`
 * talk to it. In memory unless `dataDir` is given. Collections come from config/db-indexes.json
 * unless `indexesFile` says otherwise.
 */
export async function startTestDatabase(
  opts: { dataDir?: string | null; indexesFile?: string; compactEvery?: number } = {},
): Promise<TestDatabase> {
  const db = await openLocalDatabase({
    dataDir: opts.dataDir ?? null,
    indexesFile: opts.indexesFile ?? join(REPO_ROOT, 'config', 'db-indexes.json'),
    ...(opts.compactEvery !== undefined ? { compactEvery: opts.compactEvery } : {}),
  });
  const server = createServer(databaseRequestListener(db));
  keepIdleConnectionsForSdk(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/__tcb`;
  configureCloudEnv(url);

  return {
    db,
    url,
    async close() {
      // The SDK keeps connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
