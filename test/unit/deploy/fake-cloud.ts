import { readFileSync } from 'node:fs';
import type { Output } from '../../../cli/output';
import type { CloudAdmin, RemoteFunction, RemoteIndex, RemoteRule } from '../../../scripts/deploy/cloud';
import type { Cloudbaserc } from '../../../scripts/deploy/cloudbaserc';
import type { DeployDeps } from '../../../scripts/deploy/context';
import type { FunctionVariables } from '../../../scripts/deploy/env-variables';

/**
 * An in-memory cloud environment for the deploy steps: collections with indexes and rules, the
 * storage rule, functions. The fake CLI (`run`) deploys from the generated cloudbaserc.json the way
 * `tcb fn deploy <name> --force` does — code, timeout, variables (filled from its environment, as
 * the CLI fills "{{env.NAME}}") and the listed triggers, failing on a trigger that already exists.
 */
export class FakeCloud implements CloudAdmin {
  collections = new Map<string, { indexes: RemoteIndex[]; rule: RemoteRule }>();
  storage: RemoteRule = { aclTag: 'PRIVATE', rule: null };
  functions = new Map<string, RemoteFunction & { env: Record<string, string> }>();
  writes: string[] = [];

  async listCollections() {
    return [...this.collections.keys()];
  }
  async describeIndexes(collection: string) {
    return structuredClone(this.collections.get(collection)!.indexes);
  }
  async createCollection(collection: string) {
    this.writes.push(`createCollection ${collection}`);
    this.collections.set(collection, { indexes: [], rule: { aclTag: 'ADMINWRITE', rule: null } });
  }
  async createIndex(collection: string, index: Parameters<CloudAdmin['createIndex']>[1]) {
    this.writes.push(`createIndex ${collection}.${index.name}`);
    const indexes = this.collections.get(collection)!.indexes;
    if (indexes.some((i) => i.name === index.name)) throw Object.assign(new Error('index exists'), { code: 'X' });
    indexes.push({
      name: index.name,
      keys: index.keys.map((k) => ({ field: k.field, direction: String(k.direction) })),
      unique: index.unique,
    });
  }
  async getCollectionRule(collection: string) {
    return structuredClone(this.collections.get(collection)!.rule);
  }
  async setCollectionRule(collection: string, rule: Record<string, unknown>) {
    this.writes.push(`setCollectionRule ${collection}`);
    this.collections.get(collection)!.rule = { aclTag: 'CUSTOM', rule: JSON.parse(JSON.stringify(rule)) };
  }
  async getStorageRule() {
    return structuredClone(this.storage);
  }
  async setStorageRule(rule: Record<string, unknown>) {
    this.writes.push('setStorageRule');
    this.storage = { aclTag: 'CUSTOM', rule: structuredClone(rule) };
  }
  async describeFunction(name: string) {
    const fn = this.functions.get(name);
    if (!fn) return null;
    const { env: _env, ...remote } = structuredClone(fn);
    return remote;
  }
  async deleteTrigger(fn: string, trigger: string) {
    this.writes.push(`deleteTrigger ${fn}.${trigger}`);
    const remote = this.functions.get(fn)!;
    remote.triggers = remote.triggers.filter((t) => t.name !== trigger);
  }

  /** `tcb --config-file <file> fn deploy <name> --force --yes -e <env>`, as the CLI does it. */
  deploy(args: readonly string[], env: NodeJS.ProcessEnv): number {
    const config = JSON.parse(readFileSync(args[1]!, 'utf8')) as Cloudbaserc;
    const name = args[4]!;
    const fn = config.functions.find((f) => f.name === name)!;
    const existing = this.functions.get(name);
    const triggers = existing?.triggers ?? [];
    for (const trigger of fn.triggers ?? []) {
      if (triggers.some((t) => t.name === trigger.name)) return 1; // BatchCreateTrigger: already exists
    }
    const vars = Object.fromEntries(
      Object.entries(fn.envVariables ?? {}).map(([key, ref]) => [
        key,
        env[/^\{\{env\.(\w+)\}\}$/.exec(ref)![1]!] ?? '',
      ]),
    );
    this.functions.set(name, {
      timeout: fn.timeout,
      runtime: fn.runtime,
      // No envVariables: the function keeps the variables it had.
      envNames: fn.envVariables ? Object.keys(vars) : (existing?.envNames ?? []),
      env: fn.envVariables ? vars : (existing?.env ?? {}),
      triggers: [...triggers, ...(fn.triggers ?? []).map((t) => ({ name: t.name, config: t.config }))],
    });
    this.writes.push(`deploy ${name}`);
    return 0;
  }
}

export interface Captured {
  lines: string[];
  errors: string[];
}

export function captureOutput(): Output & Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    result: (text) => lines.push(text),
    progress: () => undefined,
    note: (text) => lines.push(text),
    error: (text) => errors.push(text),
  };
}

export function fakeDeps(options: {
  cloud: FakeCloud;
  variables: Map<string, FunctionVariables>;
  envFile?: string | null;
  workDir: string;
  failDeploy?: string[];
}): DeployDeps & { out: Output & Captured; runs: string[] } {
  const runs: string[] = [];
  const out = captureOutput();
  return {
    out,
    runs,
    cloud: () => options.cloud,
    async run(command, args, env) {
      runs.push([command.replace(/.*node_modules\/\.bin\//, ''), ...args].join(' '));
      if (command === 'npm') return 0;
      if (options.failDeploy?.includes(args[4]!)) return 1;
      return options.cloud.deploy(args, env ?? {});
    },
    envFileText: () => options.envFile ?? null,
    workDir: () => options.workDir,
    variables: async (names) => new Map(names.map((name) => [name, options.variables.get(name)!])),
  };
}
