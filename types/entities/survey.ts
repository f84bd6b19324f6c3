import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { activityIdSchema, activityKindSchema } from './activity';

/**
 * Satisfaction forms (参加者意见表, seed 002: handed to every participant at the end of an
 * activity, and at a 小组's last session). A social worker builds a form from four question
 * types; attaching it to an activity snapshots the form's current version, so a later edit never
 * changes what was asked. Exactly one question is the OVERALL rating: the satisfaction rate the
 * contract requires (≥ 80%) is the share of respondents who rated it 4 or 5 (满意 or 非常满意).
 * How it is counted: cloudfunctions/_shared/domain/satisfaction.ts; docs/surveys.md.
 */

export const SURVEY_QUESTION_TYPES = ['rating', 'single', 'multiple', 'text'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

export const SURVEY_QUESTION_TYPE_LABELS: Record<SurveyQuestionType, string> = {
  rating: '1–5分评分',
  single: '单选',
  multiple: '多选',
  text: '文字意见',
};

/**
 * The wording of the five points, lowest first (value = index + 1). 满意度 for questions about
 * how satisfied people are; 认同度 for statements they agree with or not ("小组对我有帮助").
 * The overall question is always on the 满意度 scale, so "satisfied or better" reads as it is.
 */
export const RATING_SCALES = {
  satisfaction: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  agreement: ['非常不同意', '不同意', '一般', '同意', '非常同意'],
} as const;
export type RatingScale = keyof typeof RATING_SCALES;
export const ratingScaleSchema = z.enum(['satisfaction', 'agreement']);

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The label of one point of a scale: `ratingLabel('satisfaction', 4)` → 满意. */
export const ratingLabel = (scale: RatingScale, value: number): string => RATING_SCALES[scale][value - 1] ?? '';

/** Ids of questions and options: chosen by the builder, stable across versions of a form. */
const localIdSchema = z.string().regex(/^[a-z][a-z0-9]{0,11}$/, '编号只能用小写字母和数字');
export const surveyQuestionIdSchema = localIdSchema;
export const surveyOptionIdSchema = localIdSchema;

export const MAX_SURVEY_QUESTIONS = 30;
export const MAX_SURVEY_OPTIONS = 8;
export const MAX_SURVEY_TEXT = 500;

export const surveyOptionSchema = z
  .object({
    id: surveyOptionIdSchema,
    label: z.string().trim().min(1, '请填写选项').max(30, '选项不超过30个字'),
  })
  .strict();

const questionBase = {
  id: surveyQuestionIdSchema,
  title: z.string().trim().min(2, '请填写题目').max(60, '题目不超过60个字'),
  required: z.boolean().default(true),
};
const options = z
  .array(surveyOptionSchema)
  .min(2, '至少2个选项')
  .max(MAX_SURVEY_OPTIONS, `最多${MAX_SURVEY_OPTIONS}个选项`);

export const surveyQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('rating'), scale: ratingScaleSchema.default('satisfaction') }).strict(),
  z.object({ ...questionBase, type: z.literal('single'), options }).strict(),
  z.object({ ...questionBase, type: z.literal('multiple'), options }).strict(),
  z.object({ ...questionBase, type: z.literal('text'), required: z.boolean().default(false) }).strict(),
]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

/** What the form builder sends: the questions and which one is the overall rating. */
export const surveyFormDraftSchema = z
  .object({
    title: z.string().trim().min(2, '标题至少2个字').max(40, '标题不超过40个字'),
    intro: z.string().trim().max(200, '说明不超过200字').default(''),
    questions: z
      .array(surveyQuestionSchema)
      .min(1, '请至少添加一道题')
      .max(MAX_SURVEY_QUESTIONS, `最多${MAX_SURVEY_QUESTIONS}道题`),
    /** The one question the satisfaction rate reads: a 1–5 rating on the 满意度 scale. */
    overallQuestionId: surveyQuestionIdSchema,
  })
  .strict()
  .superRefine((draft, ctx) => {
    const seen = new Set<string>();
    draft.questions.forEach((question, i) => {
      if (seen.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: '题目编号重复' });
      }
      seen.add(question.id);
      if (question.type === 'single' || question.type === 'multiple') {
        const ids = new Set<string>();
        question.options.forEach((option, j) => {
          if (ids.has(option.id)) {
            ctx.addIssue({ code: 'custom', path: ['questions', i, 'options', j, 'id'], message: '选项编号重复' });
          }
          ids.add(option.id);
        });
      }
    });
    const overall = draft.questions.find((q) => q.id === draft.overallQuestionId);
    if (!overall) {
      ctx.addIssue({ code: 'custom', path: ['overallQuestionId'], message: '请指定一道“总体满意度”题' });
    } else if (overall.type !== 'rating' || overall.scale !== 'satisfaction') {
      ctx.addIssue({
        code: 'custom',
        path: ['overallQuestionId'],
        message: '总体满意度题须是“满意度”评分题（非常不满意 … 非常满意）',
      });
    }
  });
export type SurveyFormDraft = z.infer<typeof surveyFormDraftSchema>;
export type SurveyFormDraftInput = z.input<typeof surveyFormDraftSchema>;

export const surveyFormStatusSchema = z.enum(['active', 'archived']);
export const SURVEY_FORM_STATUS_LABELS: Record<z.infer<typeof surveyFormStatusSchema>, string> = {
  active: '使用中',
  archived: '已停用',
};

/** A form as the station's staff see it in the builder and the list. */
export const surveyFormSchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(surveyQuestionSchema),
  overallQuestionId: z.string(),
  /** 1 when created; each saved edit adds one. Activities keep the version they were given. */
  version: z.number().int().min(1),
  status: surveyFormStatusSchema,
  /** The template it was started from, if any. */
  templateId: z.string().nullable(),
  updatedAt: isoDateTimeSchema,
  updatedByName: z.string(),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

/** A ready-made form to start from (modelled on the 参加者意见表 of seed 002). */
export const surveyTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** When to use it, in a line. */
  description: z.string(),
  draft: surveyFormDraftSchema,
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

/**
 * An attached form's state at one activity: `open` collects answers, `closed` stopped collecting
 * (staff may reopen), `detached` was removed before anyone answered. Transitions:
 * cloudfunctions/_shared/domain/survey-lifecycle.ts.
 */
export const surveyAttachmentStatusSchema = z.enum(['open', 'closed', 'detached']);
export const SURVEY_ATTACHMENT_STATUS_LABELS: Record<z.infer<typeof surveyAttachmentStatusSchema>, string> = {
  open: '收集中',
  closed: '已停止收集',
  detached: '已移除',
};

/** The form as attached to an activity: the snapshot of the version it was given. */
export const activitySurveySchema = z.object({
  activityId: activityIdSchema,
  formId: z.string(),
  formVersion: z.number().int(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(surveyQuestionSchema),
  overallQuestionId: z.string(),
  status: surveyAttachmentStatusSchema,
  attachedAt: isoDateTimeSchema,
  attachedByName: z.string(),
});
export type ActivitySurvey = z.infer<typeof activitySurveySchema>;

/**
 * One answer. Which field is set depends on the question: `rating` (1–5), `choices` (option ids:
 * one for a single choice), `text`. A question left out is unanswered.
 */
export const surveyAnswerSchema = z
  .object({
    questionId: surveyQuestionIdSchema,
    rating: z.number().int().min(RATING_MIN).max(RATING_MAX).optional(),
    choices: z.array(surveyOptionIdSchema).min(1).max(MAX_SURVEY_OPTIONS).optional(),
    text: z.string().trim().min(1).max(MAX_SURVEY_TEXT, `不超过${MAX_SURVEY_TEXT}字`).optional(),
  })
  .strict();
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
export const surveyAnswersSchema = z.array(surveyAnswerSchema).max(MAX_SURVEY_QUESTIONS);

export const surveyChannelSchema = z.enum(['self', 'paper']);
export const SURVEY_CHANNEL_LABELS: Record<z.infer<typeof surveyChannelSchema>, string> = {
  self: '本人填写',
  paper: '纸质录入',
};

export const surveyResponseStatusSchema = z.enum(['submitted', 'voided']);

/** A response, as the person who gave it (or the station's staff) see it. */
export const surveyResponseSchema = z.object({
  activityId: activityIdSchema,
  personName: z.string(),
  channel: surveyChannelSchema,
  /** Who typed a paper form in; null when the person answered themself. */
  enteredByName: z.string().nullable(),
  submittedAt: isoDateTimeSchema,
  status: surveyResponseStatusSchema,
  answers: z.array(surveyAnswerSchema),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/**
 * A satisfaction rate: of the respondents who answered the overall question (`rated`), how many
 * were satisfied or better. `rate` is shown with two decimals, rounded half up ("83.33%"), null
 * without a rated respondent; `meetsTarget` compares the exact share with the contract's 80%.
 */
export const satisfactionSchema = z.object({
  respondents: z.number().int().min(0),
  rated: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  rate: z.string().nullable(),
  meetsTarget: z.boolean().nullable(),
});
export type Satisfaction = z.infer<typeof satisfactionSchema>;

/** One question's results at one activity. */
export const questionResultSchema = z.object({
  questionId: z.string(),
  type: z.enum(SURVEY_QUESTION_TYPES),
  title: z.string(),
  overall: z.boolean(),
  /** How many respondents answered it. */
  answered: z.number().int().min(0),
  /** Ratings: the mean of the answers, two decimals ("4.33"); null when nobody answered. */
  average: z.string().nullable(),
  /** Ratings (5 down to 1) and choices (in the form's order): count and share of `answered`. */
  distribution: z.array(
    z.object({ key: z.string(), label: z.string(), count: z.number().int().min(0), share: z.string().nullable() }),
  ),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const surveyResultsSchema = z.object({
  survey: activitySurveySchema,
  activity: z.object({
    id: activityIdSchema,
    title: z.string(),
    kind: activityKindSchema,
    startAt: isoDateTimeSchema,
    endAt: isoDateTimeSchema,
  }),
  /** People with a valid sign-in: whom the form is for. */
  attendees: z.number().int().min(0),
  paper: z.number().int().min(0),
  satisfaction: satisfactionSchema,
  questions: z.array(questionResultSchema),
  /** Text answers, newest first, without names (staff only; residents never see them). */
  comments: z.array(z.object({ questionId: z.string(), text: z.string(), submittedAt: isoDateTimeSchema })),
  /** More comments exist than were sent. */
  moreComments: z.boolean(),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
