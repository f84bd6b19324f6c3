import { readFileSync } from 'node:fs';
import { canonicalKey, isPlainObject, type Doc, type DocId } from './values';

/**
 * The index declaration file (config/db-indexes.json) and the unique indexes it declares.
 *
 * Only unique indexes matter locally (everything is scanned in memory anyway); they are enforced
 * the way MongoDB does it, because that is what the cloud runs on:
 *  - a missing field indexes as null, so two documents both lacking the field collide;
 *  - an array value indexes each element (multikey), so two documents may not share an element;
 *  - compound keys combine the fields' values.
 */

export interface UniqueIndexSpec {
  name: string;
  fields: string[];
}

export interface IndexDeclarations {
  /** Every declared collection (created at open), with its unique indexes (possibly none). */
  collections: Map<string, UniqueIndexSpec[]>;
}

export function loadIndexDeclarations(file: string): IndexDeclarations {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the index file ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return parseIndexDeclarations(raw, file);
}

export function parseIndexDeclarations(raw: unknown, source = 'index file'): IndexDeclarations {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}`);
  };
  if (!isPlainObject(raw) || !isPlainObject(raw.collections)) fail('expected {"collections": {...}}');
  const collections = new Map<string, UniqueIndexSpec[]>();
  for (const [name, declaration] of Object.entries((raw as { collections: Record<string, unknown> }).collections)) {
    if (!isPlainObject(declaration)) fail(`collection ${name}: expected an object`);
    const indexes = (declaration as Record<string, unknown>).indexes ?? [];
    if (!Array.isArray(indexes)) fail(`collection ${name}: "indexes" must be an array`);
    const unique: UniqueIndexSpec[] = [];
    for (const index of indexes as unknown[]) {
      if (!isPlainObject(index) || typeof index.name !== 'string' || !isPlainObject(index.keys)) {
        fail(`collection ${name}: each index needs a "name" and "keys"`);
      }
      const {
        name: indexName,
        keys,
        unique: isUnique,
      } = index as { name: string; keys: Record<string, unknown>; unique?: unknown };
      const fields = Object.keys(keys);
      if (fields.length === 0) fail(`collection ${name}, index ${indexName}: "keys" is empty`);
      if (isUnique === true) unique.push({ name: indexName, fields });
    }
    collections.set(name, unique);
  }
  return { collections };
}

/** All values a dotted path reaches in a document, expanding arrays like a multikey index. */
function pathValues(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) {
    if (Array.isArray(value)) return value.length === 0 ? [undefined] : value;
    return [value];
  }
  if (Array.isArray(value)) {
    const out = value.flatMap((item) => pathValues(item, path));
    return out.length === 0 ? [undefined] : out;
  }
  if (!isPlainObject(value)) return [undefined];
  const [head, ...rest] = path as [string, ...string[]];
  return pathValues(value[head], rest);
}

export class UniqueIndex {
  private readonly paths: string[][];
  /** key → ids holding it. A Set, not one id, so data loaded before an index was declared can't corrupt it. */
  private readonly owners = new Map<string, Set<DocId>>();

  constructor(readonly spec: UniqueIndexSpec) {
    this.paths = spec.fields.map((field) => field.split('.'));
  }

  /** The distinct keys a document occupies in this index. */
  keysOf(doc: Doc): string[] {
    let combos: unknown[][] = [[]];
    for (const path of this.paths) {
      const values = pathValues(doc, path);
      combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
    }
    return [...new Set(combos.map((combo) => canonicalKey(combo)))];
  }

  ownersOf(key: string): ReadonlySet<DocId> | undefined {
    return this.owners.get(key);
  }

  add(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const set = this.owners.get(key);
      if (set) set.add(doc._id);
      else this.owners.set(key, new Set([doc._id]));
    }
  }

  remove(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const set = this.owners.get(key);
      if (!set) continue;
      set.delete(doc._id);
      if (set.size === 0) this.owners.delete(key);
    }
  }

  clear(): void {
    this.owners.clear();
  }

  /** `{ field: value, … }` as MongoDB prints it in an E11000 message. */
  describe(doc: Doc): string {
    const parts = this.spec.fields.map((field, i) => {
      const values = pathValues(doc, this.paths[i] ?? []);
      const shown = values.length === 1 ? values[0] : values;
      return `${field}: ${shown === undefined ? 'null' : JSON.stringify(shown)}`;
    });
    return `{ ${parts.join(', ')} }`;
  }
}
