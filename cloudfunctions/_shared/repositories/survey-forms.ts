import { z } from 'zod';
import { surveyFormStatusSchema, surveyQuestionSchema } from '@linli/types/entities/survey';
import type { FormStatus } from '../domain/survey-lifecycle';
import { db, _ } from '../runtime/cloud';
import { narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'survey_forms';

/**
 * A station's satisfaction forms. One document per form holding its current version; earlier
 * versions live on as the snapshots activities were given (survey_attachments), which is all
 * anyone needs of them. Every change is conditional on the version (or status) read, so two
 * staff editing at once cannot silently overwrite each other.
 */
export const surveyFormDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(surveyQuestionSchema),
  overallQuestionId: z.string(),
  version: z.number().int().min(1),
  status: surveyFormStatusSchema,
  templateId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: storedDate,
  updatedBy: z.string(),
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type SurveyFormDoc = z.output<typeof surveyFormDocSchema>;

export type SurveyFormContent = Pick<SurveyFormDoc, 'title' | 'intro' | 'questions' | 'overallQuestionId'>;

/** A station keeps a handful of forms; the list is read whole, within this bound. */
const MAX_FORMS = 300;

export const surveyFormsRepository = {
  async findById(id: string): Promise<SurveyFormDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(surveyFormDocSchema, data[0], 'survey form') : null;
  },

  async insert(doc: SurveyFormDoc): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...doc } });
  },

  /** The station's forms, active ones first, the latest edited first within each. */
  async listForStation(stationId: string, status?: FormStatus): Promise<SurveyFormDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where(status ? { stationId, status } : { stationId })
            .orderBy('status', 'asc')
            .orderBy('updatedAt', 'desc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      MAX_FORMS,
    );
    return narrowAll(surveyFormDocSchema, raws, 'survey form');
  },

  /** Saves an edit as the next version, if the form is still active at the version edited. */
  async saveVersion(
    current: Pick<SurveyFormDoc, '_id' | 'version'>,
    content: SurveyFormContent,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: current._id, version: current.version, status: 'active' })
      .update({
        data: {
          title: content.title,
          intro: content.intro,
          questions: _.set(content.questions),
          overallQuestionId: content.overallQuestionId,
          version: current.version + 1,
          updatedBy: by,
          updatedAt: at,
        },
      });
    return stats.updated === 1;
  },

  /** Archive or restore, if the form is still in the state the step starts from. */
  async setStatus(id: string, from: FormStatus, to: FormStatus, by: string, at: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, status: from })
      .update({ data: { status: to, updatedBy: by, updatedAt: at } });
    return stats.updated === 1;
  },
};
