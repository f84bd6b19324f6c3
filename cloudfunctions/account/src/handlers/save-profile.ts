import { defineAction } from '../../../_shared/runtime/dispatcher';
import { AppError } from '../../../_shared/runtime/app-error';
import { isStaff } from '../../../_shared/domain/roles';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';
import { toProfile } from '../../../_shared/views/profile';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

/**
 * First use creates the profile (role: resident, consent time and notice version recorded);
 * later calls edit it, and agree to the notice in force again. A minor's profile carries their
 * guardian and the guardian's consent, or is not stored at all (the input's contract refuses it).
 * Staff cannot move themselves to another station here: that goes through an invitation.
 */
export const saveProfile = defineAction('account', 'saveProfile', {
  access: 'signed_in',
  scope: 'self',
  writes: true,
  async handle(input, { openid, caller, now }) {
    if (caller && caller.stationId !== input.stationId && isStaff(caller.roles)) {
      throw new AppError('FORBIDDEN', '工作人员变更所属社工站需使用新站点的邀请码', [
        { path: 'stationId', message: '工作人员不能自行变更社工站' },
      ]);
    }
    const station = await stationsRepository.findById(input.stationId);
    if (!station)
      throw new AppError('INVALID_INPUT', '请选择社工站', [{ path: 'stationId', message: '未找到该社工站' }]);
    if (!station.communities.some((c) => c.id === input.communityId)) {
      throw new AppError('INVALID_INPUT', '请选择所在社区', [
        { path: 'communityId', message: '该社区不属于所选社工站' },
      ]);
    }
    // An omitted phone keeps the saved one; an empty string clears it.
    const phone = input.phone === undefined ? caller?.phone : input.phone || undefined;
    const saved = await usersRepository.saveProfile(
      openid,
      {
        name: input.name,
        stationId: input.stationId,
        communityId: input.communityId,
        phone,
        minor: input.minor,
        ...(input.minor && input.guardian
          ? { guardian: { name: input.guardian.name, phone: input.guardian.phone } }
          : {}),
      },
      PRIVACY_NOTICE_VERSION,
      caller,
      now,
    );
    return toProfile(saved);
  },
});
