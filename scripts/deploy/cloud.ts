import CloudBase from '@cloudbase/manager-node';
import type { IndexSpec } from './repo';
import type { SecurityRule } from './security-rules';

/**
 * The one module that speaks to a real cloud environment, through @cloudbase/manager-node (the
 * management SDK the CloudBase CLI is built on; documented at docs.cloudbase.net → 管理端 SDK).
 * The steps see only this interface, so they are tested against an in-memory fake.
 *
 * Tencent Cloud API actions used (tcb 2018-06-08): ListTables, DescribeTable, CreateTable and
 * UpdateTable (via database.*), DescribeSafeRule / ModifySafeRule (collection rules),
 * DescribeStorageSafeRule / ModifyStorageSafeRule (storage.get/setStorageAcl), and SCF's
 * GetFunction / DeleteTrigger (functions.*). Nothing here deletes a collection or an index.
 */

export interface RemoteIndex {
  name: string;
  keys: { field: string; direction: string }[];
  unique: boolean;
}

/** A rule as the environment holds it: a permission tag, and the rule text when it is CUSTOM. */
export interface RemoteRule {
  aclTag: string;
  rule: unknown;
}

export interface RemoteFunction {
  timeout: number;
  runtime: string;
  /** Names only: values are secrets. */
  envNames: string[];
  triggers: { name: string; config: string }[];
}

export interface CloudAdmin {
  listCollections(): Promise<string[]>;
  /** Indexes besides the automatic `_id_`. */
  describeIndexes(collection: string): Promise<RemoteIndex[]>;
  createCollection(collection: string): Promise<void>;
  createIndex(collection: string, index: IndexSpec): Promise<void>;
  getCollectionRule(collection: string): Promise<RemoteRule>;
  setCollectionRule(collection: string, rule: SecurityRule): Promise<void>;
  getStorageRule(): Promise<RemoteRule>;
  setStorageRule(rule: SecurityRule): Promise<void>;
  describeFunction(name: string): Promise<RemoteFunction | null>;
  deleteTrigger(fn: string, trigger: string): Promise<void>;
}

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

const PAGE = 100;

/** Rule text from the API: a JSON string, sometimes absent for the simple permission tags. */
function parseRule(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A timer's TriggerDesc is `{"cron":"…"}` in SCF's answers; older answers give the cron itself. */
export function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // not JSON: the expression as it is
  }
  return desc;
}

export function managerCloud(envId: string, credentials: Credentials, appId: string | null): CloudAdmin {
  const app = new CloudBase({ ...credentials, envId });
  const tcb = app.commonService('tcb', '2018-06-08');
  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const { Collections = [], Pager } = await app.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
        names.push(...Collections.map((c) => c.CollectionName));
        if (Collections.length < PAGE || names.length >= (Pager?.Total ?? names.length)) return names;
      }
    },
    async describeIndexes(collection) {
      const { Indexes = [] } = await app.database.describeCollection(collection);
      return Indexes.filter((index) => index.Name !== '_id_').map((index) => ({
        name: index.Name,
        keys: index.Keys.map((key) => ({ field: key.Name ?? '', direction: String(key.Direction ?? '') })),
        unique: index.Unique === true,
      }));
    },
    async createCollection(collection) {
      await app.database.createCollection(collection);
    },
    async createIndex(collection, index) {
      await app.database.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })),
              MgoIsUnique: index.unique,
            },
          },
        ],
      });
    },
    async getCollectionRule(collection) {
      const answer = (await tcb.call({
        Action: 'DescribeSafeRule',
        // WxAppId: "微信必传" for mini-program environments (API reference, DescribeSafeRule).
        Param: { EnvId: envId, CollectionName: collection, ...(appId ? { WxAppId: appId } : {}) },
      })) as { AclTag?: string; Rule?: string | null };
      return { aclTag: answer.AclTag ?? '', rule: parseRule(answer.Rule) };
    },
    async setCollectionRule(collection, rule) {
      await tcb.call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) },
      });
    },
    async getStorageRule() {
      const { acl, rule } = await app.storage.getStorageAcl({ withRule: true });
      return { aclTag: acl, rule: rule ?? null };
    },
    async setStorageRule(rule) {
      const { read, write } = rule;
      if (read === undefined || write === undefined) throw new Error('a storage rule needs read and write');
      await app.storage.setStorageAcl('CUSTOM', { read, write });
    },
    async describeFunction(name) {
      try {
        const detail = await app.functions.getFunctionDetail(name);
        return {
          timeout: detail.Timeout,
          runtime: detail.Runtime,
          envNames: (detail.Environment?.Variables ?? []).map((v) => v.Key),
          triggers: (detail.Triggers ?? []).map((t) => ({
            name: t.TriggerName ?? t.Name,
            config: cronOf(t.TriggerDesc ?? t.Config ?? ''),
          })),
        };
      } catch (error) {
        if (/^ResourceNotFound/.test(String((error as { code?: unknown }).code ?? ''))) return null;
        throw error;
      }
    },
    async deleteTrigger(fn, trigger) {
      await app.functions.deleteFunctionTrigger(fn, trigger);
    },
  };
}
