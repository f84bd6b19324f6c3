import type { Role } from '@linli/types/entities/common';
import type { WishAction, WishRole, WishStatus } from '@linli/types/entities/wish';
import { isStaff } from './roles';

/**
 * 微心愿's life, as one table (DOMAIN.md "微心愿"): which step may follow which, and who may take
 * it. Everything that changes a wish asks `decideTransition`; nothing else sets a status.
 *
 *   submitted ──approve──▶ approved ──publish──▶ published ──claim──▶ claimed ──fulfil──▶ fulfilled ──confirm──▶ confirmed
 *       │  ▲                    └──hold──▶ held ─┘ (approve again)        ◀──release──┘
 *       │  └─revise── changes_requested ◀─request_changes─ (submitted, held)
 *       └─decline─▶ declined        withdraw ─▶ withdrawn (before a claim)
 *
 * `approved` is passed through, never stayed in: the content check runs before the write, and
 * the approval and its outcome (published, or held for a person to look at) are written together
 * (`decideApproval`). Both steps are in the history.
 *
 * What must change together: the wishes function writes each decision as ONE update conditional
 * on the status and version read (repositories/wishes.ts `transition`), so of two people acting
 * at once one wins and the other decides again on what won; WISH_TRANSITIONS is what the docs'
 * table (docs/wishes.md) and the property test (test/unit/domain/wishes.property.test.ts) read.
 */

export interface WishTransition {
  action: WishAction;
  /** null: the step that creates the wish. */
  from: readonly (WishStatus | null)[];
  to: WishStatus;
  /** Who may take the step, in the order their capacity is recorded (first match). */
  by: readonly WishRole[];
  /**
   * Capacities that bar the step even when another allows it: nobody reviews a wish made for
   * themself, claims it, or — having claimed it — confirms their own delivery.
   */
  notBy?: readonly WishRole[];
  /** A note is required (a reason for the person who reads it). */
  noteRequired?: boolean;
}

export const WISH_TRANSITIONS: readonly WishTransition[] = [
  { action: 'submit', from: [null], to: 'submitted', by: ['beneficiary', 'staff'] },
  { action: 'revise', from: ['changes_requested'], to: 'submitted', by: ['staff', 'submitter', 'beneficiary'] },
  {
    action: 'request_changes',
    from: ['submitted', 'held'],
    to: 'changes_requested',
    by: ['staff'],
    notBy: ['beneficiary'],
    noteRequired: true,
  },
  { action: 'approve', from: ['submitted', 'held'], to: 'approved', by: ['staff'], notBy: ['beneficiary'] },
  { action: 'publish', from: ['approved'], to: 'published', by: ['system'] },
  { action: 'hold', from: ['approved'], to: 'held', by: ['system'], noteRequired: true },
  {
    action: 'decline',
    from: ['submitted', 'changes_requested', 'held'],
    to: 'declined',
    by: ['staff'],
    notBy: ['beneficiary'],
    noteRequired: true,
  },
  {
    action: 'withdraw',
    from: ['submitted', 'changes_requested', 'held', 'published'],
    to: 'withdrawn',
    by: ['staff', 'beneficiary', 'submitter'],
  },
  { action: 'claim', from: ['published'], to: 'claimed', by: ['member'], notBy: ['beneficiary'] },
  { action: 'release', from: ['claimed'], to: 'published', by: ['claimer', 'staff'] },
  { action: 'fulfil', from: ['claimed'], to: 'fulfilled', by: ['claimer', 'staff'], noteRequired: true },
  { action: 'confirm', from: ['fulfilled'], to: 'confirmed', by: ['beneficiary', 'staff'], notBy: ['claimer'] },
];

/** Steps a person asks for; `publish` and `hold` are the content check's, `submit` makes a wish. */
export type WishCommand = Exclude<WishAction, 'submit' | 'publish' | 'hold'>;

/** No step leads out of these. */
export const FINAL_WISH_STATUSES: readonly WishStatus[] = ['confirmed', 'declined', 'withdrawn'];

export interface WishEvent {
  action: WishAction;
  from: WishStatus | null;
  to: WishStatus;
  /** The person's id, or 'system' for the content check. */
  by: string;
  role: WishRole;
  at: Date;
  note?: string;
}

/** What the rules need of a wish. */
export interface WishState {
  stationId: string;
  status: WishStatus;
  /** Goes up by one with every step: the conditional write's guard. */
  version: number;
  beneficiaryId: string;
  submittedBy: string;
  claimerId?: string;
  history: WishEvent[];
}

export interface WishActor {
  id: string;
  roles: readonly Role[];
  stationId: string;
}

export const SYSTEM_ACTOR_ID = 'system';

/** Why a step is refused. Closed: the function maps each to an error code. */
export type WishProblem =
  /** Not a step that may follow the current status. */
  | 'STATE'
  /** The step may follow, but not by this person. */
  | 'ROLE'
  /** A claim of a wish someone else holds. */
  | 'TAKEN'
  /** A claim of one's own wish. */
  | 'OWN_WISH'
  | 'NOTE_REQUIRED';

export type WishDecision =
  | { ok: true; changed: true; wish: WishState; events: WishEvent[] }
  /** The step was already taken by this person (a second tap): nothing to write. */
  | { ok: true; changed: false }
  | { ok: false; problem: WishProblem };

export const transitionFor = (action: WishAction): WishTransition => WISH_TRANSITIONS.find((t) => t.action === action)!;

/**
 * The capacities in which `actor` stands to `wish`. Staff are the station's own social workers
 * and admin; a member is anyone of the station (volunteers, residents, a shop's account);
 * the claimer is who holds the claim now.
 */
export function wishRolesOf(wish: WishState, actor: WishActor): WishRole[] {
  const sameStation = actor.stationId === wish.stationId;
  const roles: WishRole[] = [];
  if (actor.id === wish.beneficiaryId) roles.push('beneficiary');
  if (actor.id === wish.submittedBy) roles.push('submitter');
  if (sameStation && isStaff(actor.roles)) roles.push('staff');
  if (wish.claimerId !== undefined && actor.id === wish.claimerId) roles.push('claimer');
  if (sameStation) roles.push('member');
  return roles;
}

/** The capacity in which `roles` may take the step, or null when none may (or one bars it). */
function actingRole(transition: WishTransition, roles: readonly WishRole[]): WishRole | null {
  if (transition.notBy?.some((r) => roles.includes(r))) return null;
  return transition.by.find((r) => roles.includes(r)) ?? null;
}

/**
 * Decides one step a person asks for: in this order
 * 1. a claim of one's own wish → OWN_WISH (before anything else: the answer must not depend on
 *    whether someone else claimed it first);
 * 2. the step must follow the current status (STATE) — except that a claim of a wish already
 *    claimed says who won: the caller themself (`changed: false`, a second tap) or someone else
 *    (TAKEN);
 * 3. the person must stand in one of the step's capacities and in none that bars it (ROLE);
 * 4. a note where one is required (NOTE_REQUIRED).
 * The new state has the step's status, the next version, the claimer set by a claim and cleared
 * by a release, and the event appended to the history.
 */
export function decideTransition(
  wish: WishState,
  action: WishCommand,
  actor: WishActor,
  at: Date,
  note?: string,
): WishDecision {
  const transition = transitionFor(action);
  const roles = wishRolesOf(wish, actor);
  if (action === 'claim' && roles.includes('beneficiary')) return { ok: false, problem: 'OWN_WISH' };
  if (!transition.from.includes(wish.status)) {
    if (action === 'claim' && wish.status === 'claimed') {
      return wish.claimerId === actor.id ? { ok: true, changed: false } : { ok: false, problem: 'TAKEN' };
    }
    return { ok: false, problem: 'STATE' };
  }
  const role = actingRole(transition, roles);
  if (!role) return { ok: false, problem: 'ROLE' };
  const given = note?.trim() ?? '';
  if (transition.noteRequired && given === '') return { ok: false, problem: 'NOTE_REQUIRED' };
  const event: WishEvent = {
    action,
    from: wish.status,
    to: transition.to,
    by: actor.id,
    role,
    at,
    ...(given ? { note: given } : {}),
  };
  return { ok: true, changed: true, wish: step(wish, event), events: [event] };
}

/** The new state after an event: the rules' only way to move a wish. */
function step(wish: WishState, event: WishEvent): WishState {
  const next: WishState = { ...wish, status: event.to, version: wish.version + 1, history: [...wish.history, event] };
  if (event.action === 'claim') next.claimerId = event.by;
  if (event.action === 'release') delete next.claimerId;
  return next;
}

/** What the platform's content check answered for the public text. */
export interface ContentVerdict {
  pass: boolean;
  reason?: string;
}

/**
 * Approval: the staff step to `approved`, then at once the content check's step — `publish` when
 * it passed, `hold` (with its reason) when not. One decision, two events, one write.
 */
export function decideApproval(wish: WishState, actor: WishActor, at: Date, verdict: ContentVerdict): WishDecision {
  const transition = transitionFor('approve');
  if (!transition.from.includes(wish.status)) return { ok: false, problem: 'STATE' };
  const role = actingRole(transition, wishRolesOf(wish, actor));
  if (!role) return { ok: false, problem: 'ROLE' };
  const approved: WishEvent = { action: 'approve', from: wish.status, to: 'approved', by: actor.id, role, at };
  const outcome: WishEvent = verdict.pass
    ? { action: 'publish', from: 'approved', to: 'published', by: SYSTEM_ACTOR_ID, role: 'system', at }
    : {
        action: 'hold',
        from: 'approved',
        to: 'held',
        by: SYSTEM_ACTOR_ID,
        role: 'system',
        at,
        note: verdict.reason?.trim() || '内容未通过平台安全检测，需人工复核',
      };
  const after = step(step(wish, approved), outcome);
  // One write: the version goes up once, like every other write of a wish.
  return { ok: true, changed: true, wish: { ...after, version: wish.version + 1 }, events: [approved, outcome] };
}

/** A new wish's first state and event. Staff of the station submit for a resident; a resident for themself. */
export function decideSubmission(
  wish: Omit<WishState, 'status' | 'version' | 'history' | 'claimerId'>,
  actor: WishActor,
  at: Date,
): WishDecision {
  const draft: WishState = { ...wish, status: 'submitted', version: 0, history: [] };
  const roles = wishRolesOf(draft, actor);
  const role = actingRole(transitionFor('submit'), roles);
  if (!role || wish.submittedBy !== actor.id) return { ok: false, problem: 'ROLE' };
  const event: WishEvent = { action: 'submit', from: null, to: 'submitted', by: actor.id, role, at };
  return { ok: true, changed: true, wish: { ...draft, version: 1, history: [event] }, events: [event] };
}

/**
 * The steps `actor` may take now, for the buttons a page shows. The same table as the decisions,
 * so a button never offers what the function would refuse (a note, where required, is asked for).
 */
export function allowedWishActions(wish: WishState, actor: WishActor): WishCommand[] {
  const commands: WishCommand[] = [
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
  return commands.filter((action) => {
    const decision =
      action === 'approve'
        ? decideApproval(wish, actor, new Date(0), { pass: true })
        : decideTransition(wish, action, actor, new Date(0), 'note');
    return decision.ok && decision.changed;
  });
}

/**
 * 点亮微心愿 (seed 004: 53 in a period): wishes confirmed received in [from, to), per station and
 * 片区. A wish counts in the period its confirmation falls in, once, whatever happened before;
 * the indicator roll-up (issue 6) counts through this and nothing else.
 */
export interface FulfilledWishRecord {
  stationId: string;
  /** The 片区 of the beneficiary's community when the wish was submitted. */
  areaId: string | null;
  status: WishStatus;
  confirmedAt?: Date;
}

export function countWishesFulfilled(
  wishes: readonly FulfilledWishRecord[],
  stationId: string,
  from: Date,
  to: Date,
): { total: number; byArea: Map<string, number> } {
  const byArea = new Map<string, number>();
  let total = 0;
  for (const wish of wishes) {
    if (wish.stationId !== stationId || wish.status !== 'confirmed' || !wish.confirmedAt) continue;
    if (wish.confirmedAt < from || wish.confirmedAt >= to) continue;
    total += 1;
    if (wish.areaId) byArea.set(wish.areaId, (byArea.get(wish.areaId) ?? 0) + 1);
  }
  return { total, byArea };
}
