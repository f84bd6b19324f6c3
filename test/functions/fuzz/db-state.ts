import { EJSON } from 'bson';
import type { DatabaseSnapshot } from '../../../local/db';

/**
 * Comparing the whole database before and after a call. A snapshot holds every collection's
 * documents by reference, and the store never changes a document in place (a write replaces it),
 * so "unchanged" is exactly "the same documents, in the same places" — a comparison of
 * references, cheap enough to make after every fuzzed call. Only when something changed are the
 * documents serialised, to say what.
 */

type Docs = readonly Record<string, unknown>[];

function collectionsOf(snapshot: DatabaseSnapshot): Map<string, Docs> {
  return new Map(snapshot.collections.map(([name, docs]) => [name, docs]));
}

/** Collections whose documents differ (added, removed or replaced). */
export function changedCollections(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const a = collectionsOf(before);
  const b = collectionsOf(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((name) => {
    const x = a.get(name) ?? [];
    const y = b.get(name) ?? [];
    return x.length !== y.length || x.some((doc, i) => doc !== y[i]);
  });
}

/** One collection's documents that are new (or new versions) and gone (or old versions), as EJSON. */
export function documentChanges(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
  name: string,
): { added: string[]; removed: string[] } {
  const text = (docs: Docs) => new Set(docs.map((doc) => EJSON.stringify(doc, { relaxed: false })));
  const a = text(collectionsOf(before).get(name) ?? []);
  const b = text(collectionsOf(after).get(name) ?? []);
  return { added: [...b].filter((line) => !a.has(line)), removed: [...a].filter((line) => !b.has(line)) };
}

/** Every document, by collection (for picking real ids to put in payloads). */
export function documentsOf(snapshot: DatabaseSnapshot): Record<string, Docs> {
  return Object.fromEntries(collectionsOf(snapshot));
}
