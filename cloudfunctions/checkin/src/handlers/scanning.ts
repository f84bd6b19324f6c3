import { cardIdFromPersonalCode } from '../../../_shared/domain/attendance';
import { verifySignInToken } from '../../../_shared/domain/signin-token';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { requireSecret } from '../../../_shared/runtime/secrets';
import { usersRepository } from '../../../_shared/repositories/users';
import { recordSignIn } from '../signin-service';

/**
 * A resident scanned the code on the screen. Residents of a neighbouring station may attend
 * too: attendance counts for the activity's station.
 */
export const scan = defineAction('checkin', 'scan', {
  access: 'registered',
  async handle({ token }, { caller, now }) {
    const check = verifySignInToken({ secret: requireSecret('LINLI_SIGNIN_SECRET'), token, now });
    if (!check.ok) throw new AppError(check.problem);
    if (check.mode !== 'in' && check.mode !== 'out')
      throw new AppError('TOKEN_MALFORMED', '这是志愿者签到码，请扫描居民签到码');
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

/** Staff scan a resident's personal code (phone screen or printed card) for them. */
export const staffScan = defineAction('checkin', 'staffScan', {
  access: ['social_worker', 'admin'],
  async handle({ activityId, code, mode }, { caller, now }) {
    const cardId = cardIdFromPersonalCode(code);
    const person = cardId ? await usersRepository.findByCardId(cardId) : null;
    if (!person) throw new AppError('CODE_INVALID');
    return recordSignIn({
      activityId,
      attendee: { id: person._id, name: person.name, communityId: person.communityId },
      mode,
      method: 'staff_scan',
      recordedBy: caller._id,
      requireStationId: caller.stationId,
      now,
    });
  },
});
