import { z } from 'zod';
import { idSchema, personNameSchema, phoneSchema } from '../entities/common';
import { activityIdSchema, bookingStatusSchema, MAX_SESSIONS, signInMethodSchema } from '../entities/activity';
import { inlinePngSchema } from '../files';

/**
 * The rotating code a social worker shows: 'in' to sign in, 'out' to sign out; the volunteer
 * modes sign volunteers in and out of their shift (their hours come from these two scans).
 */
export const signInModeSchema = z.enum(['in', 'out', 'volunteer_in', 'volunteer_out']);

/** What a scan (or a staff action) did, for the result screen. */
export const signInResultSchema = z.object({
  outcome: z.enum(['signed_in', 'already_signed_in', 'signed_out', 'already_signed_out']),
  activityId: activityIdSchema,
  activityTitle: z.string(),
  /** Whom it concerns, as the viewer may see the name (masked for door helpers). */
  personName: z.string(),
  headcount: z.number().int().min(1),
  /** When the sign-in (or sign-out) was recorded: the first time, for an "already". */
  at: z.iso.datetime({ offset: true }),
  /** A volunteer's shift scan: true; on sign-out, the hours recorded (pending approval). */
  asVolunteer: z.boolean().optional(),
  hours: z.string().nullable().optional(),
  /** A volunteer sign-out whose hours need a social worker to look (e.g. outside the activity's time). */
  flag: z.string().nullable().optional(),
});
export type SignInResult = z.infer<typeof signInResultSchema>;

export const rosterEntrySchema = z.object({
  personId: z.string(),
  name: z.string(),
  communityName: z.string().nullable(),
  /** Last four digits only; the full number stays with the profile. */
  phoneTail: z.string().nullable(),
  walkIn: z.boolean(),
  booking: bookingStatusSchema.nullable(),
  partySize: z.number().int(),
  signedInAt: z.iso.datetime({ offset: true }).nullable(),
  signedOutAt: z.iso.datetime({ offset: true }).nullable(),
  method: signInMethodSchema.nullable(),
  recordedBy: z.string().nullable(),
  annulled: z.object({ by: z.string(), at: z.iso.datetime({ offset: true }), reason: z.string() }).nullable(),
  /** Why the record was made this way (a paper list's note). */
  note: z.string().optional(),
  /** At a 小组 series: how many of its sessions this person attended so far. */
  sessionsAttended: z.number().int().min(0).optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Which session of a 小组 series a roster (or sheet, or paper list) is about. */
const sessionPick = z.number().int().min(1).max(MAX_SESSIONS).optional();

export const rosterSchema = z.object({
  activityId: activityIdSchema,
  /** At a 小组 series: the session shown (the roster is one list of members, per session). */
  session: z
    .object({
      index: z.number().int(),
      count: z.number().int(),
      startAt: z.iso.datetime({ offset: true }),
      endAt: z.iso.datetime({ offset: true }),
    })
    .optional(),
  counts: z.object({
    booked: z.number().int(),
    waitlisted: z.number().int(),
    /** People (headcount), not records: a family of three counts three. */
    signedIn: z.number().int(),
    signedOut: z.number().int(),
    noShow: z.number().int(),
  }),
  entries: z.array(rosterEntrySchema),
});

const walkInSchema = z
  .object({
    name: personNameSchema,
    communityId: idSchema,
    phone: z.union([phoneSchema, z.literal('')]).optional(),
  })
  .strict();

const paperEntrySchema = z.union([
  z.object({ personId: z.string().min(1).max(64) }).strict(),
  z.object({ walkIn: walkInSchema }).strict(),
]);

export const doorHelperSchema = z.object({
  openid: z.string(),
  name: z.string(),
  grantedAt: z.iso.datetime({ offset: true }),
});

export const checkinActions = {
  code: {
    summary: '签到/签退二维码（每30秒更换），供社工在现场展示。',
    input: z.object({ activityId: activityIdSchema, mode: signInModeSchema }).strict(),
    output: z.object({
      token: z.string(),
      /** PNG, base64: a mini-program code on WeChat, a QR of the H5 link locally. */
      imageBase64: inlinePngSchema,
      link: z.string(),
      expiresAt: z.iso.datetime({ offset: true }),
      rotatesInSeconds: z.number().int(),
    }),
  },
  scan: {
    summary: '居民扫描现场二维码签到或签退。',
    input: z.object({ token: z.string().min(1).max(64) }).strict(),
    output: signInResultSchema,
  },
  myCode: {
    summary: '我的个人签到码（长期有效，可打印成卡片），供工作人员扫码代签。',
    input: z.object({}).strict(),
    output: z.object({ code: z.string(), imageBase64: inlinePngSchema, name: z.string() }),
  },
  personCard: {
    summary: '工作人员为没有手机的居民制作签到卡：个人签到码、姓名与社区（可打印）。',
    input: z.object({ personId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      code: z.string(),
      imageBase64: inlinePngSchema,
      name: z.string(),
      communityName: z.string().nullable(),
    }),
  },
  reissueCard: {
    summary: '签到卡丢失时重新制卡：换一个新的个人签到码，旧卡（和手机上旧的码）立即作废。',
    input: z.object({ personId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      code: z.string(),
      imageBase64: inlinePngSchema,
      name: z.string(),
      communityName: z.string().nullable(),
    }),
  },
  staffScan: {
    summary: '工作人员（或被授权的志愿者）扫描居民的个人签到码，为其签到或签退；志愿者看到的姓名打码。',
    input: z.object({ activityId: activityIdSchema, code: z.string().min(1).max(64), mode: signInModeSchema }).strict(),
    output: signInResultSchema,
  },
  searchPeople: {
    summary: '按姓名或手机尾号查找本站居民，用于代签。',
    input: z
      .object({ activityId: activityIdSchema, query: z.string().trim().min(1, '请输入姓名或手机尾号').max(20) })
      .strict(),
    output: z.object({ items: z.array(rosterEntrySchema) }),
  },
  proxySignIn: {
    summary: '为没有手机的居民代签到；可现场登记新居民（姓名、社区，手机号可不填）。',
    input: z.union([
      z.object({ activityId: activityIdSchema, personId: z.string().min(1).max(64) }).strict(),
      z.object({ activityId: activityIdSchema, walkIn: walkInSchema }).strict(),
    ]),
    output: signInResultSchema,
  },
  annul: {
    summary: '撤销一条误签到（保留记录，注明撤销人与原因）。',
    input: z
      .object({
        activityId: activityIdSchema,
        personId: z.string().min(1).max(64),
        reason: z.string().trim().min(2, '请填写撤销原因').max(100),
        /** At a 小组 series: the session of the sign-in (default: the one the roster shows now). */
        session: sessionPick,
      })
      .strict(),
    output: rosterEntrySchema,
  },
  recordPaper: {
    summary: '活动结束后按纸质签到表补录签到（标记为纸质补录，记录补录人与说明）。',
    input: z
      .object({
        activityId: activityIdSchema,
        entries: z.array(paperEntrySchema).min(1, '请至少补录一人').max(200),
        note: z.string().trim().min(2, '请说明补录原因').max(100),
        /** At a 小组 series: the session the paper list is from (default: the latest started). */
        session: sessionPick,
      })
      .strict(),
    output: z.object({ recorded: z.number().int(), alreadyPresent: z.number().int() }),
  },
  helpers: {
    summary: '本场活动的协助扫码志愿者，以及可以授权的本站志愿者。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: z.object({
      items: z.array(doorHelperSchema),
      candidates: z.array(z.object({ openid: z.string(), name: z.string() })),
    }),
  },
  grantHelper: {
    summary: '让一位志愿者在本场活动协助扫码签到（只能看到签到结果，看不到名单详情）。',
    input: z.object({ activityId: activityIdSchema, openid: z.string().min(1).max(64) }).strict(),
    output: z.object({ items: z.array(doorHelperSchema) }),
  },
  revokeHelper: {
    summary: '取消志愿者的协助扫码权限。',
    input: z.object({ activityId: activityIdSchema, openid: z.string().min(1).max(64) }).strict(),
    output: z.object({ items: z.array(doorHelperSchema) }),
  },
  myHelperActivities: {
    summary: '我被授权协助扫码的活动（志愿者）。',
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(
        z.object({ activityId: activityIdSchema, title: z.string(), startAt: z.iso.datetime({ offset: true }) }),
      ),
    }),
  },
  roster: {
    summary: '活动名单：报名、签到、签退、未到，实时计数。小组按节查看（默认当前或下一节）。',
    input: z.object({ activityId: activityIdSchema, session: sessionPick }).strict(),
    output: rosterSchema,
  },
} as const;
