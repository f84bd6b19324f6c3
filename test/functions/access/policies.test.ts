import { readFileSync } from 'node:fs';
import { API, FUNCTION_NAMES } from '@linli/types/api';
import { loadFunction, localFunctionNames } from '../../../local/host/functions';
import { renderWriteActions, WRITE_ACTIONS_PATH } from '../../../scripts/gen-api-docs';
import { SAMPLES } from './samples';

/**
 * The declared policies are complete: every action of every registered function has one (the
 * type check already refuses a handler without `access`, `scope` and `writes`), nothing is
 * declared for an action the map does not have, and the matrix has a sample for each.
 */
it('every registered function declares a policy for exactly the actions of the action map', () => {
  expect(localFunctionNames().sort()).toEqual([...FUNCTION_NAMES].sort());
  for (const fn of FUNCTION_NAMES) {
    const policies = loadFunction(fn).policies;
    expect({ fn, actions: Object.keys(policies).sort() }).toEqual({ fn, actions: Object.keys(API[fn]).sort() });
    for (const [action, policy] of Object.entries(policies)) {
      expect({ action: `${fn}.${action}`, policy }).toEqual({
        action: `${fn}.${action}`,
        policy: {
          access: expect.anything(),
          scope: expect.stringMatching(/^(none|self|station|self_or_staff)$/),
          writes: expect.any(Boolean),
          reveals: expect.any(Array),
        },
      });
    }
  }
});

it('the access matrix has a sample for every action, and none for an action that does not exist', () => {
  for (const fn of FUNCTION_NAMES) {
    expect({ fn, samples: Object.keys(SAMPLES[fn] ?? {}).sort() }).toEqual({
      fn,
      samples: Object.keys(API[fn]).sort(),
    });
  }
});

it('types/write-actions.ts lists exactly the declared writes (run npm run docs:api)', () => {
  expect(readFileSync(WRITE_ACTIONS_PATH, 'utf8')).toBe(renderWriteActions());
});
