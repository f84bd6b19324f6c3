import { update as mingoUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import { invalidParam, requestFailed } from './errors';
import { deepClone, isPlainObject, sameValue, withoutUndefined, type Doc, type DocId } from './values';

/**
 * How modifyDocument turns a stored document into its next version. The SDK sends either update
 * operators (`merge: true`: `doc.update`, `where().update`; plain fields already wrapped in $set
 * by the SDK) or a whole replacement (`merge: false`: `doc.set`). Operators are applied by mingo.
 */

export type Update =
  | { kind: 'operators'; modifier: Modifier<Doc> }
  | { kind: 'replace'; replacement: Record<string, unknown> };

export function parseUpdate(data: Record<string, unknown>, merge: boolean): Update {
  const keys = Object.keys(data);
  const operatorKeys = keys.filter((key) => key.startsWith('$'));
  if (merge) {
    if (operatorKeys.length === 0) return { kind: 'operators', modifier: { $set: data } };
    if (operatorKeys.length !== keys.length) throw invalidParam('update data mixes operators and plain fields');
    for (const key of keys) if (!isPlainObject(data[key])) throw invalidParam(`update operator ${key} needs an object`);
    return { kind: 'operators', modifier: data as Modifier<Doc> };
  }
  if (operatorKeys.length > 0) throw invalidParam('replacement data must not contain update operators');
  return { kind: 'replace', replacement: data };
}

/** True when some operator targets an array element by the matched position (`arr.$.x`). */
function usesPositional(modifier: Modifier<Doc>): boolean {
  return Object.values(modifier).some(
    (fields) => isPlainObject(fields) && Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path)),
  );
}

/**
 * The document after the update, or the same object when nothing changed (the cloud reports
 * `updated: 0` then, like MongoDB's nModified). Throws a DbError when the update is invalid for
 * this document ($inc on a string, conflicting paths, changing _id…).
 */
export function applyUpdate(doc: Doc, change: Update, query: Record<string, unknown>): Doc {
  let next: Doc;
  if (change.kind === 'replace') {
    if ('_id' in change.replacement && !sameValue(change.replacement._id, doc._id)) throw immutableId();
    next = { _id: doc._id, ...withoutUndefined(deepClone(change.replacement)) };
  } else {
    checkOperandTypes(doc, change.modifier);
    next = deepClone(doc);
    try {
      mingoUpdate(next, change.modifier, undefined, usesPositional(change.modifier) ? query : undefined);
    } catch (error) {
      throw requestFailed(error instanceof Error ? error.message : String(error));
    }
    if (!sameValue(next._id, doc._id)) throw immutableId();
  }
  return sameValue(next, doc) ? doc : next;
}

/**
 * The document an upsert creates when nothing matched: the query's plain equality fields (as
 * MongoDB seeds it), then the update; or the replacement with the query's _id.
 */
export function upsertDocument(query: Record<string, unknown>, change: Update, newId: () => DocId): Doc {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue;
    seed[key] = deepClone(value);
  }
  const { _id: seededId, ...fields } = seed;
  const id = seededId === undefined ? newId() : (seededId as DocId);
  if (change.kind === 'replace') return { _id: id, ...withoutUndefined(deepClone(change.replacement)) };
  const doc: Doc = { _id: id, ...fields };
  try {
    mingoUpdate(doc, change.modifier);
  } catch (error) {
    throw requestFailed(error instanceof Error ? error.message : String(error));
  }
  return doc;
}

/**
 * mingo silently skips `$inc` on a string or `$push` onto a non-array; MongoDB (so the cloud)
 * rejects the whole update. Check the targets first so such code fails here too.
 */
const NUMERIC_OPERATORS = ['$inc', '$mul'];
const ARRAY_OPERATORS = ['$push', '$addToSet', '$pull', '$pullAll', '$pop'];

function checkOperandTypes(doc: Doc, modifier: Modifier<Doc>): void {
  const fields = modifier as Record<string, Record<string, unknown>>;
  for (const operator of [...NUMERIC_OPERATORS, ...ARRAY_OPERATORS]) {
    for (const path of Object.keys(fields[operator] ?? {})) {
      const current = valueAt(doc, path);
      if (current === undefined || current === null) continue;
      if (NUMERIC_OPERATORS.includes(operator) && typeof current !== 'number') {
        throw requestFailed(
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(current)}`,
        );
      }
      if (ARRAY_OPERATORS.includes(operator) && !Array.isArray(current)) {
        throw requestFailed(
          `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`,
        );
      }
    }
  }
}

/** The value at a plain dotted path; undefined when the path is positional or crosses an array. */
function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (isPlainObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value === 'object' ? 'object' : typeof value;
}

function immutableId() {
  return requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
}
