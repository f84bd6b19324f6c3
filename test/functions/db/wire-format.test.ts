import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { configureCloudEnv } from '../../../local/cloud-env';
import { openLocalDatabase } from '../../../local/db';
import { FIXTURE_INDEXES, sdkDatabase, type Database } from './sdk-client';

/**
 * The wire contract with the pinned SDK. A capture server records what wx-server-sdk actually
 * sends for a representative set of calls; the recording must equal the checked-in fixture, so
 * an SDK upgrade that changes the format fails here, loudly, before the local database quietly
 * misreads it. Then every recorded request is replayed against the local database, which must
 * understand all of them.
 *
 * After an intended SDK upgrade: UPDATE_WIRE_FIXTURES=1 npx jest test/functions/db/wire-format
 * and review the diff of __fixtures__/wire-requests.json.
 */

const FIXTURE = join(__dirname, '__fixtures__', 'wire-requests.json');
const PACKAGES = ['wx-server-sdk', '@cloudbase/node-sdk', '@cloudbase/database'];
/** Headers that carry no time, signature, host or length. */
const STABLE_HEADERS = ['content-type', 'user-agent', 'x-sdk-version', 'x-tcb-source', 'x-signature-expires'];

interface Recorded {
  call: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function packageVersion(name: string): string {
  // Resolved from wx-server-sdk's folder: that is where its pinned dependencies are found.
  const resolver = createRequire(__filename);
  const file = resolver.resolve(`${name}/package.json`, { paths: [resolver.resolve('wx-server-sdk')] });
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Plausible answers so the SDK carries on after each call. */
function answer(body: Record<string, unknown>, transactions: { count: number }): unknown {
  switch (body.action) {
    case 'database.getDocument':
    case 'database.aggregateDocuments':
      return { requestId: 'capture', data: { list: ['{"_id":"x","n":{"$numberInt":"1"}}'] } };
    case 'database.insertDocument':
      return { requestId: 'capture', data: { insertedIds: (body.data as unknown[]).map((_unused, i) => `new-${i}`) } };
    case 'database.startTransaction':
      transactions.count += 1;
      return { requestId: 'capture', transactionId: `capture-txn-${transactions.count}` };
    case 'database.calculateDocument':
      return { requestId: 'capture', data: { total: 1 } };
    case 'database.removeDocument':
      return { requestId: 'capture', data: { deleted: 1 } };
    default:
      return { requestId: 'capture', data: { updated: 1 } };
  }
}

async function startCapture(): Promise<{
  server: Server;
  url: string;
  requests: Recorded[];
  label: { current: string };
}> {
  const requests: Recorded[] = [];
  const label = { current: '' };
  const transactions = { count: 0 };
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const url = new URL(req.url ?? '/', 'http://capture');
      const headers: Record<string, string> = {};
      for (const name of STABLE_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      requests.push({
        call: label.current,
        method: req.method ?? '',
        path: url.pathname,
        // seqId changes every call: record that it is there, not its value.
        query: {
          env: url.searchParams.get('env') ?? '',
          seqId: url.searchParams.get('seqId') ? '<present>' : '<missing>',
        },
        headers,
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(body, transactions)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/__tcb`, requests, label };
}

/** The calls whose wire format is pinned. Fixed dates and offsets keep the recording stable. */
function representativeCalls(db: Database): Array<[string, () => Promise<unknown>]> {
  const _ = db.command;
  const $ = db.command.aggregate;
  const day = new Date('2024-03-04T05:06:07.890Z');
  const items = () => db.collection('items');
  return [
    [
      'where with operators, regex, Date, serverDate; orderBy, skip, limit>1000, field',
      () =>
        items()
          .where({
            n: _.gt(1).and(_.lte(9)),
            tag: _.in(['a', 'b']),
            name: /^tea/i,
            at: _.lt(day),
            seen: _.lt(db.serverDate({ offset: -1000 })),
            'nested.flag': true,
          })
          .orderBy('n', 'desc')
          .orderBy('name', 'asc')
          .skip(20)
          .limit(5000)
          .field({ n: true, name: 1 })
          .get(),
    ],
    [
      'get without limit',
      () =>
        items()
          .where({ n: _.neq(0) })
          .get(),
    ],
    [
      'or / exists / size / elemMatch',
      () =>
        items()
          .where(_.or([{ n: _.exists(false) }, { tags: _.size(2) }, { list: _.elemMatch({ v: _.gte(1) }) }]))
          .get(),
    ],
    [
      'count',
      () =>
        items()
          .where({ n: _.gte(1) })
          .count(),
    ],
    [
      'add one (Date, serverDate, Geo point, RegExp, integer/double/long numbers)',
      () =>
        items().add({
          data: {
            at: day,
            created: db.serverDate(),
            where: db.Geo.Point(113.3, 23.1),
            re: db.RegExp({ regexp: 'ab', options: 'i' }),
            int: 1,
            dbl: 1.5,
            big: 2 ** 40,
            nested: { a: [1, { b: null }] },
          },
        }),
    ],
    ['add many', () => items().add({ data: [{ _id: 'given', v: 1 }, { v: 2 }] })],
    ['doc get', () => items().doc('x').get()],
    ['doc get with field', () => items().doc('x').field({ n: true }).get()],
    [
      'doc set',
      () =>
        items()
          .doc('x')
          .set({ data: { v: 1, at: day } }),
    ],
    [
      'doc update with every update command',
      () =>
        items()
          .doc('x')
          .update({
            data: {
              n: _.inc(1),
              m: _.mul(2),
              lo: _.min(0),
              hi: _.max(9),
              gone: _.remove(),
              obj: _.set({ a: 1 }),
              renamed: _.rename('newName'),
              push: _.push([1, 2]),
              pushEach: _.push({ each: [3], position: 0, slice: 5 }),
              pull: _.pull(_.gt(3)),
              pullAll: _.pullAll([1]),
              add: _.addToSet(5),
              pop: _.pop(),
              shift: _.shift(),
              unshift: _.unshift([0]),
              'nested.deep': 1,
              plain: { x: 1 },
              when: db.serverDate(),
            },
          }),
    ],
    ['doc remove', () => items().doc('x').remove()],
    [
      'where update (multi)',
      () =>
        items()
          .where({ n: 1 })
          .update({ data: { n: _.inc(-1) } }),
    ],
    [
      'where update multi: false',
      () =>
        items()
          .where({ n: 1 })
          .update({ data: { n: 0 }, multi: false }),
    ],
    [
      'where remove',
      () =>
        items()
          .where({ n: _.lt(0) })
          .remove(),
    ],
    [
      'aggregate: match, group, sort, project, lookup, unwind, count, skip, limit',
      () =>
        items()
          .aggregate()
          .match({ n: _.gt(1), at: _.gte(day) })
          .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
          .unwind('$owner')
          .unwind({ path: '$tags', preserveNullAndEmptyArrays: true })
          .group({ _id: '$owner.name', total: $.sum('$n'), first: $.first('$at') })
          .project({ _id: 0, name: '$_id', total: 1 })
          .sort({ total: -1 })
          .skip(1)
          .limit(10)
          .end(),
    ],
    ['aggregate count', () => items().aggregate().match({ n: 1 }).count('total').end()],
    ['createCollection', () => db.createCollection('made_by_wire_test')],
    [
      'runTransaction: get, update, add, set, remove, commit',
      () =>
        db.runTransaction(async (transaction) => {
          await transaction.collection('items').doc('x').get();
          await transaction
            .collection('items')
            .doc('x')
            .update({ data: { n: _.inc(1) } });
          await transaction.collection('items').add({ data: { _id: 'in-txn', at: day } });
          await transaction
            .collection('owners')
            .doc('o')
            .set({ data: { name: 'n' } });
          await transaction.collection('owners').doc('gone').remove();
        }),
    ],
    [
      'startTransaction then rollback',
      async () => {
        const transaction = await db.startTransaction();
        await transaction.collection('items').doc('x').get();
        await transaction.rollback();
      },
    ],
  ];
}

describe('wire format of the pinned wx-server-sdk', () => {
  let capture: Awaited<ReturnType<typeof startCapture>>;

  beforeAll(async () => {
    capture = await startCapture();
    configureCloudEnv(capture.url);
    const db = sdkDatabase();
    for (const [call, run] of representativeCalls(db)) {
      capture.label.current = call;
      await run();
    }
  });

  afterAll(async () => {
    capture.server.closeAllConnections();
    await new Promise<void>((resolve) => capture.server.close(() => resolve()));
  });

  test('requests equal the checked-in fixture', () => {
    const recorded = {
      $comment:
        'What the pinned SDK sends (test/functions/db/wire-format.test.ts). Volatile parts left out: seqId, timestamps, signature, host, length. Regenerate with UPDATE_WIRE_FIXTURES=1 after an intended SDK upgrade and review the diff.',
      packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
      requests: capture.requests,
    };
    if (process.env.UPDATE_WIRE_FIXTURES === '1') writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
    if (!existsSync(FIXTURE)) throw new Error(`${FIXTURE} is missing: record it with UPDATE_WIRE_FIXTURES=1`);
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as typeof recorded;
    expect(recorded.packages).toEqual(fixture.packages);
    expect(recorded.requests).toEqual(fixture.requests);
  });

  test('the local database understands every recorded request', async () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { requests: Recorded[] };
    const local = await openLocalDatabase({ dataDir: null, indexesFile: FIXTURE_INDEXES });
    await local.insertMany('items', [{ _id: 'x', n: 1 }]);
    await local.insertMany('owners', [{ _id: 'gone', name: 'g' }]);
    const realTransactionIds = new Map<string, string>();
    let captured = 0;
    for (const { call, body } of fixture.requests) {
      const sent = { ...body };
      if (typeof sent.transactionId === 'string')
        sent.transactionId = realTransactionIds.get(sent.transactionId) ?? sent.transactionId;
      const reply = (await local.handle(sent)) as { code?: string; message?: string; transactionId?: string };
      if (sent.action === 'database.startTransaction')
        realTransactionIds.set(`capture-txn-${++captured}`, String(reply.transactionId));
      expect({ call, action: sent.action, error: reply.code ? `${reply.code}: ${reply.message}` : null }).toEqual({
        call,
        action: sent.action,
        error: null,
      });
    }
    await local.close();
  });
});
