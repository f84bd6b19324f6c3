import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCloudbaserc, RUNTIME, type Cloudbaserc } from '../cloudbaserc';
import { TCB, type DeployDeps } from '../context';
import { envProblems, parseEnvFile, type EnvValues } from '../env-file';
import { DECLARED_TEMPLATES, DECLARED_VARIABLES, templateVariable, type FunctionVariables } from '../env-variables';
import { deployedNames, functionDifferences, triggerDecisions, type TriggerDecision } from '../functions-plan';
import { readFunctions, type FunctionSpec } from '../repo';

/**
 * `functions`: build every function (npm run build:functions) and deploy it with the CloudBase
 * CLI — `tcb fn deploy <name> --force` against a cloudbaserc.json generated from the functions'
 * config.json files — with its timeout, its timer trigger and the environment variables its code
 * reads, their values from .env.cloud. Checks everything it can before the first upload: an
 * undeclared variable, a missing or malformed secret, an unknown --only name.
 */

const VARIABLES = new Map(DECLARED_VARIABLES.map((v) => [v.name, v]));
const TEMPLATES = new Map(DECLARED_TEMPLATES.map((t) => [templateVariable(t.key), t]));

export interface FunctionsPlan {
  functions: FunctionSpec[];
  variables: Map<string, FunctionVariables>;
}

export async function planFunctions(deps: DeployDeps, only: readonly string[] | null): Promise<FunctionsPlan> {
  const all = readFunctions();
  const unknown = (only ?? []).filter((name) => !all.some((fn) => fn.name === name));
  if (unknown.length > 0) throw new Error(`no function ${unknown.join(', ')} under cloudfunctions/`);
  const functions = only ? all.filter((fn) => only.includes(fn.name)) : all;
  const variables = await deps.variables(functions.map((fn) => fn.name));
  const undeclared = [...variables].flatMap(([fn, v]) => v.undeclared.map((name) => `${name} (read by ${fn})`));
  if (undeclared.length > 0) {
    throw new Error(
      `undeclared environment variables: ${undeclared.join(', ')} — declare them in scripts/deploy/env-variables.ts`,
    );
  }
  return { functions, variables };
}

function envValues(deps: DeployDeps): { values: Map<string, string>; problems: string[]; present: boolean } {
  const text = deps.envFileText();
  if (text === null) return { values: new Map(), problems: [], present: false };
  return { ...parseEnvFile(text), present: true };
}

const neededNames = (plan: FunctionsPlan): Set<string> => new Set([...plan.variables.values()].flatMap((v) => v.names));

function describeVariable(name: string, values: EnvValues | null): string {
  const state = values === null ? '' : (values.get(name) ?? '') !== '' ? ', set' : ', not set';
  const template = TEMPLATES.get(name);
  if (template) return `${name} (template${state}; unset: that message is not sent)`;
  const variable = VARIABLES.get(name)!;
  return `${name} (${variable.required ? 'required' : 'optional'}${variable.secret ? ', secret' : ''}${state})`;
}

const describeTrigger = (fn: FunctionSpec): string =>
  fn.triggers.length === 0 ? 'no trigger' : fn.triggers.map((t) => `timer ${t.name} "${t.config}"`).join(', ');

export const deployArgs = (configFile: string, name: string, envId: string): string[] => [
  '--config-file',
  configFile,
  'fn',
  'deploy',
  name,
  '--force',
  '--yes',
  '-e',
  envId,
];

export async function functionsStep(
  deps: DeployDeps,
  envId: string | null,
  dryRun: boolean,
  only: readonly string[] | null,
): Promise<number> {
  const { out } = deps;
  const plan = await planFunctions(deps, only);
  const env = envValues(deps);
  const problems = [...env.problems, ...(env.present || !dryRun ? envProblems(env.values, neededNames(plan)) : [])];
  if (!env.present && !dryRun) problems.unshift('.env.cloud is missing: copy config/cloud-env.example and fill it in');
  const names = plan.functions.map((fn) => fn.name);

  if (dryRun) {
    printPlan(deps, plan, envId ?? '<envId>', env.present ? env.values : null);
    for (const problem of problems) out.note(`  a real run would stop: ${problem}`);
    return 0;
  }
  if (problems.length > 0) {
    for (const problem of problems) out.error(`.env.cloud: ${problem}`);
    return 2;
  }

  out.progress('building the functions …');
  if ((await deps.run('npm', ['run', 'build:functions', '--', ...names])) !== 0) {
    out.error('npm run build:functions failed; nothing was deployed');
    return 1;
  }
  const cloud = deps.cloud(envId!);
  const decisions = new Map<string, TriggerDecision[]>();
  for (const fn of plan.functions) decisions.set(fn.name, triggerDecisions(fn, await cloud.describeFunction(fn.name)));
  for (const [fn, list] of decisions) {
    for (const decision of list) {
      if (decision.kind !== 'replace') continue;
      out.note(
        `  trigger ${fn}.${decision.trigger.name}: "${decision.was}" → "${decision.trigger.config}" (deleted, re-created)`,
      );
      await cloud.deleteTrigger(fn, decision.trigger.name);
    }
  }
  const deployed = new Map(
    plan.functions.map((fn) => [fn.name, deployedNames(plan.variables.get(fn.name)!, env.values)]),
  );
  const config = makeCloudbaserc({
    envId: envId!,
    functions: plan.functions,
    variables: deployed,
    createTrigger: (fn, trigger) =>
      decisions.get(fn)!.find((d) => d.trigger.name === trigger.name)!.kind !== 'in-place',
  });
  const configFile = writeConfig(deps.workDir(), config);
  // The CLI fills "{{env.NAME}}" from its own environment: the values travel only there.
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of new Set([...deployed.values()].flat())) childEnv[name] = env.values.get(name);

  const failed: string[] = [];
  for (const fn of plan.functions) {
    out.progress(`deploying ${fn.name} …`);
    if ((await deps.run(TCB, deployArgs(configFile, fn.name, envId!), childEnv)) !== 0) failed.push(fn.name);
  }
  const differences: string[] = [];
  for (const fn of plan.functions) {
    if (failed.includes(fn.name)) continue;
    differences.push(...functionDifferences(fn, await cloud.describeFunction(fn.name), deployed.get(fn.name)!));
  }
  for (const difference of differences) out.error(`  after deploying: ${difference}`);
  reminders(deps, plan.functions);
  if (failed.length > 0)
    out.error(`functions: failed to deploy ${failed.join(', ')} (re-run: --only ${failed.join(',')})`);
  out.result(`functions: ${plan.functions.length - failed.length} of ${plan.functions.length} deployed to ${envId}`);
  return failed.length > 0 || differences.length > 0 ? 1 : 0;
}

function writeConfig(dir: string, config: Cloudbaserc): string {
  const file = path.join(dir, 'cloudbaserc.json');
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  chmodSync(file, 0o600);
  return file;
}

function reminders(deps: DeployDeps, functions: readonly FunctionSpec[]): void {
  const calling = functions.filter((fn) => fn.openapi.length > 0);
  if (calling.length === 0) return;
  deps.out.note(
    `  cloud-call permissions (config.json permissions.openapi) are a WeChat setting the CloudBase CLI does not upload: ` +
      `upload ${calling.map((fn) => fn.name).join(', ')} once from WeChat DevTools (docs/deploy.md "Cloud calls")`,
  );
}

function printPlan(deps: DeployDeps, plan: FunctionsPlan, envId: string, values: EnvValues | null): void {
  const { out } = deps;
  out.result(`functions: plan (${plan.functions.length} functions, runtime ${RUNTIME})`);
  out.result(`  run npm run build:functions -- ${plan.functions.map((fn) => fn.name).join(' ')}`);
  for (const fn of plan.functions) {
    const names = plan.variables.get(fn.name)!.names;
    out.result(
      `  ${fn.name}: timeout ${fn.timeout} s, ${describeTrigger(fn)}, cloud calls: ${fn.openapi.join(' ') || 'none'}`,
    );
    out.result(`    variables: ${names.map((name) => describeVariable(name, values)).join(', ') || 'none'}`);
  }
  const configFile = '<temporary folder>/cloudbaserc.json';
  for (const fn of plan.functions) out.result(`  run tcb ${deployArgs(configFile, fn.name, envId).join(' ')}`);
  const config = makeCloudbaserc({
    envId,
    functions: plan.functions,
    // Every variable a function reads; a real run leaves out optional ones .env.cloud does not set.
    variables: new Map([...plan.variables].map(([fn, v]) => [fn, v.names])),
  });
  out.result(`  ${configFile} (triggers already in place are left out when run):`);
  out.result(JSON.stringify(config, null, 2));
}
