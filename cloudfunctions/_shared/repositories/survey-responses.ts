import { z } from 'zod';
import { activityKindSchema } from '@linli/types/entities/activity';
import { surveyAnswerSchema, surveyChannelSchema, surveyResponseStatusSchema } from '@linli/types/entities/survey';
import type { SatisfactionCounts, SatisfactionRow } from '../domain/satisfaction';
import { AppError } from '../runtime/app-error';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'survey_responses';

const flag = z.union([z.literal(0), z.literal(1)]);

/**
 * One response per person per activity: `_id` is `<activityId>.<personId>` (a 小组 series is one
 * activity: one response per member for the whole series), so ten taps of 提交 at once store one
 * response, and a form answered twice counts once. A voided response stays (who, when, why) and
 * is revived by a new answer, the voided one kept in `history`.
 *
 * Beside the answers it carries the snapshot of where it was given (station, 片区, kind, the
 * activity's end for the period) and 0/1 flags and tally keys derived from the answers
 * (domain/survey-answers.ts derivedFields), so every result is a database aggregation.
 */
export const surveyResponseDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  areaId: z.string(),
  kind: activityKindSchema,
  /** The activity's (last session's) end: which period the response counts in. */
  activityEndAt: storedDate,
  formId: z.string(),
  formVersion: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  answers: z.array(surveyAnswerSchema),
  overall: z.number().int().nullable(),
  hasOverall: flag,
  isSatisfied: flag,
  hasText: flag,
  isPaper: flag,
  tallyKeys: z.array(z.string()),
  channel: surveyChannelSchema,
  /** Staff who typed a paper form in. */
  enteredBy: z.string().optional(),
  note: z.string().optional(),
  submittedAt: storedDate,
  status: surveyResponseStatusSchema,
  voided: z.object({ by: z.string(), at: storedDate, reason: z.string() }).optional(),
  history: z.array(z.record(z.string(), z.unknown())).default([]),
  demo: z.boolean().optional(),
});
export type SurveyResponseDoc = z.output<typeof surveyResponseDocSchema>;

export const surveyResponseId = (activityId: string, personId: string): string => `${activityId}.${personId}`;

/** Per activity, what an attendee list shows: whether and how each person answered. */
export type ResponseMark = Pick<SurveyResponseDoc, 'personId' | 'channel' | 'status' | 'submittedAt' | 'enteredBy'>;
const responseMarkSchema = surveyResponseDocSchema.pick({
  personId: true,
  channel: true,
  status: true,
  submittedAt: true,
  enteredBy: true,
});

/** How many rows an aggregation may answer: far above any real activity or period. */
const AGGREGATE_LIMIT = 1000;

const countsSchema = z.object({
  respondents: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  paper: z.number().int(),
});

export const surveyResponsesRepository = {
  async find(activityId: string, personId: string): Promise<SurveyResponseDoc | null> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: surveyResponseId(activityId, personId) })
      .limit(1)
      .get();
    return data[0] ? narrow(surveyResponseDocSchema, data[0], 'survey response') : null;
  },

  /** Stores a first response; false if the person has one (submitted or voided) already. */
  async insert(doc: SurveyResponseDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /** A new answer in place of a voided one, which moves into `history`. */
  async revive(previous: SurveyResponseDoc, fresh: SurveyResponseDoc): Promise<boolean> {
    const { _id, history: _h, ...fields } = fresh;
    void _h;
    const { history, _id: _p, ...before } = previous;
    void _p;
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id, status: 'voided', submittedAt: previous.submittedAt })
      .update({
        data: {
          ...fields,
          answers: _.set(fields.answers),
          tallyKeys: _.set(fields.tallyKeys),
          voided: _.remove(),
          ...(fields.enteredBy ? {} : { enteredBy: _.remove() }),
          ...(fields.note ? {} : { note: _.remove() }),
          history: _.set([...history, before]),
        },
      });
    return stats.updated === 1;
  },

  async markVoided(id: string, voided: { by: string; at: Date; reason: string }): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, status: 'submitted' })
      .update({ data: { status: 'voided', voided: _.set(voided) } });
    return stats.updated === 1;
  },

  /** Who answered at an activity, and how: one small record per response (bounded by its turnout). */
  async marksForActivity(activityId: string): Promise<ResponseMark[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ activityId })
            .field({ personId: true, channel: true, status: true, submittedAt: true, enteredBy: true })
            .orderBy('submittedAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      5000,
    );
    return narrowAll(responseMarkSchema, raws, 'survey response');
  },

  /** Counted responses at an activity: respondents, overall answered, satisfied, typed from paper. */
  async counts(activityId: string): Promise<SatisfactionCounts & { paper: number }> {
    const $ = _.aggregate;
    const { list } = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ activityId, status: 'submitted' })
      .group({
        _id: null,
        respondents: $.sum(1),
        rated: $.sum('$hasOverall'),
        satisfied: $.sum('$isSatisfied'),
        paper: $.sum('$isPaper'),
      })
      .limit(1)
      .end();
    const { _id: _unused, ...counts } = (list[0] ?? {
      _id: null,
      respondents: 0,
      rated: 0,
      satisfied: 0,
      paper: 0,
    }) as Record<string, unknown>;
    void _unused;
    return narrow(countsSchema, counts, 'survey counts');
  },

  /** How often each tally key (question answered, value given) occurs at an activity. */
  async tallies(activityId: string): Promise<Map<string, number>> {
    const { list } = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ activityId, status: 'submitted' })
      .unwind('$tallyKeys')
      .group({ _id: '$tallyKeys', n: _.aggregate.sum(1) })
      .limit(AGGREGATE_LIMIT)
      .end();
    const rows = narrowAll(z.object({ _id: z.string(), n: z.number().int() }), list, 'survey tally');
    return new Map(rows.map((row) => [row._id, row.n]));
  },

  /** The latest responses with a text answer (answers and time only: comments carry no names). */
  async withText(activityId: string, limit: number) {
    const { data } = await db
      .collection(COLLECTION)
      .where({ activityId, status: 'submitted', hasText: 1 })
      .field({ answers: true, submittedAt: true })
      .orderBy('submittedAt', 'desc')
      .limit(limit)
      .get();
    return narrowAll(surveyResponseDocSchema.pick({ answers: true, submittedAt: true }), data, 'survey response');
  },

  /**
   * Per activity of the station whose (last session) ended in [from, to): respondents, rated and
   * satisfied — ONE aggregation, however many responses. The roll-up per kind, 片区 and station
   * is then the pure domain/satisfaction.ts rollUpSatisfaction over these rows.
   */
  async satisfactionRows(stationId: string, from: Date, to: Date): Promise<(SatisfactionRow & { endAt: Date })[]> {
    const $ = _.aggregate;
    const { list } = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ stationId, status: 'submitted', activityEndAt: _.gte(from).and(_.lt(to)) })
      .group({
        _id: '$activityId',
        kind: $.first('$kind'),
        areaId: $.first('$areaId'),
        endAt: $.max('$activityEndAt'),
        respondents: $.sum(1),
        rated: $.sum('$hasOverall'),
        satisfied: $.sum('$isSatisfied'),
      })
      .sort({ endAt: -1 })
      .limit(AGGREGATE_LIMIT)
      .end();
    // A partial roll-up would be a wrong number: refuse rather than cut it short.
    if (list.length === AGGREGATE_LIMIT) throw new AppError('PLATFORM_LIMIT', '期间内的活动太多，请缩短统计期间');
    const rows = narrowAll(
      z.object({
        _id: z.string(),
        kind: activityKindSchema,
        areaId: z.string(),
        endAt: storedDate,
        respondents: z.number().int(),
        rated: z.number().int(),
        satisfied: z.number().int(),
      }),
      list,
      'satisfaction row',
    );
    return rows.map(({ _id, ...row }) => ({ activityId: _id, ...row }));
  },
};
