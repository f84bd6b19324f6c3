import type { ActionInput, ActionName, FunctionName } from '@linli/types/api';
import type { ErrorCode } from '@linli/types/errors';
import type { Fixtures } from './fixtures';
import type { OwnerKey, PersonaKey } from './personas';

/**
 * One action's sample for the access-control matrix: a valid call against the demo data and the
 * fixtures, made in turn by every persona, each time from the same starting data.
 */
export interface Sample<F extends FunctionName, A extends ActionName<F>> extends SampleTarget {
  /**
   * The input. A function when it needs ids the fixtures made — or, rarely, when a valid input
   * depends on who calls (a profile is saved at the caller's own station).
   */
  input: ActionInput<F, A> | ((fx: Fixtures, caller: PersonaKey) => ActionInput<F, A>);
}

/** What a sample says about the record it touches: all the matrix needs besides the policy. */
export interface SampleTarget {
  /**
   * The record the input names, which decides the scope cells:
   * - omitted: none in particular (a list of the caller's own, or their station's), so anyone
   *   the access admits succeeds, each seeing their own;
   * - 'station': a record of the demo station that is nobody's own (an activity, a team);
   * - a persona: a record of the demo station that is that persona's own (张阿姨's complaint,
   *   赵志愿's hour entry) — for 'self' and 'self_or_staff' actions.
   */
  names?: 'station' | OwnerKey;
  /**
   * A finer rule of the domain that refuses some callers the policy admits (only approved
   * volunteers join teams; a volunteer who is already one cannot register again). Says who,
   * with which code, and why: the matrix asserts exactly that for those cells.
   */
  narrower?: { who: readonly PersonaKey[]; code: ErrorCode; why: string };
}

/** Every action of a function has a sample: a new action without one fails the type check. */
export type Samples<F extends FunctionName> = { [A in ActionName<F>]: Sample<F, A> };
