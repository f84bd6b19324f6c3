import type { RegistrationStatus } from './volunteer-registration';

/**
 * Who counts as a volunteer of a station, and signing up for an activity's volunteer roles
 * (shifts). Pure: the volunteer function reads, asks here, then writes.
 *
 * What must change together: the volunteer function takes a role's place with one conditional
 * update on the role's counter (`shift_slots`, `taken < count`), so what is decided here about
 * places is only the first answer — the database has the last word under concurrency. A
 * sign-up's `_id` is `<activityId>.<volunteerId>`, which is what "one role per volunteer per
 * activity" rests on; `roleIndex` names the counter, so the order of an activity's roles is
 * part of a sign-up's identity.
 */

/** A volunteer registration as these rules see it. */
export interface VolunteerStanding {
  status: RegistrationStatus;
  stationId: string;
}

/**
 * An approved volunteer of this station. The registration record is the source of truth, not
 * the user's 'volunteer' role: a person who moved to another station keeps their record there.
 */
export function isApprovedVolunteerOf(volunteer: VolunteerStanding | null, stationId: string): boolean {
  return volunteer !== null && volunteer.status === 'approved' && volunteer.stationId === stationId;
}

/** An activity as shifts see it. */
export interface ShiftActivity {
  status: 'published' | 'cancelled';
  startAt: Date;
  volunteerRoles: readonly { role: string; count: number }[];
}

/** A volunteer's sign-up for one activity, as stored ('pending' only while a place is being taken). */
export interface ShiftSignUp {
  role: string;
  roleIndex: number;
  status: 'pending' | 'confirmed' | 'cancelled';
}

/** Why a sign-up is refused. Closed: the function maps each to an error code and message. */
export type SignUpProblem =
  | 'NOT_VOLUNTEER'
  | 'ACTIVITY_CANCELLED'
  | 'SHIFT_STARTED'
  | 'NO_SUCH_ROLE'
  /** Signed up for another role of the same activity: one role per volunteer per activity. */
  | 'OTHER_ROLE';

export type SignUpDecision =
  | { ok: true; outcome: 'already' }
  | { ok: true; outcome: 'take'; roleIndex: number }
  | { ok: false; problem: SignUpProblem; heldRole?: string };

/**
 * Decides a sign-up for `role`. In this order:
 * 1. only an approved volunteer of the activity's station (NOT_VOLUNTEER);
 * 2. the same role again answers 'already' — a double tap or a retry, not an error;
 * 3. not for a cancelled activity, nor once it has started (the shift is being served);
 * 4. the role must be one of the activity's (NO_SUCH_ROLE);
 * 5. holding another role of this activity is refused (OTHER_ROLE): changing roles is cancel,
 *    then sign up, so the place held is given back first and nobody holds two.
 * Whether a place is free is not decided here: the counter's conditional update decides.
 */
export function decideSignUp(
  activity: ShiftActivity & { stationId: string },
  volunteer: VolunteerStanding | null,
  existing: Pick<ShiftSignUp, 'role' | 'status'> | null,
  role: string,
  now: Date,
): SignUpDecision {
  if (!isApprovedVolunteerOf(volunteer, activity.stationId)) return { ok: false, problem: 'NOT_VOLUNTEER' };
  const held = existing && existing.status === 'confirmed' ? existing : null;
  if (held && held.role === role) return { ok: true, outcome: 'already' };
  if (activity.status === 'cancelled') return { ok: false, problem: 'ACTIVITY_CANCELLED' };
  if (now >= activity.startAt) return { ok: false, problem: 'SHIFT_STARTED' };
  const roleIndex = activity.volunteerRoles.findIndex((r) => r.role === role);
  if (roleIndex < 0) return { ok: false, problem: 'NO_SUCH_ROLE' };
  if (held) return { ok: false, problem: 'OTHER_ROLE', heldRole: held.role };
  return { ok: true, outcome: 'take', roleIndex };
}

export type SignUpCancellationProblem = 'NOT_SIGNED_UP' | 'SHIFT_STARTED';

export type SignUpCancellation =
  | { ok: true; outcome: 'cancel'; roleIndex: number }
  | { ok: true; outcome: 'already' }
  | { ok: false; problem: SignUpCancellationProblem };

/**
 * Decides cancelling a sign-up: allowed until the activity starts (afterwards the volunteer tells
 * the social worker, who sees the roster). Cancelling a sign-up that is already cancelled changes
 * nothing (a retry); never having signed up is NOT_SIGNED_UP. A cancelled activity may still be
 * left, whenever.
 */
export function decideSignUpCancellation(
  activity: Pick<ShiftActivity, 'status' | 'startAt'>,
  existing: ShiftSignUp | null,
  now: Date,
): SignUpCancellation {
  if (!existing || existing.status === 'pending') return { ok: false, problem: 'NOT_SIGNED_UP' };
  if (existing.status === 'cancelled') return { ok: true, outcome: 'already' };
  if (activity.status === 'published' && now >= activity.startAt) return { ok: false, problem: 'SHIFT_STARTED' };
  return { ok: true, outcome: 'cancel', roleIndex: existing.roleIndex };
}

/**
 * The roles of an activity with the places taken, by role index (the counters). A counter that
 * was never created is 0. `taken` is shown as counted even above `count` (staff lowered the
 * count after sign-ups): the roster must not hide people who hold a place.
 */
export function rolesWithTaken(
  volunteerRoles: readonly { role: string; count: number }[],
  takenByIndex: ReadonlyMap<number, number>,
): { role: string; count: number; taken: number }[] {
  return volunteerRoles.map((r, i) => ({ role: r.role, count: r.count, taken: takenByIndex.get(i) ?? 0 }));
}

/** Activities a volunteer may sign up for now: published, not started, with volunteer roles. */
export function isOpenForSignUp(activity: ShiftActivity, now: Date): boolean {
  return activity.status === 'published' && activity.startAt > now && activity.volunteerRoles.length > 0;
}

/**
 * Whether an activity's edited volunteer roles still fit those who signed up. Places are counted
 * per role position, so a role someone holds keeps its place and name, and its count cannot drop
 * below the places taken; roles nobody took may change freely, and new ones go at the end.
 * Returns the first problem (with the role's position, for the form), or null.
 */
export function roleEditProblem(
  before: readonly { role: string; count: number }[],
  after: readonly { role: string; count: number }[],
  taken: ReadonlyMap<number, number>,
): { index: number; message: string } | null {
  for (const [index, placesTaken] of taken) {
    if (placesTaken <= 0) continue;
    const was = before[index];
    const now = after[index];
    if (!was) continue;
    if (!now || now.role !== was.role) {
      return { index, message: `岗位“${was.role}”已有${placesTaken}人报名，不能删除、改名或调换位置` };
    }
    if (now.count < placesTaken)
      return { index, message: `岗位“${was.role}”已有${placesTaken}人报名，人数不能少于此数` };
  }
  return null;
}
