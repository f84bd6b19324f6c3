import '@linli/types/zod-locale';
import { API, type ActionName, type ActionOutput, type FunctionName, type ParsedInput } from '@linli/types/api';
import type { Role } from '@linli/types/entities/common';
import { functionRequestSchema, type Envelope } from '@linli/types/envelope';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import { hasAnyRole } from '../domain/roles';
import { usersRepository, type UserDoc } from '../repositories/users';
import { AppError } from './app-error';
import { callerOpenid } from './cloud';
import { clock } from './clock';
import { withIdempotency } from './idempotency';
import { parseOrFail } from './validation';

/**
 * Who may call an action. Declared next to every handler, so the policy is read where the code
 * is; the access-control matrix test walks all of them.
 * - 'signed_in': any caller the platform identifies, profile or not (first use).
 * - 'registered': a caller with a saved profile.
 * - Role[]: a registered caller holding one of these roles (at their own station: a user belongs
 *   to one station, so handlers compare object station ids with `caller.stationId`).
 */
export type Access = 'signed_in' | 'registered' | readonly Role[];

export interface ActionContext<C extends UserDoc | null = UserDoc> {
  openid: string;
  caller: C;
  now: Date;
  requestId?: string;
}

export interface ActionDefinition<F extends FunctionName, A extends ActionName<F>, Acc extends Access = Access> {
  access: Acc;
  /**
   * Writes that a client may retry: with a requestId, a replay returns the first answer instead
   * of doing the work twice.
   */
  idempotent?: boolean;
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
  /** Each action's declared access, for the API docs and the access-control matrix test. */
  readonly policies: Record<string, { access: Access; idempotent: boolean }>;
};

const failure = (error: AppError): Envelope<never> => ({
  ok: false,
  error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
});

/**
 * Builds a function's `main`: parse the request, identify the caller from the platform, check
 * the declared access, validate the input, run the handler, and answer with an envelope whose
 * data passed the output schema (which also strips any field the contract does not name).
 */
export function createFunction<F extends FunctionName>(fn: F, actions: FunctionActions<F>): CloudFunctionMain {
  const policies = Object.fromEntries(
    Object.entries<ActionDefinition<F, ActionName<F>>>(actions).map(([name, d]) => [
      name,
      { access: d.access, idempotent: d.idempotent ?? false },
    ]),
  );
  return Object.assign(main, { policies });

  async function main(event: unknown): Promise<Envelope<unknown>> {
    const started = Date.now();
    let actionName = '?';
    try {
      const request = parseOrFail(functionRequestSchema, event);
      actionName = request.action;
      if (!Object.prototype.hasOwnProperty.call(actions, request.action)) {
        throw new AppError('UNKNOWN_ACTION', `没有名为 ${request.action} 的操作`);
      }
      const action = request.action as ActionName<F>;
      const definition = actions[action];
      const spec = API[fn][action] as { input: import('zod').ZodType; output: import('zod').ZodType };

      const openid = callerOpenid();
      if (!openid) throw new AppError('UNAUTHENTICATED');
      const caller = await usersRepository.findByOpenid(openid);
      checkAccess(definition.access, caller);

      const input = parseOrFail(spec.input, request.input ?? {});
      const ctx: ActionContext<UserDoc | null> = { openid, caller, now: clock.now(), requestId: request.requestId };
      const run = async () =>
        parseOutput(spec.output, await definition.handle(input as never, ctx as never), fn, action);
      const data =
        definition.idempotent && request.requestId
          ? await withIdempotency(`${fn}.${action}`, openid, request.requestId, ctx.now, run)
          : await run();
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      // Unexpected: log what helps an operator (never request contents: they hold personal data).
      console.error(`[${fn}.${actionName}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
