import { decideSignUp, decideSignUpCancellation, type SignUpDecision } from '../../_shared/domain/volunteer-shifts';
import { loadActivityOfStation } from '../../_shared/queries/activity-of-station';
import { AppError } from '../../_shared/runtime/app-error';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { shiftSignUpId, shiftsRepository, type ShiftSignUpDoc } from '../../_shared/repositories/shifts';
import type { UserDoc } from '../../_shared/repositories/users';
import { volunteersRepository } from '../../_shared/repositories/volunteers';

export interface ShiftOutcome {
  activity: ActivityDoc;
  signUp: ShiftSignUpDoc | null;
}

/**
 * Signs the caller up for one volunteer role of an activity of their station. The order is what
 * makes it safe, as with booking seats (activity/booking-service.ts):
 * 1. decide with the pure rules (approved volunteer of the station, before the start, a role of
 *    the activity, one role per activity), answering a repeat of the same role at once;
 * 2. claim the sign-up record (`<activity>.<volunteer>` is a unique _id): of ten taps at once one
 *    claims, the others answer with what is there;
 * 3. take a place with ONE conditional update of the role's counter (`taken < count`): thirty
 *    volunteers at once for five places get exactly five;
 * 4. confirm the sign-up — or, with no place left, drop the claim and answer SHIFT_FULL.
 * A crash between 2 and 4 leaves a 'pending' record, shown to nobody and never counted.
 */
export async function signUpForShift(
  caller: UserDoc,
  activityId: string,
  role: string,
  now: Date,
): Promise<ShiftOutcome> {
  const activity = await loadActivityOfStation(activityId, caller.stationId);
  const [volunteer, existing] = await Promise.all([
    volunteersRepository.find(caller._id),
    shiftsRepository.findSignUp(activityId, caller._id),
  ]);
  const decision = decideSignUp(activity, volunteer, existing, role, now);
  if (!decision.ok) throw signUpProblem(decision);
  if (decision.outcome === 'already') return { activity, signUp: existing };

  const claim: ShiftSignUpDoc = {
    _id: shiftSignUpId(activityId, caller._id),
    activityId,
    stationId: activity.stationId,
    volunteerId: caller._id,
    role,
    roleIndex: decision.roleIndex,
    status: 'pending',
    signedUpAt: now,
    updatedAt: now,
  };
  const { claimed, revived } = await shiftsRepository.claim(claim);
  if (!claimed) return { activity, signUp: await shiftsRepository.findSignUp(activityId, caller._id) };

  const { count } = activity.volunteerRoles[decision.roleIndex]!;
  if (await shiftsRepository.takePlace(activityId, decision.roleIndex, role, count)) {
    await shiftsRepository.transition(claim._id, 'pending', 'confirmed', { updatedAt: now });
    return { activity, signUp: { ...claim, status: 'confirmed' } };
  }
  if (revived) {
    await shiftsRepository.transition(claim._id, 'pending', 'cancelled', {
      cancelledAt: existing?.cancelledAt ?? now,
      updatedAt: now,
    });
  } else {
    await shiftsRepository.dropClaim(claim._id);
  }
  throw new AppError('SHIFT_FULL', `“${role}”岗位已满，可以看看其他岗位`);
}

/**
 * Cancels the caller's sign-up before the activity starts. The record stays (cancelled); the
 * status change is conditional, so of two cancels at once one moves it and gives back exactly
 * one place.
 */
export async function cancelShift(caller: UserDoc, activityId: string, now: Date): Promise<ShiftOutcome> {
  const activity = await loadActivityOfStation(activityId, caller.stationId);
  const existing = await shiftsRepository.findSignUp(activityId, caller._id);
  const decision = decideSignUpCancellation(activity, existing, now);
  if (!decision.ok) {
    if (decision.problem === 'SHIFT_STARTED') {
      throw new AppError('NOT_CANCELLABLE', '活动已开始，不能取消岗位报名；如不能到场请告诉社工');
    }
    throw new AppError('NOT_FOUND', '您没有报名这个活动的志愿者岗位');
  }
  if (decision.outcome === 'already' || !existing) return { activity, signUp: existing };
  if (await shiftsRepository.transition(existing._id, 'confirmed', 'cancelled', { cancelledAt: now, updatedAt: now })) {
    await shiftsRepository.releasePlace(activityId, decision.roleIndex);
  }
  return { activity, signUp: { ...existing, status: 'cancelled', cancelledAt: now } };
}

function signUpProblem(decision: Extract<SignUpDecision, { ok: false }>): AppError {
  switch (decision.problem) {
    case 'NOT_VOLUNTEER':
      return new AppError('NOT_VOLUNTEER', '只有本站审核通过的志愿者可以报名岗位，请先注册志愿者');
    case 'ACTIVITY_CANCELLED':
      return new AppError('ACTIVITY_CANCELLED', '该活动已取消，不再招募志愿者');
    case 'SHIFT_STARTED':
      return new AppError('BOOKING_CLOSED', '活动已开始，岗位报名已截止');
    case 'NO_SUCH_ROLE':
      return new AppError('INVALID_INPUT', '该活动没有这个岗位', [{ path: 'role', message: '该活动没有这个岗位' }]);
    case 'OTHER_ROLE':
      return new AppError(
        'CONFLICT',
        `您已报名“${decision.heldRole ?? ''}”岗位，每场活动只能报一个岗位；如需更换请先取消`,
      );
  }
}
