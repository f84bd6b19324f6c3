import { openLocalDatabase } from '../../../local/db';
import { FIXTURE_INDEXES, rejection, startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

let server: TestDatabase;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startSdk());
});
afterAll(() => server.close());
beforeEach(() => server.db.clear());

const DUPLICATE =
  /E11000 duplicate key error collection: local\.accounts index: openid_unique dup key: \{ openid: "o-1" \}/;

describe('unique indexes from the index file', () => {
  test('an insert that repeats a unique key fails with the cloud error and writes nothing', async () => {
    await db.collection('accounts').add({ data: { openid: 'o-1', name: 'first' } });
    const error = await rejection(db.collection('accounts').add({ data: { openid: 'o-1', name: 'second' } }));
    expect(error.errCode).toBe(-502001);
    expect(error.message).toMatch(DUPLICATE);
    expect((await db.collection('accounts').count()).total).toBe(1);
  });

  test('a batch add with one duplicate writes none of the batch', async () => {
    await db.collection('accounts').add({ data: { openid: 'o-1' } });
    await expect(db.collection('accounts').add({ data: [{ openid: 'o-2' }, { openid: 'o-1' }] })).rejects.toThrow(
      DUPLICATE,
    );
    await expect(db.collection('accounts').add({ data: [{ openid: 'o-3' }, { openid: 'o-3' }] })).rejects.toThrow(
      /E11000/,
    );
    expect((await db.collection('accounts').get()).data.map((row) => row.openid)).toEqual(['o-1']);
  });

  test('updates and set that would create a duplicate fail and change nothing', async () => {
    await server.db.insertMany('accounts', [
      { _id: 'a', openid: 'o-1' },
      { _id: 'b', openid: 'o-2' },
    ]);
    await expect(
      db
        .collection('accounts')
        .doc('b')
        .update({ data: { openid: 'o-1' } }),
    ).rejects.toThrow(DUPLICATE);
    await expect(
      db
        .collection('accounts')
        .doc('b')
        .set({ data: { openid: 'o-1' } }),
    ).rejects.toThrow(DUPLICATE);
    await expect(
      db
        .collection('accounts')
        .where({})
        .update({ data: { openid: 'o-1' } }),
    ).rejects.toThrow(/E11000/);
    expect(await server.db.dump('accounts')).toEqual([
      { _id: 'a', openid: 'o-1' },
      { _id: 'b', openid: 'o-2' },
    ]);
    // Freeing the key makes it available again, also within one batch.
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { openid: 'o-9' } });
    await db
      .collection('accounts')
      .doc('b')
      .update({ data: { openid: 'o-1' } });
  });

  test('a duplicate _id fails like the cloud (index _id_)', async () => {
    await db.collection('seats').add({ data: { _id: 'x' } });
    const error = await rejection(db.collection('seats').add({ data: { _id: 'x' } }));
    expect(error.message).toMatch(
      /E11000 duplicate key error collection: local\.seats index: _id_ dup key: \{ _id: "x" \}/,
    );
  });

  test('compound unique keys, multikey arrays, and missing fields counted as null (MongoDB rules)', async () => {
    const memberships = db.collection('memberships');
    await memberships.add({ data: { stationId: 's1', userId: 'u1' } });
    await memberships.add({ data: { stationId: 's1', userId: 'u2' } });
    await memberships.add({ data: { stationId: 's2', userId: 'u1' } });
    await expect(memberships.add({ data: { stationId: 's1', userId: 'u1' } })).rejects.toThrow(/station_user_unique/);
    // Arrays index each element: u2 is already a member of s1.
    await expect(memberships.add({ data: { stationId: 's1', userId: ['u3', 'u2'] } })).rejects.toThrow(/E11000/);
    // Two documents lacking the key both index as null and collide.
    await memberships.add({ data: { note: 'no keys' } });
    await expect(memberships.add({ data: { note: 'no keys either' } })).rejects.toThrow(/E11000/);
  });

  test('a unique key in a committed transaction is checked too', async () => {
    await server.db.insertMany('accounts', [{ _id: 'a', openid: 'o-1' }]);
    const error = await rejection(
      db.runTransaction(async (transaction) => {
        await transaction.collection('accounts').add({ data: { openid: 'o-1' } });
      }),
    );
    expect(error.message).toMatch(DUPLICATE);
    expect((await db.collection('accounts').count()).total).toBe(1);
  });

  test('insertMany (seeding) enforces unique indexes too', async () => {
    const local = await openLocalDatabase({ dataDir: null, indexesFile: FIXTURE_INDEXES });
    await local.insertMany('accounts', [{ openid: 'o-1' }]);
    await expect(local.insertMany('accounts', [{ openid: 'o-2' }, { openid: 'o-1' }])).rejects.toThrow(/E11000/);
    expect(await local.dump('accounts')).toHaveLength(1);
    await local.close();
  });
});
