import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personNameSchema } from './common';
import { ACTIVITY_KINDS, SERVICE_AREAS } from './activity-kinds';

/** Activity ids are our own 10-character base62 ids: they travel inside QR codes (≤ 32 chars). */
export const activityIdSchema = z.string().regex(/^[0-9A-Za-z]{10}$/, '活动编号格式不正确');

export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export const serviceAreaSchema = z.enum(SERVICE_AREAS);
export const activityStatusSchema = z.enum(['published', 'cancelled']);

export const volunteerRoleSchema = z.object({
  role: z.string().trim().min(1, '请填写岗位').max(20),
  count: z.number().int().min(1).max(50),
});

/** The largest household party one booking may bring (a parent with children, an elder with carers). */
export const MAX_PARTY_SIZE = 6;

/** A 小组 (group) is a series of sessions with one roster: at most this many sessions. */
export const MAX_SESSIONS = 12;
/**
 * Sessions of a group are apart by at least this much, so that every moment belongs to at most
 * one session's sign-in window (an hour before the start to an hour after the end): a scan then
 * needs no session number in the code.
 */
export const SESSION_MIN_GAP_MS = 2 * 3600 * 1000;
const SESSION_MAX_MS = 24 * 3600 * 1000;

export const activitySessionSchema = z.object({ startAt: isoDateTimeSchema, endAt: isoDateTimeSchema });

/** What a social worker fills in to publish (or edit) an activity. */
export const activityDraftSchema = z
  .object({
    title: z.string().trim().min(2, '标题至少2个字').max(40, '标题不超过40个字'),
    description: z.string().trim().max(1000, '介绍不超过1000字').default(''),
    kind: activityKindSchema,
    serviceArea: serviceAreaSchema,
    areaId: idSchema,
    communityId: idSchema,
    place: z.string().trim().min(2, '请填写地点').max(60),
    startAt: isoDateTimeSchema,
    endAt: isoDateTimeSchema,
    capacity: z.number().int().min(1, '名额至少1个').max(2000, '名额不超过2000个'),
    bookingOpensAt: isoDateTimeSchema,
    bookingClosesAt: isoDateTimeSchema,
    audience: z.enum(['everyone', 'invited']).default('everyone'),
    /** Residents (by profile id) who may book an invitation-only activity. */
    invited: z.array(z.string().min(1).max(64)).max(500).default([]),
    volunteerRoles: z.array(volunteerRoleSchema).max(10).default([]),
    coverUrl: z.string().url().max(500).optional(),
    /**
     * A 小组 series: every session in order, the first starting at `startAt` and the last ending
     * at `endAt`. Empty for a single activity.
     */
    sessions: z.array(activitySessionSchema).max(MAX_SESSIONS, `小组最多${MAX_SESSIONS}节`).default([]),
  })
  .superRefine((d, ctx) => {
    const start = Date.parse(d.startAt);
    const end = Date.parse(d.endAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
    if (d.sessions.length > 0) checkSessions(d, ctx);
    else if (end - start > SESSION_MAX_MS)
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '单场活动不超过24小时' });
    if (Date.parse(d.bookingClosesAt) <= Date.parse(d.bookingOpensAt)) {
      ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: '报名截止须晚于报名开始' });
    }
    if (Date.parse(d.bookingClosesAt) > start) {
      ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: '报名截止不能晚于活动开始' });
    }
  });
export type ActivityDraft = z.infer<typeof activityDraftSchema>;

function checkSessions(
  d: { kind: string; startAt: string; endAt: string; sessions: { startAt: string; endAt: string }[] },
  ctx: z.RefinementCtx,
): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (d.kind !== 'group_session') return issue(['sessions'], '只有小组活动可以分多节');
  if (d.sessions.length < 2) return issue(['sessions'], '小组至少2节');
  const first = d.sessions[0]!;
  const last = d.sessions[d.sessions.length - 1]!;
  if (Date.parse(first.startAt) !== Date.parse(d.startAt))
    issue(['sessions', 0, 'startAt'], '第1节须在活动开始时间开始');
  if (Date.parse(last.endAt) !== Date.parse(d.endAt)) {
    issue(['sessions', d.sessions.length - 1, 'endAt'], '最后一节须在活动结束时间结束');
  }
  d.sessions.forEach((session, i) => {
    const start = Date.parse(session.startAt);
    const end = Date.parse(session.endAt);
    if (end <= start) issue(['sessions', i, 'endAt'], `第${i + 1}节的结束时间须晚于开始时间`);
    if (end - start > SESSION_MAX_MS) issue(['sessions', i, 'endAt'], `第${i + 1}节不超过24小时`);
    const previous = d.sessions[i - 1];
    if (previous && start < Date.parse(previous.endAt) + SESSION_MIN_GAP_MS) {
      issue(['sessions', i, 'startAt'], `第${i + 1}节须在上一节结束2小时以后开始`);
    }
  });
}

/** An activity as residents and staff see it (staff-only fields are separate: see roster). */
export const activitySchema = z.object({
  id: activityIdSchema,
  stationId: idSchema,
  title: z.string(),
  description: z.string(),
  kind: activityKindSchema,
  serviceArea: serviceAreaSchema,
  areaId: idSchema,
  communityId: idSchema,
  place: z.string(),
  startAt: isoDateTimeSchema,
  endAt: isoDateTimeSchema,
  capacity: z.number().int(),
  seatsLeft: z.number().int().min(0),
  waitlisted: z.number().int().min(0),
  bookingOpensAt: isoDateTimeSchema,
  bookingClosesAt: isoDateTimeSchema,
  audience: z.enum(['everyone', 'invited']),
  volunteerRoles: z.array(volunteerRoleSchema),
  coverUrl: z.string().optional(),
  status: activityStatusSchema,
  cancelReason: z.string().optional(),
  /** Set when the time was changed after publishing; booked residents were told. */
  rescheduledAt: isoDateTimeSchema.optional(),
  /** A 小组 series' sessions, numbered from 1; absent for a single activity. */
  sessions: z.array(activitySessionSchema.extend({ index: z.number().int().min(1) })).optional(),
  /** A historic record brought in by `npx linli import`: the file's name (docs/import.md). */
  importedFrom: z.string().optional(),
});
export type Activity = z.infer<typeof activitySchema>;

export const bookingStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const householdMemberSchema = z.object({ name: personNameSchema });

export const bookingSchema = z.object({
  activityId: activityIdSchema,
  status: bookingStatusSchema,
  partySize: z.number().int().min(1).max(MAX_PARTY_SIZE),
  members: z.array(householdMemberSchema),
  /** 1-based place in the waitlist while waitlisted. */
  waitlistPosition: z.number().int().min(1).optional(),
  bookedAt: isoDateTimeSchema,
  cancelledAt: isoDateTimeSchema.optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const signInMethodSchema = z.enum(['scan', 'staff_scan', 'proxy', 'paper']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  scan: '扫码',
  staff_scan: '工作人员扫码',
  proxy: '代签',
  paper: '纸质签到补录',
};

export const attendanceSchema = z.object({
  activityId: activityIdSchema,
  /** How many people this record signs in: the booker plus household members. */
  headcount: z.number().int().min(1),
  signedInAt: isoDateTimeSchema,
  signedOutAt: isoDateTimeSchema.optional(),
  method: signInMethodSchema,
  annulled: z.boolean(),
  /** Which session of a 小组 series (from 1); absent for a single activity. */
  session: z.number().int().min(1).optional(),
});
export type Attendance = z.infer<typeof attendanceSchema>;
