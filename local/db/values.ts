/**
 * Plain-value helpers shared by the database modules: the document type, cloning, and a
 * canonical encoding used for equality (did an update change anything?) and index keys.
 *
 * Stored documents are treated as immutable: every write builds a new object and replaces the
 * old one. That lets reads, aggregation inputs and snapshots hold references without copying,
 * and is why the helpers here never mutate their input.
 */

/** The cloud allows string and number ids (`doc(id)` accepts both); generated ids are strings. */
export type DocId = string | number;

export type Doc = { _id: DocId } & Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Deep copy of JSON-like data plus Date and RegExp. Other class instances (bson's ObjectId,
 * Decimal128, Binary…) are immutable value objects and are shared, not copied.
 */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepClone(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = deepClone(item);
    return out as T;
  }
  return value;
}

/**
 * Drops `undefined` object members (MongoDB does not store them; the SDK filters them too) and
 * turns `undefined` array items into null, as the BSON encoder would. Returns a new value.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value))
    return value.map((item: unknown) => (item === undefined ? null : withoutUndefined(item))) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
    return out as T;
  }
  return value;
}

/**
 * A string that is equal for two values exactly when MongoDB would consider them equal as index
 * keys: numbers compare by value whatever their BSON type, dates by instant, objects by fields
 * in order. Missing and null are the same key (a non-sparse unique index treats them alike).
 */
export function canonicalKey(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'n:NaN' : `n:${value === 0 ? 0 : value}`;
  if (typeof value === 'bigint') return `n:${value.toString()}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return value ? 'b:1' : 'b:0';
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof RegExp) return `r:${JSON.stringify([value.source, value.flags])}`;
  if (Array.isArray(value)) return `a:[${value.map(canonicalKey).join(',')}]`;
  if (isPlainObject(value)) {
    return `o:{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalKey(item)}`)
      .join(',')}}`;
  }
  // bson value classes (ObjectId, Decimal128…) all have a stable toString/toJSON.
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return `x:${typeof tag === 'string' ? tag : 'object'}:${String(value)}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalKey(a) === canonicalKey(b);
}
