import { z } from 'zod';
import { erasureOutcomeSchema, privacyRequestStatusSchema, type ErasureOutcome } from '@linli/types/entities/privacy';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';
import { seal, sealedString } from './sealed';

const COLLECTION = 'privacy_requests';
const REASON = 'privacy_requests.reason';

/**
 * A deletion request (domain/privacy-requests.ts). `_id` is derived from the person and a
 * counter, so a double tap makes one. While it is open it holds the person's OPENID
 * (`subjectId`) — the 站长 needs to know whose data to delete; once carried out only
 * `subjectRef` (a keyed hash, repositories/sealed.ts personRef) is left, enough for the person to
 * see the outcome and for the station to prove the request was answered in time.
 *
 * `pseudonym` is set when the deletion starts and removed when it ends: a deletion that stopped
 * half way (a timeout) continues with the same pseudonym, so every kept record gets the same one.
 */
export const privacyRequestDocSchema = z.object({
  _id: z.string(),
  kind: z.literal('deletion'),
  stationId: z.string(),
  subjectRef: z.string(),
  subjectId: z.string().optional(),
  status: privacyRequestStatusSchema,
  requestedAt: storedDate,
  dueAt: storedDate,
  /** The person's reason, in their words (may say why: an illness, a move): sealed. */
  reason: sealedString(REASON).optional(),
  pseudonym: z.string().optional(),
  handledBy: z.string().optional(),
  handledAt: storedDate.optional(),
  note: z.string().optional(),
  outcome: erasureOutcomeSchema.optional(),
});
export type PrivacyRequestDoc = z.output<typeof privacyRequestDocSchema>;

const parse = (raw: unknown) => narrow(privacyRequestDocSchema, raw, 'privacy request');

/** A station's queue is short (a few requests a year); a read of it stops here. */
const MAX_LISTED = 200;

export const privacyRequestsRepository = {
  /** Inserts a new request; false if its id is taken (a concurrent request: read that one). */
  async insert(doc: PrivacyRequestDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({
        data: { ...doc, ...(doc.reason !== undefined ? { reason: seal(doc.reason, REASON) } : {}) },
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async findById(id: string): Promise<PrivacyRequestDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? parse(data[0]) : null;
  },

  /** A person's requests, newest first (by their keyed reference: works after the deletion too). */
  async ofSubject(subjectRef: string): Promise<PrivacyRequestDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ subjectRef })
      .orderBy('requestedAt', 'desc')
      .limit(50)
      .get();
    return narrowAll(privacyRequestDocSchema, data, 'privacy request');
  },

  /** A station's requests: the pending ones by due date, or all, newest first. */
  async ofStation(stationId: string, pendingOnly: boolean): Promise<PrivacyRequestDoc[]> {
    const query = pendingOnly
      ? db.collection(COLLECTION).where({ stationId, status: 'pending' }).orderBy('dueAt', 'asc')
      : db.collection(COLLECTION).where({ stationId }).orderBy('requestedAt', 'desc');
    const { data } = await query.limit(MAX_LISTED).get();
    return narrowAll(privacyRequestDocSchema, data, 'privacy request');
  },

  /** Gives the deletion its pseudonym once; a concurrent start keeps whichever was written first. */
  async startErasure(request: PrivacyRequestDoc, candidate: string): Promise<string> {
    if (request.pseudonym) return request.pseudonym;
    await db
      .collection(COLLECTION)
      .where({ _id: request._id, status: 'pending', pseudonym: _.exists(false) })
      .update({ data: { pseudonym: candidate } });
    return (await privacyRequestsRepository.findById(request._id))?.pseudonym ?? candidate;
  },

  /**
   * Closes a pending request: carried out (the OPENID and pseudonym leave the record) or
   * declined. Conditional on it still being pending: of two 站长 acting at once, one closes it.
   */
  async close(
    request: PrivacyRequestDoc,
    close: { status: 'completed' | 'declined'; by: string; at: Date; note?: string; outcome?: ErasureOutcome },
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: request._id, status: 'pending' })
      .update({
        data: {
          status: close.status,
          handledBy: close.by,
          handledAt: close.at,
          ...(close.note ? { note: close.note } : {}),
          ...(close.outcome ? { outcome: _.set(close.outcome) } : {}),
          ...(close.status === 'completed' ? { subjectId: _.remove(), pseudonym: _.remove() } : {}),
        },
      });
    return stats.updated === 1;
  },
};
