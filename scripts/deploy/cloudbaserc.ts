import type { FunctionSpec, TriggerSpec } from './repo';

/**
 * The CloudBase CLI's configuration (cloudbaserc.json) for `tcb fn deploy <name> --force`, made
 * from the functions' own config.json files. Environment variables are written as the CLI's
 * dynamic variables, `"{{env.NAME}}"`, which it fills from its process environment when it runs:
 * the file never holds a secret, so it can be printed, diffed and left in a temporary folder.
 *
 * A deployment with envVariables replaces all of a function's variables (values set by hand in
 * the console are gone); one without leaves them as they are.
 */

/** The bundle targets node16 (scripts/build-functions.ts); the runtime is fixed when a function is created. */
export const RUNTIME = 'Nodejs16.13';

/** What the cloud needs of a function folder: index.js, package.json (wx-server-sdk), config.json. */
export const IGNORE = ['src', 'src/**/*', 'node_modules', 'node_modules/**/*', 'index.js.map'];

export interface CloudbaseFunction {
  name: string;
  timeout: number;
  runtime: string;
  handler: 'index.main';
  /** Install package.json's dependencies (wx-server-sdk) in the cloud, like DevTools' 云端安装依赖. */
  installDependency: true;
  ignore: string[];
  triggers?: TriggerSpec[];
  envVariables?: Record<string, string>;
}

export interface Cloudbaserc {
  version: '2.0';
  envId: string;
  functionRoot: string;
  functions: CloudbaseFunction[];
}

export const envReference = (name: string): string => `{{env.${name}}}`;

export function makeCloudbaserc(options: {
  envId: string;
  functions: readonly FunctionSpec[];
  /** The variables to deploy with each function (names only). */
  variables: ReadonlyMap<string, readonly string[]>;
  /**
   * Whether to (re)create a function's trigger. The CLI creates every listed trigger on each
   * deployment, and a trigger that already exists makes that fail, so a trigger already in the
   * environment as declared is left out. Default: every trigger.
   */
  createTrigger?: (fn: string, trigger: TriggerSpec) => boolean;
}): Cloudbaserc {
  const createTrigger = options.createTrigger ?? (() => true);
  return {
    version: '2.0',
    envId: options.envId,
    functionRoot: './cloudfunctions',
    functions: options.functions.map((fn) => {
      const names = options.variables.get(fn.name) ?? [];
      const triggers = fn.triggers.filter((trigger) => createTrigger(fn.name, trigger));
      return {
        name: fn.name,
        timeout: fn.timeout,
        runtime: RUNTIME,
        handler: 'index.main',
        installDependency: true,
        ignore: [...IGNORE],
        ...(triggers.length > 0 ? { triggers: triggers.map((t) => ({ ...t })) } : {}),
        ...(names.length > 0 ? { envVariables: Object.fromEntries(names.map((n) => [n, envReference(n)])) } : {}),
      };
    }),
  };
}
