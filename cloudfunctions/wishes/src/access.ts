import type { PublicWish, WishStatus } from '@linli/types/entities/wish';
import { isStaff } from '../../_shared/domain/roles';
import type { WishActor } from '../../_shared/domain/wishes';
import { AppError } from '../../_shared/runtime/app-error';
import { wishesRepository, type WishDoc } from '../../_shared/repositories/wishes';
import type { UserDoc } from '../../_shared/repositories/users';

/** The caller as the wish rules see them. */
export const actorOf = (caller: UserDoc): WishActor => ({
  id: caller._id,
  roles: caller.roles,
  stationId: caller.stationId,
});

const notFound = (): AppError => new AppError('NOT_FOUND', '未找到这个心愿');

/**
 * Who may see a wish whole (its story, its beneficiary): the beneficiary, and the staff of the
 * wish's station. Nobody else — not the claimer, not a neighbour, not another station's staff.
 */
export const maySeeDetail = (doc: WishDoc, viewer: UserDoc): boolean =>
  doc.beneficiaryId === viewer._id || (isStaff(viewer.roles) && viewer.stationId === doc.stationId);

/** The statuses in which a wish's public face may be shown (it has a public text, and is not withdrawn). */
export const PUBLIC_STATUSES: readonly PublicWish['status'][] = ['published', 'claimed', 'fulfilled', 'confirmed'];
export const isPublicStatus = (status: WishStatus): status is PublicWish['status'] =>
  (PUBLIC_STATUSES as readonly WishStatus[]).includes(status);

/**
 * Who may see a wish's public face: anyone of its station while it is public, and whoever
 * holds or held the claim. Ids that exist elsewhere or are not public answer NOT_FOUND, the
 * same as ids that do not exist.
 */
export const maySeePublic = (doc: WishDoc, viewer: UserDoc): boolean =>
  isPublicStatus(doc.status) && (viewer.stationId === doc.stationId || doc.claimerId === viewer._id);

/** A wish the caller may see whole. */
export async function loadWishDetail(wishId: string, caller: UserDoc): Promise<WishDoc> {
  const doc = await wishesRepository.findById(wishId);
  if (!doc || !maySeeDetail(doc, caller)) throw notFound();
  return doc;
}

/** A wish of the caller's station (or their own), for a step: the rules decide who may take it. */
export async function loadWishForStep(wishId: string, caller: UserDoc): Promise<WishDoc> {
  const doc = await wishesRepository.findById(wishId);
  if (!doc || !(maySeeDetail(doc, caller) || maySeePublic(doc, caller))) throw notFound();
  return doc;
}

/** A wish the caller may see the public face of. */
export async function loadPublicWish(wishId: string, caller: UserDoc): Promise<WishDoc> {
  const doc = await wishesRepository.findById(wishId);
  if (!doc || !maySeePublic(doc, caller)) throw notFound();
  return doc;
}

export { notFound };
