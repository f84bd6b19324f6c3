import { consoleOutput, type Output } from '../../cli/output';
import { parseDeployArgs, UsageError, USAGE, type DeployCommand } from './args';
import { defaultDeps, type DeployDeps } from './context';
import { NoCredentials } from './credentials';
import { checkStep } from './steps/check';
import { collectionsStep } from './steps/collections';
import { functionsStep } from './steps/functions';
import { storageRulesStep } from './steps/storage-rules';

/**
 * `npm run deploy -- <step> …` (docs/deploy.md). Exit codes: 0 done (check: no difference),
 * 1 a step failed part-way or check found differences, 2 nothing was done (usage, credentials,
 * .env.cloud, a repository file the platform would refuse).
 */
export async function main(argv: readonly string[], deps: DeployDeps = defaultDeps(consoleOutput())): Promise<number> {
  const { out } = deps;
  let command: DeployCommand;
  try {
    command = parseDeployArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command.step === 'help') {
    out.result(USAGE);
    return 0;
  }
  const { envId, dryRun } = command;
  try {
    switch (command.step) {
      case 'collections':
        return await collectionsStep(deps, envId, dryRun);
      case 'storage-rules':
        return await storageRulesStep(deps, envId, dryRun);
      case 'functions':
        return await functionsStep(deps, envId, dryRun, command.only);
      case 'check':
        return await checkStep(deps, envId, dryRun);
    }
  } catch (error) {
    return failed(out, error);
  }
}

function failed(out: Output, error: unknown): number {
  if (error instanceof NoCredentials) {
    out.error(error.message);
    return 2;
  }
  const { code, requestId } = error as { code?: unknown; requestId?: unknown };
  out.error(
    `${error instanceof Error ? error.message : String(error)}${code ? ` [${String(code)}]` : ''}${requestId ? ` (RequestId ${String(requestId)})` : ''}`,
  );
  // Configuration refused before anything was sent is a 2; a cloud error part-way is a 1: re-running
  // is safe either way (every step is idempotent).
  return code || requestId ? 1 : 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
