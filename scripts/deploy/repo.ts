import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { functionFolders } from '../build-functions';
import type { SecurityRule } from './security-rules';

/**
 * What the repository says the cloud environment should hold, read from the same files the local
 * runtime and the build use: config/db-indexes.json (collections and indexes),
 * config/db-security-rules.json, config/storage-rules.json and each function's config.json and
 * package.json. A malformed file stops the deployment before anything is sent.
 */

export const ROOT = path.resolve(__dirname, '../..');

export interface IndexSpec {
  name: string;
  /** In the declared order: a compound index's order matters. */
  keys: { field: string; direction: 1 | -1 }[];
  unique: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: SecurityRule;
}

export interface TriggerSpec {
  name: string;
  type: 'timer';
  /** Seven-field cron (second minute hour day month weekday year), China time. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  /** Seconds. */
  timeout: number;
  triggers: TriggerSpec[];
  /** Cloud calls the function makes (config.json permissions.openapi). */
  openapi: string[];
  dependencies: Record<string, string>;
}

const ruleSchema = z.record(z.string(), z.union([z.boolean(), z.string()]));

const indexFileSchema = z.object({
  collections: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'collection names are lower_snake_case'),
    z.strictObject({
      indexes: z.array(
        z.strictObject({
          name: z.string().regex(/^[A-Za-z0-9_]+$/),
          keys: z
            .record(z.string().min(1), z.union([z.literal(1), z.literal(-1)]))
            .refine((keys) => Object.keys(keys).length > 0, 'an index needs at least one key'),
          unique: z.boolean().optional(),
        }),
      ),
    }),
  ),
});

const rulesFileSchema = z.object({ rules: z.record(z.string(), ruleSchema) });

const functionConfigSchema = z.object({
  permissions: z.object({ openapi: z.array(z.string()) }).optional(),
  triggers: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, 'trigger names: a letter, then letters, digits, - or _'),
        type: z.literal('timer'),
        config: z.string().regex(/^\S+( \S+){6}$/, 'a timer needs a seven-field cron expression'),
      }),
    )
    // WeChat runs one timer trigger per function.
    .max(1, 'WeChat allows one trigger per function')
    .optional(),
  timeout: z.number().int().min(1).max(60).optional(),
});

const packageSchema = z.object({ dependencies: z.record(z.string(), z.string()).optional() });

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const text = readFileSync(file, 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path.relative(ROOT, file)}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Every declared collection, its indexes and its security rule. */
export function readCollections(root = ROOT): CollectionSpec[] {
  const { collections } = readJson(path.join(root, 'config/db-indexes.json'), indexFileSchema);
  const { rules } = readJson(path.join(root, 'config/db-security-rules.json'), rulesFileSchema);
  const missing = Object.keys(collections).filter((name) => !rules[name]);
  if (missing.length > 0) throw new Error(`config/db-security-rules.json has no rule for ${missing.join(', ')}`);
  return Object.entries(collections).map(([name, { indexes }]) => ({
    name,
    indexes: indexes.map((index) => ({
      name: index.name,
      keys: Object.entries(index.keys).map(([field, direction]) => ({ field, direction })),
      unique: index.unique === true,
    })),
    rule: rules[name]!,
  }));
}

/**
 * Rules for collections config/db-indexes.json does not declare: never applied, only reported
 * (a collection and its rule may land in separate commits; a stale rule does no harm).
 */
export function unusedRules(root = ROOT): string[] {
  const { collections } = readJson(path.join(root, 'config/db-indexes.json'), indexFileSchema);
  const { rules } = readJson(path.join(root, 'config/db-security-rules.json'), rulesFileSchema);
  return Object.keys(rules).filter((name) => !collections[name]);
}

export function readStorageRule(root = ROOT): SecurityRule {
  return readJson(path.join(root, 'config/storage-rules.json'), ruleSchema);
}

/** Every deployable function (a folder under cloudfunctions/ with src/index.ts, as the build). */
export function readFunctions(root = ROOT): FunctionSpec[] {
  return functionFolders().map((name) => {
    const dir = path.join(root, 'cloudfunctions', name);
    const config = readJson(path.join(dir, 'config.json'), functionConfigSchema);
    const pkg = readJson(path.join(dir, 'package.json'), packageSchema);
    return {
      name,
      // The platform's default is 3 s, too short for any of ours: a missing timeout is a mistake.
      timeout: config.timeout ?? fail(`cloudfunctions/${name}/config.json: "timeout" is missing`),
      triggers: config.triggers ?? [],
      openapi: config.permissions?.openapi ?? [],
      dependencies: pkg.dependencies ?? {},
    };
  });
}

function fail(message: string): never {
  throw new Error(message);
}

/** The AppID in project.config.json, or null while it is DevTools' placeholder. */
export function readAppId(root = ROOT): string | null {
  const { appid } = readJson(path.join(root, 'project.config.json'), z.object({ appid: z.string() }));
  return appid === 'touristappid' ? null : appid;
}
