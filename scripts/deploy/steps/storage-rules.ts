import { describeRemoteRule } from '../collections-plan';
import type { DeployDeps } from '../context';
import { readStorageRule } from '../repo';
import { ruleProblems, sameRule, type SecurityRule } from '../security-rules';

/**
 * `storage-rules`: the bucket's custom security rule from config/storage-rules.json — no client
 * reads (photos reach people only through the temporary links functions make) and writes only
 * into uploads/ by their owner (docs/files.md "In the WeChat cloud").
 */
export function declaredStorageRule(): SecurityRule {
  const rule = readStorageRule();
  const problems = ruleProblems(rule, 'storage');
  if (problems.length > 0) throw new Error(`config/storage-rules.json: ${problems.join('; ')}`);
  return rule;
}

export async function storageRulesStep(deps: DeployDeps, envId: string | null, dryRun: boolean): Promise<number> {
  const { out } = deps;
  const rule = declaredStorageRule();
  if (dryRun) {
    out.result('storage-rules: plan');
    out.result(`  set storage rule CUSTOM ${JSON.stringify(rule)}`);
    return 0;
  }
  const cloud = deps.cloud(envId!);
  const have = await cloud.getStorageRule();
  if (have.aclTag === 'CUSTOM' && sameRule(rule, have.rule)) {
    out.result(`storage-rules: ${envId} already has the repository's rule`);
    return 0;
  }
  await cloud.setStorageRule(rule);
  out.result(`storage-rules: set in ${envId} (was ${describeRemoteRule(have)})`);
  return 0;
}
