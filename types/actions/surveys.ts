import { z } from 'zod';
import { activityIdSchema, activityKindSchema } from '../entities/activity';
import { isoDateTimeSchema } from '../entities/common';
import {
  activitySurveySchema,
  satisfactionSchema,
  surveyAnswersSchema,
  surveyChannelSchema,
  surveyFormDraftSchema,
  surveyFormSchema,
  surveyFormStatusSchema,
  surveyQuestionSchema,
  surveyResponseSchema,
  surveyResponseStatusSchema,
  surveyResultsSchema,
  surveyTemplateSchema,
} from '../entities/survey';

const formRef = z.string().regex(/^sf[0-9A-Za-z]{10}$/, '意见表编号格式不正确');
const personRef = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const reason = z.string().trim().min(2, '请填写原因').max(100, '不超过100字');

/** A period of days, inclusive, China time; at most about a contract year and a half. */
const period = z
  .object({ fromDate: day, toDate: day })
  .strict()
  .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] });

/** Per attendee at an activity with a form: whether (and how) they answered. */
export const surveyAttendeeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  walkIn: z.boolean(),
  response: z
    .object({
      channel: surveyChannelSchema,
      status: surveyResponseStatusSchema,
      submittedAt: isoDateTimeSchema,
      enteredByName: z.string().nullable(),
    })
    .nullable(),
});
export type SurveyAttendee = z.infer<typeof surveyAttendeeSchema>;

/**
 * Where an attendee stands with an activity's form: `none` (no form), `not_attendee` (no valid
 * sign-in), `not_yet` (opens at sign-out or the end), `open`, `answered`, `closed` (staff stopped
 * collecting, or the 30 days after the end are over).
 */
export const myFormStateSchema = z.enum(['none', 'not_attendee', 'not_yet', 'open', 'answered', 'closed']);
export type MyFormState = z.infer<typeof myFormStateSchema>;

const submitOutcome = z.object({
  outcome: z.enum(['submitted', 'already_submitted']),
  response: surveyResponseSchema,
});

const rollUpRow = satisfactionSchema.extend({ label: z.string() });

/** surveys: satisfaction forms — building, attaching to activities, answering, results. */
export const surveysActions = {
  templates: {
    summary: '意见表模板（参照《参加者意见表》：活动、小组），可在此基础上修改。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(surveyTemplateSchema) }),
  },
  forms: {
    summary: '本站的意见表（使用中的在前），含版本号。',
    input: z.object({ status: surveyFormStatusSchema.optional() }).strict(),
    output: z.object({ items: z.array(surveyFormSchema) }),
  },
  form: {
    summary: '一份意见表的全部题目，供编辑或查看。',
    input: z.object({ formId: formRef }).strict(),
    output: surveyFormSchema,
  },
  createForm: {
    summary: '新建意见表（可从模板开始）：四种题型，须指定一道“总体满意度”评分题。',
    input: z.object({ draft: surveyFormDraftSchema, templateId: z.string().max(40).optional() }).strict(),
    output: surveyFormSchema,
  },
  updateForm: {
    summary: '修改意见表，保存为新版本；已关联活动的仍使用关联时的版本。须带上所编辑的版本号，防止覆盖他人的修改。',
    input: z.object({ formId: formRef, version: z.number().int().min(1), draft: surveyFormDraftSchema }).strict(),
    output: surveyFormSchema,
  },
  archiveForm: {
    summary: '停用意见表：不再能关联新活动；已关联的活动照常收集。',
    input: z.object({ formId: formRef }).strict(),
    output: surveyFormSchema,
  },
  restoreForm: {
    summary: '重新启用已停用的意见表。',
    input: z.object({ formId: formRef }).strict(),
    output: surveyFormSchema,
  },
  attach: {
    summary:
      '把意见表（当前版本）关联到本站的活动，可一次多个；小组关联的是整个小组（每位组员填一次）。已有人填写的活动不能更换。',
    input: z
      .object({
        formId: formRef,
        activityIds: z.array(activityIdSchema).min(1, '请至少选择一个活动').max(20, '一次最多20个活动'),
      })
      .strict(),
    output: z.object({
      results: z.array(
        z.object({
          activityId: z.string(),
          outcome: z.enum(['attached', 'replaced', 'unchanged', 'refused']),
          code: z.string().optional(),
          message: z.string().optional(),
        }),
      ),
    }),
  },
  activitySurvey: {
    summary: '活动的意见表：关联的版本与状态，以及每位参加者是否已填写（供纸质录入）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: z.object({
      survey: activitySurveySchema.nullable(),
      /** Whether the form can still be replaced or removed (nobody has answered). */
      changeable: z.boolean(),
      attendees: z.array(surveyAttendeeSchema),
    }),
  },
  close: {
    summary: '停止收集活动的意见表（可重新开放）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: activitySurveySchema,
  },
  reopen: {
    summary: '重新开放已停止收集的意见表。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: activitySurveySchema,
  },
  detach: {
    summary: '从活动移除意见表（仅在还没有人填写时）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: activitySurveySchema,
  },
  results: {
    summary: '活动意见表的结果：满意率（须达80%）、每题的分布与平均分、文字意见（不显示姓名）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: surveyResultsSchema,
  },
  rollUp: {
    summary: '期间内的满意率：全站、按活动类型、按片区，以及各活动的满意率（按活动结束日期计入期间）。',
    input: period,
    output: z.object({
      fromDate: z.string(),
      toDate: z.string(),
      station: satisfactionSchema,
      byKind: z.array(rollUpRow.extend({ kind: activityKindSchema })),
      byArea: z.array(rollUpRow.extend({ areaId: z.string() })),
      /** The most recent activities of the period with answers (at most 50). */
      activities: z.array(
        satisfactionSchema.extend({
          activityId: z.string(),
          title: z.string(),
          kind: activityKindSchema,
          endAt: isoDateTimeSchema,
        }),
      ),
    }),
  },
  myForm: {
    summary: '我在某个活动的意见表：能否填写、题目，以及我填写的内容（只看得到自己的）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: z.object({
      state: myFormStateSchema,
      activityTitle: z.string(),
      survey: z
        .object({
          title: z.string(),
          intro: z.string(),
          questions: z.array(surveyQuestionSchema),
          overallQuestionId: z.string(),
        })
        .nullable(),
      opensAt: isoDateTimeSchema.nullable(),
      closesAt: isoDateTimeSchema.nullable(),
      response: surveyResponseSchema.nullable(),
    }),
  },
  submit: {
    summary: '参加者填写意见表：须已签到，签退或活动结束后可填；每人每个活动一份，重复提交只算一次。',
    input: z.object({ activityId: activityIdSchema, answers: surveyAnswersSchema }).strict(),
    output: submitOutcome,
  },
  enterPaper: {
    summary: '社工代为录入纸质意见表（须是已签到的参加者，含现场登记的居民），标记为纸质录入并记录录入人。',
    input: z
      .object({
        activityId: activityIdSchema,
        personId: personRef,
        answers: surveyAnswersSchema,
        note: z.string().trim().max(100, '不超过100字').default(''),
      })
      .strict(),
    output: submitOutcome,
  },
  voidResponse: {
    summary: '作废一份录错的意见表（注明原因，记录保留，不计入结果）；本人或社工可重新填写。',
    input: z.object({ activityId: activityIdSchema, personId: personRef, reason }).strict(),
    output: surveyResponseSchema,
  },
} as const;
