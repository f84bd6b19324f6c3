import { z } from 'zod';
import {
  activityDraftSchema,
  activityKindSchema,
  serviceAreaSchema,
  volunteerRoleSchema,
} from '@linli/types/entities/activity';
import { db, _ } from '../runtime/cloud';
import { narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'activities';

export const activityDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: activityKindSchema,
  serviceArea: serviceAreaSchema,
  areaId: z.string(),
  communityId: z.string(),
  place: z.string(),
  startAt: storedDate,
  endAt: storedDate,
  capacity: z.number().int(),
  /** Sum of confirmed party sizes; changed only by conditional updates (see takeSeats). */
  seatsTaken: z.number().int(),
  /** Number of waitlisted bookings (parties), for display. */
  waitlisted: z.number().int(),
  bookingOpensAt: storedDate,
  bookingClosesAt: storedDate,
  audience: z.enum(['everyone', 'invited']),
  invited: z.array(z.string()),
  volunteerRoles: z.array(volunteerRoleSchema),
  coverUrl: z.string().optional(),
  status: z.enum(['published', 'cancelled']),
  cancelReason: z.string().optional(),
  rescheduledAt: storedDate.optional(),
  /** A 小组 series' sessions in order (see domain/sessions.ts); absent for a single activity. */
  sessions: z.array(z.object({ startAt: storedDate, endAt: storedDate })).optional(),
  createdBy: z.string(),
  createdAt: storedDate,
  updatedAt: storedDate,
  demo: z.boolean().optional(),
  /** Imported from a station's historic 台账 (`npx linli import`): the file's name; createdBy is 'import'. */
  importedFrom: z.string().optional(),
});
export type ActivityDoc = z.output<typeof activityDocSchema>;

type Draft = z.output<typeof activityDraftSchema>;

/** The draft's fields as stored (instants as Dates). */
export function draftFields(draft: Draft) {
  return {
    title: draft.title,
    description: draft.description,
    kind: draft.kind,
    serviceArea: draft.serviceArea,
    areaId: draft.areaId,
    communityId: draft.communityId,
    place: draft.place,
    startAt: new Date(draft.startAt),
    endAt: new Date(draft.endAt),
    capacity: draft.capacity,
    bookingOpensAt: new Date(draft.bookingOpensAt),
    bookingClosesAt: new Date(draft.bookingClosesAt),
    audience: draft.audience,
    invited: draft.invited,
    volunteerRoles: draft.volunteerRoles,
    ...(draft.coverUrl ? { coverUrl: draft.coverUrl } : {}),
    ...(draft.sessions.length > 0
      ? { sessions: draft.sessions.map((s) => ({ startAt: new Date(s.startAt), endAt: new Date(s.endAt) })) }
      : {}),
  };
}

export const activitiesRepository = {
  async findById(id: string): Promise<ActivityDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(activityDocSchema, data[0], 'activity') : null;
  },

  async insert(doc: ActivityDoc): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...doc } });
  },

  /** Upcoming published activities of a station, soonest first, one page. */
  async listUpcoming(
    stationId: string,
    filter: { communityId?: string; kind?: string; from: Date },
    skip: number,
    limit: number,
  ): Promise<ActivityDoc[]> {
    const where: Record<string, unknown> = { stationId, status: 'published', endAt: _.gte(filter.from) };
    if (filter.communityId) where.communityId = filter.communityId;
    if (filter.kind) where.kind = filter.kind;
    // A 小组 series runs for weeks: it is listed while people can still join it; its members
    // follow it in 我的活动.
    const joinable = _.or([{ sessions: _.exists(false) }, { bookingClosesAt: _.gt(filter.from) }]);
    const { data } = await db
      .collection(COLLECTION)
      .where(_.and([where, joinable]))
      .orderBy('startAt', 'asc')
      .skip(skip)
      .limit(limit)
      .get();
    return narrowAll(activityDocSchema, data, 'activity');
  },

  /** Every activity of a station, latest start first: the staff's management list. */
  async listForStation(stationId: string, skip: number, limit: number): Promise<ActivityDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ stationId })
      .orderBy('startAt', 'desc')
      .skip(skip)
      .limit(limit)
      .get();
    return narrowAll(activityDocSchema, data, 'activity');
  },

  /**
   * Published activities of every station whose start or end falls in a window: what the
   * reminder schedule looks at. Bounded: a district's stations hold at most a few hundred
   * activities in any two days.
   */
  /**
   * Published activities that start or end between the two instants — or, for a 小组 series,
   * run across them (a session in the middle of a series can be the one due).
   */
  async startingOrEndingBetween(from: Date, to: Date): Promise<ActivityDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where(
              _.or([
                { status: 'published', startAt: _.gte(from).and(_.lte(to)) },
                { status: 'published', endAt: _.gte(from).and(_.lte(to)) },
                { status: 'published', startAt: _.lt(from), endAt: _.gt(to), sessions: _.exists(true) },
              ]),
            )
            .orderBy('startAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      2000,
    );
    return narrowAll(activityDocSchema, raws, 'activity');
  },

  async findMany(ids: readonly string[]): Promise<ActivityDoc[]> {
    if (ids.length === 0) return [];
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: _.in([...ids]) })
      .limit(ids.length)
      .get();
    return narrowAll(activityDocSchema, data, 'activity');
  },

  /**
   * Takes `seats` atomically if they are still free: the database applies the condition and the
   * increment as one step, so concurrent bookings can never overbook. The capacity is part of
   * the condition so a concurrent capacity edit is not missed. False: not enough seats now.
   */
  async takeSeats(activity: Pick<ActivityDoc, '_id' | 'capacity'>, seats: number): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({
        _id: activity._id,
        status: 'published',
        capacity: activity.capacity,
        seatsTaken: _.lte(activity.capacity - seats),
      })
      .update({ data: { seatsTaken: _.inc(seats) } });
    return stats.updated === 1;
  },

  async releaseSeats(activityId: string, seats: number): Promise<void> {
    await db
      .collection(COLLECTION)
      .where({ _id: activityId, seatsTaken: _.gte(seats) })
      .update({ data: { seatsTaken: _.inc(-seats) } });
  },

  async adjustWaitlisted(activityId: string, delta: number): Promise<void> {
    const condition = delta < 0 ? { _id: activityId, waitlisted: _.gte(-delta) } : { _id: activityId };
    await db
      .collection(COLLECTION)
      .where(condition)
      .update({ data: { waitlisted: _.inc(delta) } });
  },

  /**
   * Replaces the editable fields, on condition that the seats taken still fit the new capacity
   * (checked by the database, so a booking racing the edit cannot end up over capacity).
   */
  async saveDraft(
    id: string,
    fields: ReturnType<typeof draftFields>,
    extra: Record<string, unknown>,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, seatsTaken: _.lte(fields.capacity) })
      .update({
        data: {
          ...fields,
          invited: _.set(fields.invited),
          volunteerRoles: _.set(fields.volunteerRoles),
          sessions: fields.sessions ? _.set(fields.sessions) : _.remove(),
          ...extra,
        },
      });
    return stats.updated === 1;
  },

  /**
   * Marks these home visits of a station changed (`updatedAt`), so the nightly roll-up run
   * recomputes their months: a visitor's gender recorded later changes whether they were staffed.
   */
  async touchHomeVisits(stationId: string, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await db
      .collection(COLLECTION)
      .where({ stationId, kind: 'home_visit', _id: _.in([...new Set(ids)]) })
      .update({ data: { updatedAt: now } });
  },

  async markCancelled(id: string, reason: string, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, status: 'published' })
      .update({ data: { status: 'cancelled', cancelReason: reason, updatedAt: now } });
    return stats.updated === 1;
  },
};
