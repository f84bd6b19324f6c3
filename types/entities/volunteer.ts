import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personNameSchema, phoneSchema } from './common';

/**
 * Volunteers (DOMAIN.md "Volunteers and hours"): a resident registers, staff approve, they join
 * teams, serve at activities, and their hours are recorded so that they are true, accurate,
 * complete and timely (《志愿服务记录与证明出具办法》).
 */

export const registrationStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** Skills people offer, as stations list them; free text is allowed besides. */
export const VOLUNTEER_SKILLS = [
  '陪伴探访',
  '文艺表演',
  '理发',
  '维修',
  '医护',
  '教育辅导',
  '摄影',
  '活动协助',
] as const;

/** What a resident fills in to register as a volunteer. */
export const volunteerRegistrationDraftSchema = z
  .object({
    realName: personNameSchema,
    phone: phoneSchema,
    communityId: idSchema,
    skills: z.array(z.string().trim().min(1).max(10, '每项技能不超过10个字')).max(10, '技能最多10项').default([]),
    /** When they can serve, in their words: "周末上午", "工作日晚上". */
    availability: z.string().trim().max(100, '不超过100字').default(''),
    emergencyContact: z.object({ name: personNameSchema, phone: phoneSchema }).strict(),
    /** They read the privacy notice and agree: nothing is stored without it. */
    consent: z.literal(true, { error: '请阅读并同意隐私说明' }),
  })
  .strict();
export type VolunteerRegistrationDraft = z.infer<typeof volunteerRegistrationDraftSchema>;

export const teamRefSchema = z.object({ id: z.string(), name: z.string() });

/** A volunteer as they see themself: contact details masked, like everywhere else on screen. */
export const myVolunteerSchema = z.object({
  status: registrationStatusSchema,
  /** Why the registration was not approved (they can fix it and apply again). */
  reason: z.string().optional(),
  realName: z.string(),
  phoneMasked: z.string(),
  communityId: idSchema,
  skills: z.array(z.string()),
  availability: z.string(),
  emergencyContactName: z.string(),
  emergencyPhoneMasked: z.string(),
  appliedAt: isoDateTimeSchema,
  reviewedAt: isoDateTimeSchema.optional(),
  core: z.boolean(),
  teams: z.array(teamRefSchema),
});
export type MyVolunteer = z.infer<typeof myVolunteerSchema>;

/** A volunteer in a staff list: phone masked (lists are seen over shoulders). */
export const volunteerSummarySchema = z.object({
  volunteerId: z.string(),
  realName: z.string(),
  communityName: z.string().nullable(),
  phoneMasked: z.string(),
  status: registrationStatusSchema,
  reason: z.string().optional(),
  core: z.boolean(),
  skills: z.array(z.string()),
  teams: z.array(teamRefSchema),
  appliedAt: isoDateTimeSchema,
});
export type VolunteerSummary = z.infer<typeof volunteerSummarySchema>;

/** The full record, for the staff of the volunteer's station only. */
export const volunteerDetailSchema = volunteerSummarySchema.extend({
  phone: z.string(),
  availability: z.string(),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }),
  reviewedBy: z.string().optional(),
  reviewedAt: isoDateTimeSchema.optional(),
  /** Approved hours, two decimals. */
  approvedHours: z.string(),
});
export type VolunteerDetail = z.infer<typeof volunteerDetailSchema>;

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The leader's name, if the stored leader still qualifies (an approved member). */
  leaderName: z.string().nullable(),
  memberCount: z.number().int(),
  joined: z.boolean(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamMemberSchema = z.object({
  volunteerId: z.string(),
  realName: z.string(),
  core: z.boolean(),
  leader: z.boolean(),
  joinedAt: isoDateTimeSchema,
});

/** One volunteer role of an activity, as a volunteer signs up for it. */
export const shiftSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  place: z.string(),
  startAt: isoDateTimeSchema,
  endAt: isoDateTimeSchema,
  roles: z.array(z.object({ role: z.string(), count: z.number().int(), taken: z.number().int() })),
  /** The role I signed up for, if any. */
  myRole: z.string().nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

/** A volunteer at one shift, as staff run it: sign-up, scans, and the hour entry it produced. */
export const shiftVolunteerSchema = z.object({
  volunteerId: z.string(),
  realName: z.string(),
  role: z.string().nullable(),
  signedInAt: isoDateTimeSchema.nullable(),
  signedOutAt: isoDateTimeSchema.nullable(),
  entryId: z.string().nullable(),
  entryStatus: z.enum(['pending', 'approved', 'rejected', 'superseded']).nullable(),
  /** Hours of the entry, two decimals; null while there is none or it is flagged. */
  hours: z.string().nullable(),
  flag: z.enum(['MISSING_SIGN_OUT', 'SIGN_OUT_BEFORE_SIGN_IN', 'OUTSIDE_WINDOW']).nullable(),
});
export type ShiftVolunteer = z.infer<typeof shiftVolunteerSchema>;
