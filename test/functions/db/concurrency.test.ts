import { startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

let server: TestDatabase;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startSdk());
});
afterAll(() => server.close());
beforeEach(() => server.db.clear());

describe('each request is atomic and requests are serialised', () => {
  test('50 concurrent conditional increments against capacity 10 leave exactly 10', async () => {
    const _ = db.command;
    await server.db.insertMany('seats', [{ _id: 'a', taken: 0 }]);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        db
          .collection('seats')
          .where({ _id: 'a', taken: _.lt(10) })
          .update({ data: { taken: _.inc(1) } }),
      ),
    );
    expect(results.filter((result) => result.stats.updated === 1)).toHaveLength(10);
    expect(results.filter((result) => result.stats.updated === 0)).toHaveLength(40);
    expect((await db.collection('seats').doc('a').get()).data.taken).toBe(10);
  });

  test('concurrent runTransaction calls on one document: conflicts retry, no update is lost', async () => {
    await server.db.insertMany('seats', [{ _id: 'counter', n: 0 }]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        db.runTransaction(async (transaction) => {
          const current = await transaction.collection('seats').doc('counter').get();
          await transaction
            .collection('seats')
            .doc('counter')
            .update({ data: { n: (current.data.n as number) + 1 } });
        }, 10),
      ),
    );
    // Each failed attempt needs another transaction's commit inside its window, so with 5
    // contenders nobody fails more than 4 times: all commit, and each counted exactly once.
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    expect((await db.collection('seats').doc('counter').get()).data.n).toBe(5);
  });
});
