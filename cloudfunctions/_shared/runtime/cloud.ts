import * as cloud from 'wx-server-sdk';

/**
 * The one place that initialises wx-server-sdk. DYNAMIC_CURRENT_ENV makes each function use the
 * environment it is deployed in; the local runtime points the same SDK at its own database
 * server through environment variables (local/cloud-env.ts), so this file is identical there.
 */
// The SDK's typings say `env` is a string, but its documented sentinel is a symbol.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const sdkDatabase = cloud.database();

/*
 * The SDK types every call as `Promise<Result> | void | string` (callback overloads) and every
 * document as `any`. Repositories see this narrow, promise-only view instead; documents come
 * back as `unknown` and are parsed with zod (repositories/sdk.ts). Only what we use is listed.
 */
type Data = Record<string, unknown>;

export interface Query {
  where(condition: object): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(projection: Record<string, boolean | 0 | 1>): Query;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocumentRef {
  /** Throws when the document does not exist (use a where() query where absence is normal). */
  get(): Promise<{ data: unknown }>;
  set(options: { data: Data }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Aggregate {
  match(condition: Data): Aggregate;
  group(spec: Data): Aggregate;
  project(spec: Data): Aggregate;
  addFields(spec: Data): Aggregate;
  sort(spec: Record<string, 1 | -1>): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  unwind(spec: string | Data): Aggregate;
  lookup(spec: Data): Aggregate;
  count(field: string): Aggregate;
  end(): Promise<{ list: unknown[] }>;
}

export interface Collection extends Query {
  doc(id: string): DocumentRef;
  add(options: { data: Data }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

export interface Transaction {
  collection(name: string): {
    doc(id: string): DocumentRef;
    add(options: { data: Data }): Promise<{ _id: string }>;
  };
}

export interface Database {
  collection(name: string): Collection;
  /** A regular expression condition (the SDK's db.RegExp). */
  RegExp(options: { regexp: string; options?: string }): unknown;
  serverDate(): unknown;
  runTransaction<T>(run: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

export const db = sdkDatabase as unknown as Database;
/** Query and update operators (_.gt, _.inc, _.in …), typed by the SDK itself. */
export const _ = sdkDatabase.command;

/**
 * The caller's OPENID as the platform states it. The only identity a function trusts: never
 * read a user id from the request body.
 */
export function callerOpenid(): string | null {
  const { OPENID } = cloud.getWXContext();
  return typeof OPENID === 'string' && OPENID.length > 0 ? OPENID : null;
}

export { cloud };
