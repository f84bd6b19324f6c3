import fc from 'fast-check';
import { ERROR_CODES } from '@linli/types/errors';
import type { FunctionName } from '@linli/types/api';
import { invokeFunction } from '../../../local/host/invoke';
import type { FunctionHarness } from '../../support/functions';
import type { DatabaseSnapshot } from '../../../local/db';
import { changedCollections, documentChanges, documentsOf } from './db-state';

/**
 * What every fuzzed call must satisfy, whatever it sent: an answer (never a throw) in the
 * envelope, a refusal with a known code other than INTERNAL and a Chinese message, and a
 * database exactly as before unless the call succeeded.
 */

/** Fixed so CI is deterministic; `FUZZ_SEED=<n>` explores (and reproduces) another sequence. */
export const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_250_607);
/** `FUZZ_RUNS=<factor>` multiplies every run count for a longer local session. */
export const RUN_FACTOR = Number(process.env.FUZZ_RUNS ?? 1);

/** One seed per property, derived from the base seed and the property's name (FNV-1a). */
export function seedFor(name: string): number {
  let hash = 0x811c9dc5 ^ BASE_SEED;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash | 0;
}

export function fuzzParameters<T>(name: string, runs: number): fc.Parameters<T> {
  return { seed: seedFor(name), numRuns: Math.max(1, Math.round(runs * RUN_FACTOR)) };
}

/**
 * CPU one request may take (the function and the local database share this process). Real
 * requests take milliseconds; one that takes seconds lets any caller stall a station's runtime
 * (a recompute of 10,000 years once took minutes). CPU time, not wall time: a loaded machine
 * does not make it fail.
 */
const CALL_CPU_BUDGET_MS = 3_000;

const CHINESE = /[\u4e00-\u9fff]/;
const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Why an answer is not a proper envelope, or null if it is one. */
export function envelopeProblem(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object') return `answered ${typeof answer}, not an envelope`;
  const envelope = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) return 'data' in envelope ? null : 'ok:true without data';
  if (envelope.ok !== false) return `ok is ${String(envelope.ok)}`;
  const { code, message } = envelope.error ?? {};
  if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return `unknown error code ${String(code)}`;
  if (code === 'INTERNAL') return 'INTERNAL: the function failed unexpectedly (see the logged stack above)';
  if (typeof message !== 'string' || !CHINESE.test(message))
    return `${code} with a message nobody can read: ${String(message)}`;
  return null;
}

/** Short, printable form of a payload (a 1 MB string would drown the report). */
export function describe(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 60
      ? `<string of ${item.length}>`
      : Array.isArray(item) && item.length > 20
        ? `<array of ${item.length}>`
        : item,
  );
  return text === undefined ? 'undefined' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export interface CallOutcome {
  ok: boolean;
  code: string | null;
}

/**
 * Keeps the database at its seeded state: each call is checked against it, and a call that was
 * allowed to write is undone, so every run starts from the same data (a failing seed reproduces).
 */
export class FuzzBench {
  private constructor(
    private readonly harness: FunctionHarness,
    private readonly baseline: DatabaseSnapshot,
  ) {}

  static open(harness: FunctionHarness): FuzzBench {
    return new FuzzBench(harness, harness.db.snapshot());
  }

  /** The database's documents as the fuzzing found them. */
  get documents(): Record<string, readonly Record<string, unknown>[]> {
    return documentsOf(this.baseline);
  }

  /**
   * Calls `fn` with `event` as `openid` and checks the answer and the database. `valid` says
   * whether the request passes its contract; `requestKey` is the idempotency record a refusal
   * may leave (the stored refusal a retry gets back), the one write a refusal is allowed.
   */
  async check(
    fn: FunctionName,
    event: unknown,
    openid: string | null,
    expect: { valid: boolean; requestKey: string | null },
  ): Promise<CallOutcome> {
    let answer: unknown;
    const cpu = process.cpuUsage();
    try {
      answer = await invokeFunction(fn, event, openid);
    } catch (error) {
      throw new Error(`${fn} threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`, {
        cause: error,
      });
    }
    const { user, system } = process.cpuUsage(cpu);
    if ((user + system) / 1000 > CALL_CPU_BUDGET_MS) {
      throw new Error(`${fn} kept the process busy for ${Math.round((user + system) / 1000)} ms of CPU on one request`);
    }
    const problem = envelopeProblem(answer);
    if (problem) throw new Error(`${fn}: ${problem}; answer ${describe(answer)}`);
    const envelope = answer as { ok: boolean; error?: { code: string } };
    const code = envelope.ok ? null : (envelope.error?.code ?? null);
    if (!expect.valid && envelope.ok) throw new Error(`${fn} accepted a request its contract refuses`);
    if (!expect.valid && code && !PRE_HANDLER_CODES.has(code)) {
      throw new Error(`${fn} ran a handler on a request its contract refuses (answered ${code})`);
    }

    const after = this.harness.db.snapshot();
    const changed = changedCollections(this.baseline, after);
    if (changed.length === 0) return { ok: envelope.ok, code };
    try {
      if (!envelope.ok) {
        const unexplained = changed.filter(
          (name) => !(name === 'requests' && this.onlyStoredRefusal(after, expect.requestKey, code)),
        );
        if (unexplained.length > 0) {
          const details = unexplained.map((name) => {
            const diff = documentChanges(this.baseline, after, name);
            return `${name}: +${describe(diff.added)} -${describe(diff.removed)}`;
          });
          throw new Error(`${fn} refused (${code}) but changed the database: ${details.join('; ')}`);
        }
      }
      return { ok: envelope.ok, code };
    } finally {
      await this.harness.db.restore(this.baseline);
    }
  }

  /** The refusal's idempotency record and nothing else was added to `requests`. */
  private onlyStoredRefusal(after: DatabaseSnapshot, key: string | null, code: string | null): boolean {
    if (!key) return false;
    const diff = documentChanges(this.baseline, after, 'requests');
    if (diff.removed.length > 0 || diff.added.length !== 1) return false;
    const doc = JSON.parse(diff.added[0] as string) as {
      _id: string;
      state: string;
      response?: { ok: boolean; error?: { code: string } };
    };
    return doc._id === key && doc.state === 'done' && doc.response?.ok === false && doc.response.error?.code === code;
  }
}

/** Codes the dispatcher answers before any handler runs. */
export const PRE_HANDLER_CODES = new Set([
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'PROFILE_REQUIRED',
  'FORBIDDEN',
]);
