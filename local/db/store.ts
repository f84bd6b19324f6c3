import { Aggregator, Query } from 'mingo';
import type { Options } from 'mingo/types';
import { collectionNotExist, duplicateKey } from './errors';
import { UniqueIndex, type IndexDeclarations } from './indexes';
import { deepClone, isDocId, isPlainObject, type Doc, type DocId } from './values';

/**
 * The in-memory state: collections of documents, their unique indexes, and the one way to change
 * them (`apply`), which validates a whole batch before touching anything so a request is applied
 * completely or not at all. Queries, sorts, projections and pipelines are evaluated by mingo.
 *
 * Everything here is synchronous on purpose: a request runs start to finish without yielding,
 * so requests are serialised for free and a conditional update can't interleave with another.
 */

/** One document-level effect of a request. `insert`: the document must not exist yet. */
export interface Change {
  collection: string;
  id: DocId;
  after: Doc | null;
  insert: boolean;
}

/** What the journal records, one array per acknowledged request. */
export type JournalOp = { c: string; put: Doc } | { c: string; del: DocId } | { create: string } | { reset: string[] };

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

interface CollectionState {
  docs: Map<DocId, Doc>;
  indexes: UniqueIndex[];
  /** docs.values() as an array, rebuilt lazily after a write. */
  list: Doc[] | null;
}

/** The net effect of a batch: per collection, each touched id's final document (null: removed). */
type Overlay = Map<string, Map<DocId, Doc | null>>;

/**
 * $where/$function/$accumulator run arbitrary JavaScript; the cloud has no such thing, so code
 * relying on it must fail here too.
 */
const MINGO_OPTIONS: Partial<Options> = { scriptEnabled: false };

/** Pipeline stages that never modify their input documents (their output may share parts of them). */
const READ_ONLY_STAGES = new Set(['$match', '$group', '$count', '$sort', '$skip', '$limit', '$sortByCount']);

/**
 * mingo (7.2) answers a `$lookup` whose localField is an array with a `null` for every element
 * that matched nothing; MongoDB (and so the cloud) leaves them out. Documents are never null, so
 * dropping nulls from the joined array right after each such stage restores MongoDB's answer.
 */
function withMongoLookups(pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
  return pipeline.flatMap((stage) => {
    const lookup = stage.$lookup;
    if (!isPlainObject(lookup) || typeof lookup.localField !== 'string' || typeof lookup.as !== 'string') {
      return [stage];
    }
    const as = lookup.as;
    return [stage, { $set: { [as]: { $filter: { input: `$${as}`, cond: { $ne: ['$$this', null] } } } } }];
  });
}

/** Stages that never write into documents they pass along (they filter, order or build new ones). */
const NON_WRITING_STAGES = new Set(['$lookup', '$match', '$sort', '$skip', '$limit', '$count', '$project']);

/** Whether every stage after the first $lookup leaves the joined documents as they are. */
function joinedDocsStayUntouched(pipeline: Record<string, unknown>[]): boolean {
  const first = pipeline.findIndex((stage) => '$lookup' in stage);
  if (first < 0) return true;
  return pipeline.slice(first).every((stage) => Object.keys(stage).every((key) => NON_WRITING_STAGES.has(key)));
}

export class Store {
  private readonly collections = new Map<string, CollectionState>();
  /** Bumped on every applied batch; transactions remember it when they start. */
  private sequence = 0;
  /** Last sequence that wrote each document, kept only while transactions are open. */
  private writeLog: Map<string, Map<DocId, number>> | null = null;

  constructor(private readonly declarations: IndexDeclarations) {
    for (const name of declarations.collections.keys()) this.ensure(name);
  }

  get seq(): number {
    return this.sequence;
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  /** Creates the collection if missing; no journal entry (used for declared collections and replay). */
  ensure(name: string): void {
    if (this.collections.has(name)) return;
    const specs = this.declarations.collections.get(name) ?? [];
    this.collections.set(name, { docs: new Map(), indexes: specs.map((spec) => new UniqueIndex(spec)), list: null });
  }

  create(name: string): JournalOp {
    this.ensure(name);
    return { create: name };
  }

  private state(name: string): CollectionState {
    const state = this.collections.get(name);
    if (!state) throw collectionNotExist(name);
    return state;
  }

  list(name: string): Doc[] {
    const state = this.state(name);
    state.list ??= [...state.docs.values()];
    return state.list;
  }

  get(collection: string, id: DocId): Doc | undefined {
    return this.state(collection).docs.get(id);
  }

  /**
   * The documents a query can match when it pins `_id` (doc(id) calls, transactions): a lookup
   * instead of a scan. undefined when the query doesn't pin it.
   */
  private candidates(collection: string, query: Record<string, unknown>): Doc[] | undefined {
    const id = query._id;
    const docs = this.state(collection).docs;
    const pick = (ids: DocId[]): Doc[] => ids.flatMap((one) => docs.get(one) ?? []);
    if (isDocId(id)) return pick([id]);
    if (isPlainObject(id) && Object.keys(id).length === 1 && Array.isArray(id.$in) && id.$in.every(isDocId)) {
      return pick([...new Set(id.$in)]);
    }
    return undefined;
  }

  find(collection: string, query: Record<string, unknown>, options: FindOptions = {}): Doc[] {
    const source = this.candidates(collection, query) ?? this.list(collection);
    const cursor = new Query(query, MINGO_OPTIONS).find<Doc>(source, options.projection);
    if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
    if (options.skip) cursor.skip(options.skip);
    if (options.limit !== undefined) cursor.limit(options.limit);
    return cursor.all();
  }

  /** Applies a projection (`field()`) to documents already found. */
  project(docs: Doc[], projection: Record<string, unknown> | undefined): Record<string, unknown>[] {
    if (!projection || Object.keys(projection).length === 0) return docs;
    return new Query({}, MINGO_OPTIONS).find<Record<string, unknown>>(docs, projection).all();
  }

  count(collection: string, query: Record<string, unknown>): number {
    const source = this.candidates(collection, query) ?? this.list(collection);
    const test = new Query(query, MINGO_OPTIONS);
    let total = 0;
    for (const doc of source) if (test.test(doc)) total += 1;
    return total;
  }

  /**
   * Runs a pipeline. mingo may modify the objects it is given (nested $addFields, $set…), so it
   * gets copies — unless every stage only reads (filters, groups, sorts). A leading $match is
   * evaluated first on the stored documents so only the matching ones are copied.
   */
  aggregate(collection: string, pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
    let input: Doc[];
    let rest = pipeline;
    const first = pipeline[0];
    if (first && Object.keys(first).length === 1 && isPlainObject(first.$match)) {
      input = this.find(collection, first.$match);
      rest = pipeline.slice(1);
    } else {
      input = this.list(collection);
    }
    // Joined documents are shared with the store unless a later stage could write into them:
    // copying a whole collection for every $lookup made each sign-in cost O(records).
    const cloneJoined = !joinedDocsStayUntouched(rest);
    const readOnly = rest.every((stage) => Object.keys(stage).every((key) => READ_ONLY_STAGES.has(key)));
    rest = withMongoLookups(rest);
    const aggregator = new Aggregator(rest, {
      ...MINGO_OPTIONS,
      // $lookup/$graphLookup/$unionWith: a missing collection joins nothing, as in MongoDB.
      collectionResolver: (name: string) =>
        this.collections.has(name) ? (cloneJoined ? this.list(name).map(deepClone) : this.list(name)) : [],
    });
    return aggregator.run(readOnly ? input : input.map(deepClone));
  }

  /** Checks a batch against _id uniqueness and the unique indexes; returns its net effect. */
  private overlay(changes: readonly Change[]): Overlay {
    const overlay: Overlay = new Map();
    for (const change of changes) {
      const state = this.state(change.collection);
      let entries = overlay.get(change.collection);
      if (!entries) overlay.set(change.collection, (entries = new Map()));
      const current = entries.has(change.id) ? entries.get(change.id) : state.docs.get(change.id);
      if (change.insert && current) {
        throw duplicateKey(change.collection, '_id_', `{ _id: ${JSON.stringify(change.id)} }`);
      }
      entries.set(change.id, change.after);
    }
    for (const [collection, entries] of overlay) {
      for (const index of this.state(collection).indexes) {
        const claimed = new Map<string, Doc>();
        for (const after of entries.values()) {
          if (!after) continue;
          for (const key of index.keysOf(after)) {
            const other = claimed.get(key);
            if (other && other._id !== after._id)
              throw duplicateKey(collection, index.spec.name, index.describe(after));
            claimed.set(key, after);
          }
        }
        for (const [key, doc] of claimed) {
          for (const owner of index.ownersOf(key) ?? []) {
            // The owner keeps the key unless this batch rewrites or removes it.
            if (owner !== doc._id && !entries.has(owner))
              throw duplicateKey(collection, index.spec.name, index.describe(doc));
          }
        }
      }
    }
    return overlay;
  }

  validate(changes: readonly Change[]): void {
    this.overlay(changes);
  }

  /** Validates then applies a batch atomically; returns what to journal (empty: nothing changed). */
  apply(changes: readonly Change[]): JournalOp[] {
    const overlay = this.overlay(changes);
    const ops: JournalOp[] = [];
    if (overlay.size === 0) return ops;
    this.sequence += 1;
    for (const [collection, entries] of overlay) {
      const state = this.state(collection);
      for (const [id, after] of entries) {
        const before = state.docs.get(id);
        if (!before && !after) continue;
        if (before) for (const index of state.indexes) index.remove(before);
        if (after) {
          state.docs.set(id, after);
          for (const index of state.indexes) index.add(after);
          ops.push({ c: collection, put: after });
        } else {
          state.docs.delete(id);
          ops.push({ c: collection, del: id });
        }
        this.noteWrite(collection, id);
      }
      state.list = null;
    }
    return ops;
  }

  /** Drops every collection but `keep`, and empties those. */
  reset(keep: readonly string[]): JournalOp {
    this.applyReset(keep);
    this.sequence += 1;
    return { reset: [...keep] };
  }

  private applyReset(keep: readonly string[]): void {
    this.collections.clear();
    for (const name of keep) this.ensure(name);
    for (const name of this.declarations.collections.keys()) this.ensure(name);
    if (this.writeLog) this.writeLog.clear();
  }

  /** Applies a journal op while loading; indexes are rebuilt once at the end (`rebuildIndexes`). */
  replay(op: JournalOp): void {
    if ('create' in op) this.ensure(op.create);
    else if ('reset' in op) this.applyReset(op.reset);
    else {
      this.ensure(op.c);
      const state = this.state(op.c);
      if ('put' in op) state.docs.set(op.put._id, op.put);
      else state.docs.delete(op.del);
      state.list = null;
    }
  }

  /** Rebuilds unique indexes after loading (duplicates in old data are tolerated, not fixed). */
  rebuildIndexes(): void {
    for (const state of this.collections.values()) {
      for (const index of state.indexes) {
        index.clear();
        for (const doc of state.docs.values()) index.add(doc);
      }
    }
  }

  /** References to every document, per collection; safe to serialise later (docs are immutable). */
  snapshot(): Array<[string, Doc[]]> {
    return [...this.collections.keys()].map((name) => [name, this.list(name)]);
  }

  /**
   * Puts the database back to a `snapshot()`: every collection as it was, indexes rebuilt. The
   * documents are shared, not copied — safe because nothing ever changes a stored document in
   * place. Answers the journal ops that redo it (a reset, then every document).
   */
  restore(snapshot: ReadonlyArray<readonly [string, readonly Doc[]]>): JournalOp[] {
    const names = snapshot.map(([name]) => name);
    this.applyReset(names);
    const ops: JournalOp[] = [{ reset: names }];
    for (const [name, docs] of snapshot) {
      const state = this.state(name);
      for (const doc of docs) {
        state.docs.set(doc._id, doc);
        ops.push({ c: name, put: doc });
      }
    }
    this.rebuildIndexes();
    this.sequence += 1;
    return ops;
  }

  /** Transactions need to know who wrote what since they started; only tracked while any is open. */
  trackWrites(on: boolean): void {
    this.writeLog = on ? (this.writeLog ?? new Map()) : null;
  }

  lastWrite(collection: string, id: DocId): number {
    return this.writeLog?.get(collection)?.get(id) ?? 0;
  }

  private noteWrite(collection: string, id: DocId): void {
    if (!this.writeLog) return;
    let ids = this.writeLog.get(collection);
    if (!ids) this.writeLog.set(collection, (ids = new Map()));
    ids.set(id, this.sequence);
  }
}
