import { z } from 'zod';
import {
  AWAITING_REPLY,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  COMPLAINT_STEPS,
  type Complaint,
  type ComplaintEvent,
} from '../domain/complaints';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, readAllPages, storedDate } from './sdk';
import { seal, sealedString } from './sealed';

const COLLECTION = 'complaints';
/**
 * What people wrote — the complaint, the replies, the notes of each step — may name an illness,
 * a family matter, a neighbour: sealed (repositories/sealed.ts), never queried.
 */
const TEXT = 'complaints.text';
const REPLY = 'complaints.reply';
const NOTE = 'complaints.history.note';

const eventSchema = z.object({
  step: z.enum(COMPLAINT_STEPS),
  by: z.string(),
  at: storedDate,
  note: sealedString(NOTE).optional(),
  handlerId: z.string().optional(),
});

const sealedEvent = (event: ComplaintEvent): ComplaintEvent =>
  event.note === undefined ? event : { ...event, note: seal(event.note, NOTE) };

/**
 * An opinion, suggestion or complaint as stored (domain/complaints.ts). `senderId` is kept even
 * when the sender asked to be anonymous: the handling staff see it, views withhold it from
 * everyone else. `version` rises with every step, and every step is written conditional on the
 * version and state read.
 */
export const complaintDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  senderId: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  text: sealedString(TEXT),
  anonymous: z.boolean(),
  aboutActivityId: z.string().optional(),
  aboutStaffId: z.string().optional(),
  photoFileIds: z.array(z.string()),
  status: z.enum(COMPLAINT_STATUSES),
  handlerId: z.string().nullable(),
  receivedAt: storedDate,
  dueAt: storedDate,
  firstRepliedAt: storedDate.optional(),
  lastRepliedAt: storedDate.optional(),
  reply: sealedString(REPLY).optional(),
  closedAt: storedDate.optional(),
  history: z.array(eventSchema),
  version: z.number().int().min(1),
  createdAt: storedDate,
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type ComplaintDoc = z.output<typeof complaintDocSchema>;

/** The stored complaint as the pure rules see it. */
export function toComplaint(doc: ComplaintDoc): Complaint {
  return {
    stationId: doc.stationId,
    senderId: doc.senderId,
    category: doc.category,
    anonymous: doc.anonymous,
    ...(doc.aboutStaffId ? { aboutStaffId: doc.aboutStaffId } : {}),
    status: doc.status,
    handlerId: doc.handlerId,
    receivedAt: doc.receivedAt,
    dueAt: doc.dueAt,
    ...(doc.firstRepliedAt ? { firstRepliedAt: doc.firstRepliedAt } : {}),
    ...(doc.lastRepliedAt ? { lastRepliedAt: doc.lastRepliedAt } : {}),
    ...(doc.reply !== undefined ? { reply: doc.reply } : {}),
    ...(doc.closedAt ? { closedAt: doc.closedAt } : {}),
    history: doc.history,
  };
}

/** A station's open complaints are dozens, rarely hundreds; this bounds a read of them. */
const MAX_OPEN = 2000;
/** The cloud's per-query maximum, for the timer's read across stations. */
const QUERY_LIMIT = 1000;

export const complaintsRepository = {
  /** Inserts a new complaint; false if the id exists (a retried submission whose id was derived from the request). */
  async insert(doc: ComplaintDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({
        data: {
          ...doc,
          text: seal(doc.text, TEXT),
          ...(doc.reply !== undefined ? { reply: seal(doc.reply, REPLY) } : {}),
          history: doc.history.map(sealedEvent),
        },
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async findById(id: string): Promise<ComplaintDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(complaintDocSchema, data[0], 'complaint') : null;
  },

  /** The sender's own, newest first (a person sends a handful; 100 is plenty for a list). */
  async ofSender(senderId: string): Promise<ComplaintDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ senderId }).orderBy('receivedAt', 'desc').limit(100).get();
    return narrowAll(complaintDocSchema, data, 'complaint');
  },

  /** A station's complaints not yet closed (optionally one handler's). */
  async openOfStation(stationId: string, handlerId?: string): Promise<ComplaintDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ stationId, status: _.neq('closed'), ...(handlerId ? { handlerId } : {}) })
            .orderBy('dueAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      MAX_OPEN,
    );
    return narrowAll(complaintDocSchema, raws, 'complaint');
  },

  /** A station's most recently closed complaints (optionally one handler's). */
  async recentlyClosed(stationId: string, limit: number, handlerId?: string): Promise<ComplaintDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ stationId, status: 'closed', ...(handlerId ? { handlerId } : {}) })
      .orderBy('closedAt', 'desc')
      .limit(limit)
      .get();
    return narrowAll(complaintDocSchema, data, 'complaint');
  },

  /** Every station's complaints owed a reply whose due time has passed: what the timer flags. */
  async overdue(now: Date, max = 5000): Promise<ComplaintDoc[]> {
    const raws: unknown[] = [];
    for (let skip = 0; skip < max; skip += QUERY_LIMIT) {
      const limit = Math.min(QUERY_LIMIT, max - skip);
      const { data } = await db
        .collection(COLLECTION)
        .where({ status: _.in([...AWAITING_REPLY]), dueAt: _.lt(now) })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get();
      raws.push(...data);
      if (data.length < limit) break;
    }
    return narrowAll(complaintDocSchema, raws, 'complaint');
  },

  /**
   * What the indicators count over a period: the complaints received in [from, to), only the
   * fields the pure functions need. Bounded at 20 000 (years of a busy station).
   */
  async receivedBetween(
    stationId: string,
    from: Date,
    to: Date,
  ): Promise<Pick<ComplaintDoc, 'category' | 'status' | 'receivedAt' | 'dueAt' | 'firstRepliedAt'>[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ stationId, receivedAt: _.gte(from).and(_.lt(to)) })
            .field({ category: true, status: true, receivedAt: true, dueAt: true, firstRepliedAt: true })
            .orderBy('receivedAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      20_000,
    );
    return narrowAll(
      complaintDocSchema.pick({ category: true, status: true, receivedAt: true, dueAt: true, firstRepliedAt: true }),
      raws,
      'complaint',
    );
  },

  /**
   * Writes one step: the fields the domain changed and the history entry appended, as a single
   * update conditional on the version and state read. False when anyone changed the complaint
   * meanwhile (a concurrent reply, a reassignment): read again and decide again.
   */
  async applyStep(before: ComplaintDoc, after: Complaint, event: ComplaintEvent, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: before._id, version: before.version, status: before.status })
      .update({
        data: {
          status: after.status,
          handlerId: after.handlerId,
          dueAt: after.dueAt,
          ...(after.firstRepliedAt ? { firstRepliedAt: after.firstRepliedAt } : {}),
          ...(after.lastRepliedAt ? { lastRepliedAt: after.lastRepliedAt } : {}),
          ...(after.reply !== undefined ? { reply: seal(after.reply, REPLY) } : {}),
          closedAt: after.closedAt ? after.closedAt : _.remove(),
          history: _.push([sealedEvent(event)]),
          version: _.inc(1),
          updatedAt: now,
        },
      });
    return stats.updated === 1;
  },
};

/** A document after a step, as applyStep wrote it (for answering without reading again). */
export function afterStep(before: ComplaintDoc, after: Complaint, now: Date): ComplaintDoc {
  const { closedAt: _closed, ...rest } = before;
  return {
    ...rest,
    status: after.status,
    handlerId: after.handlerId,
    dueAt: after.dueAt,
    ...(after.firstRepliedAt ? { firstRepliedAt: after.firstRepliedAt } : {}),
    ...(after.lastRepliedAt ? { lastRepliedAt: after.lastRepliedAt } : {}),
    ...(after.reply !== undefined ? { reply: after.reply } : {}),
    ...(after.closedAt ? { closedAt: after.closedAt } : {}),
    history: after.history,
    version: before.version + 1,
    updatedAt: now,
  };
}
