import '@linli/types/zod-locale';
import type { ActionName, ActionOutput, Api, FunctionName, ParsedInput } from '@linli/types/api';
import type { Role } from '@linli/types/entities/common';
import { functionRequestSchema, type Envelope } from '@linli/types/envelope';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import { hasAnyRole } from '../domain/roles';
import { collectsPersonalData, hasCurrentConsent } from '../domain/consent';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';
import { usersRepository, type UserDoc } from '../repositories/users';
import { AppError } from './app-error';
import { callerOpenid } from './cloud';
import { clock } from './clock';
import { withIdempotency } from './idempotency';
import { describeError } from './safe-log';
import { parseOrFail } from './validation';

/**
 * Who may call an action. Declared next to every handler, so the policy is read where the code
 * is; the access-control matrix test (test/functions/access) walks all of them. docs/access.md
 * explains the vocabulary.
 * - 'signed_in': any caller the platform identifies, profile or not (first use).
 * - 'registered': a caller with a saved profile.
 * - Role[]: a registered caller holding one of these roles (at their own station: a user belongs
 *   to one station, so handlers compare object station ids with `caller.stationId`).
 */
export type Access = 'signed_in' | 'registered' | readonly Role[];

/**
 * Whose records an action reaches. The dispatcher cannot check this (only the handler knows which
 * record an id names); it is the promise the handler makes, and the matrix test holds it to it.
 * - 'none': nobody's in particular — the station directory, built-in templates, and records
 *   reached only with a secret code handed over in person (an invitation, a sign-in code, a
 *   certificate's check code).
 * - 'self': the caller's own records — what they made, what is about them, what was assigned
 *   or granted to them. Anyone else's answers NOT_FOUND (or FORBIDDEN when the caller may see it
 *   but not act on it).
 * - 'station': the records of the caller's station; another station's answers NOT_FOUND, the
 *   same as an id that does not exist.
 * - 'self_or_staff': the caller's own records, and — for the social workers and 站长 of the
 *   record's station — that station's.
 */
export type Scope = 'none' | 'self' | 'station' | 'self_or_staff';

/** Personal data that is masked (domain/masking.ts) unless an action declares it reveals it. */
export type PersonalField = 'phone' | 'id_number';

/** An action's whole declared policy: what `main.policies` exposes for docs and tests. */
export interface Policy {
  access: Access;
  scope: Scope;
  /**
   * Changes records. Every write is idempotent: with a client requestId, a replay returns the
   * first answer instead of doing the work twice (the app sends one with every write).
   */
  writes: boolean;
  /**
   * Personal fields answered in full — to the station's staff who need them (a volunteer's
   * phone on the staff detail page); everyone else, and every other action, gets masks. A
   * caller's own number is theirs to see and needs no declaration.
   */
  reveals: readonly PersonalField[];
}

export interface ActionContext<C extends UserDoc | null = UserDoc> {
  openid: string;
  caller: C;
  now: Date;
  requestId?: string;
}

export interface ActionDefinition<F extends FunctionName, A extends ActionName<F>, Acc extends Access = Access> {
  access: Acc;
  scope: Scope;
  writes: boolean;
  /** Omitted: reveals nothing. */
  reveals?: readonly PersonalField[];
  handle(
    input: ParsedInput<F, A>,
    ctx: ActionContext<Acc extends 'signed_in' ? UserDoc | null : UserDoc>,
  ): Promise<ActionOutput<F, A>>;
}

/** Ties a handler to its action's schemas; the access literal picks the context type. */
export function defineAction<F extends FunctionName, A extends ActionName<F>, const Acc extends Access>(
  _fn: F,
  _action: A,
  definition: ActionDefinition<F, A, Acc>,
): ActionDefinition<F, A, Acc> {
  return definition;
}

export type FunctionActions<F extends FunctionName> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action picks its own access literal
  [A in ActionName<F>]: ActionDefinition<F, A, any>;
};

export type CloudFunctionMain = ((event: unknown, context?: unknown) => Promise<Envelope<unknown>>) & {
  /** Each action's declared policy, for the API docs and the access-control matrix test. */
  readonly policies: Record<string, Policy>;
};

const failure = (error: AppError): Envelope<never> => ({
  ok: false,
  error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
});

/**
 * Builds a function's `main`: parse the request, identify the caller from the platform, check
 * the declared access, validate the input, run the handler, and answer with an envelope whose
 * data passed the output schema (which also strips any field the contract does not name).
 *
 * `specs` is the function's own part of the action map (types/actions/<fn>.ts), passed in rather
 * than read from types/api.ts: importing the whole map would build every function's zod schemas
 * when a function loads, ≈ 90 ms of its cold start for schemas it never uses.
 */
export function createFunction<F extends FunctionName>(
  fn: F,
  specs: Api[F],
  actions: FunctionActions<F>,
): CloudFunctionMain {
  const policies = Object.fromEntries(
    Object.entries<ActionDefinition<F, ActionName<F>>>(actions).map(([name, d]) => [
      name,
      { access: d.access, scope: d.scope, writes: d.writes, reveals: d.reveals ?? [] } satisfies Policy,
    ]),
  );
  return Object.assign(main, { policies });

  async function main(event: unknown): Promise<Envelope<unknown>> {
    const started = Date.now();
    let actionName = '?';
    try {
      const request = parseOrFail(functionRequestSchema, event);
      if (!Object.prototype.hasOwnProperty.call(actions, request.action)) {
        throw new AppError('UNKNOWN_ACTION', `没有名为 ${request.action} 的操作`);
      }
      // Only a known name reaches the log: the request's own text could be anything.
      actionName = request.action;
      const action = request.action as ActionName<F>;
      const definition = actions[action];
      const spec = specs[action] as { input: import('zod').ZodType; output: import('zod').ZodType };

      const openid = callerOpenid();
      if (!openid) throw new AppError('UNAUTHENTICATED');
      const caller = await usersRepository.findByOpenid(openid);
      checkAccess(definition.access, caller);
      // A changed privacy notice: nothing more is collected until the caller agrees to it.
      if (
        caller &&
        collectsPersonalData(`${fn}.${action}`, definition) &&
        !hasCurrentConsent(caller, PRIVACY_NOTICE_VERSION)
      )
        throw new AppError('CONSENT_REQUIRED');

      const input = parseOrFail(spec.input, request.input ?? {});
      const ctx: ActionContext<UserDoc | null> = { openid, caller, now: clock.now(), requestId: request.requestId };
      const run = async () =>
        parseOutput(spec.output, await definition.handle(input as never, ctx as never), fn, action);
      const data =
        definition.writes && request.requestId
          ? await withIdempotency(`${fn}.${action}`, openid, request.requestId, ctx.now, run)
          : await run();
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      // Unexpected: log what helps an operator (never request contents: they hold personal data).
      console.error(`[${fn}.${actionName}] ${describeError(error)}`);
      return failure(new AppError('INTERNAL', DEFAULT_MESSAGES.INTERNAL));
    } finally {
      if (process.env.LINLI_LOG_CALLS) console.info(`[${fn}.${actionName}] ${Date.now() - started}ms`);
    }
  }
}

function checkAccess(access: Access, caller: UserDoc | null): void {
  if (access === 'signed_in') return;
  if (!caller) throw new AppError('PROFILE_REQUIRED');
  if (access === 'registered') return;
  if (!hasAnyRole(caller.roles, access)) throw new AppError('FORBIDDEN');
}

function parseOutput(schema: import('zod').ZodType, value: unknown, fn: string, action: string): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    console.error(
      `[${fn}.${action}] output broke its contract at ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
    throw new AppError('INTERNAL');
  }
  return result.data;
}
