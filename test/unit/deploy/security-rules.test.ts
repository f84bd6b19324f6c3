/**
 * The security rules in the repository (config/db-security-rules.json, config/storage-rules.json):
 * every declared collection has one, the platform would take each, and nothing is open to
 * clients — which holds because the app never opens the database itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCollections, readStorageRule, ROOT } from '../../../scripts/deploy/repo';
import { expressionError, isClosed, ruleProblems, sameRule } from '../../../scripts/deploy/security-rules';

const declared = Object.keys(
  (JSON.parse(readFileSync(path.join(ROOT, 'config/db-indexes.json'), 'utf8')) as { collections: object }).collections,
);
const collections = readCollections();

/** Personal or station-internal data: never readable or writable by a client. */
const SENSITIVE = [
  'users',
  'volunteers',
  'invitations',
  'requests',
  'generated_files',
  'outbox',
  'bookings',
  'attendance',
  'hour_entries',
  'certificates',
  'complaints',
  'complaint_alerts',
  'audit_log',
  'wishes',
  'survey_responses',
  'door_helpers',
  'volunteer_attendance',
  'counters',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|js)$/.test(name) ? [file] : [];
  });
}

describe('database rules (config/db-security-rules.json)', () => {
  it('has a rule for every collection config/db-indexes.json declares', () => {
    expect(collections.map((c) => c.name).sort()).toEqual([...declared].sort());
  });

  it('writes every rule in the platform’s syntax', () => {
    for (const { name, rule } of collections) expect([name, ruleProblems(rule, 'database')]).toEqual([name, []]);
  });

  it('closes the sensitive collections to client reads and writes', () => {
    for (const name of SENSITIVE) {
      const collection = collections.find((c) => c.name === name);
      expect([name, collection?.rule]).toEqual([name, { read: false, write: false }]);
    }
  });

  it('opens nothing: no rule is true or an expression, as long as the app reads no collection directly', () => {
    for (const { name, rule } of collections) expect([name, isClosed(rule)]).toEqual([name, true]);
    // The reason all can be closed: every read and write goes through a cloud function.
    const direct = sourceFiles(path.join(ROOT, 'src')).filter((file) =>
      /\bcloud\s*\.\s*database\s*\(|\bwx\s*\.\s*cloud\b/.test(readFileSync(file, 'utf8')),
    );
    expect(direct).toEqual([]);
  });
});

describe('storage rule (config/storage-rules.json)', () => {
  const rule = readStorageRule();

  it('is in the platform’s syntax', () => {
    expect(ruleProblems(rule, 'storage')).toEqual([]);
  });

  it('lets no client read, and writes only into uploads/ by the file’s owner', () => {
    expect(rule.read).toBe(false);
    expect(String(rule.write)).toContain('resource.openid == auth.openid');
    expect(String(rule.write)).toContain('/^uploads\\/');
  });
});

describe('the rule syntax check', () => {
  it('takes the documented forms', () => {
    expect(ruleProblems({ read: 'doc._openid == auth.openid', write: false }, 'database')).toEqual([]);
    expect(ruleProblems({ read: true, create: 'auth != null', update: false, delete: false }, 'database')).toEqual([]);
    expect(
      ruleProblems({ read: "doc.status in ['open', 'done'] && !(doc.age < 14)", write: false }, 'database'),
    ).toEqual([]);
  });

  it('refuses what the platform would', () => {
    expect(ruleProblems({ read: false }, 'database')).toEqual(['"write" is missing (or one of create/update/delete)']);
    expect(ruleProblems({ read: false, write: false, list: true }, 'database')).toEqual([
      '"list" is not an operation of database rules',
    ]);
    expect(ruleProblems({ read: false, write: false, create: false }, 'database')).toEqual([
      '"write" and "create" overlap',
    ]);
    expect(ruleProblems({ read: 1, write: '' }, 'database')).toEqual([
      '"read" must be true, false or an expression',
      '"write" must be true, false or an expression',
    ]);
    expect(ruleProblems([], 'database')).toEqual(['a rule is a JSON object']);
    expect(ruleProblems({ read: false, write: false, create: false, update: false, delete: false }, 'storage')).toEqual(
      [
        '"create" is not an operation of storage rules',
        '"update" is not an operation of storage rules',
        '"delete" is not an operation of storage rules',
      ],
    );
  });

  it('refuses malformed expressions and unknown variables', () => {
    const roots = ['auth', 'doc'];
    expect(expressionError('doc.owner == auth.openid', roots)).toBeNull();
    expect(expressionError('doc.owner === auth.openid', roots)).toMatch(/unexpected/);
    expect(expressionError('doc.owner == ', roots)).toBe('the expression ends too early');
    expect(expressionError('(doc.a == 1', roots)).toBe('expected ")" at the end');
    expect(expressionError('user.id == auth.openid', roots)).toBe('unknown variable "user"');
    expect(expressionError('/[a-/.test(doc.x)', roots)).toMatch(/regular expression/);
    expect(expressionError('doc.a = 1', roots)).toMatch(/unexpected "="/);
  });

  it('compares rules whatever their key order', () => {
    expect(sameRule({ read: false, write: 'a' }, { write: 'a', read: false })).toBe(true);
    expect(sameRule({ read: false, write: false }, { read: false, write: true })).toBe(false);
  });
});
