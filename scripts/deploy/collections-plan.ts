import type { RemoteIndex, RemoteRule } from './cloud';
import type { CollectionSpec, IndexSpec } from './repo';
import { isClosed, sameRule, type SecurityRule } from './security-rules';

/**
 * What the `collections` step does to one collection, decided from the repository's declaration
 * and what the environment holds (null: the collection does not exist). Only additions and rule
 * changes are made; an index that exists under our name with other keys, or one we do not
 * declare, is reported and left alone — dropping or rebuilding an index on live data is a
 * decision for a person (docs/deploy.md "Indexes that differ").
 */

export type CollectionAction =
  | { kind: 'create-collection'; collection: string }
  | { kind: 'create-index'; collection: string; index: IndexSpec }
  | { kind: 'set-rule'; collection: string; rule: SecurityRule; was?: string };

export type CollectionNote =
  | { kind: 'index-differs'; collection: string; index: string; want: string; have: string }
  | { kind: 'extra-index'; collection: string; index: string; have: string };

export interface RemoteCollection {
  indexes: RemoteIndex[];
  rule: RemoteRule;
}

export const describeIndex = (index: Pick<IndexSpec, 'keys' | 'unique'>): string =>
  `{ ${index.keys.map((k) => `${k.field}: ${k.direction}`).join(', ')} }${index.unique ? ' unique' : ''}`;

const describeRemote = (index: RemoteIndex): string =>
  `{ ${index.keys.map((k) => `${k.field}: ${k.direction}`).join(', ')} }${index.unique ? ' unique' : ''}`;

function sameIndex(want: IndexSpec, have: RemoteIndex): boolean {
  return (
    want.unique === have.unique &&
    want.keys.length === have.keys.length &&
    want.keys.every((key, i) => key.field === have.keys[i]!.field && String(key.direction) === have.keys[i]!.direction)
  );
}

/** The environment's rule already says what ours says (ADMINONLY is the console's name for closed). */
export function ruleInPlace(want: SecurityRule, have: RemoteRule): boolean {
  if (have.aclTag === 'CUSTOM') return sameRule(want, have.rule);
  return have.aclTag === 'ADMINONLY' && isClosed(want);
}

export const describeRemoteRule = (have: RemoteRule): string =>
  have.aclTag === 'CUSTOM' ? JSON.stringify(have.rule) : have.aclTag || '(none)';

export function planCollection(
  spec: CollectionSpec,
  remote: RemoteCollection | null,
): { actions: CollectionAction[]; notes: CollectionNote[] } {
  const actions: CollectionAction[] = [];
  const notes: CollectionNote[] = [];
  if (!remote) {
    actions.push({ kind: 'create-collection', collection: spec.name });
    for (const index of spec.indexes) actions.push({ kind: 'create-index', collection: spec.name, index });
    actions.push({ kind: 'set-rule', collection: spec.name, rule: spec.rule });
    return { actions, notes };
  }
  const remoteByName = new Map(remote.indexes.map((index) => [index.name, index]));
  for (const index of spec.indexes) {
    const have = remoteByName.get(index.name);
    if (!have) actions.push({ kind: 'create-index', collection: spec.name, index });
    else if (!sameIndex(index, have)) {
      notes.push({
        kind: 'index-differs',
        collection: spec.name,
        index: index.name,
        want: describeIndex(index),
        have: describeRemote(have),
      });
    }
  }
  const declared = new Set(spec.indexes.map((index) => index.name));
  for (const have of remote.indexes) {
    if (!declared.has(have.name)) {
      notes.push({ kind: 'extra-index', collection: spec.name, index: have.name, have: describeRemote(have) });
    }
  }
  if (!ruleInPlace(spec.rule, remote.rule)) {
    actions.push({ kind: 'set-rule', collection: spec.name, rule: spec.rule, was: describeRemoteRule(remote.rule) });
  }
  return { actions, notes };
}

export function describeAction(action: CollectionAction): string {
  switch (action.kind) {
    case 'create-collection':
      return `create collection ${action.collection}`;
    case 'create-index':
      return `create index ${action.collection}.${action.index.name} ${describeIndex(action.index)}`;
    case 'set-rule':
      return `set rule ${action.collection} ${JSON.stringify(action.rule)}${action.was ? ` (was ${action.was})` : ''}`;
  }
}

export function describeNote(note: CollectionNote): string {
  switch (note.kind) {
    case 'index-differs':
      return `index ${note.collection}.${note.index} differs: repository ${note.want}, environment ${note.have} — left as it is`;
    case 'extra-index':
      return `index ${note.collection}.${note.index} ${note.have} is not in config/db-indexes.json — left as it is`;
  }
}
