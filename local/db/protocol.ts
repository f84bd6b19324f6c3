import { randomUUID } from 'node:crypto';
import { BSONRegExp, EJSON } from 'bson';
import { DbError, invalidParam } from './errors';
import { isPlainObject, type Doc } from './values';

/**
 * The wire format of wx-server-sdk 4.0.2 (@cloudbase/node-sdk 3.17.2 + @cloudbase/database 1.4.3):
 * one JSON POST per call, `{action: "database.<name>", collectionName, …, envName, …tokens}`.
 * Queries, update data, order, projection and stage values are canonical EJSON strings
 * (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"…"}}`, `{"$regularExpression":…}`), and
 * `db.serverDate({offset})` is `{"$tcb_server_date":{"offset":<ms>}}`.
 *
 * Answers are `{requestId, data: {…}}` (startTransaction: `{requestId, transactionId}`) or
 * `{requestId, code, message}`. Documents go back as canonical EJSON strings in `data.list`,
 * which the SDK parses with its own bson (4.7.2) EJSON.parse.
 *
 * test/functions/db/__fixtures__/wire-requests.json pins what the SDK sends.
 */

/** The fields of one request body, read with type checks that answer INVALID_PARAM. */
export class RequestFields {
  readonly action: string;

  constructor(private readonly body: Record<string, unknown>) {
    const action = body.action;
    if (typeof action !== 'string' || action.length === 0) throw invalidParam('missing "action"');
    this.action = action;
  }

  static from(body: unknown): RequestFields {
    if (!isPlainObject(body)) throw invalidParam('request body must be a JSON object');
    return new RequestFields(body);
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  string(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string' || value.length === 0) throw invalidParam(`"${name}" must be a non-empty string`);
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.has(name) ? this.string(name) : undefined;
  }

  optionalInteger(name: string): number | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidParam(`"${name}" must be an integer`);
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (typeof value !== 'boolean') throw invalidParam(`"${name}" must be a boolean`);
    return value;
  }

  array(name: string): unknown[] {
    const value = this.body[name];
    if (!Array.isArray(value)) throw invalidParam(`"${name}" must be an array`);
    return value;
  }
}

/**
 * Parses one EJSON string into the values the store holds: numbers, Dates, RegExps, plain
 * objects and arrays. `$tcb_server_date` becomes the server's clock plus its offset (one `now`
 * per request, so every serverDate in a request is the same instant).
 */
export function decodeEjson(text: unknown, now: Date, what: string): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw invalidParam(`${what} is not valid EJSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text.includes('"$regularExpression"') || text.includes('"$tcb_server_date"') ? fromWire(parsed, now) : parsed;
}

export function decodeObject(text: unknown, now: Date, what: string): Record<string, unknown> {
  const value = decodeEjson(text, now, what);
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
  return value;
}

/** JavaScript regexes have no `x` (extended) or `l` (locale) mode; `s` and `u` map directly. */
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

/**
 * Parses EJSON written by this database (journal, snapshot): like a request, but there is no
 * `$tcb_server_date` left to resolve.
 */
export function decodeStored(text: string): unknown {
  const parsed: unknown = EJSON.parse(text, { relaxed: true });
  // The walk copies everything; skip it when there is nothing to convert (loading speed).
  return text.includes('"$regularExpression"') ? fromWire(parsed, null) : parsed;
}

function fromWire(value: unknown, now: Date | null): unknown {
  if (Array.isArray(value)) return value.map((item) => fromWire(item, now));
  if (value instanceof BSONRegExp) {
    const unsupported = [...value.options].filter((flag) => !JS_REGEX_FLAGS.has(flag));
    if (unsupported.length > 0)
      throw invalidParam(`regular expression option(s) "${unsupported.join('')}" are not supported locally`);
    return new RegExp(value.pattern, value.options);
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (now && keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = value.$tcb_server_date;
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(now.getTime() + offset);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fromWire(item, now);
    return out;
  }
  return value;
}

/** Documents travel back as canonical EJSON, which is what the cloud sends (e.g. `$numberDouble`). */
export function encodeDocument(doc: Doc | Record<string, unknown>): string {
  return EJSON.stringify(doc, { relaxed: false });
}

/**
 * MongoDB geo operators: the cloud supports them, mingo does not. Refuse them clearly rather
 * than answer with mingo's "unknown operator".
 */
const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$geoNear']);

export function assertNoGeo(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) assertNoGeo(item);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (GEO_OPERATORS.has(key)) throw invalidParam(`geo operator ${key} is not supported by the local database`);
      assertNoGeo(item);
    }
  }
}

export type WireResponse =
  | { requestId: string; data: Record<string, unknown> }
  | { requestId: string; transactionId: string }
  | { requestId: string; code: string; message: string };

export function newRequestId(): string {
  return `local-${randomUUID()}`;
}

export function failure(error: DbError, requestId = newRequestId()): WireResponse {
  return { requestId, code: error.code, message: error.message };
}
