import { rejection, startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

let server: TestDatabase;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startSdk());
});
afterAll(() => server.close());

beforeEach(async () => {
  await server.db.clear();
  await server.db.insertMany('owners', [
    { _id: 'o1', name: '王阿姨' },
    { _id: 'o2', name: '李师傅' },
  ]);
  await server.db.insertMany('items', [
    { _id: 'a', ownerId: 'o1', category: 'food', price: 10, tags: ['x', 'y'], at: new Date('2024-01-01T00:00:00Z') },
    { _id: 'b', ownerId: 'o1', category: 'food', price: 30, tags: ['y'], at: new Date('2024-01-02T00:00:00Z') },
    { _id: 'c', ownerId: 'o2', category: 'tools', price: 5, tags: [], at: new Date('2024-01-03T00:00:00Z') },
  ]);
});

describe('aggregate through the real wx-server-sdk', () => {
  test('match, group, sort', async () => {
    const $ = db.command.aggregate;
    const { list } = await db
      .collection('items')
      .aggregate()
      .match({ price: db.command.gt(1) })
      .group({ _id: '$category', total: $.sum('$price'), n: $.sum(1), first: $.min('$at') })
      .sort({ total: -1 })
      .end();
    expect(list).toEqual([
      { _id: 'food', total: 40, n: 2, first: new Date('2024-01-01T00:00:00Z') },
      { _id: 'tools', total: 5, n: 1, first: new Date('2024-01-03T00:00:00Z') },
    ]);
  });

  test('lookup, unwind, project', async () => {
    const { list } = await db
      .collection('items')
      .aggregate()
      .match({ category: 'food' })
      .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
      .unwind('$owner')
      .unwind('$tags')
      .project({ _id: 0, item: '$_id', tag: '$tags', owner: '$owner.name' })
      .sort({ item: 1, tag: 1 })
      .end();
    expect(list).toEqual([
      { item: 'a', tag: 'x', owner: '王阿姨' },
      { item: 'a', tag: 'y', owner: '王阿姨' },
      { item: 'b', tag: 'y', owner: '王阿姨' },
    ]);
  });

  test('lookup by an array of keys joins the matches only, as MongoDB does', async () => {
    const $ = db.command.aggregate;
    const { list } = await db
      .collection('owners')
      .aggregate()
      .match({ _id: 'o1' })
      .addFields({ keys: $.literal(['a', 'missing', 'c']) })
      .lookup({ from: 'items', localField: 'keys', foreignField: '_id', as: 'items' })
      .project({ _id: 0, ids: '$items._id' })
      .end();
    expect(list).toEqual([{ ids: ['a', 'c'] }]);
  });

  test('count stage', async () => {
    const { list } = await db.collection('items').aggregate().match({ category: 'food' }).count('n').end();
    expect(list).toEqual([{ n: 2 }]);
  });

  test('pipelines do not change stored documents (mingo works on copies)', async () => {
    const before = await server.db.dump('items');
    await db
      .collection('items')
      .aggregate()
      .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
      .unwind('$owner')
      .addFields({ 'owner.name': 'changed', price: 0 })
      .end();
    expect(await server.db.dump('items')).toEqual(before);
    expect((await server.db.dump('owners')).map((o) => o.name)).toEqual(['王阿姨', '李师傅']);
  });

  test('without a limit stage the cloud returns 20 records; limit() lifts it', async () => {
    await server.db.insertMany(
      'items',
      Array.from({ length: 30 }, (_unused, i) => ({ category: 'bulk', price: i })),
    );
    const unlimited = await db.collection('items').aggregate().match({ category: 'bulk' }).end();
    expect(unlimited.list).toHaveLength(20);
    const limited = await db.collection('items').aggregate().match({ category: 'bulk' }).limit(100).end();
    expect(limited.list).toHaveLength(30);
  });

  test('aggregating a collection that does not exist fails like a query', async () => {
    // aggregate().end() keeps node-sdk's error (with its code) instead of re-wrapping it.
    const error = await rejection(db.collection('nowhere').aggregate().match({}).end());
    expect(error.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(error.message).toMatch(/Db or Table not exist: nowhere/);
  });
});
