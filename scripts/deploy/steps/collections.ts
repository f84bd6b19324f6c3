import type { CloudAdmin } from '../cloud';
import {
  describeAction,
  describeNote,
  planCollection,
  type CollectionAction,
  type CollectionNote,
  type RemoteCollection,
} from '../collections-plan';
import type { DeployDeps } from '../context';
import { readCollections, unusedRules, type CollectionSpec } from '../repo';
import { ruleProblems } from '../security-rules';

/**
 * `collections`: every collection of config/db-indexes.json with its indexes, and its rule from
 * config/db-security-rules.json. Idempotent: what exists as declared is left alone, so a second
 * run does nothing; what differs is reported, never dropped.
 */

/** The declared collections, refusing a rule the platform would not take. */
export function declaredCollections(): CollectionSpec[] {
  const specs = readCollections();
  const problems = specs.flatMap((spec) => ruleProblems(spec.rule, 'database').map((p) => `${spec.name}: ${p}`));
  if (problems.length > 0) throw new Error(`config/db-security-rules.json:\n  ${problems.join('\n  ')}`);
  return specs;
}

/** What the environment holds of each declared collection (null: missing), and undeclared ones. */
export async function readEnvironment(
  cloud: CloudAdmin,
  specs: readonly CollectionSpec[],
): Promise<{ remote: Map<string, RemoteCollection | null>; undeclared: string[] }> {
  const existing = new Set(await cloud.listCollections());
  const remote = new Map<string, RemoteCollection | null>();
  for (const spec of specs) {
    remote.set(
      spec.name,
      existing.has(spec.name)
        ? { indexes: await cloud.describeIndexes(spec.name), rule: await cloud.getCollectionRule(spec.name) }
        : null,
    );
  }
  const declared = new Set(specs.map((spec) => spec.name));
  return { remote, undeclared: [...existing].filter((name) => !declared.has(name)).sort() };
}

export function planAll(
  specs: readonly CollectionSpec[],
  remote: ReadonlyMap<string, RemoteCollection | null>,
): { actions: CollectionAction[]; notes: CollectionNote[] } {
  const plans = specs.map((spec) => planCollection(spec, remote.get(spec.name) ?? null));
  return { actions: plans.flatMap((p) => p.actions), notes: plans.flatMap((p) => p.notes) };
}

async function apply(cloud: CloudAdmin, action: CollectionAction): Promise<void> {
  switch (action.kind) {
    case 'create-collection':
      return cloud.createCollection(action.collection);
    case 'create-index':
      return cloud.createIndex(action.collection, action.index);
    case 'set-rule':
      return cloud.setCollectionRule(action.collection, action.rule);
  }
}

export async function collectionsStep(deps: DeployDeps, envId: string | null, dryRun: boolean): Promise<number> {
  const { out } = deps;
  const specs = declaredCollections();
  for (const name of unusedRules())
    out.note(`  note: config/db-security-rules.json has a rule for ${name}, which is not declared — ignored`);
  if (dryRun) {
    out.result(
      `collections: plan for an empty environment (${specs.length} collections; existing ones get only what they lack)`,
    );
    for (const action of planAll(specs, new Map()).actions) out.result(`  ${describeAction(action)}`);
    return 0;
  }
  const cloud = deps.cloud(envId!);
  out.progress(`reading ${specs.length} collections of ${envId} …`);
  const { remote, undeclared } = await readEnvironment(cloud, specs);
  const { actions, notes } = planAll(specs, remote);
  for (const action of actions) {
    out.progress(describeAction(action));
    await apply(cloud, action);
    out.result(`  done: ${describeAction(action)}`);
  }
  for (const note of notes) out.note(`  note: ${describeNote(note)}`);
  for (const name of undeclared)
    out.note(`  note: collection ${name} is not in config/db-indexes.json — left as it is`);
  out.result(
    actions.length === 0
      ? `collections: ${envId} already matches the repository (${specs.length} collections)`
      : `collections: ${actions.length} change(s) made in ${envId}`,
  );
  return 0;
}
