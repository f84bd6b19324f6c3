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
  })
  .superRefine((d, ctx) => {
    const start = Date.parse(d.startAt);
    const end = Date.parse(d.endAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
    if (end - start > 24 * 3600 * 1000)
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '单场活动不超过24小时' });
    if (Date.parse(d.bookingClosesAt) <= Date.parse(d.bookingOpensAt)) {
      ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: '报名截止须晚于报名开始' });
    }
    if (Date.parse(d.bookingClosesAt) > start) {
      ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: '报名截止不能晚于活动开始' });
    }
  });
export type ActivityDraft = z.infer<typeof activityDraftSchema>;

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
});
export type Attendance = z.infer<typeof attendanceSchema>;
