import { randomBytes } from 'node:crypto';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { AppError } from '../../../_shared/runtime/app-error';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

/**
 * Registers a resident at the door (no WeChat account). The staff member vouches that consent
 * was given in person; the record names them.
 */
export async function createWalkIn(
  staff: UserDoc,
  walkIn: { name: string; communityId: string; phone?: string },
  now: Date,
): Promise<UserDoc> {
  const station = await stationsRepository.findById(staff.stationId);
  if (!station?.communities.some((c) => c.id === walkIn.communityId)) {
    throw new AppError('INVALID_INPUT', '请选择本站的社区', [
      { path: 'walkIn.communityId', message: '社区不属于本站' },
    ]);
  }
  const person: UserDoc = {
    _id: `walkin-${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`,
    name: walkIn.name,
    stationId: staff.stationId,
    communityId: walkIn.communityId,
    roles: ['resident'],
    ...(walkIn.phone ? { phone: walkIn.phone } : {}),
    consentAt: now,
    // What the staff member explained at the door is the notice in force.
    consentVersion: PRIVACY_NOTICE_VERSION,
    createdAt: now,
    updatedAt: now,
    walkIn: true,
    createdBy: staff._id,
  };
  await usersRepository.createWalkIn(person);
  return person;
}
