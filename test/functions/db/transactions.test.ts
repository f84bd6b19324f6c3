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
  await server.db.insertMany('seats', [
    { _id: 'event', left: 2 },
    { _id: 'other', left: 5 },
  ]);
});

const left = async (id: string) => (await db.collection('seats').doc(id).get()).data.left;

describe('transactions through the real wx-server-sdk', () => {
  test('runTransaction: reads, writes and adds are applied together at commit', async () => {
    const _ = db.command;
    const result = await db.runTransaction(async (transaction) => {
      const seat = await transaction.collection('seats').doc('event').get();
      await transaction
        .collection('seats')
        .doc('event')
        .update({ data: { left: _.inc(-1) } });
      // The transaction sees its own write…
      expect((await transaction.collection('seats').doc('event').get()).data.left).toBe(1);
      // …nobody else does yet.
      expect(await left('event')).toBe(2);
      const booking = await transaction.collection('items').add({ data: { seat: 'event' } });
      return { before: seat.data.left, booking: booking._id };
    });
    expect(result.before).toBe(2);
    expect(await left('event')).toBe(1);
    expect((await db.collection('items').doc(result.booking).get()).data.seat).toBe('event');
  });

  test('startTransaction: commit applies', async () => {
    const transaction = await db.startTransaction();
    await transaction
      .collection('seats')
      .doc('event')
      .set({ data: { left: 9 } });
    await transaction.collection('seats').doc('other').remove();
    expect(await left('event')).toBe(2);
    await transaction.commit();
    expect(await left('event')).toBe(9);
    expect((await db.collection('seats').count()).total).toBe(1);
  });

  test('startTransaction: rollback discards', async () => {
    const transaction = await db.startTransaction();
    await transaction
      .collection('seats')
      .doc('event')
      .update({ data: { left: 0 } });
    await transaction.collection('items').add({ data: { x: 1 } });
    await transaction.rollback();
    expect(await left('event')).toBe(2);
    expect((await db.collection('items').count()).total).toBe(0);
  });

  test('runTransaction: a callback error rolls back and reaches the caller', async () => {
    const error = await rejection(
      db.runTransaction(async (transaction) => {
        await transaction
          .collection('seats')
          .doc('event')
          .update({ data: { left: 0 } });
        throw new Error('sold out');
      }),
    );
    expect(error.message).toBe('sold out');
    expect(await left('event')).toBe(2);
  });

  test('runTransaction: rollback(reason) rejects with the reason', async () => {
    const reason = await db
      .runTransaction(async (transaction) => {
        await transaction
          .collection('seats')
          .doc('event')
          .update({ data: { left: 0 } });
        await transaction.rollback('no');
      })
      .catch((error: unknown) => error);
    expect(reason).toBe('no');
    expect(await left('event')).toBe(2);
  });

  test('runTransaction retries when a concurrent write conflicts, then succeeds', async () => {
    const _ = db.command;
    let attempts = 0;
    const final = await db.runTransaction(async (transaction) => {
      attempts += 1;
      const seat = await transaction.collection('seats').doc('event').get();
      if (attempts === 1) {
        // Someone else books a seat between our read and our commit.
        await db
          .collection('seats')
          .doc('event')
          .update({ data: { left: _.inc(-1) } });
      }
      await transaction
        .collection('seats')
        .doc('event')
        .update({ data: { left: (seat.data.left as number) - 1 } });
      return seat.data.left;
    });
    expect(attempts).toBe(2);
    expect(final).toBe(1);
    expect(await left('event')).toBe(0);
  });

  test('a conflicting commit fails with DATABASE_TRANSACTION_CONFLICT and applies nothing', async () => {
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first
      .collection('seats')
      .doc('event')
      .update({ data: { left: 1 } });
    await second
      .collection('seats')
      .doc('event')
      .update({ data: { left: 0 } });
    await second
      .collection('seats')
      .doc('other')
      .update({ data: { left: 0 } });
    await first.commit();
    const error = await rejection(second.commit());
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await left('event')).toBe(1);
    expect(await left('other')).toBe(5);
  });

  test('a duplicate _id inside a transaction fails at the add', async () => {
    const transaction = await db.startTransaction();
    const error = await rejection(transaction.collection('seats').add({ data: { _id: 'event', left: 1 } }));
    expect(error.message).toMatch(/E11000 duplicate key/);
    await transaction.rollback();
  });

  test('where() queries are not allowed in a transaction (as in the cloud)', async () => {
    const transaction = await db.startTransaction();
    const error = await rejection(transaction.collection('seats').where({ left: 2 }).get());
    expect(error.message).toMatch(/only doc\(id\) operations/);
    await transaction.rollback();
  });

  test('committing an unknown transaction fails', async () => {
    const body = { action: 'database.commitTransaction', transactionId: 'nope' };
    expect(await server.db.handle(body)).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });
});
