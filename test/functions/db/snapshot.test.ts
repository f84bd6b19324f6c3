import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDatabase } from '../../../local/db';
import { FIXTURE_INDEXES, startSdk } from './sdk-client';

/** snapshot/restore: many test cases, each from the same data, without seeding again. */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('restore brings back every collection as it was: changed, removed, added documents and new collections', async () => {
  const db = await openLocalDatabase({ dataDir: null, indexesFile: FIXTURE_INDEXES });
  await db.insertMany('items', [
    { _id: 'a', n: 1, when: new Date('2024-02-08T01:00:00Z') },
    { _id: 'b', n: 2 },
  ]);
  await db.insertMany('accounts', [{ _id: 'p', openid: 'o-1' }]);
  const before = { items: await db.dump('items'), accounts: await db.dump('accounts') };
  const snapshot = db.snapshot();

  await db.putAll([
    { collection: 'items', doc: { _id: 'a', n: 10 }, insert: false },
    { collection: 'items', doc: { _id: 'c', n: 3 }, insert: true },
    { collection: 'extra', doc: { _id: 'x' }, insert: true },
  ]);
  await db.clear();
  await db.insertMany('accounts', [{ _id: 'q', openid: 'o-2' }]);

  await db.restore(snapshot);
  expect(await db.dump('items')).toEqual(before.items);
  expect(await db.dump('accounts')).toEqual(before.accounts);
  expect(await db.dump('extra')).toEqual([]);
  // The same snapshot restores again, however often: the matrix test restores before every cell.
  await db.insertMany('items', [{ _id: 'd' }]);
  await db.restore(snapshot);
  expect(await db.dump('items')).toEqual(before.items);
  await db.close();
});

test('unique indexes follow the restored data: an id or key taken then is taken again, one freed is free', async () => {
  const db = await openLocalDatabase({ dataDir: null, indexesFile: FIXTURE_INDEXES });
  await db.insertMany('accounts', [{ _id: 'p', openid: 'o-1' }]);
  const snapshot = db.snapshot();
  await db.insertMany('accounts', [{ _id: 'q', openid: 'o-2' }]);
  await db.restore(snapshot);

  await expect(db.insertMany('accounts', [{ _id: 'other', openid: 'o-1' }])).rejects.toThrow();
  await expect(db.insertMany('accounts', [{ _id: 'p', openid: 'o-9' }])).rejects.toThrow();
  await db.insertMany('accounts', [{ _id: 'q', openid: 'o-2' }]);
  expect((await db.dump('accounts')).map((d) => d._id)).toEqual(['p', 'q']);
  await db.close();
});

test('a restore is journaled: a file-backed database reopens as restored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-snapshot-'));
  dirs.push(dir);
  const db = await openLocalDatabase({ dataDir: dir, indexesFile: FIXTURE_INDEXES });
  await db.insertMany('items', [{ _id: 'a', n: 1 }]);
  const snapshot = db.snapshot();
  await db.insertMany('items', [{ _id: 'b', n: 2 }]);
  await db.restore(snapshot);
  await db.close();

  const again = await openLocalDatabase({ dataDir: dir, indexesFile: FIXTURE_INDEXES });
  expect(await again.dump('items')).toEqual([{ _id: 'a', n: 1 }]);
  await again.close();
});

test('the SDK reads the restored data (no stale cached lists)', async () => {
  const { server, db } = await startSdk();
  await server.db.insertMany('items', [{ _id: 'a', n: 1 }]);
  const snapshot = server.db.snapshot();
  await db.collection('items').add({ data: { _id: 'b', n: 2 } });
  expect((await db.collection('items').get()).data).toHaveLength(2);
  await server.db.restore(snapshot);
  expect((await db.collection('items').get()).data.map((d) => d._id)).toEqual(['a']);
  await server.close();
});
