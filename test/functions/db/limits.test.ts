import { EJSON } from 'bson';
import { startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

let server: TestDatabase;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startSdk());
  await server.db.insertMany(
    'items',
    Array.from({ length: 1200 }, (_unused, i) => ({ n: i })),
  );
});
afterAll(() => server.close());

const getBody = (extra: Record<string, unknown>) => ({
  action: 'database.getDocument',
  collectionName: 'items',
  queryType: 'WHERE',
  query: EJSON.stringify({}, { relaxed: false }),
  ...extra,
});

describe('cloud query limits', () => {
  test('a query without limit() returns 100 records', async () => {
    expect((await db.collection('items').get()).data).toHaveLength(100);
  });

  test('limit() up to 1000 is honoured; the SDK clamps larger values to 1000', async () => {
    expect((await db.collection('items').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('items').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('items').skip(1100).limit(1000).get()).data).toHaveLength(100);
  });

  test('the server itself refuses more than 1000 (a client that bypasses the SDK clamp)', async () => {
    expect(await server.db.handle(getBody({ limit: 1001 }))).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/limit/),
    });
    expect(await server.db.handle(getBody({ limit: 0 }))).toMatchObject({ code: 'INVALID_PARAM' });
    const answer = (await server.db.handle(getBody({}))) as { data: { list: string[] } };
    expect(answer.data.list).toHaveLength(100);
  });

  test('count() is not limited', async () => {
    expect((await db.collection('items').count()).total).toBe(1200);
  });

  test('unknown actions and malformed requests get clear errors', async () => {
    expect(await server.db.handle({ action: 'database.watchDocument' })).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/not supported/),
    });
    expect(await server.db.handle('nonsense')).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await server.db.handle(getBody({ query: '{not ejson' }))).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
