import type { ActionName, FunctionName } from '@linli/types/api';
import type { Envelope } from '@linli/types/envelope';
import type { ErrorCode } from '@linli/types/errors';
import { generatedFileSchema } from '@linli/types/files';
import type { DatabaseSnapshot } from '../../../local/db';
import { invokeFunction } from '../../../local/host/invoke';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { buildFixtures, type Fixtures } from './fixtures';
import { PERSONAS, type PersonaKey } from './personas';
import type { Sample } from './sample';
import { SAMPLES } from './samples';

/**
 * The demo data plus the fixtures, with the clock held still (sign-in codes, deadlines and time
 * windows answer the same in every cell), and a snapshot of it all that each cell restores
 * before it runs: every cell starts from exactly the same data.
 */
export interface AccessBench {
  h: FunctionHarness;
  fx: Fixtures;
  baseline: DatabaseSnapshot;
  /** Restores the baseline, then calls as `who`: the sample's input unless `input` is given. */
  call(fn: FunctionName, action: string, who: PersonaKey, options?: CallOptions): Promise<Envelope<unknown>>;
  /** The sample's input for this caller. */
  inputOf(fn: FunctionName, action: string, who: PersonaKey): unknown;
  /**
   * An answer with each generated file's link replaced by the file itself (base64, `content`):
   * what the person gets, to scan for personal numbers and to compare (a link is new each call).
   */
  openFiles(data: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface CallOptions {
  input?: unknown;
  requestId?: string;
  /** More top-level event fields (forged identities: see identity.test.ts). */
  extra?: Record<string, unknown>;
  /** false: call on the data as it is (a replay right after the first call). */
  restore?: boolean;
}

export async function openAccessBench(): Promise<AccessBench> {
  // Whole seconds: dates round-trip through ISO strings unchanged.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  clock.pin(now);
  const h = await startFunctionHarness({ now });
  let fx: Fixtures;
  try {
    fx = await buildFixtures(h, now);
  } catch (error) {
    clock.pin(null);
    await h.close();
    throw error;
  }
  const baseline = h.db.snapshot();

  const sampleOf = (fn: FunctionName, action: string): Sample<FunctionName, never> => {
    const sample = (SAMPLES[fn] as Record<string, Sample<FunctionName, never>> | undefined)?.[action];
    if (!sample) throw new Error(`${fn}.${action} has no sample in test/functions/access/samples/${fn}.ts`);
    return sample;
  };
  const inputOf = (fn: FunctionName, action: string, who: PersonaKey): unknown => {
    const { input } = sampleOf(fn, action);
    return typeof input === 'function' ? (input as (f: Fixtures, c: PersonaKey) => unknown)(fx, who) : input;
  };

  async function openFiles(data: unknown): Promise<unknown> {
    if (Array.isArray(data)) return Promise.all(data.map(openFiles));
    if (!data || typeof data !== 'object') return data;
    const parsed = generatedFileSchema.safeParse(data);
    if (parsed.success) {
      const { url, ...file } = parsed.data;
      return { ...file, content: (await h.download({ url })).toString('base64') };
    }
    const entries = await Promise.all(Object.entries(data).map(async ([k, v]) => [k, await openFiles(v)] as const));
    return Object.fromEntries(entries);
  }

  return {
    h,
    fx,
    baseline,
    inputOf,
    openFiles,
    async call(fn, action, who, options = {}) {
      if (options.restore ?? true) await h.db.restore(baseline);
      const input = 'input' in options ? options.input : inputOf(fn, action, who);
      const event = {
        ...options.extra,
        action,
        input,
        ...(options.requestId ? { requestId: options.requestId } : {}),
      };
      return invokeFunction(fn, event, PERSONAS[who].openid);
    },
    async close() {
      clock.pin(null);
      await h.close();
    },
  };
}

export type Outcome = { ok: true; data: unknown } | { ok: false; code: ErrorCode };

/**
 * A call's outcome. Batch actions (approve many entries, attach a form to many activities)
 * answer ok with a refusal per item: when every item was refused, that is the outcome.
 */
export function outcomeOf(envelope: Envelope<unknown>): Outcome {
  if (!envelope.ok) return { ok: false, code: envelope.error.code };
  const results = (envelope.data as { results?: unknown } | null)?.results;
  if (Array.isArray(results) && results.length > 0) {
    const refused = results.filter(
      (r): r is { outcome: 'refused'; code: ErrorCode } => (r as { outcome?: unknown }).outcome === 'refused',
    );
    if (refused.length === results.length) return { ok: false, code: refused[0]!.code };
  }
  return { ok: true, data: envelope.data };
}

/** Collections whose documents differ (by identity: stored documents are never changed in place). */
export function changedCollections(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const docsOf = (s: DatabaseSnapshot) => new Map(s.collections.map(([name, docs]) => [name, docs]));
  const a = docsOf(before);
  const b = docsOf(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => {
    const x = a.get(name) ?? [];
    const y = b.get(name) ?? [];
    if (x.length !== y.length) return true;
    const ids = new Set(x);
    return y.some((doc) => !ids.has(doc));
  });
}

export type ActionRef = { fn: FunctionName; action: ActionName<FunctionName> };
