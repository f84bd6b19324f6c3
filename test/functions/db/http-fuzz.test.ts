import http from 'node:http';
import fc from 'fast-check';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import wire from './__fixtures__/wire-requests.json';
import { fuzzParameters, seedFor, BASE_SEED } from '../fuzz/fuzz-support';
import { changedCollections } from '../fuzz/db-state';

/**
 * The local database's HTTP face, fuzzed below the SDK: bodies that are not JSON, JSON that is not
 * a request, and the SDK's own requests (test/functions/db/__fixtures__/wire-requests.json) with one
 * field broken — wrong types, EJSON that does not parse or names unknown operators, invalid
 * regexes, prototype keys, deep nesting, huge numbers. Every answer must be a structured one
 * (`{code, message}`, or data), nothing may escape as an uncaught error (which would end the
 * runtime's process), nothing may reach Object.prototype, and a refused request changes nothing.
 */

const DB_ERROR_CODES = new Set([
  'INVALID_PARAM',
  'DATABASE_REQUEST_FAILED',
  'DATABASE_COLLECTION_NOT_EXIST',
  'DATABASE_COLLECTION_ALREADY_EXIST',
  'DATABASE_TRANSACTION_CONFLICT',
  'SYS_ERR',
]);

let database: TestDatabase;
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  database = await startTestDatabase({ indexesFile: `${__dirname}/__fixtures__/db-indexes.json` });
  await database.db.insertMany('items', [
    { _id: 'a', name: '茶话会', n: 1, tags: ['x'], at: new Date('2024-05-06T00:00:00Z') },
    { _id: 'b', name: '太极', n: 2, nested: { flag: true } },
  ]);
});
afterAll(async () => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  await database.close();
});

jest.setTimeout(60_000);

function post(body: Buffer): Promise<{ status: number; text: string }> {
  const url = new URL(database.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}?env=linli-local&seqId=1`, method: 'POST' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    // A request the server dropped (an error thrown in its handler) would otherwise hang here.
    req.setTimeout(10_000, () => req.destroy(new Error('the database did not answer within 10 s')));
    req.setHeader('content-type', 'application/json');
    req.end(body);
  });
}

const sdkBodies = (wire.requests as Array<{ body: Record<string, unknown> }>).map((request) => request.body);

/** EJSON text the SDK never sends: broken, unknown operators, code, prototype keys, invalid regexes. */
const hostileEjson = fc.constantFrom(
  '{',
  '',
  'null',
  '[]',
  '"text"',
  '{"$where":"sleep(1000)"}',
  '{"$expr":{"$function":{"body":"function(){return true}","args":[],"lang":"js"}}}',
  '{"name":{"$regularExpression":{"pattern":"(","options":""}}}',
  '{"name":{"$regularExpression":{"pattern":"a","options":"xl"}}}',
  '{"name":{"$regex":"("}}',
  '{"n":{"$numberLong":"not a number"}}',
  '{"at":{"$date":"yesterday"}}',
  '{"at":{"$date":{"$numberLong":"99999999999999999999"}}}',
  '{"x":{"$code":"process.exit(1)"}}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"$set":{"__proto__":{"polluted":true}}}',
  '{"$set":{"a.__proto__.polluted":true}}',
  '{"$inc":{"n":"x"}}',
  '{"$push":{"tags":{"$each":5}}}',
  '{"$rename":{"name":"_id"}}',
  '{"$unknownOperator":1}',
  '{"n":{"$near":[0,0]}}',
  '{"$tcb_server_date":{"offset":"x"}}',
  `{"deep":${nestedJson(3000)}}`,
);

/** `depth` levels of {"a": …} as text (JSON.stringify itself runs out of stack on it). */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const hostileValue = fc.oneof(
  hostileEjson,
  fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, true, [], {}, ['{}', 5], [{}], { $ne: null }, 'x'.repeat(100_000)),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A real SDK request with one field replaced (or added). */
const brokenSdkBody = fc
  .tuple(
    fc.constantFrom(...sdkBodies),
    fc.constantFrom(
      'action',
      'collectionName',
      'query',
      'data',
      'order',
      'projection',
      'limit',
      'offset',
      'multi',
      'merge',
      'upsert',
      'transactionId',
      'stages',
      'queryType',
    ),
    hostileValue,
  )
  .map(([body, field, value]) => {
    const broken: Record<string, unknown> = { ...body, [field]: value };
    if (field === 'data' && Array.isArray(body.data) && typeof value === 'string') broken.data = [value];
    if (field === 'stages') broken.stages = [{ stageKey: '$match', stageValue: value }];
    return Buffer.from(JSON.stringify(broken));
  });

const notARequest = fc.oneof(
  fc.constantFrom(
    Buffer.from(''),
    Buffer.from('{'),
    Buffer.from('null'),
    Buffer.from('[]'),
    Buffer.from('"database.getDocument"'),
    Buffer.from('42'),
    Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    Buffer.from('\uFEFF{"action":"database.getDocument"}'),
    Buffer.from('{"action":"database.getDocument","collectionName":"items","query":"{}"'),
    Buffer.from('{"__proto__":{"action":"database.removeDocument"},"collectionName":"items","multi":true}'),
    Buffer.from(JSON.stringify({ action: 'database.getDocument', collectionName: '__proto__', query: '{}' })),
    Buffer.from(JSON.stringify({ action: 'database.getDocument', collectionName: 'constructor', query: '{}' })),
    Buffer.from(JSON.stringify({ action: 'database.commitTransaction', transactionId: 'no-such' })),
    Buffer.from(JSON.stringify({ action: 'database.nope' })),
    Buffer.from(nestedJson(100_000)),
  ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
);

test('malformed SDK bodies get a structured answer, change nothing, and never escape as errors', async () => {
  const baseline = database.db.snapshot();
  const property = fc.asyncProperty(fc.oneof(brokenSdkBody, notARequest), async (body) => {
    const { status, text } = await post(body);
    expect([200, 400, 405, 413]).toContain(status);
    const answer = JSON.parse(text) as { code?: unknown; message?: unknown; data?: unknown };
    const refused = answer.code !== undefined;
    if (refused) {
      expect(DB_ERROR_CODES.has(String(answer.code))).toBe(true);
      expect(typeof answer.message).toBe('string');
      expect(changedCollections(baseline, database.db.snapshot())).toEqual([]);
    } else {
      expect(answer).toHaveProperty('requestId');
    }
    // A broken body that happened to be a valid write: back to the start for the next one.
    if (changedCollections(baseline, database.db.snapshot()).length > 0) await database.db.restore(baseline);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'action')).toBe(false);
  });
  const details = await fc.check(property, fuzzParameters<[Buffer]>('db http', 300));
  if (details.failed) {
    const [body] = details.counterexample ?? [Buffer.alloc(0)];
    throw new Error(
      `${String(details.errorInstance)}\nbody: ${body.toString('utf8').slice(0, 400)}\n` +
        `seed ${seedFor('db http')} path ${details.counterexamplePath} (FUZZ_SEED=${BASE_SEED}; see docs/robustness.md)`,
    );
  }
  expect(escaped).toEqual([]);
  // Still serving.
  const { text } = await post(
    Buffer.from(JSON.stringify({ action: 'database.calculateDocument', collectionName: 'items', query: '{}' })),
  );
  expect(JSON.parse(text)).toMatchObject({ data: { total: 2 } });
});
