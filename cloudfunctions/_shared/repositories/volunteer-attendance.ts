import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'volunteer_attendance';

/**
 * A volunteer's two scans at one shift (one session of an activity). Kept apart from residents'
 * attendance: 服务人次 counts the people served, not those serving. `_id` is the same key as a
 * resident's record (`<activityId>.<volunteerId>[.<session>]`, domain/sessions.ts), so repeated
 * scans cannot make a second record. The hours come from these two times (hour entries).
 */
export const volunteerAttendanceDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  session: z.number().int().min(1).optional(),
  signedInAt: storedDate,
  signedOutAt: storedDate.optional(),
  method: z.enum(['scan', 'staff_scan']),
  recordedBy: z.string(),
  signedOutBy: z.string().optional(),
  /** Set when the session's sign-in closed without a sign-out (the entry was flagged for staff). */
  closedAt: storedDate.optional(),
});
export type VolunteerAttendanceDoc = z.output<typeof volunteerAttendanceDocSchema>;

export const volunteerAttendanceRepository = {
  async find(id: string): Promise<VolunteerAttendanceDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(volunteerAttendanceDocSchema, data[0], 'volunteer attendance') : null;
  },

  /** Inserts a sign-in; false if the volunteer already has one for this shift. */
  async insert(doc: VolunteerAttendanceDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /** Records the sign-out once; false if it was already recorded (a repeat, or a race lost). */
  async signOut(id: string, at: Date, by: string): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, signedOutAt: _.exists(false) })
      .update({ data: { signedOutAt: at, signedOutBy: by } });
    return stats.updated === 1;
  },

  async forActivity(activityId: string): Promise<VolunteerAttendanceDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ activityId }).limit(1000).get();
    return narrowAll(volunteerAttendanceDocSchema, data, 'volunteer attendance');
  },

  /** The activities of a station a volunteer signed in at (bounded: 1000 shifts is years of service). */
  async activityIdsOf(stationId: string, volunteerId: string): Promise<string[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ stationId, volunteerId })
      .field({ activityId: true })
      .limit(1000)
      .get();
    return narrowAll(z.object({ activityId: z.string() }), data, 'volunteer attendance').map((d) => d.activityId);
  },

  /** Sign-ins made before `before` with neither a sign-out nor a closing (see closeOpenShifts). */
  async openBefore(before: Date, limit = 500): Promise<VolunteerAttendanceDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ signedOutAt: _.exists(false), closedAt: _.exists(false), signedInAt: _.lt(before) })
      .orderBy('signedInAt', 'asc')
      .limit(limit)
      .get();
    return narrowAll(volunteerAttendanceDocSchema, data, 'volunteer attendance');
  },

  /** Marks a sign-in closed without a sign-out; false if it was signed out or closed meanwhile. */
  async markClosed(id: string, at: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, signedOutAt: _.exists(false), closedAt: _.exists(false) })
      .update({ data: { closedAt: at } });
    return stats.updated === 1;
  },
};
