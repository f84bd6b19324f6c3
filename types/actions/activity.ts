import { z } from 'zod';
import { personRefSchema } from '../entities/user';
import { idSchema, isoDateTimeSchema, pageInputSchema, pageSchema } from '../entities/common';
import {
  activityDraftSchema,
  activityIdSchema,
  activityKindSchema,
  activitySchema,
  attendanceSchema,
  bookingSchema,
  householdMemberSchema,
  MAX_PARTY_SIZE,
} from '../entities/activity';

const activityRef = z.object({ activityId: activityIdSchema }).strict();

/** One of "my activities": the activity with my booking and my attendance, if any. */
export const myActivitySchema = z.object({
  activity: activitySchema,
  booking: bookingSchema.nullable(),
  /** My sign-in: at a 小组 series, at the session now (or the latest I attended). */
  attendance: attendanceSchema.nullable(),
  /** At a 小组 series: how many sessions I attended. */
  sessionsAttended: z.number().int().min(0).optional(),
  /** At an invitation-only activity: whether I am on the list (so the app offers 报名 or says why not). */
  invited: z.boolean().optional(),
});
export type MyActivity = z.infer<typeof myActivitySchema>;

export const activityActions = {
  list: {
    summary: '本站即将开始的活动（可按社区、类型、日期筛选），每页最多20条。',
    input: pageInputSchema
      .extend({
        communityId: idSchema.optional(),
        kind: activityKindSchema.optional(),
        /** Only activities starting on or after this day (Asia/Shanghai), YYYY-MM-DD. */
        fromDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
          .optional(),
      })
      .strict(),
    output: pageSchema(activitySchema),
  },
  get: {
    summary: '活动详情，以及我的报名与签到情况。',
    input: activityRef,
    output: myActivitySchema,
  },
  manage: {
    summary: '社工管理列表：本站全部活动（含已结束、已取消），按开始时间倒序。',
    input: pageInputSchema.strict(),
    output: pageSchema(activitySchema),
  },
  publish: {
    summary: '发布活动。',
    input: activityDraftSchema,
    output: activitySchema,
  },
  update: {
    summary: '修改活动；改期时通知已报名的居民。名额不能少于已确认人数。',
    input: z.object({ activityId: activityIdSchema, draft: activityDraftSchema }).strict(),
    output: activitySchema,
  },
  cancel: {
    summary: '取消活动，并通知已报名的居民。',
    input: z
      .object({ activityId: activityIdSchema, reason: z.string().trim().min(2, '请填写取消原因').max(100) })
      .strict(),
    output: activitySchema,
  },
  invitees: {
    summary: '仅限受邀的活动：受邀居民名单（社工查看与调整用，手机号只显示尾号）。',
    input: activityRef,
    output: z.object({ items: z.array(personRefSchema) }),
  },
  book: {
    summary: '报名（可带家人，最多6人）；满员时进入候补，有空位时自动递补。重复提交只算一次。',
    input: z
      .object({
        activityId: activityIdSchema,
        /** Household members coming along, besides the booker. */
        members: z
          .array(householdMemberSchema)
          .max(MAX_PARTY_SIZE - 1, `同行家人最多${MAX_PARTY_SIZE - 1}位`)
          .default([]),
      })
      .strict(),
    output: myActivitySchema,
  },
  cancelBooking: {
    summary: '取消报名；释放的名额自动给候补的居民。',
    input: activityRef,
    output: myActivitySchema,
  },
  mine: {
    summary: '我的活动：即将参加的和参加过的。',
    input: z.object({}).strict(),
    output: z.object({ upcoming: z.array(myActivitySchema), past: z.array(myActivitySchema) }),
  },
} as const;

export { isoDateTimeSchema };
