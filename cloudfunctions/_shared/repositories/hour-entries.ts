import { z } from 'zod';
import type { HourEntry } from '../domain/hour-entries';
import { AppError } from '../runtime/app-error';
import { db, _ } from '../runtime/cloud';
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
      answeredAt: storedDate.optional(),
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

export type CorrectionRequestDoc = NonNullable<HourEntryDoc['correctionRequest']>;

/** The cloud's most per query; lists read in pages of this many. */
const QUERY_LIMIT = 1000;

/** Reads every page of a query (ordered by _id, so pages neither overlap nor skip) up to `max`. */
async function readPaged(condition: object, max: number): Promise<HourEntryDoc[]> {
  const raws: unknown[] = [];
  for (let skip = 0; skip < max; skip += QUERY_LIMIT) {
    const limit = Math.min(QUERY_LIMIT, max - skip);
    const { data } = await db
      .collection(COLLECTION)
      .where(condition)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(limit)
      .get();
    raws.push(...data);
    if (data.length < limit) break;
  }
  return narrowAll(hourEntryDocSchema, raws, 'hour entry');
}

/** The fields a review changes, from the version the pure rules returned. */
const reviewedFields = (entry: HourEntry, now: Date) => ({
  status: entry.status,
  approvals: entry.approvals,
  history: entry.history,
  updatedAt: now,
});

/** What a correction does to the two versions, decided on the version read inside the transaction. */
export interface VersionReplacement {
  superseded: HourEntryDoc;
  corrected: HourEntryDoc;
}

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

  /** Versions by id (an approval of many); missing ids are simply absent. */
  async findMany(ids: readonly string[]): Promise<HourEntryDoc[]> {
    const unique = [...new Set(ids)];
    const docs: HourEntryDoc[] = [];
    for (let i = 0; i < unique.length; i += QUERY_LIMIT) {
      const chunk = unique.slice(i, i + QUERY_LIMIT);
      const { data } = await db
        .collection(COLLECTION)
        .where({ _id: _.in(chunk) })
        .limit(chunk.length)
        .get();
      docs.push(...narrowAll(hourEntryDocSchema, data, 'hour entry'));
    }
    return docs;
  },

  /** Every version of one entry, oldest first. */
  async versionsOf(rootId: string): Promise<HourEntryDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ rootId }).orderBy('version', 'asc').limit(100).get();
    return narrowAll(hourEntryDocSchema, data, 'hour entry');
  },

  /**
   * Every version of a volunteer's entries: their whole record, which totals and certificates
   * count overlaps over. Bounded at 10 000 versions (years of weekly service, corrected often).
   */
  async forVolunteer(volunteerId: string): Promise<HourEntryDoc[]> {
    return readPaged({ volunteerId }, 10_000);
  },

  /** A station's entries awaiting review (pending versions are always latest versions). */
  async pendingOfStation(stationId: string, activityId?: string): Promise<HourEntryDoc[]> {
    return readPaged({ stationId, status: 'pending', ...(activityId ? { activityId } : {}) }, 2000);
  },

  /** A station's entries whose volunteer asked for a correction nobody has answered yet. */
  async openCorrectionRequests(stationId: string, activityId?: string): Promise<HourEntryDoc[]> {
    const docs = await readPaged(
      { stationId, correctionRequest: { answer: 'open' }, ...(activityId ? { activityId } : {}) },
      1000,
    );
    return docs.filter((d) => d.status !== 'superseded');
  },

  /**
   * A station's approved entries served in [from, to). Approved versions are always latest
   * versions (a correction supersedes the old one in the same transaction).
   */
  async approvedOfStation(stationId: string, from: Date, to: Date): Promise<HourEntryDoc[]> {
    return readPaged({ stationId, status: 'approved', servedAt: _.gte(from).and(_.lt(to)) }, 20_000);
  },

  /**
   * Writes an approval or rejection as one conditional update: only if the version read is
   * still pending. False when someone else decided (or corrected) it meanwhile: read again.
   */
  async review(before: HourEntryDoc, after: HourEntry, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: before._id, version: before.version, status: 'pending' })
      .update({ data: reviewedFields(after, now) });
    return stats.updated === 1;
  },

  /**
   * A correction, as one transaction: the version is read inside it, `decide` makes both
   * versions from what was read (and may refuse by throwing), the old one is marked superseded
   * and the new one inserted. A concurrent review or correction of the same version makes the
   * commit conflict; the SDK runs the transaction again, and `decide` sees the new state.
   */
  async replaceVersion(id: string, decide: (current: HourEntryDoc) => VersionReplacement): Promise<HourEntryDoc> {
    return db.runTransaction(async (transaction) => {
      const entries = transaction.collection(COLLECTION);
      let raw: unknown;
      try {
        raw = (await entries.doc(id).get()).data;
      } catch {
        throw new AppError('NOT_FOUND', '未找到该时长记录'); // doc(id).get() throws when it does not exist
      }
      const { superseded, corrected } = decide(narrow(hourEntryDocSchema, raw, 'hour entry'));
      await entries.doc(id).update({
        data: { status: superseded.status, history: superseded.history, updatedAt: superseded.updatedAt },
      });
      await entries.add({ data: { ...corrected } });
      return corrected;
    });
  },

  /**
   * Records a volunteer's correction request on a version, unless it was superseded or already
   * carries an open request. False on a lost race: read again.
   */
  async requestCorrection(before: HourEntryDoc, request: CorrectionRequestDoc, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: before._id, status: before.status, correctionRequest: { answer: _.neq('open') } })
      .update({ data: { correctionRequest: _.set(request), updatedAt: now } });
    return stats.updated === 1;
  },

  /** Answers an open correction request (declined, with the note). False if it was no longer open. */
  async answerCorrectionRequest(before: HourEntryDoc, answer: CorrectionRequestDoc, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: before._id, status: _.neq('superseded'), correctionRequest: { answer: 'open' } })
      .update({ data: { correctionRequest: _.set(answer), updatedAt: now } });
    return stats.updated === 1;
  },
};
