import { describeAction, describeNote, describeRemoteRule } from '../collections-plan';
import type { DeployDeps } from '../context';
import { parseEnvFile } from '../env-file';
import { deployedNames, functionDifferences } from '../functions-plan';
import { sameRule } from '../security-rules';
import { collectionsStep, declaredCollections, planAll, readEnvironment } from './collections';
import { functionsStep, planFunctions } from './functions';
import { declaredStorageRule, storageRulesStep } from './storage-rules';

/**
 * `check`: what differs between the repository and the environment, changing nothing; exit 1 when
 * anything does. With --dry-run, the whole plan of the three steps instead.
 */
export async function checkStep(deps: DeployDeps, envId: string | null, dryRun: boolean): Promise<number> {
  if (dryRun) {
    await collectionsStep(deps, envId, true);
    await storageRulesStep(deps, envId, true);
    return functionsStep(deps, envId, true, null);
  }
  const { out } = deps;
  const cloud = deps.cloud(envId!);
  const differences: string[] = [];

  const specs = declaredCollections();
  out.progress(`reading ${specs.length} collections of ${envId} …`);
  const { remote, undeclared } = await readEnvironment(cloud, specs);
  const { actions, notes } = planAll(specs, remote);
  differences.push(...actions.map((action) => `collections would ${describeAction(action)}`));
  differences.push(...notes.map(describeNote));
  for (const name of undeclared) out.note(`collection ${name} is not in config/db-indexes.json`);

  const storageRule = declaredStorageRule();
  const haveStorage = await cloud.getStorageRule();
  if (!(haveStorage.aclTag === 'CUSTOM' && sameRule(storageRule, haveStorage.rule))) {
    differences.push(`storage rule is ${describeRemoteRule(haveStorage)}, repository ${JSON.stringify(storageRule)}`);
  }

  out.progress('reading the functions …');
  const plan = await planFunctions(deps, null);
  const text = deps.envFileText();
  const values = text === null ? new Map<string, string>() : parseEnvFile(text).values;
  for (const fn of plan.functions) {
    const deployed = deployedNames(plan.variables.get(fn.name)!, values);
    differences.push(...functionDifferences(fn, await cloud.describeFunction(fn.name), deployed));
  }

  for (const difference of differences) out.result(`  differs: ${difference}`);
  out.note('  not checked: cloud-call permissions (WeChat side; the smoke test in docs/deploy.md exercises them)');
  out.result(
    differences.length === 0
      ? `check: ${envId} matches the repository`
      : `check: ${differences.length} difference(s) in ${envId}`,
  );
  return differences.length === 0 ? 0 : 1;
}
