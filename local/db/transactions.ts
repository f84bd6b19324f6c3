import { randomUUID } from 'node:crypto';
import { requestFailed, transactionConflict } from './errors';
import type { Change, JournalOp, Store } from './store';
import type { Doc, DocId } from './values';

/**
 * Transactions as the cloud offers them: single-document operations (doc(id).get/set/update/
 * remove and add) whose writes stay invisible to everyone else until commit.
 *
 * Concurrency is optimistic. A transaction remembers the store's sequence when it starts and
 * every document it reads or writes; commit fails with DATABASE_TRANSACTION_CONFLICT if any of
 * them was written by someone else since. That is the error the SDK's `runTransaction` retries
 * on — and the only place it can see it: errors from calls inside the callback reach it
 * re-wrapped by wx-server-sdk without their code, but `commit()` errors pass through untouched.
 * A failed commit discards the transaction (nothing applied).
 */

interface OpenTransaction {
  id: string;
  startSeq: number;
  startedAt: number;
  /** Staged writes in order; applied as one batch at commit. */
  writes: Change[];
  /** What this transaction sees of the documents it wrote: its own latest version. */
  view: Map<string, Map<DocId, Doc | null>>;
  /** Every document read or written, checked for outside writes at commit. */
  touched: Map<string, Set<DocId>>;
}

/** MongoDB aborts transactions older than 60 s (transactionLifetimeLimitSeconds). */
const DEFAULT_LIFETIME_MS = 60_000;

export class TransactionManager {
  private readonly open = new Map<string, OpenTransaction>();

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = DEFAULT_LIFETIME_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  start(): string {
    this.expire();
    const id = `local-txn-${randomUUID()}`;
    this.open.set(id, {
      id,
      startSeq: this.store.seq,
      startedAt: this.clock(),
      writes: [],
      view: new Map(),
      touched: new Map(),
    });
    this.store.trackWrites(true);
    return id;
  }

  /** The document as this transaction sees it (its own staged version first). */
  read(transactionId: string, collection: string, id: DocId): Doc | null {
    const txn = this.get(transactionId);
    this.touch(txn, collection, id);
    const staged = txn.view.get(collection);
    if (staged?.has(id)) return staged.get(id) ?? null;
    return this.store.get(collection, id) ?? null;
  }

  /** Stages writes after checking them (with everything staged before) against ids and unique indexes. */
  stage(transactionId: string, changes: readonly Change[]): void {
    const txn = this.get(transactionId);
    this.store.validate([...txn.writes, ...changes]);
    for (const change of changes) {
      txn.writes.push(change);
      this.touch(txn, change.collection, change.id);
      let view = txn.view.get(change.collection);
      if (!view) txn.view.set(change.collection, (view = new Map()));
      view.set(change.id, change.after);
    }
  }

  /** Applies the staged writes atomically, or throws (conflict, duplicate key) and applies nothing. */
  commit(transactionId: string): JournalOp[] {
    const txn = this.get(transactionId);
    this.open.delete(transactionId);
    try {
      for (const [collection, ids] of txn.touched) {
        for (const id of ids) {
          if (this.store.lastWrite(collection, id) > txn.startSeq) {
            throw transactionConflict(
              `document ${collection}/${String(id)} was written by another request after the transaction started`,
            );
          }
        }
      }
      return this.store.apply(txn.writes);
    } finally {
      this.updateTracking();
    }
  }

  /** Discards the transaction. Unknown ids are fine: the SDK rolls back after a failed commit. */
  abort(transactionId: string): void {
    this.open.delete(transactionId);
    this.updateTracking();
  }

  abortAll(): void {
    this.open.clear();
    this.updateTracking();
  }

  private get(transactionId: string): OpenTransaction {
    this.expire();
    const txn = this.open.get(transactionId);
    if (!txn) throw requestFailed(`transaction ${transactionId} does not exist (committed, aborted or expired)`);
    return txn;
  }

  private touch(txn: OpenTransaction, collection: string, id: DocId): void {
    let ids = txn.touched.get(collection);
    if (!ids) txn.touched.set(collection, (ids = new Set()));
    ids.add(id);
  }

  private expire(): void {
    const cutoff = this.clock() - this.lifetimeMs;
    for (const [id, txn] of this.open) if (txn.startedAt < cutoff) this.open.delete(id);
    this.updateTracking();
  }

  private updateTracking(): void {
    this.store.trackWrites(this.open.size > 0);
  }
}
