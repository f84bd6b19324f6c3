/**
 * `npm run deploy -- <step> [--env <envId>] [--dry-run] [--only <function,…>]`. Pure, so every
 * refusal is tested without a process.
 */

export const STEPS = ['collections', 'functions', 'storage-rules', 'check'] as const;
export type Step = (typeof STEPS)[number];

export type DeployCommand =
  | { step: 'help' }
  | { step: Step; envId: string | null; dryRun: boolean; only: string[] | null };

export const USAGE = `Deploys Linli to a WeChat cloud environment (docs/deploy.md).

  npm run deploy -- collections   --env <envId> [--dry-run]
      create every collection and index in config/db-indexes.json, apply config/db-security-rules.json
  npm run deploy -- functions     --env <envId> [--dry-run] [--only <name,…>]
      build and deploy the cloud functions with their timeout, timer trigger and variables from .env.cloud
  npm run deploy -- storage-rules --env <envId> [--dry-run]
      apply config/storage-rules.json to the environment's storage
  npm run deploy -- check         --env <envId> [--dry-run]
      what differs between the repository and the environment (changes nothing)

--dry-run prints the whole plan from the repository's files and contacts nobody (--env optional).
Credentials: \`npx tcb login\`, or TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY.`;

export class UsageError extends Error {}

const ENV_ID = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;
const FUNCTION = /^[a-z][a-z0-9_-]*$/;

export function parseDeployArgs(argv: readonly string[]): DeployCommand {
  const [step, ...rest] = argv;
  if (step === undefined || step === 'help' || step === '--help' || step === '-h') return { step: 'help' };
  if (!(STEPS as readonly string[]).includes(step)) {
    throw new UsageError(`no step "${step}" (steps: ${STEPS.join(', ')})`);
  }
  let envId: string | null = null;
  let dryRun = false;
  let only: string[] | null = null;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const next = inline ?? rest[(i += 1)];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--dry-run' && inline === undefined) dryRun = true;
    else if (flag === '--env') {
      envId = value();
      if (!ENV_ID.test(envId)) throw new UsageError(`"${envId}" is not an environment id (云开发控制台 → 环境 ID)`);
    } else if (flag === '--only' && step === 'functions') {
      only = value()
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      const bad = only.filter((name) => !FUNCTION.test(name));
      if (only.length === 0 || bad.length > 0) throw new UsageError(`--only takes function names: ${bad.join(', ')}`);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (!dryRun && envId === null) throw new UsageError(`${step} needs --env <envId> (or --dry-run)`);
  return { step: step as Step, envId, dryRun, only };
}
