import fc from 'fast-check';
import { WISH_STATUSES, type WishRole, type WishStatus } from '@linli/types/entities/wish';
import {
  decideApproval,
  decideSubmission,
  decideTransition,
  FINAL_WISH_STATUSES,
  WISH_TRANSITIONS,
  wishRolesOf,
  type WishActor,
  type WishCommand,
  type WishDecision,
  type WishEvent,
  type WishState,
} from '../../../cloudfunctions/_shared/domain/wishes';

/**
 * The transition table is the only way a wish moves. Two properties:
 * 1. Any single request — any status, any step, anyone, with or without a note — is accepted
 *    exactly when the table allows it (the oracle below reads WISH_TRANSITIONS directly), and an
 *    accepted step records the capacity the table names.
 * 2. A wish driven through random sequences of requests keeps its invariants after every step:
 *    its history is a chain of table rows from `submit`, its version counts the writes, it has a
 *    claimer exactly while claimed or after, and nothing ever leaves a final status.
 */

function holds(condition: boolean, invariant: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${invariant}`);
}

const STATION = 'st1';
const ACTORS: WishActor[] = [
  { id: 'ben', roles: ['resident'], stationId: STATION }, // the beneficiary
  { id: 'sw1', roles: ['resident', 'social_worker'], stationId: STATION }, // wrote it down
  { id: 'sw2', roles: ['social_worker', 'admin'], stationId: STATION },
  { id: 'vol', roles: ['resident', 'volunteer'], stationId: STATION },
  { id: 'shop', roles: ['resident'], stationId: STATION },
  { id: 'far', roles: ['social_worker'], stationId: 'st2' }, // another station's staff
];
const COMMANDS: WishCommand[] = [
  'revise',
  'request_changes',
  'approve',
  'decline',
  'withdraw',
  'claim',
  'release',
  'fulfil',
  'confirm',
];

type Request = { command: WishCommand; actor: number; note: boolean; pass: boolean };
const requestArb: fc.Arbitrary<Request> = fc.record({
  command: fc.constantFrom(...COMMANDS),
  actor: fc.nat({ max: ACTORS.length - 1 }),
  note: fc.boolean(),
  pass: fc.boolean(),
});

const at = new Date('2026-11-24T10:00:00+08:00');

function decide(wish: WishState, request: Request): WishDecision {
  const actor = ACTORS[request.actor]!;
  return request.command === 'approve'
    ? decideApproval(wish, actor, at, { pass: request.pass, reason: '检测未通过' })
    : decideTransition(wish, request.command, actor, at, request.note ? '说明' : '');
}

/** Whether the table lets `roles` take `action` from `status`, and in which capacity. */
function tableRole(action: WishCommand, status: WishStatus, roles: readonly WishRole[]): WishRole | null {
  const row = WISH_TRANSITIONS.find((t) => t.action === action)!;
  if (!row.from.includes(status)) return null;
  if (row.notBy?.some((r) => roles.includes(r))) return null;
  return row.by.find((r) => roles.includes(r)) ?? null;
}

const isRow = (event: WishEvent): boolean =>
  WISH_TRANSITIONS.some(
    (t) => t.action === event.action && t.from.includes(event.from) && t.to === event.to && t.by.includes(event.role),
  );

const claimerArb = fc.option(fc.constantFrom('vol', 'shop', 'sw2', 'ben'), { nil: undefined });

it('a single request is accepted exactly when the transition table allows it', () => {
  fc.assert(
    fc.property(fc.constantFrom(...WISH_STATUSES), requestArb, claimerArb, (status, request, claimerId) => {
      const wish: WishState = {
        stationId: STATION,
        status,
        version: 5,
        beneficiaryId: 'ben',
        submittedBy: 'sw1',
        ...(claimerId ? { claimerId } : {}),
        history: [],
      };
      const actor = ACTORS[request.actor]!;
      const decision = decide(wish, request);
      const role = tableRole(request.command, status, wishRolesOf(wish, actor));
      const noteRequired = WISH_TRANSITIONS.find((t) => t.action === request.command)!.noteRequired === true;
      const expected = role !== null && (request.note || !noteRequired);
      const accepted = decision.ok && decision.changed;
      holds(accepted === expected, `${request.command} by ${actor.id} from ${status}: accepted=${accepted}`);
      if (decision.ok && decision.changed) {
        holds(decision.events[0]!.role === role, 'the capacity recorded is the table’s');
        holds(decision.events.every(isRow), 'every event is a row of the table');
        holds(decision.wish.version === wish.version + 1, 'one write, one version');
      }
      if (decision.ok && !decision.changed) {
        holds(
          request.command === 'claim' && status === 'claimed' && claimerId === actor.id,
          'only a repeated claim is a no-op',
        );
      }
    }),
    { numRuns: 3000 },
  );
});

it('random lives of a wish keep its history, version and claimer consistent', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(requestArb, { minLength: 1, maxLength: 60 }), (byStaff, requests) => {
      const submitter = byStaff ? ACTORS[1]! : ACTORS[0]!;
      const first = decideSubmission(
        { stationId: STATION, beneficiaryId: 'ben', submittedBy: submitter.id },
        submitter,
        at,
      );
      holds(first.ok && first.changed, 'the submission is accepted');
      let wish = first.wish;
      let writes = 1;
      for (const request of requests) {
        const before = wish;
        const decision = decide(wish, request);
        if (decision.ok && decision.changed) {
          holds(!FINAL_WISH_STATUSES.includes(before.status), 'nothing leaves a final status');
          wish = decision.wish;
          writes += 1;
        }
        holds(wish.version === writes, 'the version counts the writes');
        holds(
          wish.history[0]!.action === 'submit' && wish.history[0]!.from === null,
          'the history starts with the submission',
        );
        holds(wish.history.slice(1).every(isRow), 'every later event is a row of the table');
        holds(
          wish.history.every((e, i) => i === 0 || e.from === wish.history[i - 1]!.to),
          'each event starts where the previous one ended',
        );
        holds(wish.history.at(-1)!.to === wish.status, 'the status is where the history ends');
        holds(wish.status !== 'approved', 'approved is passed through, never stayed in');
        const holdsClaim = ['claimed', 'fulfilled', 'confirmed'].includes(wish.status);
        holds((wish.claimerId !== undefined) === holdsClaim, 'a claimer exactly while claimed or after');
        holds(wish.claimerId !== 'ben', 'nobody claims their own wish');
      }
    }),
    { numRuns: 1000 },
  );
});
