import fc from 'fast-check';
import type { z } from 'zod';
import { API, FUNCTION_NAMES } from '@linli/types/api';
import { functionRequestSchema } from '@linli/types/envelope';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { describe as show, FuzzBench, fuzzParameters, seedFor, BASE_SEED } from './fuzz-support';
import {
  HOSTILE_STRINGS,
  OPERATOR_INJECTIONS,
  ONE_MB_STRING,
  bigArray,
  deeplyNested,
  withPrototypeKeys,
} from './hostile-values';

/**
 * The request around the input, fuzzed for every function: no action, an action that is not a
 * string or names nothing (`__proto__`, `toString` …), an input that is an array, a string or
 * null, a requestId of the wrong shape, a body that is not an object at all — sent by the 站长, a
 * resident and an anonymous caller. The answer is always a structured refusal (or, when the
 * request happens to be well formed, whatever the action says) and the database is unchanged.
 */

const CALLERS = ['oDemoAdmin0001', 'oDemoResident01', null] as const;
const RUNS_PER_FUNCTION = 40;

let h: FunctionHarness;
let bench: FuzzBench;

beforeAll(async () => {
  h = await startFunctionHarness();
  bench = FuzzBench.open(h);
});
afterAll(() => h.close());

jest.setTimeout(60_000);

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(...OPERATOR_INJECTIONS, ...HOSTILE_STRINGS, ONE_MB_STRING, null, [], {}),
);

function events(actionNames: string[]): fc.Arbitrary<unknown> {
  const realAction = fc.constantFrom(...actionNames);
  const badAction = fc.oneof(
    fc.constantFrom<unknown>(
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'x'.repeat(65),
      ONE_MB_STRING,
      42,
      null,
      true,
      [],
      ['list'],
      { $ne: null },
    ),
    fc.string({ maxLength: 20 }).filter((name) => !actionNames.includes(name)),
  );
  const badInput = fc.constantFrom<unknown>(
    [],
    [{}],
    'input',
    '',
    0,
    false,
    null,
    ONE_MB_STRING,
    bigArray('x'),
    deeplyNested(2000, 'object'),
    deeplyNested(2000, 'array'),
    withPrototypeKeys(),
    ...OPERATOR_INJECTIONS,
  );
  const badRequestId = fc.constantFrom<unknown>(
    '',
    'short',
    'has space!',
    'x'.repeat(65),
    '../../etc',
    '.*',
    42,
    null,
    [],
    { $ne: null },
    ONE_MB_STRING,
  );
  return fc.oneof(
    // Not an object at all.
    fc.constantFrom<unknown>(undefined, null, 0, 'account', [], [{ action: 'me' }], true, ONE_MB_STRING),
    // No action, or one that is no action of this function.
    fc.record({ input: anyJson }, { requiredKeys: [] }),
    fc.record({ action: badAction, input: anyJson }, { requiredKeys: ['action'] }),
    // A real action with a broken input or request id.
    fc.record({ action: realAction, input: badInput }),
    fc.record({ action: realAction, input: fc.constant({}), requestId: badRequestId }),
    // Keys that are no part of the request, prototype ones included.
    fc.record({ action: realAction, extra: anyJson }).map((event) => withPrototypeKeys(event)),
  );
}

test.each(FUNCTION_NAMES)('%s answers malformed requests with a structured error and writes nothing', async (fn) => {
  const actions = API[fn] as Record<string, { input: z.ZodType }>;
  const property = fc.asyncProperty(
    fc.constantFrom(...CALLERS),
    events(Object.keys(actions)),
    async (openid, event) => {
      await bench.check(fn, event, openid, { valid: isWellFormed(actions, event), requestKey: null });
    },
  );
  const name = `${fn} envelope`;
  const details = await fc.check(property, fuzzParameters<[string | null, unknown]>(name, RUNS_PER_FUNCTION));
  if (!details.failed) return;
  const [openid, event] = details.counterexample ?? [null, undefined];
  throw new Error(
    [
      `${name} as ${String(openid)}: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      `event: ${show(event)}`,
      `seed ${seedFor(name)} path ${details.counterexamplePath} (FUZZ_SEED=${BASE_SEED}; see docs/robustness.md)`,
    ].join('\n'),
  );
});

/** Would the dispatcher take this request to a handler (given the right caller)? */
function isWellFormed(actions: Record<string, { input: z.ZodType }>, event: unknown): boolean {
  const request = functionRequestSchema.safeParse(event);
  if (!request.success || !Object.prototype.hasOwnProperty.call(actions, request.data.action)) return false;
  return (actions[request.data.action] as { input: z.ZodType }).input.safeParse(request.data.input ?? {}).success;
}
