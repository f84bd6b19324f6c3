import { randomBytes } from 'node:crypto';
import { isStaff } from '../../../_shared/domain/roles';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { decideSubmission, decideTransition } from '../../../_shared/domain/wishes';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { toWishState, wishesRepository, type WishDoc } from '../../../_shared/repositories/wishes';
import { actorOf, loadWishDetail } from '../access';
import { wishDetail } from '../detail-view';
import { assertOwnPhotos } from '../photos';
import { runStep, stepRefusal } from '../steps';

/** How often a new wish draws another random id after a clash (62^10 ids: a clash is rare). */
const ID_ATTEMPTS = 3;
const newWishId = (): string => `W${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;

const onlyStaff = (field: string, message: string): AppError =>
  new AppError('FORBIDDEN', message, [{ path: field, message }]);

/**
 * The person the wish is for: the caller, or — when a social worker writes it down for someone
 * — a resident of the caller's station (anyone else is NOT_FOUND: ids reveal nothing).
 */
async function beneficiaryFor(caller: UserDoc, beneficiaryId: string | undefined): Promise<UserDoc> {
  if (beneficiaryId === undefined || beneficiaryId === caller._id) return caller;
  if (!isStaff(caller.roles)) throw onlyStaff('beneficiaryId', '只有社工可以代居民提交心愿');
  const person = await usersRepository.findByOpenid(beneficiaryId);
  if (!person || person.stationId !== caller.stationId) {
    throw new AppError('NOT_FOUND', '未找到这位居民', [{ path: 'beneficiaryId', message: '未找到这位居民' }]);
  }
  return person;
}

/**
 * A new wish, submitted. Retried requests are answered from the first (the dispatcher's
 * requestId), so a double tap makes one wish. Its community and 片区 are the beneficiary's now:
 * the wall shows the community, the indicators count by 片区.
 */
export const submit = defineAction('wishes', 'submit', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ beneficiaryId, hardship, photoFileIds, ...draft }, { caller, now }) {
    if (hardship !== undefined && !isStaff(caller.roles)) throw onlyStaff('hardship', '困难类别由社工填写');
    const beneficiary = await beneficiaryFor(caller, beneficiaryId);
    assertOwnPhotos(photoFileIds, caller._id, 'photoFileIds');
    const station = await stationsRepository.findById(caller.stationId);
    const areaId = station?.communities.find((c) => c.id === beneficiary.communityId)?.areaId ?? null;

    const decision = decideSubmission(
      { stationId: caller.stationId, beneficiaryId: beneficiary._id, submittedBy: caller._id },
      actorOf(caller),
      now,
    );
    if (!decision.ok) throw stepRefusal(decision.problem, 'submit', 'submitted');
    if (!decision.changed) throw new AppError('INTERNAL');
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt += 1) {
      const doc: WishDoc = {
        _id: newWishId(),
        stationId: caller.stationId,
        communityId: beneficiary.communityId,
        areaId,
        beneficiaryId: beneficiary._id,
        submittedBy: caller._id,
        ...draft,
        photoFileIds,
        ...(hardship ? { hardship } : {}),
        status: decision.wish.status,
        version: decision.wish.version,
        history: decision.wish.history,
        createdAt: now,
        updatedAt: now,
      };
      if (await wishesRepository.insert(doc)) return wishDetail(doc, caller);
    }
    throw new AppError('INTERNAL');
  },
});

/**
 * A wish sent back for changes, revised and submitted again. The review note is cleared: the
 * reviewer reads the history for what they asked. Only staff may set or change the hardship.
 * Photos sent replace the wish's (new ones must be the reviser's own uploads; those the wish had
 * may stay); none sent, the wish keeps its photos.
 */
export const revise = defineAction('wishes', 'revise', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ wishId, hardship, photoFileIds, ...draft }, { caller, now }) {
    if (hardship !== undefined && !isStaff(caller.roles)) throw onlyStaff('hardship', '困难类别由社工填写');
    const step = { wishId, action: 'revise', caller, now, load: loadWishDetail } as const;
    const { doc } = await runStep(step, (current) => {
      if (photoFileIds) assertOwnPhotos(photoFileIds, caller._id, 'photoFileIds', current.photoFileIds);
      return {
        decision: decideTransition(toWishState(current), 'revise', actorOf(caller), now),
        fields: {
          ...draft,
          ...(photoFileIds ? { photoFileIds } : {}),
          ...(hardship ? { hardship } : {}),
          reviewNote: null,
        },
      };
    });
    return wishDetail(doc, caller);
  },
});
