import type { FunctionName } from '@linli/types/api';
import { loadFunction } from '../../../local/host/functions';
import { changedCollections, openAccessBench, outcomeOf, type AccessBench } from './bench';
import { expectedFor } from './expected';
import { PERSONA_KEYS, type PersonaKey } from './personas';
import type { Sample } from './sample';
import { SAMPLES } from './samples';

/**
 * Every write is idempotent with a request id (docs/access.md): sent twice with the same id —
 * a retry after a lost answer — the second call answers exactly what the first did and changes
 * nothing more. That holds for a refusal too (a retry hears the same refusal).
 */
let bench: AccessBench;
beforeAll(async () => {
  bench = await openAccessBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});
jest.setTimeout(120_000);

const FUNCTIONS = Object.keys(SAMPLES) as FunctionName[];

/** The sample's own caller first (the owner of the record it names), then everyone else in order. */
const callersOf = (sample: Sample<FunctionName, never>): PersonaKey[] => {
  const owner = sample.names && sample.names !== 'station' ? [sample.names] : [];
  return [...owner, ...PERSONA_KEYS.filter((k) => k !== sample.names)];
};

test.each(FUNCTIONS)(
  '%s: every write, replayed with its request id, answers the same and writes nothing more',
  async (fn) => {
    const { policies } = loadFunction(fn);
    const problems: string[] = [];
    let n = 0;
    let writes = 0;
    for (const [action, sample] of Object.entries(SAMPLES[fn]) as Array<[string, Sample<FunctionName, never>]>) {
      if (!policies[action]!.writes) continue;
      writes += 1;
      const callers = callersOf(sample);
      const allowed = callers.find((who) => expectedFor(policies[action]!, sample, who).allow);
      // A refusal past the access check (another station's record, a finer rule): its answer is stored too.
      const refused = callers.find((who) => {
        const expected = expectedFor(policies[action]!, sample, who);
        return !expected.allow && !['UNAUTHENTICATED', 'PROFILE_REQUIRED', 'FORBIDDEN'].includes(expected.codes[0]!);
      });
      for (const who of [allowed, refused].filter((w): w is PersonaKey => w !== undefined)) {
        const requestId = `replay${String(++n).padStart(6, '0')}`;
        const first = await bench.call(fn, action, who, { requestId });
        const afterFirst = bench.h.db.snapshot();
        const again = await bench.call(fn, action, who, { requestId, restore: false });
        const afterAgain = bench.h.db.snapshot();
        const label = `${fn}.${action} as ${who}`;
        if (who === allowed && !first.ok)
          problems.push(`${label}: the first call failed (${first.error.code}): a broken sample`);
        if (JSON.stringify(again) !== JSON.stringify(first)) {
          problems.push(`${label}: the replay answered ${JSON.stringify(outcomeOf(again)).slice(0, 200)}`);
        }
        const changed = changedCollections(afterFirst, afterAgain);
        if (changed.length > 0) problems.push(`${label}: the replay changed ${changed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    if (fn !== 'ledger') expect(writes).toBeGreaterThan(0);
  },
);

test('without a request id a write is simply done again (the app always sends one: src/services/api.ts)', async () => {
  const first = await bench.call('feedback', 'submit', 'resident');
  const afterFirst = bench.h.db.snapshot();
  const again = await bench.call('feedback', 'submit', 'resident', { restore: false });
  expect(first.ok && again.ok).toBe(true);
  expect(changedCollections(afterFirst, bench.h.db.snapshot())).toContain('complaints');
});
