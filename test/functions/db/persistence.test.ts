import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDatabase, type LocalDatabase } from '../../../local/db';
import { startTestDatabase } from '../../support/database';
import { FIXTURE_INDEXES, sdkDatabase } from './sdk-client';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-db-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const open = (dataDir: string, compactEvery?: number) =>
  openLocalDatabase({ dataDir, indexesFile: FIXTURE_INDEXES, ...(compactEvery ? { compactEvery } : {}) });

const segments = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('journal-'))
    .sort();
const lastSegment = (dir: string) => join(dir, segments(dir).at(-1) ?? 'missing');

async function ids(db: LocalDatabase, collection: string): Promise<unknown[]> {
  return (await db.dump(collection)).map((doc) => doc._id);
}

describe('persistence in a data folder', () => {
  test('SDK writes survive close and reopen, with types and unique indexes intact', async () => {
    const dir = tempDir();
    let server = await startTestDatabase({ dataDir: dir, indexesFile: FIXTURE_INDEXES });
    const db = sdkDatabase();
    const _ = db.command;
    const { _id } = await db
      .collection('items')
      .add({ data: { when: new Date('2024-02-03T04:05:06Z'), n: 1.5, tags: ['a'] } });
    await db
      .collection('items')
      .doc(_id)
      .update({ data: { n: _.inc(1), tags: _.push(['b']) } });
    await db.collection('accounts').add({ data: { openid: 'o-1' } });
    await db
      .collection('seats')
      .doc('gone')
      .set({ data: { x: 1 } });
    await db.collection('seats').doc('gone').remove();
    await db.createCollection('extra');
    await server.close();

    server = await startTestDatabase({ dataDir: dir, indexesFile: FIXTURE_INDEXES });
    const { data } = await db.collection('items').doc(_id).get();
    expect(data).toEqual({ _id, when: new Date('2024-02-03T04:05:06Z'), n: 2.5, tags: ['a', 'b'] });
    expect((await db.collection('seats').count()).total).toBe(0);
    expect((await db.collection('extra').count()).total).toBe(0);
    await expect(db.collection('accounts').add({ data: { openid: 'o-1' } })).rejects.toThrow(/E11000/);
    await server.close();
  });

  test('an acknowledged write is already in the journal file', async () => {
    const dir = tempDir();
    const db = await open(dir);
    const [id] = await db.insertMany('items', [{ marker: 'acknowledged-1' }]);
    const answer = await db.handle({
      action: 'database.insertDocument',
      collectionName: 'items',
      data: ['{"marker":"acknowledged-2"}'],
    });
    expect(answer).toMatchObject({ data: { insertedIds: [expect.any(String)] } });
    const journal = readFileSync(lastSegment(dir), 'utf8');
    expect(journal).toContain(String(id));
    expect(journal).toContain('acknowledged-2');
    await db.close();
  });

  test('a crash copy of the folder (no close) has every acknowledged write', async () => {
    const dir = tempDir();
    const db = await open(dir);
    await Promise.all(Array.from({ length: 40 }, (_unused, i) => db.insertMany('items', [{ _id: `c${i}` }])));
    const crashed = tempDir();
    cpSync(dir, crashed, { recursive: true });
    const reopened = await open(crashed);
    expect(await ids(reopened, 'items')).toHaveLength(40);
    await reopened.close();
    await db.close();
  });

  test('a torn last journal line is dropped; everything before it loads and writing continues', async () => {
    const dir = tempDir();
    let db = await open(dir);
    await db.insertMany('items', [{ _id: 'kept-1' }]);
    await db.insertMany('items', [{ _id: 'kept-2' }]);
    await db.close();
    // A crash in the middle of writing the next record (never acknowledged).
    appendFileSync(lastSegment(dir), '{"lsn":3,"ops":[{"c":"items","put":{"_id":"torn');

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    db = await open(dir);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropping an incomplete last record/));
    warn.mockRestore();
    expect(await ids(db, 'items')).toEqual(['kept-1', 'kept-2']);
    await db.insertMany('items', [{ _id: 'after' }]);
    await db.close();

    db = await open(dir);
    expect(await ids(db, 'items')).toEqual(['kept-1', 'kept-2', 'after']);
    await db.close();
  });

  test('a complete but garbled last line is dropped too; damage before valid records refuses to load', async () => {
    const dir = tempDir();
    let db = await open(dir);
    await db.insertMany('items', [{ _id: 'one' }]);
    await db.close();
    appendFileSync(lastSegment(dir), '\u0000\u0000garbage\n');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    db = await open(dir);
    warn.mockRestore();
    expect(await ids(db, 'items')).toEqual(['one']);
    await db.insertMany('items', [{ _id: 'two' }]);
    await db.close();

    const text = readFileSync(lastSegment(dir), 'utf8');
    writeFileSync(lastSegment(dir), `garbage\n${text}`);
    await expect(open(dir)).rejects.toThrow(/refusing to load/);
  });

  test('compaction writes a snapshot, drops old journal segments, and keeps all data', async () => {
    const dir = tempDir();
    let db = await open(dir, 3);
    for (let i = 0; i < 10; i += 1) await db.insertMany('items', [{ _id: `k${i}`, i }]);
    await db.handle({
      action: 'database.modifyDocument',
      collectionName: 'items',
      query: '{"_id":"k0"}',
      data: '{"$set":{"i":{"$numberInt":"100"}}}',
      multi: false,
      merge: true,
    });
    await db.handle({
      action: 'database.removeDocument',
      collectionName: 'items',
      query: '{"_id":"k1"}',
      multi: false,
    });
    await db.close();

    expect(existsSync(join(dir, 'snapshot.jsonl'))).toBe(true);
    expect(segments(dir)).toHaveLength(1);

    db = await open(dir, 3);
    const docs = await db.dump('items');
    expect(docs).toHaveLength(9);
    expect(docs.find((doc) => doc._id === 'k0')?.i).toBe(100);
    await db.insertMany('items', [{ _id: 'after-compaction' }]);
    await db.close();

    db = await open(dir);
    expect(await ids(db, 'items')).toContain('after-compaction');
    expect(await ids(db, 'items')).toHaveLength(10);
    await db.close();
  });

  test('clear() is persistent', async () => {
    const dir = tempDir();
    let db = await open(dir);
    await db.insertMany('items', [{ a: 1 }]);
    await db.insertMany('made_up', [{ a: 1 }]);
    await db.clear();
    await db.insertMany('items', [{ _id: 'fresh' }]);
    await db.close();
    db = await open(dir);
    expect(await ids(db, 'items')).toEqual(['fresh']);
    expect(await db.dump('made_up')).toEqual([]);
    await db.close();
  });

  test('a data folder can be open only once', async () => {
    const dir = tempDir();
    const db = await open(dir);
    await expect(open(dir)).rejects.toThrow(/already open/);
    await db.close();
    await (await open(dir)).close();
  });
});
