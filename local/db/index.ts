import { Executor } from './actions';
import { DbError, invalidParam } from './errors';
import { generateId } from './ids';
import { loadIndexDeclarations } from './indexes';
import { FilePersistence, MemoryPersistence, type Persistence } from './journal';
import { failure } from './protocol';
import { Store, type Change, type JournalOp } from './store';
import { TransactionManager } from './transactions';
import { deepClone, isDocId, withoutUndefined, type Doc, type DocId } from './values';

/**
 * The local stand-in for the WeChat cloud database: the server side of the protocol the real,
 * unmodified wx-server-sdk speaks (see protocol.ts), so cloud function code runs unchanged.
 * Mount `databaseRequestListener` (http.ts) on an HTTP server and point the SDK at it with
 * `configureCloudEnv` (../cloud-env.ts).
 *
 * Requests are applied one at a time, each atomically (the work is synchronous, see store.ts),
 * and answered only once their writes are on disk (journal.ts).
 */

export interface LocalDatabaseOptions {
  /** Folder for the snapshot and journal; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** config/db-indexes.json: declared collections (created at open) and their unique indexes. */
  indexesFile: string;
  /** Journal records between snapshots (default 5000). */
  compactEvery?: number;
}

export interface LocalDatabase {
  handle(body: unknown): Promise<unknown>; // one SDK request body -> response body
  stats(): { requests: number; byAction: Record<string, number> };
  resetStats(): void;
  /** Direct access for seeding/tests/CLI without HTTP: insert many docs into a collection, atomically, returns ids. */
  insertMany(collection: string, docs: Record<string, unknown>[]): Promise<string[]>;
  /**
   * Writes documents into several collections as ONE step: all or nothing, one journal record, so
   * a crash keeps the whole batch or none of it. `insert` documents must not exist yet (else the
   * batch fails, nothing written); the others replace what is there. For the command-line import
   * (cli/), which holds the folder's lock and so may read, decide and then write.
   */
  putAll(changes: readonly { collection: string; doc: Record<string, unknown>; insert: boolean }[]): Promise<void>;
  /** Read all docs of a collection (tests, export); not for function code. */
  dump(collection: string): Promise<Record<string, unknown>[]>;
  /**
   * Tests: the whole database as it is now, cheaply (documents are immutable, so this holds
   * references, not copies). `restore` puts it back — for many cases that must each start from
   * the same data, without seeding again.
   */
  snapshot(): DatabaseSnapshot;
  /** Tests: back to a snapshot; open transactions are aborted, as by `clear`. */
  restore(snapshot: DatabaseSnapshot): Promise<void>;
  /** Remove all data (demo reset); keeps collections declared in the index file. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** What `LocalDatabase.snapshot` answers: opaque to callers, only for `restore`. */
export interface DatabaseSnapshot {
  readonly collections: ReadonlyArray<readonly [string, readonly Record<string, unknown>[]]>;
}

const DEFAULT_COMPACT_EVERY = 5000;

export async function openLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const declarations = loadIndexDeclarations(options.indexesFile);
  const store = new Store(declarations);
  const persistence: Persistence =
    options.dataDir === null
      ? new MemoryPersistence()
      : await FilePersistence.open({
          dir: options.dataDir,
          compactEvery: Math.max(1, options.compactEvery ?? DEFAULT_COMPACT_EVERY),
          snapshot: () => store.snapshot(),
          replay: (op) => store.replay(op),
        });
  store.rebuildIndexes();
  const transactions = new TransactionManager(store);
  const executor = new Executor(store, transactions);

  let requests = 0;
  let byAction: Record<string, number> = {};
  let closed = false;

  /** Journals what a synchronous step changed and waits until it (and all before it) is on disk. */
  async function commit(ops: JournalOp[]): Promise<void> {
    await persistence.durable(ops.length > 0 ? persistence.append(ops) : undefined);
  }

  function assertOpen(): void {
    if (closed) throw new Error('the local database is closed');
  }

  return {
    async handle(body) {
      requests += 1;
      const action =
        typeof (body as { action?: unknown } | null)?.action === 'string'
          ? (body as { action: string }).action
          : 'unknown';
      byAction[action] = (byAction[action] ?? 0) + 1;
      if (closed) return failure(new DbError('SYS_ERR', 'the local database is closed'));
      const { response, ops } = executor.execute(body);
      try {
        // Reads wait too: they must not report data that a crash could still take back.
        await commit(ops);
      } catch (error) {
        return failure(new DbError('SYS_ERR', error instanceof Error ? error.message : String(error)));
      }
      return response;
    },

    stats() {
      return { requests, byAction: { ...byAction } };
    },

    resetStats() {
      requests = 0;
      byAction = {};
    },

    async insertMany(collection, docs) {
      assertOpen();
      const ops: JournalOp[] = [];
      // Seeding convenience: unlike SDK calls, this creates the collection if needed.
      if (!store.has(collection)) ops.push(store.create(collection));
      const now = Date.now();
      const changes = docs.map((input): Change => {
        const { _id: given, ...fields } = withoutUndefined(deepClone(input));
        if (given !== undefined && !isDocId(given)) throw invalidParam('_id must be a string or a number');
        const id: DocId = given ?? generateId(now);
        return { collection, id, after: { _id: id, ...fields }, insert: true };
      });
      try {
        ops.push(...store.apply(changes));
      } finally {
        // A collection created just now stays created (and journaled) even if the insert failed.
        if (ops.length > 0) await commit(ops);
      }
      return changes.map((change) => String(change.id));
    },

    async putAll(changes) {
      assertOpen();
      const ops: JournalOp[] = [];
      for (const name of new Set(changes.map((c) => c.collection))) if (!store.has(name)) ops.push(store.create(name));
      const batch = changes.map((change): Change => {
        const { _id: id, ...fields } = withoutUndefined(deepClone(change.doc));
        if (!isDocId(id)) throw invalidParam('_id must be a string or a number');
        return { collection: change.collection, id, after: { _id: id, ...fields }, insert: change.insert };
      });
      try {
        ops.push(...store.apply(batch));
      } finally {
        if (ops.length > 0) await commit(ops);
      }
    },

    async dump(collection) {
      assertOpen();
      await persistence.durable();
      return store.has(collection) ? store.list(collection).map(deepClone) : [];
    },

    snapshot() {
      assertOpen();
      return { collections: store.snapshot() };
    },

    async restore(snapshot) {
      assertOpen();
      transactions.abortAll();
      await commit(store.restore(snapshot.collections as Array<[string, Doc[]]>));
    },

    async clear() {
      assertOpen();
      transactions.abortAll();
      await commit([store.reset([...declarations.collections.keys()])]);
    },

    async close() {
      if (closed) return;
      closed = true;
      transactions.abortAll();
      await persistence.close();
    },
  };
}
