import { z } from 'zod';
import { surveyAttachmentStatusSchema, surveyQuestionSchema } from '@linli/types/entities/survey';
import type { AttachmentStatus } from '../domain/survey-lifecycle';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'survey_attachments';

/**
 * The form an activity asks: one document per activity (`_id` is the activity id), holding the
 * snapshot of the form version it was given — editing the form later changes nothing here.
 *
 * `rev` counts the snapshots this activity has had; `responses` counts answers taken (claimed
 * before a response is written, given back if the person had answered already). An answer is
 * taken with one conditional update on `{status: 'open', rev}` and a replacement or removal is
 * conditional on `{rev, responses: 0}`: the database orders the two, so a form cannot be swapped
 * from under an answer being written, and no answer lands on a form that was just removed.
 * The counter may run ahead of the stored responses if a function dies between the two writes;
 * that only keeps the form from being replaced. Results always count the responses themselves.
 */
export const surveyAttachmentDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(surveyQuestionSchema),
  overallQuestionId: z.string(),
  status: surveyAttachmentStatusSchema,
  rev: z.number().int().min(1),
  responses: z.number().int().min(0),
  attachedBy: z.string(),
  attachedAt: storedDate,
  updatedAt: storedDate,
  /** Each step (attach, replace, close, reopen, detach): who and when. */
  history: z.array(z.object({ action: z.string(), by: z.string(), at: storedDate })).default([]),
  demo: z.boolean().optional(),
});
export type SurveyAttachmentDoc = z.output<typeof surveyAttachmentDocSchema>;

export type SurveySnapshot = Pick<
  SurveyAttachmentDoc,
  'formId' | 'formVersion' | 'title' | 'intro' | 'questions' | 'overallQuestionId'
>;

export const surveyAttachmentsRepository = {
  async find(activityId: string): Promise<SurveyAttachmentDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: activityId }).limit(1).get();
    return data[0] ? narrow(surveyAttachmentDocSchema, data[0], 'survey attachment') : null;
  },

  /** The attachments of these activities (at most 100 ids: one page). */
  async findMany(activityIds: readonly string[]): Promise<SurveyAttachmentDoc[]> {
    if (activityIds.length === 0) return [];
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: _.in([...activityIds]) })
      .limit(activityIds.length)
      .get();
    return narrowAll(surveyAttachmentDocSchema, data, 'survey attachment');
  },

  /** The first form of an activity; false if it has (or has had) one already. */
  async insert(doc: SurveyAttachmentDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /** A new snapshot in place of the one read, while nobody has answered; reopens it. */
  async replace(
    current: Pick<SurveyAttachmentDoc, '_id' | 'rev'>,
    snapshot: SurveySnapshot,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: current._id, rev: current.rev, responses: 0 })
      .update({
        data: {
          ...snapshot,
          questions: _.set(snapshot.questions),
          status: 'open',
          rev: current.rev + 1,
          attachedBy: by,
          attachedAt: at,
          updatedAt: at,
          history: _.push([{ action: 'attach', by, at }]),
        },
      });
    return stats.updated === 1;
  },

  /**
   * Close, reopen or detach: conditional on the state read (and, for detaching, on nobody having
   * answered).
   */
  async setStatus(
    current: Pick<SurveyAttachmentDoc, '_id' | 'status'>,
    to: AttachmentStatus,
    options: { onlyUnanswered: boolean; action: string; by: string; at: Date },
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: current._id, status: current.status, ...(options.onlyUnanswered ? { responses: 0 } : {}) })
      .update({
        data: {
          status: to,
          updatedAt: options.at,
          history: _.push([{ action: options.action, by: options.by, at: options.at }]),
        },
      });
    return stats.updated === 1;
  },

  /** Takes one answer while the form is open at this snapshot; false if it closed or changed. */
  async takeAnswer(current: Pick<SurveyAttachmentDoc, '_id' | 'rev'>): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: current._id, status: 'open', rev: current.rev })
      .update({ data: { responses: _.inc(1) } });
    return stats.updated === 1;
  },

  /** Gives back an answer taken for someone who turned out to have answered already. */
  async giveBackAnswer(activityId: string): Promise<void> {
    await db
      .collection(COLLECTION)
      .where({ _id: activityId, responses: _.gt(0) })
      .update({ data: { responses: _.inc(-1) } });
  },
};
