import type { RemoteFunction } from './cloud';
import { DECLARED_VARIABLES, type FunctionVariables } from './env-variables';
import type { EnvValues } from './env-file';
import type { FunctionSpec, TriggerSpec } from './repo';

/**
 * What the `functions` step deploys with each function, and how an environment differs from it.
 * Pure: the steps feed it the repository, the bundles' variables, .env.cloud and (when run for
 * real) what the environment answers.
 */

const REQUIRED = new Set(DECLARED_VARIABLES.filter((v) => v.required).map((v) => v.name));

/**
 * The variables deployed with a function: the required ones it reads (the step has checked they
 * are set), and the optional ones and template ids it reads that .env.cloud sets. An optional one
 * left unset is not deployed at all, rather than deployed empty.
 */
export function deployedNames(variables: FunctionVariables, values: EnvValues): string[] {
  return variables.names.filter((name) => REQUIRED.has(name) || (values.get(name) ?? '') !== '');
}

export type TriggerDecision =
  | { kind: 'in-place'; trigger: TriggerSpec }
  | { kind: 'create'; trigger: TriggerSpec }
  /** Same name, another schedule: deleted first, since the CLI cannot overwrite a trigger. */
  | { kind: 'replace'; trigger: TriggerSpec; was: string };

export function triggerDecisions(fn: FunctionSpec, remote: RemoteFunction | null): TriggerDecision[] {
  return fn.triggers.map((trigger) => {
    const have = remote?.triggers.find((t) => t.name === trigger.name);
    if (!have) return { kind: 'create', trigger };
    if (have.config.trim() !== trigger.config.trim()) return { kind: 'replace', trigger, was: have.config };
    return { kind: 'in-place', trigger };
  });
}

/** How the environment's function differs from what a deployment would make it; empty when it matches. */
export function functionDifferences(
  fn: FunctionSpec,
  remote: RemoteFunction | null,
  deployed: readonly string[],
): string[] {
  if (!remote) return [`${fn.name}: not deployed`];
  const differences: string[] = [];
  if (remote.timeout !== fn.timeout)
    differences.push(`${fn.name}: timeout ${remote.timeout} s, repository ${fn.timeout} s`);
  const missing = deployed.filter((name) => !remote.envNames.includes(name));
  if (missing.length > 0) differences.push(`${fn.name}: environment variables missing: ${missing.join(', ')}`);
  const extra = remote.envNames.filter((name) => !deployed.includes(name));
  if (extra.length > 0) {
    differences.push(
      `${fn.name}: environment variables not in this deployment (replaced on the next): ${extra.join(', ')}`,
    );
  }
  for (const decision of triggerDecisions(fn, remote)) {
    if (decision.kind === 'create') differences.push(`${fn.name}: trigger ${decision.trigger.name} missing`);
    if (decision.kind === 'replace') {
      differences.push(
        `${fn.name}: trigger ${decision.trigger.name} runs "${decision.was}", repository "${decision.trigger.config}"`,
      );
    }
  }
  const declared = new Set(fn.triggers.map((t) => t.name));
  for (const trigger of remote.triggers) {
    if (!declared.has(trigger.name)) {
      differences.push(`${fn.name}: trigger ${trigger.name} ("${trigger.config}") is not in config.json`);
    }
  }
  return differences;
}
