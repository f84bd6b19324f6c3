import fc from 'fast-check';
import type { z } from 'zod';
import { API, FUNCTION_NAMES } from '@linli/types/api';
import { functionRequestSchema } from '@linli/types/envelope';
import { hasAnyRole } from '../../../cloudfunctions/_shared/domain/roles';
import type { Access } from '../../../cloudfunctions/_shared/runtime/dispatcher';
import { DEMO_PERSONAS } from '../../../local/demo/seed';
import { loadFunction } from '../../../local/host/functions';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { validExamples } from './examples';
import { describe as show, FuzzBench, fuzzParameters, seedFor, BASE_SEED } from './fuzz-support';
import { actionPayload, collectKnownIds, inputJsonSchema, type PayloadContext } from './payloads';

/**
 * Every action of the API map, fuzzed: payloads generated from its input schema (see
 * payloads.ts), sent by the demo station's 站长 (who may call nearly everything, so payloads
 * reach the handlers; the volunteer where only volunteers may call), by a resident, and — where
 * anyone signed in may call — by a visitor with no profile. Every answer must be an envelope; refusals carry a known code, not INTERNAL, with a
 * Chinese message, and change nothing in the database. A new action is fuzzed without a change
 * here. Failures print the seed; docs/robustness.md says how to replay one.
 */

const ADMIN = 'oDemoAdmin0001';
const RESIDENT = 'oDemoResident01';
/** For the actions only a volunteer may call (the 站长 is not one). */
const VOLUNTEER = 'oDemoVolunteer1';
const VISITOR = 'oFuzzVisitor0001';

/** Runs per action and caller: enough to try every kind of mutation, few enough for CI. */
const RUNS = { allowed: 14, refused: 2, allowedResident: 6, visitor: 4 } as const;

type Spec = { input: z.ZodType };

/** Refusals of the caller rather than of the payload (a handler may answer FORBIDDEN too; counted as not reached). */
const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'PROFILE_REQUIRED', 'FORBIDDEN']);

const actions = FUNCTION_NAMES.flatMap((fn) =>
  Object.keys(API[fn]).map((action) => ({ name: `${fn}.${action}`, fn, action })),
);

let h: FunctionHarness;
let bench: FuzzBench;
let ctx: PayloadContext;
let examples: Record<string, unknown[]>;
const tally = new Map<string, { handled: number; refused: number; answers: Record<string, number> }>();

beforeAll(async () => {
  const now = new Date();
  h = await startFunctionHarness({ now });
  bench = FuzzBench.open(h);
  ctx = { knownIds: collectKnownIds(bench.documents), now };
  examples = validExamples(now);
});
afterAll(async () => {
  // FUZZ_REPORT=1: how far each action's payloads got (handled: past the schema and the access check).
  if (process.env.FUZZ_REPORT) {
    console.table(
      Object.fromEntries(
        [...tally].map(([name, { handled, refused, answers }]) => [
          name,
          { handled, refused, answers: JSON.stringify(answers) },
        ]),
      ),
    );
  }
  await h.close();
});

// Timeouts: one action's runs take a second or two; a loaded CI machine gets room.
jest.setTimeout(60_000);

test.each(actions)(
  '$name answers every malformed payload with a structured error and writes nothing',
  async ({ fn, action }) => {
    const spec = (API[fn] as Record<string, Spec>)[action] as Spec;
    const policy = loadFunction(fn).policies[action];
    if (!policy) throw new Error(`${fn}.${action} is in the API map but its function has no handler for it`);
    const roles = (openid: string) => DEMO_PERSONAS.find((p) => p.openid === openid)?.roles ?? [];
    const adminMay = allows(policy.access, roles(ADMIN));
    const residentMay = allows(policy.access, roles(RESIDENT));
    const callers: Array<[string, number]> = [[ADMIN, adminMay ? RUNS.allowed : RUNS.refused]];
    if (!adminMay && allows(policy.access, roles(VOLUNTEER))) callers.push([VOLUNTEER, RUNS.allowed]);
    callers.push([RESIDENT, residentMay ? RUNS.allowedResident : RUNS.refused]);
    if (policy.access === 'signed_in') callers.push([VISITOR, RUNS.visitor]);
    const payloads = actionPayload(inputJsonSchema(spec.input), ctx, examples[`${fn}.${action}`]);
    const requestIds = policy.writes
      ? fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), { freq: 2, nil: null })
      : fc.constant(null);

    for (const [openid, runs] of callers) {
      const name = `${fn}.${action} as ${openid}`;
      const property = fc.asyncProperty(payloads, requestIds, async (input, requestId) => {
        const event = { action, ...(input === undefined ? {} : { input }), ...(requestId ? { requestId } : {}) };
        const valid = functionRequestSchema.safeParse(event).success && spec.input.safeParse(input ?? {}).success;
        const outcome = await bench.check(fn, event, openid, {
          valid,
          requestKey: requestId ? `${fn}.${action}.${openid}.${requestId}` : null,
        });
        // Handled: past the contract and the access check, so the handler ran.
        const counts = tally.get(`${fn}.${action}`) ?? { handled: 0, refused: 0, answers: {} };
        if (valid && !ACCESS_CODES.has(outcome.code ?? '')) counts.handled += 1;
        else counts.refused += 1;
        const answer = `${valid ? 'valid' : 'invalid'}:${outcome.code ?? 'ok'}`;
        counts.answers[answer] = (counts.answers[answer] ?? 0) + 1;
        tally.set(`${fn}.${action}`, counts);
      });
      await assertWithSeed(name, property, runs);
    }
  },
);

test('the fuzzing reaches the handlers, not only the schema check', () => {
  // Payloads that got past validation (success or a handler's own refusal) for most actions:
  // without this the test above could pass by sending nothing but garbage.
  // A run narrowed to some actions (jest -t, to replay a seed) cannot judge this.
  if (tally.size < actions.length) return;
  const reached = [...tally.values()].filter((counts) => counts.handled > 0).length;
  expect(reached / actions.length).toBeGreaterThan(0.9);
});

function allows(access: Access, roles: Parameters<typeof hasAnyRole>[0]): boolean {
  return access === 'signed_in' || access === 'registered' || hasAnyRole(roles, access);
}

async function assertWithSeed(name: string, property: fc.IAsyncProperty<[unknown, string | null]>, runs: number) {
  const details = await fc.check(property, fuzzParameters<[unknown, string | null]>(name, runs));
  if (!details.failed) return;
  const [input, requestId] = details.counterexample ?? [undefined, null];
  throw new Error(
    [
      `${name}: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      `payload: ${show(input)}${requestId ? ` requestId ${requestId}` : ''}`,
      `seed ${seedFor(name)} path ${details.counterexamplePath} (FUZZ_SEED=${BASE_SEED}; see docs/robustness.md)`,
    ].join('\n'),
  );
}
