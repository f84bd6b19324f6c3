import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDatabase } from '../../../local/db';
import { FIXTURE_INDEXES } from './sdk-client';

/** putAll: the command-line import's one write — several collections, all or nothing, one journal record. */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-putall-'));
  dirs.push(dir);
  return dir;
}
const open = (dataDir: string) => openLocalDatabase({ dataDir, indexesFile: FIXTURE_INDEXES });
const journalLines = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.startsWith('journal-'))
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter(Boolean));

test('writes into several collections as one journal record that survives a reopen', async () => {
  const dir = tempDir();
  const db = await open(dir);
  await db.insertMany('items', [{ _id: 'kept', n: 1 }]);
  const before = journalLines(dir).length;
  await db.putAll([
    { collection: 'items', doc: { _id: 'a', when: new Date('2024-02-08T01:00:00Z') }, insert: true },
    { collection: 'accounts', doc: { _id: 'p', openid: 'o-1' }, insert: true },
    { collection: 'items', doc: { _id: 'kept', n: 2 }, insert: false },
  ]);
  expect(journalLines(dir).length).toBe(before + 1);
  await db.close();

  const again = await open(dir);
  expect(await again.dump('items')).toEqual([
    { _id: 'kept', n: 2 },
    { _id: 'a', when: new Date('2024-02-08T01:00:00Z') },
  ]);
  expect(await again.dump('accounts')).toEqual([{ _id: 'p', openid: 'o-1' }]);
  await again.close();
});

test('writes nothing when one insert finds its id taken, or a unique index would break', async () => {
  const db = await openLocalDatabase({ dataDir: null, indexesFile: FIXTURE_INDEXES });
  await db.insertMany('items', [{ _id: 'taken' }]);
  await expect(
    db.putAll([
      { collection: 'accounts', doc: { _id: 'new' }, insert: true },
      { collection: 'items', doc: { _id: 'taken' }, insert: true },
    ]),
  ).rejects.toThrow();
  expect(await db.dump('accounts')).toEqual([]);
  await expect(
    db.putAll([
      { collection: 'accounts', doc: { _id: 'x', openid: 'same' }, insert: true },
      { collection: 'accounts', doc: { _id: 'y', openid: 'same' }, insert: true },
    ]),
  ).rejects.toThrow();
  expect(await db.dump('accounts')).toEqual([]);
  await db.close();
});
