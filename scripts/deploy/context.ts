import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Output } from '../../cli/output';
import { variablesFromSources } from './bundles';
import { managerCloud, type CloudAdmin } from './cloud';
import { findCredentials } from './credentials';
import type { FunctionVariables } from './env-variables';
import { readAppId, ROOT } from './repo';

/**
 * Everything a step reaches outside its own logic, so tests give it fakes: the environment, the
 * commands it runs (the build, the CloudBase CLI), the operator's .env.cloud, a scratch folder.
 */
export interface DeployDeps {
  out: Output;
  /** Made only when a step needs the environment — never in a dry run. */
  cloud(envId: string): CloudAdmin;
  /** Runs a command in the repository; answers its exit code. Output goes to the terminal. */
  run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<number>;
  /** .env.cloud's text, or null when there is none. */
  envFileText(): string | null;
  /** A new private folder for the generated CLI configuration. */
  workDir(): string;
  /** Each function's environment variables, from its bundle. */
  variables(functions: readonly string[]): Promise<Map<string, FunctionVariables>>;
}

export const ENV_FILE = path.join(ROOT, '.env.cloud');
/** The pinned CLI (devDependencies), so the generated configuration matches the version that reads it. */
export const TCB = path.join(ROOT, 'node_modules', '.bin', 'tcb');

export function defaultDeps(out: Output): DeployDeps {
  return {
    out,
    cloud: (envId) => managerCloud(envId, findCredentials(), readAppId()),
    run: (command, args, env) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: env ?? process.env });
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
      }),
    envFileText: () => {
      try {
        return readFileSync(ENV_FILE, 'utf8');
      } catch {
        return null;
      }
    },
    workDir: () => mkdtempSync(path.join(os.tmpdir(), 'linli-deploy-')),
    variables: variablesFromSources,
  };
}
