import { existsSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EJSON } from 'bson';
import { decodeStored } from './protocol';
import type { JournalOp } from './store';
import { isPlainObject, type Doc } from './values';

/**
 * Durability. A data folder holds:
 *   snapshot.jsonl        the whole database as of journal position `lsn` (header, one line per
 *                         document, trailer); replaced atomically (write tmp, fsync, rename)
 *   journal-NNNNNNNN.jsonl one line per acknowledged request: {"lsn":n,"ops":[…]}, in order
 *   LOCK                  the pid of the process that has the folder open
 *
 * A request's ops are appended as one line and the request is answered only once that line is
 * fsynced. Requests that arrive while an fsync is in flight are written and fsynced together by
 * the next one (group commit), so concurrent writers share the cost.
 *
 * Every `compactEvery` records, the current state is written as a new snapshot and the journal
 * switches to a new segment; older segments are deleted once the snapshot is durable. Documents
 * are immutable in memory, so the snapshot is taken by reference in one synchronous step and
 * serialised afterwards while requests keep running.
 *
 * Loading: snapshot, then every journal record after its lsn. Only the end of the last segment
 * may be incomplete (a crash mid-write, never acknowledged): it is cut off. Damage anywhere else
 * stops the open with an error instead of silently losing acknowledged writes.
 */

export interface Persistence {
  /** Queues one request's ops; returns its position. */
  append(ops: JournalOp[]): number;
  /** Resolves once everything up to `lsn` (default: everything appended so far) is on disk. */
  durable(lsn?: number): Promise<void>;
  close(): Promise<void>;
}

/** dataDir: null — nothing is kept. */
export class MemoryPersistence implements Persistence {
  private lsn = 0;
  append(): number {
    return ++this.lsn;
  }
  durable(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface FilePersistenceOptions {
  dir: string;
  compactEvery: number;
  /** The state to snapshot: per collection, references to its (immutable) documents. */
  snapshot: () => Array<[string, Doc[]]>;
  /** Called for each op while loading, in order. */
  replay: (op: JournalOp) => void;
}

const SNAPSHOT = 'snapshot.jsonl';
const SNAPSHOT_FORMAT = 'linli-local-db/1';
const SEGMENT_PATTERN = /^journal-(\d{8})\.jsonl$/;
const segmentName = (generation: number) => `journal-${String(generation).padStart(8, '0')}.jsonl`;
/** Snapshot lines are written in chunks of about this size, to keep memory flat. */
const CHUNK_BYTES = 1 << 20;

/** Folders open in this process: a second open would interleave two journals. */
const openFolders = new Set<string>();

type QueueItem = { kind: 'line'; text: string; lsn: number } | { kind: 'rotate'; generation: number };

interface Waiter {
  lsn: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class FilePersistence implements Persistence {
  private lastLsn = 0;
  private durableLsn = 0;
  private generation = 1;
  private handle: FileHandle | null = null;
  private readonly queue: QueueItem[] = [];
  private readonly waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private sinceSnapshot = 0;
  private failure: Error | null = null;
  private closed = false;
  /** Generation the flush loop has switched to (for compaction to know the old one is sealed). */
  private writtenGeneration = 1;
  private readonly rotationWaiters: Waiter[] = [];

  private constructor(
    private readonly dir: string,
    private readonly options: FilePersistenceOptions,
  ) {}

  static async open(options: FilePersistenceOptions): Promise<FilePersistence> {
    const dir = resolve(options.dir);
    await fs.mkdir(dir, { recursive: true });
    await acquireLock(dir);
    const persistence = new FilePersistence(dir, options);
    try {
      await persistence.load();
      persistence.maybeCompact();
    } catch (error) {
      await releaseLock(dir);
      throw error;
    }
    return persistence;
  }

  append(ops: JournalOp[]): number {
    if (this.closed) throw new Error('the local database is closed');
    const lsn = ++this.lastLsn;
    this.queue.push({ kind: 'line', lsn, text: `{"lsn":${lsn},"ops":${EJSON.stringify(ops, { relaxed: false })}}\n` });
    this.sinceSnapshot += 1;
    this.kick();
    this.maybeCompact();
    return lsn;
  }

  durable(lsn: number = this.lastLsn): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (lsn <= this.durableLsn) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ lsn, resolve, reject }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A finishing flush may start another for lines queued meanwhile: wait until all is quiet.
    while (this.compacting || this.flushing) {
      await this.compacting;
      await this.flushing;
    }
    await this.handle?.close();
    this.handle = null;
    await releaseLock(this.dir);
  }

  // ---- writing

  private kick(): void {
    if (this.flushing || this.failure) return;
    this.flushing = this.flushLoop()
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.flushing = null;
        if (this.queue.length > 0 && !this.failure) this.kick();
      });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const lines: string[] = [];
      let upTo = this.durableLsn;
      while (this.queue[0]?.kind === 'line') {
        const item = this.queue.shift() as Extract<QueueItem, { kind: 'line' }>;
        lines.push(item.text);
        upTo = item.lsn;
      }
      if (lines.length > 0) {
        const handle = await this.segmentHandle();
        await handle.appendFile(lines.join(''));
        await handle.datasync();
        this.durableLsn = upTo;
        this.release();
      }
      const next = this.queue[0];
      if (next?.kind === 'rotate') {
        this.queue.shift();
        // Seal the old segment (already fsynced) before anything reaches the new one.
        await this.handle?.close();
        this.handle = null;
        this.writtenGeneration = next.generation;
        await this.segmentHandle();
        for (const waiter of this.rotationWaiters.splice(0)) waiter.resolve();
      }
    }
  }

  private async segmentHandle(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const path = join(this.dir, segmentName(this.writtenGeneration));
    const created = !existsSync(path);
    this.handle = await fs.open(path, 'a');
    if (created) await fsyncDir(this.dir);
    return this.handle;
  }

  private release(): void {
    while (this.waiters.length > 0 && (this.waiters[0]?.lsn ?? Infinity) <= this.durableLsn)
      this.waiters.shift()?.resolve();
  }

  private fail(error: unknown): void {
    this.failure = new Error(
      `local database: writing ${this.dir} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    for (const waiter of [...this.waiters.splice(0), ...this.rotationWaiters.splice(0)]) waiter.reject(this.failure);
  }

  // ---- compaction

  private maybeCompact(): void {
    if (this.compacting || this.closed || this.failure || this.sinceSnapshot < this.options.compactEvery) return;
    this.compacting = this.compact()
      .catch((error: unknown) =>
        console.error(`[local-db] compaction of ${this.dir} failed (the journal still has everything):`, error),
      )
      .finally(() => {
        this.compacting = null;
      });
  }

  private async compact(): Promise<void> {
    // One synchronous step: the state as of lastLsn, and the switch of new appends to a new segment.
    const lsn = this.lastLsn;
    const collections = this.options.snapshot();
    const generation = ++this.generation;
    this.sinceSnapshot = 0;
    // Rejected if writing fails: then the old segments stay (the new snapshot alone is consistent with them).
    const rotated = new Promise<void>((resolve, reject) => this.rotationWaiters.push({ lsn, resolve, reject }));
    this.queue.push({ kind: 'rotate', generation });
    this.kick();

    await writeSnapshot(this.dir, lsn, collections);
    await rotated;
    for (const name of await fs.readdir(this.dir)) {
      const match = SEGMENT_PATTERN.exec(name);
      if (match && Number(match[1]) < generation) await fs.unlink(join(this.dir, name));
    }
    await fsyncDir(this.dir);
  }

  // ---- loading

  private async load(): Promise<void> {
    const names = await fs.readdir(this.dir);
    if (names.includes(`${SNAPSHOT}.tmp`)) await fs.unlink(join(this.dir, `${SNAPSHOT}.tmp`));
    const snapshotLsn = names.includes(SNAPSHOT) ? await this.loadSnapshot(join(this.dir, SNAPSHOT)) : 0;
    this.lastLsn = snapshotLsn;

    const generations = names
      .map((name) => SEGMENT_PATTERN.exec(name))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
    for (const [i, generation] of generations.entries()) {
      await this.loadSegment(join(this.dir, segmentName(generation)), snapshotLsn, i === generations.length - 1);
    }
    this.durableLsn = this.lastLsn;
    this.generation = generations.at(-1) ?? 1;
    this.writtenGeneration = this.generation;
  }

  private async loadSnapshot(path: string): Promise<number> {
    const lines = (await fs.readFile(path, 'utf8')).split('\n');
    const header = parseLine(lines[0] ?? '');
    if (
      !isPlainObject(header) ||
      header.format !== SNAPSHOT_FORMAT ||
      typeof header.lsn !== 'number' ||
      !Array.isArray(header.collections)
    ) {
      throw new Error(`${path}: not a snapshot of this database (bad header)`);
    }
    for (const name of header.collections) if (typeof name === 'string') this.options.replay({ create: name });
    let count = 0;
    for (const line of lines.slice(1)) {
      const entry = parseLine(line);
      if (isPlainObject(entry) && typeof entry.end === 'number') {
        if (entry.end !== count) throw new Error(`${path}: expected ${entry.end} documents, found ${count}`);
        return header.lsn;
      }
      if (!isPlainObject(entry) || typeof entry.c !== 'string' || !isPlainObject(entry.d))
        throw new Error(`${path}: damaged line ${count + 2}`);
      this.options.replay({ c: entry.c, put: entry.d as Doc });
      count += 1;
    }
    throw new Error(`${path}: incomplete snapshot (no trailer)`);
  }

  private async loadSegment(path: string, snapshotLsn: number, isLast: boolean): Promise<void> {
    const text = await fs.readFile(path, 'utf8');
    // Only complete lines count; a last line without its newline was never acknowledged.
    const end = text.lastIndexOf('\n') + 1;
    const lines = text.slice(0, end).split('\n').slice(0, -1);
    let offset = 0;
    let goodBytes = 0;
    let damagedAt: number | null = null;
    for (const [i, line] of lines.entries()) {
      const record = parseLine(line);
      const valid = isPlainObject(record) && typeof record.lsn === 'number' && Array.isArray(record.ops);
      if (!valid) {
        damagedAt ??= i;
      } else if (damagedAt !== null) {
        throw new Error(`${path}: damaged record at line ${damagedAt + 1} followed by valid records; refusing to load`);
      } else {
        const { lsn, ops } = record as { lsn: number; ops: JournalOp[] };
        if (lsn > snapshotLsn) {
          if (lsn <= this.lastLsn) throw new Error(`${path}: journal position ${lsn} out of order`);
          for (const op of ops) this.options.replay(op);
          this.lastLsn = lsn;
          this.sinceSnapshot += 1;
        }
        goodBytes = offset + Buffer.byteLength(line, 'utf8') + 1;
      }
      offset += Buffer.byteLength(line, 'utf8') + 1;
    }
    const torn = damagedAt !== null || end < text.length;
    if (!torn) return;
    if (!isLast) throw new Error(`${path}: damaged end of a sealed journal segment; refusing to load`);
    console.warn(
      `[local-db] ${path}: dropping an incomplete last record (a crash during a write that was never acknowledged)`,
    );
    await fs.truncate(path, goodBytes);
  }
}

function parseLine(line: string): unknown {
  if (line.trim() === '') return undefined;
  try {
    return decodeStored(line);
  } catch {
    return undefined;
  }
}

async function writeSnapshot(dir: string, lsn: number, collections: Array<[string, Doc[]]>): Promise<void> {
  const tmp = join(dir, `${SNAPSHOT}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    let chunk = `${JSON.stringify({ format: SNAPSHOT_FORMAT, lsn, collections: collections.map(([name]) => name) })}\n`;
    let count = 0;
    for (const [name, docs] of collections) {
      const prefix = `{"c":${JSON.stringify(name)},"d":`;
      for (const doc of docs) {
        chunk += `${prefix}${EJSON.stringify(doc, { relaxed: false })}}\n`;
        count += 1;
        if (chunk.length >= CHUNK_BYTES) {
          await handle.appendFile(chunk);
          chunk = '';
        }
      }
    }
    chunk += `${JSON.stringify({ end: count })}\n`;
    await handle.appendFile(chunk);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, join(dir, SNAPSHOT));
  await fsyncDir(dir);
}

/** Makes a file's creation, rename or removal durable (the directory entry is data too). */
async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    // Windows cannot open a directory; its file system orders these updates itself.
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function acquireLock(dir: string): Promise<void> {
  if (openFolders.has(dir)) throw new Error(`local database: ${dir} is already open in this process`);
  const path = join(dir, 'LOCK');
  try {
    await fs.writeFile(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = Number((await fs.readFile(path, 'utf8')).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new Error(`local database: ${dir} is in use by process ${pid} (delete ${path} if that is wrong)`, {
        cause: error,
      });
    }
    // A lock left by a process that has ended (a crash): take it over.
    await fs.writeFile(path, String(process.pid));
  }
  openFolders.add(dir);
}

async function releaseLock(dir: string): Promise<void> {
  openFolders.delete(dir);
  await fs.rm(join(dir, 'LOCK'), { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
