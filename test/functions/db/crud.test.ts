import { rejection, startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

let server: TestDatabase;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startSdk());
});
afterAll(() => server.close());
beforeEach(() => server.db.clear());

describe('documents through the real wx-server-sdk', () => {
  test('add, doc().get, generated ids, Date and serverDate round trip', async () => {
    const before = Date.now();
    const when = new Date('2024-05-06T07:08:09.123Z');
    const { _id } = await db.collection('items').add({
      data: {
        name: '茶话会',
        count: 3,
        ratio: 1.5,
        when,
        at: db.serverDate(),
        later: db.serverDate({ offset: 60_000 }),
        tags: ['a'],
      },
    });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);

    const { data } = await db.collection('items').doc(_id).get();
    expect(data).toMatchObject({ _id, name: '茶话会', count: 3, ratio: 1.5, tags: ['a'] });
    expect(data.when).toBeInstanceOf(Date);
    expect((data.when as Date).toISOString()).toBe(when.toISOString());
    const at = (data.at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect((data.later as Date).getTime() - at).toBe(60_000);
  });

  test('add with an explicit _id, and several documents at once', async () => {
    expect((await db.collection('items').add({ data: { _id: 'mine', v: 1 } }))._id).toBe('mine');
    const many = await db.collection('items').add({ data: [{ v: 2 }, { v: 3 }] });
    expect(many._ids).toHaveLength(2);
    expect((await db.collection('items').count()).total).toBe(3);
  });

  test('doc(id).get on a missing document throws like the cloud', async () => {
    const error = await rejection(db.collection('items').doc('nope').get());
    expect(error.message).toMatch(/document\.get:fail document with _id nope does not exist/);
  });

  test('querying a collection that does not exist fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const error = await rejection(db.collection('no_such_collection').get());
    expect(error.errCode).toBe(-502005);
    const insert = await rejection(db.collection('no_such_collection').add({ data: { a: 1 } }));
    expect(insert.errCode).toBe(-502005);
  });

  test('createCollection makes it usable; creating it twice fails', async () => {
    await db.createCollection('made_here');
    await db.collection('made_here').add({ data: { a: 1 } });
    expect((await db.collection('made_here').count()).total).toBe(1);
    await expect(db.createCollection('made_here')).rejects.toThrow(/exist/i);
    // clear() drops collections that the index file does not declare.
    await server.db.clear();
    expect((await rejection(db.collection('made_here').get())).errCode).toBe(-502005);
  });

  test('where with command operators, orderBy, skip, limit, field, count', async () => {
    const _ = db.command;
    await server.db.insertMany(
      'items',
      Array.from({ length: 10 }, (_unused, i) => ({
        _id: `i${i}`,
        n: i,
        parity: i % 2 ? 'odd' : 'even',
        name: `Item ${i}`,
        tags: i < 3 ? ['low'] : ['high'],
      })),
    );
    const items = db.collection('items');
    const ids = (rows: { data: Record<string, unknown>[] }) => rows.data.map((row) => row._id);

    expect(
      ids(
        await items
          .where({ n: _.gt(6) })
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i7', 'i8', 'i9']);
    expect(
      ids(
        await items
          .where({ n: _.gte(2).and(_.lt(4)) })
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i2', 'i3']);
    expect(
      ids(
        await items
          .where({ n: _.in([1, 5]) })
          .orderBy('n', 'desc')
          .get(),
      ),
    ).toEqual(['i5', 'i1']);
    expect(
      ids(
        await items
          .where({ n: _.nin([0, 1, 2, 3, 4, 5, 6, 7]) })
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i8', 'i9']);
    expect(
      ids(
        await items
          .where(_.or([{ n: 0 }, { n: 9 }]))
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i0', 'i9']);
    expect(
      ids(
        await items
          .where({ n: _.neq(0), parity: 'even' })
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i2', 'i4', 'i6', 'i8']);
    expect(ids(await items.where({ name: /item 1/i }).get())).toEqual(['i1']);
    expect(
      ids(
        await items
          .where({ name: db.RegExp({ regexp: '^Item [89]$', options: 'i' }) })
          .orderBy('n', 'asc')
          .get(),
      ),
    ).toEqual(['i8', 'i9']);
    expect(ids(await items.where({ tags: 'low' }).orderBy('n', 'asc').get())).toEqual(['i0', 'i1', 'i2']);
    expect(ids(await items.where({ missing: _.exists(false), n: _.lt(1) }).get())).toEqual(['i0']);
    expect(ids(await items.orderBy('parity', 'asc').orderBy('n', 'desc').skip(3).limit(4).get())).toEqual([
      'i2',
      'i0',
      'i9',
      'i7',
    ]);

    const projected = await items.where({ n: 4 }).field({ name: true }).get();
    expect(projected.data).toEqual([{ _id: 'i4', name: 'Item 4' }]);
    expect((await items.doc('i4').field({ n: true }).get()).data).toEqual({ _id: 'i4', n: 4 });

    expect((await items.where({ parity: 'odd' }).count()).total).toBe(5);
  });

  test('update operators: inc, set, push, pull, addToSet, remove, mul and nested fields', async () => {
    const _ = db.command;
    await server.db.insertMany('items', [
      { _id: 'u', n: 1, price: 2.5, list: [1, 5, 9], set: ['a'], gone: true, nested: { a: 1, b: 2 } },
    ]);
    const doc = db.collection('items').doc('u');
    const result = await doc.update({
      data: {
        n: _.inc(2),
        price: _.mul(2),
        list: _.pull(_.gt(4)),
        set: _.addToSet('b'),
        gone: _.remove(),
        nested: { b: 3 },
        replaced: _.set({ x: 1 }),
      },
    });
    expect(result.stats.updated).toBe(1);
    await doc.update({ data: { list: _.push([7, 8]), set: _.addToSet('a') } });
    expect((await doc.get()).data).toEqual({
      _id: 'u',
      n: 3,
      price: 5,
      list: [1, 7, 8],
      set: ['a', 'b'],
      nested: { a: 1, b: 3 },
      replaced: { x: 1 },
    });
  });

  test('updated counts modified documents, like the cloud (nothing changed: 0)', async () => {
    await server.db.insertMany('items', [{ _id: 'same', v: 1 }]);
    expect(
      (
        await db
          .collection('items')
          .doc('same')
          .update({ data: { v: 1 } })
      ).stats.updated,
    ).toBe(0);
    expect(
      (
        await db
          .collection('items')
          .doc('same')
          .update({ data: { v: 2 } })
      ).stats.updated,
    ).toBe(1);
    expect(
      (
        await db
          .collection('items')
          .doc('absent')
          .update({ data: { v: 2 } })
      ).stats.updated,
    ).toBe(0);
  });

  test('where().update updates all matches; multi: false only one', async () => {
    const _ = db.command;
    await server.db.insertMany('items', [
      { k: 'x', v: 0 },
      { k: 'x', v: 0 },
      { k: 'y', v: 0 },
    ]);
    expect(
      (
        await db
          .collection('items')
          .where({ k: 'x' })
          .update({ data: { v: _.inc(1) } })
      ).stats.updated,
    ).toBe(2);
    expect(
      (
        await db
          .collection('items')
          .where({ v: 1 })
          .update({ data: { v: 5 }, multi: false })
      ).stats.updated,
    ).toBe(1);
    const values = (await db.collection('items').orderBy('v', 'asc').get()).data.map((row) => row.v);
    expect(values).toEqual([0, 1, 5]);
  });

  test('update errors leave the document unchanged ($inc on a string)', async () => {
    const _ = db.command;
    await server.db.insertMany('items', [{ _id: 's', label: 'text', n: 1 }]);
    await expect(
      db
        .collection('items')
        .doc('s')
        .update({ data: { label: _.inc(1), n: _.inc(1) } }),
    ).rejects.toThrow();
    expect((await db.collection('items').doc('s').get()).data).toEqual({ _id: 's', label: 'text', n: 1 });
  });

  test('doc(id).set creates then replaces; doc(id).remove and where().remove', async () => {
    const items = db.collection('items');
    const created = await items.doc('d1').set({ data: { a: 1, b: 2 } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const replaced = await items.doc('d1').set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await items.doc('d1').get()).data).toEqual({ _id: 'd1', c: 3 });

    expect((await items.doc('d1').remove()).stats.removed).toBe(1);
    expect((await items.doc('d1').remove()).stats.removed).toBe(0);

    await server.db.insertMany('items', [{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await items.where({ k: 1 }).remove()).stats.removed).toBe(2);
    expect((await items.count()).total).toBe(1);
  });

  test('geo points and regex values round trip as data', async () => {
    const { _id } = await db.collection('items').add({ data: { where: db.Geo.Point(113.3, 23.1), pattern: /ab+c/i } });
    const { data } = await db.collection('items').doc(_id).get();
    expect(data.where).toMatchObject({ longitude: 113.3, latitude: 23.1 });
    // The SDK hands stored regexes back as {pattern, options} (its bson's BSONRegExp).
    expect(data.pattern).toMatchObject({ pattern: 'ab+c', options: 'i' });
    const stored = await server.db.dump('items');
    expect(stored[0]?.where).toEqual({ type: 'Point', coordinates: [113.3, 23.1] });
    expect(stored[0]?.pattern).toEqual(/ab+c/i);
  });

  test('geo query operators are refused with a clear error', async () => {
    const _ = db.command;
    await server.db.insertMany('items', [{ where: { type: 'Point', coordinates: [113.3, 23.1] } }]);
    const error = await rejection(
      db
        .collection('items')
        .where({ where: _.geoNear({ geometry: db.Geo.Point(113.3, 23.1), maxDistance: 1000 }) })
        .get(),
    );
    expect(error.message).toMatch(/geo operator \$nearSphere is not supported/);
  });

  test('insertMany, dump and clear', async () => {
    const ids = await server.db.insertMany('items', [{ _id: 'a', n: 1 }, { n: 2 }]);
    expect(ids[0]).toBe('a');
    expect(await server.db.dump('items')).toHaveLength(2);
    // dump returns copies: changing them changes nothing stored.
    const [first] = await server.db.dump('items');
    if (first) first.n = 99;
    expect((await db.collection('items').doc('a').get()).data.n).toBe(1);
    await server.db.clear();
    expect(await server.db.dump('items')).toEqual([]);
    expect(await server.db.dump('never_made')).toEqual([]);
  });
});

describe('request counting', () => {
  test('stats() counts requests by action; resetStats() starts over', async () => {
    server.db.resetStats();
    await db.collection('items').add({ data: { a: 1 } });
    await db.collection('items').get();
    await db.collection('items').count();
    await db.collection('items').get();
    expect(server.db.stats()).toEqual({
      requests: 4,
      byAction: { 'database.insertDocument': 1, 'database.getDocument': 2, 'database.calculateDocument': 1 },
    });
    server.db.resetStats();
    expect(server.db.stats()).toEqual({ requests: 0, byAction: {} });
  });
});
