import { z } from 'zod';
import { signInMethodSchema } from '@linli/types/entities/activity';
import { activityKindSchema, MAX_SESSIONS } from '@linli/types/entities/activity';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, readAllPages, storedDate } from './sdk';
import { activityDocSchema, type ActivityDoc } from './activities';
import { bookingDocSchema, bookingId, type BookingDoc } from './bookings';
import { attendanceKey, attendanceKeys } from '../domain/sessions';

const COLLECTION = 'attendance';

const annulmentSchema = z.object({ by: z.string(), at: storedDate, reason: z.string() });

/**
 * Attendance: the source of truth for 服务人次. One record per person (or household party) per
 * activity: `_id` is `<activityId>.<personId>`, so repeated scans cannot double-count. Records
 * are never silently edited: an annulment is recorded with who, when and why, and a later
 * sign-in after an annulment keeps the earlier state in `history`.
 */
export const attendanceDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  /** Snapshot of the activity's area, kind and start for indicators by 片区, kind and period. */
  areaId: z.string(),
  kind: activityKindSchema,
  activityStartAt: storedDate,
  personId: z.string(),
  personName: z.string(),
  communityId: z.string().nullable(),
  headcount: z.number().int().min(1),
  signedInAt: storedDate,
  signedOutAt: storedDate.optional(),
  method: signInMethodSchema,
  recordedBy: z.string(),
  signedOutBy: z.string().optional(),
  annulled: annulmentSchema.optional(),
  /** Why it was recorded this way: the paper list's note (纸质签到补录). */
  note: z.string().optional(),
  /** The session of a 小组 series (from 1); absent on a single activity's record. */
  session: z.number().int().min(1).optional(),
  history: z.array(z.record(z.string(), z.unknown())).default([]),
  /**
   * The last write (sign-in, sign-out, annulment, revival). The indicator roll-ups find the
   * months to recompute by it: a paper list entered today is timed at last month's start.
   */
  updatedAt: storedDate.optional(),
});
export type AttendanceDoc = z.output<typeof attendanceDocSchema>;

/** What one scan needs to know, read in one database request (see signInContext). */
export interface SignInContext {
  activity: ActivityDoc;
  booking: BookingDoc | null;
  /** The person's records at this activity: one per session attended (or annulled). */
  attendance: AttendanceDoc[];
}

export const attendanceRepository = {
  /**
   * The activity, the person's booking and their attendance records in ONE request: an
   * aggregation on the activity that looks the others up by their _id (an array of every
   * session's key finds all of a group member's records). A sign-in is then this read plus one
   * write (plus the caller's profile): the budget is three per sign-in.
   */
  async signInContext(activityId: string, personId: string): Promise<SignInContext | null> {
    const { list } = await db
      .collection('activities')
      .aggregate()
      .match({ _id: activityId })
      .addFields({
        _bookingKey: _.aggregate.literal(bookingId(activityId, personId)),
        _attendanceKeys: _.aggregate.literal(attendanceKeys(activityId, personId)),
      })
      .lookup({ from: 'bookings', localField: '_bookingKey', foreignField: '_id', as: '_booking' })
      .lookup({ from: COLLECTION, localField: '_attendanceKeys', foreignField: '_id', as: '_attendance' })
      .limit(1)
      .end();
    const row = list[0] as (Record<string, unknown> & { _booking: unknown[]; _attendance: unknown[] }) | undefined;
    if (!row) return null;
    const { _booking, _attendance, _bookingKey, _attendanceKeys, ...activity } = row;
    void _bookingKey;
    void _attendanceKeys;
    return {
      activity: narrow(activityDocSchema, activity, 'activity'),
      booking: _booking[0] ? narrow(bookingDocSchema, _booking[0], 'booking') : null,
      attendance: narrowAll(attendanceDocSchema, _attendance, 'attendance'),
    };
  },

  /** Inserts a sign-in; false if the person already has a record for this activity. */
  async insert(doc: AttendanceDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async find(activityId: string, personId: string, session?: number): Promise<AttendanceDoc | null> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: attendanceKey(activityId, personId, session) })
      .limit(1)
      .get();
    return data[0] ? narrow(attendanceDocSchema, data[0], 'attendance') : null;
  },

  /** Signs in again after an annulment; the annulled state moves into `history`. */
  async revive(previous: AttendanceDoc, fresh: AttendanceDoc): Promise<boolean> {
    const { _id, history: _h, ...fields } = fresh;
    void _h;
    const { history, _id: _prevId, ...before } = previous;
    void _prevId;
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id, annulled: _.exists(true), signedInAt: previous.signedInAt })
      .update({
        data: {
          ...fields,
          annulled: _.remove(),
          signedOutAt: _.remove(),
          signedOutBy: _.remove(),
          history: _.set([...history, before]),
        },
      });
    return stats.updated === 1;
  },

  async signOut(id: string, at: Date, by: string): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, signedOutAt: _.exists(false), annulled: _.exists(false) })
      .update({ data: { signedOutAt: at, signedOutBy: by, updatedAt: at } });
    return stats.updated === 1;
  },

  async annul(id: string, annulment: { by: string; at: Date; reason: string }): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, annulled: _.exists(false) })
      .update({ data: { annulled: _.set(annulment), updatedAt: annulment.at } });
    return stats.updated === 1;
  },

  async forActivity(activityId: string): Promise<AttendanceDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ activityId })
            .orderBy('signedInAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      5000,
    );
    return narrowAll(attendanceDocSchema, raws, 'attendance');
  },

  /** A person's records at these activities, every session of a group included. */
  async forPerson(personId: string, activityIds: readonly string[]): Promise<AttendanceDoc[]> {
    if (activityIds.length === 0) return [];
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ personId, activityId: _.in([...activityIds]) })
            .orderBy('signedInAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      activityIds.length * MAX_SESSIONS,
    );
    return narrowAll(attendanceDocSchema, raws, 'attendance');
  },

  /**
   * A station's records of sessions that started in [from, to), in start order (the station_start
   * index), for the 台账 export: read a thousand at a time, at most `max` + 1 — one more than `max`
   * tells the caller the period holds more than an export may carry, so it refuses instead of
   * handing out a sheet with records silently missing.
   */
  async forStationBetween(stationId: string, from: Date, to: Date, max: number): Promise<AttendanceDoc[]> {
    const raws: unknown[] = [];
    for (let skip = 0; skip <= max; skip += EXPORT_PAGE) {
      const limit = Math.min(EXPORT_PAGE, max + 1 - skip);
      const { data } = await db
        .collection(COLLECTION)
        .where({ stationId, activityStartAt: _.gte(from).and(_.lt(to)) })
        .orderBy('activityStartAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get();
      raws.push(...data);
      if (data.length < limit) break;
    }
    return narrowAll(attendanceDocSchema, raws, 'attendance');
  },
};

/** The cloud's most per query from a function: exports read in pages of this many. */
const EXPORT_PAGE = 1000;
