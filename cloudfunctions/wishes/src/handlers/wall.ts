import { decideTransition } from '../../../_shared/domain/wishes';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { wishesRepository, toWishState } from '../../../_shared/repositories/wishes';
import { actorOf, loadPublicWish } from '../access';
import { notifyWishStep } from '../notifications';
import { decodeCursor, nextCursor } from '../paging';
import { assertOwnPhotos } from '../photos';
import { publicWish, publicWishes } from '../public-view';
import { runStep } from '../steps';

/**
 * 心愿墙: the station's published wishes (`open`), or the ones I claimed (`mine`, wherever they
 * are now: claimed, delivered, confirmed). Public faces only (public-view.ts).
 */
export const wall = defineAction('wishes', 'wall', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle({ view, cursor, limit }, { caller }) {
    const skip = decodeCursor(cursor);
    const docs =
      view === 'mine'
        ? await wishesRepository.claimedBy(caller._id, skip, limit)
        : await wishesRepository.published(caller.stationId, skip, limit);
    return { items: await publicWishes(docs, caller), ...nextCursor(skip, docs.length, limit) };
  },
});

export const publicView = defineAction('wishes', 'publicView', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle({ wishId }, { caller }) {
    return publicWish(await loadPublicWish(wishId, caller), caller);
  },
});

/**
 * Claims a published wish. Claims are exclusive: the step is one update conditional on the wish
 * still being published at the version read, so of 20 people tapping at once exactly one holds
 * it; the others read again and hear WISH_TAKEN. The claimer tapping twice holds it still.
 */
export const claim = defineAction('wishes', 'claim', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ wishId }, { caller, now }) {
    const { doc, events } = await runStep({ wishId, action: 'claim', caller, now }, (current) => ({
      decision: decideTransition(toWishState(current), 'claim', actorOf(caller), now),
      fields: { claimedAt: now },
    }));
    await notifyWishStep(doc, events);
    return publicWish(doc, caller);
  },
});

/** Gives a claim up (the claimer, or staff for a claim that stalled): the wish is back on the wall. */
export const release = defineAction('wishes', 'release', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ wishId, reason }, { caller, now }) {
    const { doc } = await runStep({ wishId, action: 'release', caller, now }, (current) => ({
      decision: decideTransition(toWishState(current), 'release', actorOf(caller), now, reason),
      fields: { claimedAt: null },
    }));
    return publicWish(doc, caller);
  },
});

/** Records the delivery (the claimer, or staff who took the gift in at the station), with a note. */
export const fulfil = defineAction('wishes', 'fulfil', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ wishId, note, photoFileIds }, { caller, now }) {
    assertOwnPhotos(photoFileIds, caller._id, 'photoFileIds');
    const step = { wishId, action: 'fulfil', caller, now, notePath: 'note' } as const;
    const { doc, events } = await runStep(step, (current) => ({
      decision: decideTransition(toWishState(current), 'fulfil', actorOf(caller), now, note),
      fields: { delivery: { note, photoFileIds, by: caller._id, at: now } },
    }));
    await notifyWishStep(doc, events);
    return publicWish(doc, caller);
  },
});
