import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { configureCloudEnv, configureDataKey, configureLocalPlatform } from '../local/cloud-env';
import { openLocalDatabase, type LocalDatabase } from '../local/db';
import { databaseRequestListener } from '../local/db/http';

/**
 * The embedded database the command line works on: the one `npm start` uses (LINLI_DATA_DIR,
 * default .linli-data, both relative to the repository as scripts/start.ts has them), or the
 * folder given with --data (relative to where the command runs).
 *
 * One process at a time: the database takes a LOCK file holding its process id (local/db/journal.ts),
 * and a second opener is refused while that process lives. The command line turns that refusal
 * into a message that says what to do, and never touches the folder's files itself.
 */
export const REPO_ROOT = path.resolve(__dirname, '..');

export class DatabaseUnavailable extends Error {}

export function dataDirOf(given: string | undefined): string {
  return given !== undefined
    ? path.resolve(process.cwd(), given)
    : path.resolve(REPO_ROOT, process.env.LINLI_DATA_DIR ?? '.linli-data');
}

/** Whether a folder holds a database (a snapshot or a journal), as opposed to nothing yet. */
function holdsDatabase(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => name === 'snapshot.jsonl' || /^journal-\d{8}\.jsonl$/.test(name));
}

export async function openDatabase(dataDir: string): Promise<LocalDatabase> {
  if (!holdsDatabase(dataDir)) {
    throw new DatabaseUnavailable(
      `${dataDir} 中没有数据库。请先运行一次 npm start 建立数据库（并在小程序中设置社工站的片区和社区），或用 --data 指定数据库目录。`,
    );
  }
  configureDataKey(dataDir);
  try {
    return await openLocalDatabase({ dataDir, indexesFile: path.join(REPO_ROOT, 'config', 'db-indexes.json') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pid = /in use by process (\d+)/.exec(message)?.[1];
    if (pid) {
      throw new DatabaseUnavailable(
        `数据库 ${dataDir} 正被进程 ${pid} 使用（npm start 正在运行？）。请先停止它（在其窗口按 Ctrl-C），再运行此命令。` +
          '两个程序同时写同一个数据库会损坏记录，所以这里不会强行打开。',
      );
    }
    throw error;
  }
}

/**
 * Serves the database to wx-server-sdk over loopback, as the local runtime does, so the
 * functions' own repositories and queries read it (the report uses the indicator engine's).
 */
export async function serveToSdk(db: LocalDatabase): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer(databaseRequestListener(db));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  configureCloudEnv(`http://127.0.0.1:${port}/__tcb`);
  configureLocalPlatform(`http://127.0.0.1:${port}/`);
  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
