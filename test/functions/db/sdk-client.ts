import { join } from 'node:path';
import * as cloud from 'wx-server-sdk';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The real wx-server-sdk, seen through a promise-only, loosely typed view (its own typings mix
 * callback overloads into every return type). Documents are `Data`; tests assert on values.
 */
export type Data = Record<string, unknown>;

export interface Query {
  where(condition: object): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(projection: Data): Query;
  get(): Promise<{ data: Data[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Data; multi?: boolean }): Promise<{ stats: { updated: number } }>;
  remove(options?: { multi?: boolean }): Promise<{ stats: { removed: number } }>;
}

export interface DocumentRef {
  get(): Promise<{ data: Data }>;
  set(options: { data: Data }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
  field(projection: Data): DocumentRef;
}

export interface Aggregate {
  match(spec: Data): Aggregate;
  group(spec: Data): Aggregate;
  sort(spec: Data): Aggregate;
  project(spec: Data): Aggregate;
  lookup(spec: Data): Aggregate;
  unwind(spec: string | Data): Aggregate;
  count(field: string): Aggregate;
  addFields(spec: Data): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  end(): Promise<{ list: Data[] }>;
}

export interface Collection extends Query {
  doc(id: string | number): DocumentRef;
  add(options: { data: Data | Data[] }): Promise<{ _id: string; _ids?: string[] }>;
  aggregate(): Aggregate;
}

export interface Transaction {
  collection(name: string): Collection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

type SdkDatabase = ReturnType<typeof cloud.database>;

export interface Database {
  collection(name: string): Collection;
  command: SdkDatabase['command'];
  serverDate(options?: { offset: number }): unknown;
  Geo: SdkDatabase['Geo'];
  RegExp(options: { regexp: string; options?: string }): unknown;
  runTransaction<T>(run: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>;
  startTransaction(): Promise<Transaction>;
  createCollection(name: string): Promise<unknown>;
}

/** Errors the SDK rejects with: wx-server-sdk's (errCode/errMsg) or node-sdk's (code, from commit). */
export interface SdkError extends Error {
  errCode?: number;
  code?: string;
}

export const FIXTURE_INDEXES = join(__dirname, '__fixtures__', 'db-indexes.json');

let initialised = false;

/** Starts an in-memory database with the fixture collections and returns the SDK's database on it. */
export async function startSdk(
  opts: { dataDir?: string | null } = {},
): Promise<{ server: TestDatabase; db: Database }> {
  const server = await startTestDatabase({ dataDir: opts.dataDir ?? null, indexesFile: FIXTURE_INDEXES });
  return { server, db: sdkDatabase() };
}

export function sdkDatabase(): Database {
  if (!initialised) {
    // The SDK's typings say `env` is a string, but its documented sentinel is a symbol.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud.database() as unknown as Database;
}

/** The rejection of a promise that must fail. */
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail, it succeeded');
}
