import type { WishDetail, WishSummary } from '@linli/types/entities/wish';
import { allowedWishActions, SYSTEM_ACTOR_ID } from '../../_shared/domain/wishes';
import { stationsRepository, type StationDoc } from '../../_shared/repositories/stations';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';
import { toWishState, type WishDoc } from '../../_shared/repositories/wishes';
import { actorOf, maySeeDetail } from './access';
import { photoUrls } from './photos';

const UNKNOWN_PERSON = '（已不在本站）';

/** The people a set of wishes mentions, by id: one read for a whole list. */
async function peopleOf(docs: readonly WishDoc[]): Promise<Map<string, UserDoc>> {
  const ids = new Set<string>();
  for (const doc of docs) {
    ids.add(doc.beneficiaryId);
    ids.add(doc.submittedBy);
    if (doc.claimerId) ids.add(doc.claimerId);
    for (const event of doc.history) if (event.by !== SYSTEM_ACTOR_ID) ids.add(event.by);
  }
  return new Map((await usersRepository.findMany([...ids])).map((u) => [u._id, u]));
}

const communityName = (station: StationDoc | null, communityId: string | null): string | null =>
  station?.communities.find((c) => c.id === communityId)?.name ?? null;

/**
 * Wishes whole, for their beneficiary and their station's staff. `maySeeDetail` is checked
 * again here, the last gate before a story or a phone tail leaves the function.
 */
export async function wishDetails(docs: readonly WishDoc[], viewer: UserDoc): Promise<WishDetail[]> {
  const visible = docs.filter((doc) => maySeeDetail(doc, viewer));
  const stationIds = [...new Set(visible.map((d) => d.stationId))];
  const [people, stations] = await Promise.all([
    peopleOf(visible),
    Promise.all(stationIds.map((id) => stationsRepository.findById(id))),
  ]);
  const stationOf = new Map(stationIds.map((id, i) => [id, stations[i] ?? null]));
  const nameOf = (id: string): string => (id === SYSTEM_ACTOR_ID ? '系统' : (people.get(id)?.name ?? UNKNOWN_PERSON));
  const actor = actorOf(viewer);

  return Promise.all(
    visible.map(async (doc) => {
      const beneficiary = people.get(doc.beneficiaryId);
      const [wishPhotos, deliveryPhotos] = await Promise.all([
        photoUrls(doc.photoFileIds),
        photoUrls(doc.delivery?.photoFileIds ?? []),
      ]);
      return {
        id: doc._id,
        status: doc.status,
        what: doc.what,
        why: doc.why,
        estimatedValue: doc.estimatedValue,
        category: doc.category,
        photoUrls: wishPhotos,
        hardship: doc.hardship ?? null,
        beneficiary: {
          personId: doc.beneficiaryId,
          name: beneficiary?.name ?? UNKNOWN_PERSON,
          communityName: communityName(stationOf.get(doc.stationId) ?? null, doc.communityId),
          phoneTail: beneficiary?.phone ? beneficiary.phone.slice(-4) : null,
        },
        submittedByName: nameOf(doc.submittedBy),
        onBehalf: doc.submittedBy !== doc.beneficiaryId,
        publicTitle: doc.publicTitle ?? null,
        publicText: doc.publicText ?? null,
        reviewNote: doc.reviewNote ?? null,
        claimerName: doc.claimerId ? nameOf(doc.claimerId) : null,
        claimedAt: doc.claimedAt?.toISOString() ?? null,
        delivery: doc.delivery
          ? { note: doc.delivery.note, photoUrls: deliveryPhotos, fulfilledAt: doc.delivery.at.toISOString() }
          : null,
        confirmedAt: doc.confirmedAt?.toISOString() ?? null,
        submittedAt: doc.createdAt.toISOString(),
        updatedAt: doc.updatedAt.toISOString(),
        history: doc.history.map((event) => ({
          action: event.action,
          from: event.from,
          to: event.to,
          by: nameOf(event.by),
          role: event.role,
          at: event.at.toISOString(),
          note: event.note ?? null,
        })),
        can: allowedWishActions(toWishState(doc), actor),
      };
    }),
  );
}

export async function wishDetail(doc: WishDoc, viewer: UserDoc): Promise<WishDetail> {
  const [detail] = await wishDetails([doc], viewer);
  if (!detail) throw new Error('wishDetail: the viewer may not see this wish'); // callers load with loadWishDetail
  return detail;
}

/** The staff inbox's rows: the beneficiary by name, no story, no photos. */
export async function wishSummaries(docs: readonly WishDoc[], station: StationDoc | null): Promise<WishSummary[]> {
  const ids = [...new Set(docs.flatMap((d) => [d.beneficiaryId, ...(d.claimerId ? [d.claimerId] : [])]))];
  const people = new Map((await usersRepository.findMany(ids)).map((u) => [u._id, u.name]));
  return docs.map((doc) => ({
    id: doc._id,
    status: doc.status,
    what: doc.what,
    category: doc.category,
    estimatedValue: doc.estimatedValue,
    beneficiaryName: people.get(doc.beneficiaryId) ?? UNKNOWN_PERSON,
    communityName: communityName(station, doc.communityId),
    onBehalf: doc.submittedBy !== doc.beneficiaryId,
    claimerName: doc.claimerId ? (people.get(doc.claimerId) ?? UNKNOWN_PERSON) : null,
    submittedAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }));
}
