import { z } from 'zod';
import { activityIdSchema } from '../entities/activity';
import { idSchema, isoDateTimeSchema } from '../entities/common';
import { complaintCategorySchema, complaintSchema, complaintSummarySchema } from '../entities/complaint';

/** `fb` + 10 base62 characters (cloudfunctions/feedback: derived from the request, or random). */
export const complaintIdSchema = z.string().regex(/^fb[0-9A-Za-z]{10}$/, '反馈编号格式不正确');
const complaintRef = z.object({ complaintId: complaintIdSchema }).strict();

/** Photos come from the upload service as cloud file ids; at most 3 per complaint. */
export const MAX_COMPLAINT_PHOTOS = 3;
const cloudFileId = z
  .string()
  .regex(/^cloud:\/\/\S+$/, '照片上传未完成，请重新选择照片')
  .max(300);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** feedback: opinions, suggestions and complaints — sending, handling, deadlines, indicators. */
export const feedbackActions = {
  options: {
    summary: '反馈表单的选项：本站工作人员（可选“关于谁”）和近期活动（可选“关于哪个活动”）。',
    input: z.object({}).strict(),
    output: z.object({
      staff: z.array(z.object({ id: z.string(), name: z.string(), admin: z.boolean() })),
      activities: z.array(z.object({ id: z.string(), title: z.string(), startAt: isoDateTimeSchema })),
    }),
  },
  submit: {
    summary:
      '提交意见、建议或投诉（可关于某个活动或某位工作人员，可匿名、可附照片）。立即指派处理人，2天内答复；关于工作人员的交由站长处理。',
    input: z
      .object({
        category: complaintCategorySchema,
        text: z.string().trim().min(5, '请至少写5个字，说清楚发生了什么').max(1000, '不超过1000字'),
        aboutActivityId: activityIdSchema.optional(),
        aboutStaffId: idSchema.optional(),
        anonymous: z.boolean().default(false),
        photoFileIds: z.array(cloudFileId).max(MAX_COMPLAINT_PHOTOS, `最多${MAX_COMPLAINT_PHOTOS}张照片`).default([]),
      })
      .strict(),
    output: complaintSchema,
  },
  mine: {
    summary: '我的反馈：我提交的意见、建议和投诉，最新的在前，含状态与是否已答复。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(complaintSummarySchema) }),
  },
  get: {
    summary:
      '一条反馈的详情：内容、状态、答复和全部处理记录。提交人本人、处理人和站长可看；工作人员查看会记入查阅日志；被投诉的工作人员看不到。',
    input: complaintRef,
    output: complaintSchema,
  },
  inbox: {
    summary:
      '工作人员的反馈待办，按答复期限排序（已超时的在前并标红）：社工看指派给自己的，站长可看全站；不显示内容与提交人。',
    input: z
      .object({
        scope: z.enum(['mine', 'station']).default('mine'),
        /** open: everything not closed; closed: the most recent 50 closed. */
        state: z.enum(['open', 'closed']).default('open'),
      })
      .strict(),
    output: z.object({ items: z.array(complaintSummarySchema) }),
  },
  summary: {
    summary: '工作台角标：指派给我的待答复、即将到期、已超时条数；站长另有全站已超时条数。',
    input: z.object({}).strict(),
    output: z.object({
      awaiting: z.number().int(),
      dueSoon: z.number().int(),
      overdue: z.number().int(),
      /** 站长 only: the station's overdue complaints (those they may see); null for others. */
      stationOverdue: z.number().int().nullable(),
    }),
  },
  reply: {
    summary: '答复一条反馈（处理人或站长），提交人可看到答复；之后可结束，或由提交人在7天内重新打开。',
    input: complaintRef
      .extend({ reply: z.string().trim().min(2, '请填写答复内容').max(500, '答复不超过500字') })
      .strict(),
    output: complaintSchema,
  },
  close: {
    summary: '结束一条已答复的反馈（提交人、处理人或站长），可附说明。',
    input: complaintRef.extend({ note: z.string().trim().max(200, '说明不超过200字').optional() }).strict(),
    output: complaintSchema,
  },
  reopen: {
    summary: '提交人对答复不满意时，在答复后7天内重新打开（说明原因），处理人须在2天内再次答复。',
    input: complaintRef
      .extend({ reason: z.string().trim().min(2, '请说明还有什么问题').max(200, '不超过200字') })
      .strict(),
    output: complaintSchema,
  },
  reassign: {
    summary: '站长把待答复的反馈改派给本站另一位工作人员（不能是被投诉人或提交人）。',
    input: complaintRef
      .extend({ handlerId: idSchema, note: z.string().trim().max(200, '说明不超过200字').optional() })
      .strict(),
    output: complaintSchema,
  },
  indicators: {
    summary: '反馈指标：所选期间收到的意见、建议、投诉条数，以及2天内答复的比例（意见处理及时率）。',
    input: z
      .object({ fromDate: day, toDate: day })
      .strict()
      .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] }),
    output: z.object({
      fromDate: z.string(),
      toDate: z.string(),
      byCategory: z.object({ opinion: z.number().int(), suggestion: z.number().int(), complaint: z.number().int() }),
      total: z.number().int(),
      /** Received in the period and already answered or past due. */
      judged: z.number().int(),
      answeredInTime: z.number().int(),
      /** `87.50%`; null when nothing can be judged yet. */
      inTimeRate: z.string().nullable(),
      /** Still unanswered past the due time, of those received in the period. */
      overdueOpen: z.number().int(),
    }),
  },
} as const;
