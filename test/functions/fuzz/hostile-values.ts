/**
 * The catalogue of values a fuzzed payload is built from: what an attacker or a broken client
 * would send where the contract expects something else. Kept apart from the generator so the
 * list reads as a list.
 */

/**
 * Query operators and EJSON type wrappers, sent where a string, number or id is expected. If one
 * ever reached a `where(...)` unchecked, `{"$ne": null}` would match every document.
 */
export const OPERATOR_INJECTIONS: readonly unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $gte: 0 },
  { $regex: '.*' },
  { $regex: '.*', $options: 'i' },
  { $where: 'sleep(1000) || true' },
  { $exists: true },
  { $in: ['oDemoAdmin0001', 'st-lingnan'] },
  { $nin: [] },
  { $or: [{}, { _id: { $ne: null } }] },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function () { return true }', args: [], lang: 'js' } },
  { $elemMatch: { $ne: null } },
  { $set: { roles: ['admin'] } },
  { $inc: { seats: 1000 } },
  { $numberLong: '1' },
  { $date: { $numberLong: '0' } },
  { $oid: '000000000000000000000000' },
  { $regularExpression: { pattern: '.*', options: '' } },
  { $tcb_server_date: { offset: 0 } },
];

/**
 * Strings that fit a plain string field but mean something to a database, a regex, a path or a
 * template. A handler must store them as text or refuse them, never crash on them.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '.*',
  '^$',
  '(',
  ')',
  '[',
  '\\',
  '*',
  '+?',
  '(a+)+$',
  '$ne',
  '$where',
  'a.b',
  '.',
  '$',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\uD800',
  '\uFFFF',
  '😀',
  '\u202E',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '{"$gt":""}',
  ' ',
  '\n',
  '0',
  '-1',
  'NaN',
  'null',
  'undefined',
  'true',
  '1e308',
  '../../etc/passwd',
  'cloud://x/../../etc/passwd',
  '%00',
  '张阿姨',
  'oDemoAdmin0001',
  // Dates and months that fit a YYYY-MM-DD / YYYY-MM pattern but not the calendar or any era.
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '0000-01',
  '9999-12',
];

/** Numbers that are numbers, but not the ones anybody meant. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

/** Keys that mean something to JavaScript objects or to the database rather than to us. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '$ne',
  '$where',
  '$set',
  'a.b',
  '_id',
  '',
];

/** One megabyte: above every string limit in the contracts (and the cloud's 1 MB call size). */
export const ONE_MB_STRING = 'x'.repeat(1 << 20);

/** Ten thousand elements: above every array limit in the contracts. */
export function bigArray(item: unknown): unknown[] {
  return new Array<unknown>(10_000).fill(item);
}

/** `depth` levels of `{a: {a: …}}` (or `[[…]]`): stack-hungry code (recursion, cloning) meets it. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/**
 * An object whose OWN keys are `__proto__` / `constructor` — what JSON.parse makes of a request
 * body that names them (an object literal would set the prototype instead).
 */
export function withPrototypeKeys(base: Record<string, unknown> = {}): Record<string, unknown> {
  const polluted = JSON.parse('{"__proto__":{"roles":["admin"],"isAdmin":true},"constructor":{"prototype":{"x":1}}}');
  return Object.assign(polluted, base) as Record<string, unknown>;
}
