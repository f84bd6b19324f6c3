import { z } from 'zod';
import type { HourEntry } from '../domain/hour-entries';
import { db } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'hour_entries';

const eventSchema = z.object({
  action: z.enum(['created', 'approved', 'rejected', 'corrected', 'superseded']),
  version: z.number().int(),
  by: z.string(),
  at: storedDate,
  minutes: z.number().int().optional(),
  reason: z.string().optional(),
  fromMinutes: z.number().int().optional(),
  toMinutes: z.number().int().optional(),
  supersededBy: z.string().optional(),
});

/**
 * One version of a volunteer's hour entry (domain/hour-entries.ts), as stored: `_id` is the
 * version id, so a retried correction cannot insert a version twice. Scan entries have a root id
 * derived from the volunteer's attendance record (`scan.<attendance _id>`), so one shift makes
 * one entry however often the sign-out is retried.
 *
 * Entries made from scans that a person must look at (no sign-out, times outside the activity)
 * carry `flag` and 0 minutes: never an invented number. They cannot be approved until corrected.
 */
export const hourEntryDocSchema = z.object({
  _id: z.string(),
  rootId: z.string(),
  version: z.number().int().min(1),
  correctionOf: z.string().optional(),
  stationId: z.string(),
  volunteerId: z.string(),
  source: z.enum(['scan', 'manual', 'self_report']),
  minutes: z.number().int().min(0),
  interval: z.object({ start: storedDate, end: storedDate }).optional(),
  servedAt: storedDate,
  status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  createdBy: z.string(),
  approvals: z.array(z.object({ by: z.string(), at: storedDate })),
  history: z.array(eventSchema),
  /** What the service was: the activity's title (with the session), or the text typed. */
  content: z.string(),
  activityId: z.string().optional(),
  session: z.number().int().optional(),
  /** The team the volunteer served with (their team when the entry was made), for "by team". */
  teamId: z.string().optional(),
  note: z.string().optional(),
  photoFileId: z.string().optional(),
  flag: z.enum(['MISSING_SIGN_OUT', 'SIGN_OUT_BEFORE_SIGN_IN', 'OUTSIDE_WINDOW']).optional(),
  correctionRequest: z
    .object({
      reason: z.string(),
      requestedAt: storedDate,
      answer: z.enum(['open', 'corrected', 'declined']),
      answerNote: z.string().optional(),
      answeredBy: z.string().optional(),
    })
    .optional(),
  createdAt: storedDate,
  updatedAt: storedDate,
});
export type HourEntryDoc = z.output<typeof hourEntryDocSchema>;

/** The stored version as the pure rules see it. */
export function toHourEntry(doc: HourEntryDoc): HourEntry {
  return {
    id: doc._id,
    rootId: doc.rootId,
    version: doc.version,
    ...(doc.correctionOf ? { correctionOf: doc.correctionOf } : {}),
    volunteerId: doc.volunteerId,
    source: doc.source,
    minutes: doc.minutes,
    ...(doc.interval ? { interval: doc.interval } : {}),
    servedAt: doc.servedAt,
    status: doc.status,
    createdBy: doc.createdBy,
    approvals: doc.approvals,
    history: doc.history as HourEntry['history'],
  };
}

/** The domain's fields of a version, back into a stored document beside its stored extras. */
export function withHourEntry(doc: Omit<HourEntryDoc, keyof HourEntry | '_id'>, entry: HourEntry): HourEntryDoc {
  const { id, ...fields } = entry;
  return { ...doc, ...fields, _id: id };
}

/** The root id of the entry a volunteer's shift scans make: one per attendance record. */
export const scanEntryRootId = (volunteerAttendanceId: string): string => `scan.${volunteerAttendanceId}`;

export const hourEntriesRepository = {
  /** Inserts a version; false if that version id exists already (a retry, or a race lost). */
  async insert(doc: HourEntryDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async findById(id: string): Promise<HourEntryDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(hourEntryDocSchema, data[0], 'hour entry') : null;
  },

  /** Every version of the entries made from these scans (one activity's shift review). */
  async forActivity(activityId: string): Promise<HourEntryDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ activityId }).limit(1000).get();
    return narrowAll(hourEntryDocSchema, data, 'hour entry');
  },
};
