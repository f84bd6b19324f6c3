import { collectionAlreadyExists, invalidParam, toDbError } from './errors';
import { generateId } from './ids';
import {
  assertNoGeo,
  decodeEjson,
  decodeObject,
  encodeDocument,
  failure,
  newRequestId,
  RequestFields,
  type WireResponse,
} from './protocol';
import type { Change, JournalOp, Store } from './store';
import type { TransactionManager } from './transactions';
import { applyUpdate, parseUpdate, upsertDocument } from './updates';
import { isDocId, isPlainObject, withoutUndefined, type Doc, type DocId } from './values';

/**
 * One handler per SDK action. A handler runs synchronously against the store and returns the
 * wire answer plus the journal ops of what it changed; the caller makes those durable before
 * answering. Errors become `{code, message}` answers and leave the store untouched.
 */

export interface Execution {
  response: WireResponse;
  ops: JournalOp[];
}

/** Cloud limits for queries from the server SDK. */
export const DEFAULT_QUERY_LIMIT = 100;
export const MAX_QUERY_LIMIT = 1000;
/**
 * An aggregation without a $limit stage returns at most 20 records in the cloud, also from cloud
 * functions (observed and reported by many users; the docs are silent). Mimicked so a pipeline
 * that forgets `.limit()` loses rows locally too.
 */
export const DEFAULT_AGGREGATE_LIMIT = 20;

interface Context {
  req: RequestFields;
  now: Date;
}

type Result = { data: Record<string, unknown>; ops?: JournalOp[] } | { transactionId: string };

export class Executor {
  private readonly handlers: Record<string, (ctx: Context) => Result> = {
    'database.getDocument': (ctx) => this.getDocument(ctx),
    'database.insertDocument': (ctx) => this.insertDocument(ctx),
    'database.modifyDocument': (ctx) => this.modifyDocument(ctx),
    'database.calculateDocument': (ctx) => this.calculateDocument(ctx),
    'database.removeDocument': (ctx) => this.removeDocument(ctx),
    'database.aggregateDocuments': (ctx) => this.aggregateDocuments(ctx),
    'database.startTransaction': () => ({ transactionId: this.transactions.start() }),
    'database.commitTransaction': (ctx) => ({
      data: {},
      ops: this.transactions.commit(ctx.req.string('transactionId')),
    }),
    'database.abortTransaction': (ctx) => {
      this.transactions.abort(ctx.req.string('transactionId'));
      return { data: {} };
    },
    'database.addCollection': (ctx) => this.addCollection(ctx),
  };

  constructor(
    private readonly store: Store,
    private readonly transactions: TransactionManager,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  execute(body: unknown): Execution {
    const requestId = newRequestId();
    try {
      const req = RequestFields.from(body);
      const handler = this.handlers[req.action];
      if (!handler) throw invalidParam(`action ${req.action} is not supported by the local database`);
      const result = handler({ req, now: this.clock() });
      if ('transactionId' in result) return { response: { requestId, transactionId: result.transactionId }, ops: [] };
      return { response: { requestId, data: result.data }, ops: result.ops ?? [] };
    } catch (error) {
      return { response: failure(toDbError(error), requestId), ops: [] };
    }
  }

  // ---- reads

  private getDocument({ req, now }: Context): Result {
    const collection = req.string('collectionName');
    const query = this.query(req, now);
    const projection = req.has('projection')
      ? decodeObject(req.optionalString('projection'), now, 'projection')
      : undefined;
    const transactionId = req.optionalString('transactionId');
    if (transactionId) {
      const doc = this.transactions.read(transactionId, collection, this.pinnedId(query));
      const list = doc ? this.store.project([doc], projection) : [];
      return { data: { list: list.map(encodeDocument) } };
    }
    const limit = req.optionalInteger('limit') ?? DEFAULT_QUERY_LIMIT;
    if (limit < 1 || limit > MAX_QUERY_LIMIT) {
      throw invalidParam(
        `limit must be between 1 and ${MAX_QUERY_LIMIT} (the cloud's maximum per query), got ${limit}`,
      );
    }
    const offset = req.optionalInteger('offset') ?? 0;
    if (offset < 0) throw invalidParam(`offset must not be negative, got ${offset}`);
    const docs = this.store.find(collection, query, { sort: this.order(req, now), skip: offset, limit, projection });
    return { data: { list: docs.map(encodeDocument) } };
  }

  private calculateDocument({ req, now }: Context): Result {
    this.refuseInTransaction(req, 'count');
    const collection = req.string('collectionName');
    return { data: { total: this.store.count(collection, this.query(req, now)) } };
  }

  private aggregateDocuments({ req, now }: Context): Result {
    this.refuseInTransaction(req, 'aggregate');
    const collection = req.string('collectionName');
    const pipeline = req.array('stages').map((stage, i) => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw invalidParam(`stages[${i}] must be {stageKey: "$<stage>", stageValue: "<EJSON>"}`);
      }
      if (stage.stageKey === '$out' || stage.stageKey === '$merge') {
        throw invalidParam(`aggregation stage ${stage.stageKey} is not supported`);
      }
      return { [stage.stageKey]: decodeEjson(stage.stageValue, now, `stage ${stage.stageKey}`) };
    });
    assertNoGeo(pipeline);
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: DEFAULT_AGGREGATE_LIMIT });
    return { data: { list: this.store.aggregate(collection, pipeline).map(encodeDocument) } };
  }

  // ---- writes

  private insertDocument({ req, now }: Context): Result {
    const collection = req.string('collectionName');
    const changes: Change[] = req.array('data').map((item, i) => {
      const doc = withoutUndefined(decodeObject(item, now, `data[${i}]`));
      const { _id: given, ...fields } = doc;
      if (given !== undefined && !isDocId(given)) throw invalidParam('_id must be a string or a number');
      const id: DocId = given ?? generateId(now.getTime());
      return { collection, id, after: { _id: id, ...fields }, insert: true };
    });
    if (changes.length === 0) throw invalidParam('data must not be empty');
    const ops = this.write(req, changes);
    return { data: { insertedIds: changes.map((change) => change.id) }, ops };
  }

  private modifyDocument({ req, now }: Context): Result {
    const collection = req.string('collectionName');
    const query = this.query(req, now);
    const change = parseUpdate(
      decodeObject(req.optionalString('data'), now, 'data'),
      req.optionalBoolean('merge') ?? true,
    );
    const upsert = req.optionalBoolean('upsert') ?? false;
    const transactionId = req.optionalString('transactionId');

    const targets = transactionId
      ? [this.transactions.read(transactionId, collection, this.pinnedId(query))].filter(
          (doc): doc is Doc => doc !== null,
        )
      : this.store.find(collection, query, req.optionalBoolean('multi') ? {} : { limit: 1 });
    const changes: Change[] = [];
    for (const doc of targets) {
      const after = applyUpdate(doc, change, query);
      if (after !== doc) changes.push({ collection, id: doc._id, after, insert: false });
    }
    let upsertedId: DocId | undefined;
    if (targets.length === 0 && upsert) {
      const created = upsertDocument(query, change, () => generateId(now.getTime()));
      upsertedId = created._id;
      changes.push({ collection, id: created._id, after: created, insert: true });
    }
    const ops = this.write(req, changes);
    const updated = upsertedId === undefined ? changes.length : changes.length - 1;
    return { data: upsertedId === undefined ? { updated } : { updated, upsert_id: upsertedId }, ops };
  }

  private removeDocument({ req, now }: Context): Result {
    const collection = req.string('collectionName');
    const query = this.query(req, now);
    const transactionId = req.optionalString('transactionId');
    const targets = transactionId
      ? [this.transactions.read(transactionId, collection, this.pinnedId(query))].filter(
          (doc): doc is Doc => doc !== null,
        )
      : this.store.find(collection, query, req.optionalBoolean('multi') ? {} : { limit: 1 });
    const changes = targets.map((doc): Change => ({ collection, id: doc._id, after: null, insert: false }));
    return { data: { deleted: changes.length }, ops: this.write(req, changes) };
  }

  private addCollection({ req }: Context): Result {
    const name = req.string('collectionName');
    if (this.store.has(name)) throw collectionAlreadyExists(name);
    return { data: {}, ops: [this.store.create(name)] };
  }

  // ---- helpers

  /** Applies now, or stages in the request's transaction (applied at its commit). */
  private write(req: RequestFields, changes: Change[]): JournalOp[] {
    const transactionId = req.optionalString('transactionId');
    if (transactionId) {
      this.transactions.stage(transactionId, changes);
      return [];
    }
    return changes.length > 0 ? this.store.apply(changes) : [];
  }

  private query(req: RequestFields, now: Date): Record<string, unknown> {
    const query = req.has('query') ? decodeObject(req.optionalString('query'), now, 'query') : {};
    assertNoGeo(query);
    return query;
  }

  /** Transactions only take single-document operations: the query must be exactly `{_id}`. */
  private pinnedId(query: Record<string, unknown>): DocId {
    const keys = Object.keys(query);
    if (keys.length === 1 && isDocId(query._id)) return query._id;
    throw invalidParam('only doc(id) operations and add() are allowed in a transaction (no where/aggregate)');
  }

  private refuseInTransaction(req: RequestFields, what: string): void {
    if (req.has('transactionId')) throw invalidParam(`${what} is not allowed in a transaction`);
  }

  /** `{"field": 1 | -1, …}` as the SDK sends it; older SDKs sent `[{field, direction}]`. */
  private order(req: RequestFields, now: Date): Record<string, 1 | -1> | undefined {
    if (!req.has('order')) return undefined;
    const raw = decodeEjson(req.optionalString('order'), now, 'order');
    const sort: Record<string, 1 | -1> = {};
    const entries: Array<[unknown, unknown]> = Array.isArray(raw)
      ? raw.map((item) => (isPlainObject(item) ? [item.field, item.direction] : [undefined, undefined]))
      : isPlainObject(raw)
        ? Object.entries(raw)
        : [];
    for (const [field, direction] of entries) {
      if (typeof field !== 'string' || field.length === 0) throw invalidParam('order must name fields');
      sort[field] = direction === -1 || direction === 'desc' ? -1 : 1;
    }
    return sort;
  }
}
