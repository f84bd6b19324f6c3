import type { PublicWish } from '@linli/types/entities/wish';
import { maskName } from '../../_shared/domain/masking';
import { allowedWishActions, type WishCommand } from '../../_shared/domain/wishes';
import { stationsRepository } from '../../_shared/repositories/stations';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';
import type { PublicWishDoc } from '../../_shared/repositories/wishes';
import { actorOf, isPublicStatus } from './access';
import { photoUrls } from './photos';

/** The steps the wall offers; reviewing and withdrawing happen on the staff and owner pages. */
const WALL_STEPS: readonly WishCommand[] = ['claim', 'release', 'fulfil'];

/**
 * The public face of wishes, for 心愿墙 and everyone who claims. The projection: it takes
 * `PublicWishDoc` — the fields the wall reads, see repositories/wishes.ts PUBLIC_FIELDS — so the
 * story, photos and hardship of the beneficiary are not even at hand here, and it names only the
 * station's social worker and the claimer (masked). The beneficiary's id comes along for the
 * rules and stays here. A wish that is not public (any more) is left out.
 */
export async function publicWishes(docs: readonly PublicWishDoc[], viewer: UserDoc): Promise<PublicWish[]> {
  const shown = docs.filter((doc) => isPublicStatus(doc.status) && doc.publicTitle && doc.publicText);
  const personIds = [
    ...new Set(shown.flatMap((d) => [...(d.handlerId ? [d.handlerId] : []), ...(d.claimerId ? [d.claimerId] : [])])),
  ];
  const stationIds = [...new Set(shown.map((d) => d.stationId))];
  const [people, stations] = await Promise.all([
    usersRepository.findMany(personIds),
    Promise.all(stationIds.map((id) => stationsRepository.findById(id))),
  ]);
  const names = new Map(people.map((p) => [p._id, p.name]));
  const communities = new Map(stations.flatMap((s) => s?.communities.map((c) => [`${s._id}/${c.id}`, c.name]) ?? []));
  const actor = actorOf(viewer);

  return Promise.all(
    shown.map(async (doc): Promise<PublicWish> => {
      const claimedByMe = doc.claimerId === viewer._id;
      const rules = { ...doc, history: [] };
      return {
        id: doc._id,
        status: doc.status as PublicWish['status'],
        title: doc.publicTitle!,
        text: doc.publicText!,
        category: doc.category,
        estimatedValue: doc.estimatedValue,
        communityName: doc.communityId ? (communities.get(`${doc.stationId}/${doc.communityId}`) ?? null) : null,
        contactName: doc.handlerId ? (names.get(doc.handlerId) ?? null) : null,
        publishedAt: (doc.publishedAt ?? new Date(0)).toISOString(),
        claimedByMe,
        claimerName: doc.claimerId ? maskName(names.get(doc.claimerId) ?? '爱心人士') : null,
        // The delivery (its note and photos) is the claimer's record: shown back to them only.
        delivery:
          claimedByMe && doc.delivery
            ? {
                note: doc.delivery.note,
                photoUrls: await photoUrls(doc.delivery.photoFileIds),
                fulfilledAt: doc.delivery.at.toISOString(),
              }
            : null,
        can: allowedWishActions(rules, actor).filter((step) => WALL_STEPS.includes(step)),
      };
    }),
  );
}

export async function publicWish(doc: PublicWishDoc, viewer: UserDoc): Promise<PublicWish> {
  const [view] = await publicWishes([doc], viewer);
  if (!view) throw new Error('publicWish: the wish is not public'); // callers load with loadPublicWish
  return view;
}
