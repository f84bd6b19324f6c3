import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, PAGE_SIZE, storedDate } from './sdk';

const SIGNUPS = 'shift_signups';
const SLOTS = 'shift_slots';

/**
 * A volunteer's sign-up for one role of an activity (domain/volunteer-shifts.ts). `_id` is
 * `<activityId>.<volunteerId>`: one role per volunteer per activity, and ten taps at once are
 * one sign-up. Cancelling keeps the record (status 'cancelled'); signing up again revives it.
 * 'pending' only between claiming the record and taking a place (see signUpForShift).
 */
export const shiftSignUpDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  volunteerId: z.string(),
  role: z.string(),
  /** Which counter (`shift_slots`) holds the place. */
  roleIndex: z.number().int().min(0),
  status: z.enum(['pending', 'confirmed', 'cancelled']),
  signedUpAt: storedDate,
  cancelledAt: storedDate.optional(),
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type ShiftSignUpDoc = z.output<typeof shiftSignUpDocSchema>;

/**
 * The places taken of one role: `_id` is `<activityId>.<roleIndex>`. Changed only by conditional
 * updates (takePlace, releasePlace), like an activity's seats: the role's count is part of the
 * condition, so any number of concurrent sign-ups take at most `count` places.
 */
export const shiftSlotDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  roleIndex: z.number().int().min(0),
  role: z.string(),
  taken: z.number().int().min(0),
  demo: z.boolean().optional(),
});
export type ShiftSlotDoc = z.output<typeof shiftSlotDocSchema>;

export const shiftSignUpId = (activityId: string, volunteerId: string): string => `${activityId}.${volunteerId}`;
export const shiftSlotId = (activityId: string, roleIndex: number): string => `${activityId}.${roleIndex}`;

export const shiftsRepository = {
  async findSignUp(activityId: string, volunteerId: string): Promise<ShiftSignUpDoc | null> {
    const { data } = await db
      .collection(SIGNUPS)
      .where({ _id: shiftSignUpId(activityId, volunteerId) })
      .limit(1)
      .get();
    return data[0] ? narrow(shiftSignUpDocSchema, data[0], 'shift sign-up') : null;
  },

  /** Sign-ups by id (a volunteer's for a list of activities), in one request per hundred. */
  async findSignUps(ids: readonly string[]): Promise<ShiftSignUpDoc[]> {
    const raws: unknown[] = [];
    for (let i = 0; i < ids.length; i += PAGE_SIZE) {
      const chunk = ids.slice(i, i + PAGE_SIZE);
      raws.push(
        ...(
          await db
            .collection(SIGNUPS)
            .where({ _id: _.in(chunk) })
            .limit(chunk.length)
            .get()
        ).data,
      );
    }
    return narrowAll(shiftSignUpDocSchema, raws, 'shift sign-up');
  },

  /**
   * Claims the volunteer's sign-up record for this activity: creates it, or revives a cancelled
   * one, as 'pending'. False when a live (or pending) one exists: the caller answers with it.
   */
  async claim(doc: ShiftSignUpDoc): Promise<{ claimed: boolean; revived: boolean }> {
    const { _id, ...fields } = doc;
    try {
      await db.collection(SIGNUPS).add({ data: { _id, ...fields } });
      return { claimed: true, revived: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const { stats } = await db
      .collection(SIGNUPS)
      .where({ _id, status: 'cancelled' })
      .update({ data: { ...fields, cancelledAt: _.remove() } });
    return { claimed: stats.updated === 1, revived: stats.updated === 1 };
  },

  /** Moves a sign-up between statuses only if it is still in `from` (no lost races). */
  async transition(
    id: string,
    from: ShiftSignUpDoc['status'],
    to: ShiftSignUpDoc['status'],
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(SIGNUPS)
      .where({ _id: id, status: from })
      .update({ data: { status: to, ...fields } });
    return stats.updated === 1;
  },

  /** Drops a fresh claim that got no place, leaving no record of a sign-up that never was. */
  async dropClaim(id: string): Promise<void> {
    await db.collection(SIGNUPS).where({ _id: id, status: 'pending' }).remove();
  },

  /** An activity's sign-ups, every status (an activity has at most 10 roles × 50 places). */
  async forActivity(activityId: string): Promise<ShiftSignUpDoc[]> {
    const { data } = await db.collection(SIGNUPS).where({ activityId }).limit(1000).get();
    return narrowAll(shiftSignUpDocSchema, data, 'shift sign-up');
  },

  /**
   * Takes one place of the role if one is free: ONE conditional update that the database applies
   * as a whole (`taken < count`, then +1), so concurrent sign-ups never take more than `count`.
   * The counter is created on first use; whoever creates it, everybody then takes through the
   * same condition. False: every place is taken.
   */
  async takePlace(activityId: string, roleIndex: number, role: string, count: number): Promise<boolean> {
    const _id = shiftSlotId(activityId, roleIndex);
    const take = async () =>
      (
        await db
          .collection(SLOTS)
          .where({ _id, taken: _.lt(count) })
          .update({ data: { taken: _.inc(1) } })
      ).stats.updated === 1;
    if (await take()) return true;
    try {
      await db.collection(SLOTS).add({ data: { _id, activityId, roleIndex, role, taken: 0 } });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return take();
  },

  /** Gives one place back (a cancelled sign-up); never below zero. */
  async releasePlace(activityId: string, roleIndex: number): Promise<void> {
    await db
      .collection(SLOTS)
      .where({ _id: shiftSlotId(activityId, roleIndex), taken: _.gt(0) })
      .update({ data: { taken: _.inc(-1) } });
  },

  /** Places taken per role index of each activity (counters never created count 0). */
  async takenByActivity(
    activities: readonly { _id: string; volunteerRoles: readonly unknown[] }[],
  ): Promise<Map<string, Map<number, number>>> {
    const ids = activities.flatMap((a) => a.volunteerRoles.map((_role, i) => shiftSlotId(a._id, i)));
    const slots: ShiftSlotDoc[] = [];
    for (let i = 0; i < ids.length; i += PAGE_SIZE) {
      const chunk = ids.slice(i, i + PAGE_SIZE);
      const { data } = await db
        .collection(SLOTS)
        .where({ _id: _.in(chunk) })
        .limit(chunk.length)
        .get();
      slots.push(...narrowAll(shiftSlotDocSchema, data, 'shift slot'));
    }
    const result = new Map<string, Map<number, number>>(activities.map((a) => [a._id, new Map()]));
    for (const slot of slots) result.get(slot.activityId)?.set(slot.roleIndex, slot.taken);
    return result;
  },
};
