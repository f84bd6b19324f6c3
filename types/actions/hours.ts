import { z } from 'zod';
import { activityIdSchema } from '../entities/activity';
import { isoDateTimeSchema } from '../entities/common';
import { certificateSchema, hourEntrySchema, myHoursSchema } from '../entities/hours';

const entryRef = z.string().min(1).max(80);
const reason = z.string().trim().min(2, '请填写原因').max(200, '不超过200字');
const content = z.string().trim().min(2, '请填写服务内容').max(60, '服务内容不超过60字');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/**
 * Service time as two instants on one day (China time): the server computes the minutes, so
 * hours a client sends are never taken as they are.
 */
const servedSpan = z
  .object({ startAt: isoDateTimeSchema, endAt: isoDateTimeSchema })
  .strict()
  .refine((s) => Date.parse(s.endAt) > Date.parse(s.startAt), { message: '结束时间须晚于开始时间', path: ['endAt'] })
  .refine((s) => Date.parse(s.endAt) - Date.parse(s.startAt) <= 24 * 3600 * 1000, {
    message: '一条记录不超过24小时',
    path: ['endAt'],
  });

/** A period of days, inclusive, China time. */
const period = z
  .object({ fromDate: day, toDate: day })
  .strict()
  .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] });

/** hours: volunteer service hours — the volunteer's record, staff review, corrections, certificates. */
export const hoursActions = {
  mine: {
    summary: '我的志愿时长：总计、今年、按月、按队伍、按活动，以及每条记录的状态。',
    input: z.object({}).strict(),
    output: myHoursSchema,
  },
  report: {
    summary: '申报在App外完成的服务（日期时间、内容、说明，可附照片），待社工审核后计入。',
    input: z
      .object({
        span: servedSpan,
        content,
        note: z.string().trim().max(200).default(''),
        /** A cloud file id from the photo upload, optional. */
        photoFileId: z.string().max(300).optional(),
      })
      .strict(),
    output: hourEntrySchema,
  },
  requestCorrection: {
    summary: '对自己的一条时长记录申请更正（说明原因），社工处理后可看到答复。',
    input: z.object({ entryId: entryRef, reason }).strict(),
    output: hourEntrySchema,
  },
  pending: {
    summary: '社工待办：本站待审核的时长（需核实的在前），可按活动筛选；以及待处理的更正申请。',
    input: z.object({ activityId: activityIdSchema.optional() }).strict(),
    output: z.object({ items: z.array(hourEntrySchema) }),
  },
  approve: {
    summary: '审核通过时长，可一次多条。不能审核自己的或自己录入的；需核实的须先更正。重复通过不重复计算。',
    input: z.object({ entryIds: z.array(entryRef).min(1).max(200) }).strict(),
    output: z.object({
      results: z.array(
        z.object({
          entryId: z.string(),
          outcome: z.enum(['approved', 'already_approved', 'refused']),
          code: z.string().optional(),
          message: z.string().optional(),
        }),
      ),
    }),
  },
  reject: {
    summary: '不通过一条时长，并说明原因（志愿者可见）。',
    input: z.object({ entryId: entryRef, reason }).strict(),
    output: hourEntrySchema,
  },
  add: {
    summary: '社工为App外的服务（入户探访、电话探访）录入时长：待另一位社工或站长审核。',
    input: z
      .object({
        volunteerId: z.string().min(1).max(64),
        span: servedSpan,
        content,
        note: z.string().trim().max(200).default(''),
      })
      .strict(),
    output: hourEntrySchema,
  },
  correct: {
    summary: '更正一条时长：生成新版本待审核，旧版本保留在记录中；可答复志愿者的更正申请。',
    input: z.object({ entryId: entryRef, span: servedSpan, reason }).strict(),
    output: hourEntrySchema,
  },
  declineCorrection: {
    summary: '不同意志愿者的更正申请，并说明原因。',
    input: z.object({ entryId: entryRef, reason }).strict(),
    output: hourEntrySchema,
  },
  history: {
    summary: '一条时长的全部版本与操作记录（谁、何时、为何）。',
    input: z.object({ entryId: entryRef }).strict(),
    output: z.object({ versions: z.array(hourEntrySchema) }),
  },
  issueCertificate: {
    summary: '开具志愿服务记录证明：所选期间内已通过的服务记录、总时长、开具站点、编号与校验码。',
    input: period,
    output: certificateSchema,
  },
  verifyCertificate: {
    summary: '凭证明编号与校验码核验一份志愿服务记录证明。',
    input: z.object({ number: z.string().trim().min(5).max(40), code: z.string().trim().min(4).max(40) }).strict(),
    output: certificateSchema,
  },
} as const;

export { period as hoursPeriodSchema };
