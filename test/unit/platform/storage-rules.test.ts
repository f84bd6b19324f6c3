/**
 * The cloud storage's security rules (config/storage-rules.json, pasted into the console; no
 * emulator exists): read their content, and run their path pattern against the paths the
 * mini-program uploads to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportCloudPath, PHOTO_EXTENSIONS, uploadCloudPath } from '@linli/types/files';

const rules = JSON.parse(readFileSync(path.join(__dirname, '../../../config/storage-rules.json'), 'utf8')) as {
  read: unknown;
  write: string;
};

/** The regular expression literal the write rule tests `resource.path` with. */
function writePathPattern(): RegExp {
  const match = /\/(\^.+\$)\/\.test\(resource\.path\) == true/.exec(rules.write);
  if (!match) throw new Error('the write rule tests no path pattern');
  return new RegExp(match[1]!);
}

it('lets no client read: photos reach people only through links the functions make', () => {
  expect(rules.read).toBe(false);
  expect(Object.keys(rules).sort()).toEqual(['read', 'write']);
});

it('lets a signed-in user write only files they own', () => {
  const clauses = rules.write.split('&&').map((clause) => clause.trim());
  expect(clauses).toEqual(expect.arrayContaining(['auth != null', 'resource.openid == auth.openid']));
});

it('takes exactly the paths the mini-program uploads to', () => {
  const pattern = writePathPattern();
  for (const extension of PHOTO_EXTENSIONS)
    expect(pattern.test(uploadCloudPath('oAbC_de-123456789012345678901', 'lq2x9k3abcd', extension))).toBe(true);
  for (const elsewhere of [
    'hours/photo.jpg',
    'uploads/oAbC/../x/lq2x9k3abcd.jpg',
    'uploads/oAbC/sub/lq2x9k3abcd.jpg',
    'uploads/oAbC/lq2x9k3abcd.html',
    'uploads/oAbC/lq2x9k3abcd.jpg.html',
    'x/uploads/oAbC/lq2x9k3abcd.jpg',
  ])
    expect([elsewhere, pattern.test(elsewhere)]).toEqual([elsewhere, false]);
});

it('lets no client write where functions keep generated files (exports)', () => {
  // Exports are written by functions, which storage rules do not bind; a client must not plant one.
  const pattern = writePathPattern();
  expect(pattern.test(exportCloudPath('st-lingnan', 'AAAAAAAAAAAAAAAAAAAAAA', 'xlsx'))).toBe(false);
  expect(pattern.test(exportCloudPath('oAbC_de-123456789012345678901', 'lq2x9k3abcd', 'xlsx'))).toBe(false);
});
