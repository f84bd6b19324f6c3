import { cardIdFromPersonalCode } from '../../../_shared/domain/attendance';
import { maskName } from '../../../_shared/domain/masking';
import { isStaff } from '../../../_shared/domain/roles';
import { doorHelpersRepository } from '../../../_shared/repositories/door-helpers';
import { verifySignInToken } from '../../../_shared/domain/signin-token';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { requireSecret } from '../../../_shared/runtime/secrets';
import { usersRepository } from '../../../_shared/repositories/users';
import { recordSignIn } from '../signin-service';
import { recordVolunteerScan } from '../volunteer-shift-service';

/**
 * A resident scanned the code on the screen. Residents of a neighbouring station may attend
 * too: attendance counts for the activity's station. The volunteer code signs a volunteer in or
 * out of their shift instead.
 */
export const scan = defineAction('checkin', 'scan', {
  access: 'registered',
  scope: 'none',
  writes: true,
  async handle({ token }, { caller, now }) {
    const check = verifySignInToken({ secret: requireSecret('LINLI_SIGNIN_SECRET'), token, now });
    if (!check.ok) throw new AppError(check.problem);
    if (check.mode === 'volunteer_in' || check.mode === 'volunteer_out') {
      return recordVolunteerScan({
        activityId: check.activityId,
        volunteer: caller,
        mode: check.mode === 'volunteer_in' ? 'in' : 'out',
        method: 'scan',
        recordedBy: caller._id,
        now,
      });
    }
    return recordSignIn({
      activityId: check.activityId,
      attendee: { id: caller._id, name: caller.name, communityId: caller.communityId },
      mode: check.mode,
      method: 'scan',
      recordedBy: caller._id,
      now,
    });
  },
});

/**
 * Staff — or a volunteer they made door helper for this activity — scan a resident's personal
 * code (phone screen or printed card). A helper sees the outcome with the name masked: they
 * help at the door, they do not get the roster.
 */
export const staffScan = defineAction('checkin', 'staffScan', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ activityId, code, mode }, { caller, now }) {
    const staff = isStaff(caller.roles);
    const volunteerMode = mode === 'volunteer_in' || mode === 'volunteer_out';
    // Door helpers scan residents only: a volunteer's hours are certified by staff.
    if (!staff && (volunteerMode || !(await doorHelpersRepository.isActive(activityId, caller._id)))) {
      throw new AppError('FORBIDDEN');
    }
    const cardId = cardIdFromPersonalCode(code);
    const person = cardId ? await usersRepository.findByCardId(cardId) : null;
    if (!person) throw new AppError('CODE_INVALID');
    if (volunteerMode) {
      return recordVolunteerScan({
        activityId,
        volunteer: person,
        mode: mode === 'volunteer_in' ? 'in' : 'out',
        method: 'staff_scan',
        recordedBy: caller._id,
        requireStationId: caller.stationId,
        now,
      });
    }
    const result = await recordSignIn({
      activityId,
      attendee: { id: person._id, name: person.name, communityId: person.communityId },
      mode,
      method: 'staff_scan',
      recordedBy: caller._id,
      requireStationId: caller.stationId,
      now,
    });
    return staff ? result : { ...result, personName: maskName(result.personName) };
  },
});
