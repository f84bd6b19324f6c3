import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'bookings';

/**
 * One booking per person per activity: `_id` is `<activityId>.<personId>`, so the database's
 * unique _id is what makes 20 taps at once one booking. A cancelled booking is revived, not
 * duplicated, when the person books again.
 */
export const bookingDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  personId: z.string(),
  /** Denormalised from the profile when booking, for rosters and sign-in sheets. */
  personName: z.string(),
  communityId: z.string().nullable(),
  /** 'pending' only between claiming the booking and deciding seats; see bookActivity. */
  status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled']),
  partySize: z.number().int(),
  members: z.array(z.object({ name: z.string() })),
  bookedAt: storedDate,
  /** Orders the waitlist (first come, first served). */
  waitlistedAt: storedDate.optional(),
  cancelledAt: storedDate.optional(),
  updatedAt: storedDate,
});
export type BookingDoc = z.output<typeof bookingDocSchema>;

export const bookingId = (activityId: string, personId: string): string => `${activityId}.${personId}`;

export const bookingsRepository = {
  async find(activityId: string, personId: string): Promise<BookingDoc | null> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: bookingId(activityId, personId) })
      .limit(1)
      .get();
    return data[0] ? narrow(bookingDocSchema, data[0], 'booking') : null;
  },

  /**
   * Claims the person's booking slot for this activity: creates it, or revives a cancelled one.
   * False when a live (or pending) booking exists: the caller answers with that one.
   */
  async claim(doc: BookingDoc): Promise<boolean> {
    const { _id, ...fields } = doc;
    try {
      await db.collection(COLLECTION).add({ data: { _id, ...fields } });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id, status: 'cancelled' })
      .update({
        data: { ...fields, members: _.set(fields.members), cancelledAt: _.remove(), waitlistedAt: _.remove() },
      });
    return stats.updated === 1;
  },

  /** Moves a booking from one status to another only if it is still in `from` (no lost races). */
  async transition(
    id: string,
    from: BookingDoc['status'],
    to: BookingDoc['status'],
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, status: from })
      .update({ data: { status: to, ...fields } });
    return stats.updated === 1;
  },

  /** The waitlist in order, bounded: promotions look at the first 100 parties. */
  async waitlist(activityId: string): Promise<BookingDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ activityId, status: 'waitlisted' })
      .orderBy('waitlistedAt', 'asc')
      .limit(100)
      .get();
    return narrowAll(bookingDocSchema, data, 'booking');
  },

  async waitlistPosition(activityId: string, waitlistedAt: Date): Promise<number> {
    const { total } = await db
      .collection(COLLECTION)
      .where({ activityId, status: 'waitlisted', waitlistedAt: _.lt(waitlistedAt) })
      .count();
    return total + 1;
  },

  /** All live bookings of an activity (capacity ≤ 2000, plus the waitlist). */
  async forActivity(activityId: string): Promise<BookingDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ activityId, status: _.in(['confirmed', 'waitlisted']) })
            .orderBy('bookedAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      5000,
    );
    return narrowAll(bookingDocSchema, raws, 'booking');
  },

  /** A person's bookings, newest first, bounded to the last 100. */
  async forPerson(personId: string): Promise<BookingDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ personId, status: _.in(['confirmed', 'waitlisted', 'cancelled']) })
      .orderBy('bookedAt', 'desc')
      .limit(100)
      .get();
    return narrowAll(bookingDocSchema, data, 'booking');
  },
};
