import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * Volunteer hour entries (cloudfunctions/_shared/domain/hour-entries.ts): from the sign-in scans,
 * typed by a social worker, or reported by the volunteer. An entry counts once approved; a
 * correction is a new version and the old one stays, superseded. Hours are two decimals, as
 * strings ("1.50"), so no client ever adds binary fractions.
 */

export const hourSourceSchema = z.enum(['scan', 'manual', 'self_report']);
export const HOUR_SOURCE_LABELS: Record<z.infer<typeof hourSourceSchema>, string> = {
  scan: '扫码签到',
  manual: '社工录入',
  self_report: '本人申报',
};

export const hourStatusSchema = z.enum(['pending', 'approved', 'rejected', 'superseded']);
export const HOUR_STATUS_LABELS: Record<z.infer<typeof hourStatusSchema>, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  superseded: '已更正',
};

/** Why a scan-made entry needs a person to look before it can count. */
export const hourFlagSchema = z.enum(['MISSING_SIGN_OUT', 'SIGN_OUT_BEFORE_SIGN_IN', 'OUTSIDE_WINDOW']);
export const HOUR_FLAG_LABELS: Record<z.infer<typeof hourFlagSchema>, string> = {
  MISSING_SIGN_OUT: '缺少签退',
  SIGN_OUT_BEFORE_SIGN_IN: '签退早于签到',
  OUTSIDE_WINDOW: '不在活动时间内',
};

export const hourEventSchema = z.object({
  action: z.enum(['created', 'approved', 'rejected', 'corrected', 'superseded']),
  version: z.number().int(),
  /** Who, by name as the viewer may see it. */
  by: z.string(),
  at: isoDateTimeSchema,
  reason: z.string().optional(),
  /** For a correction: hours before and after, two decimals. */
  fromHours: z.string().optional(),
  toHours: z.string().optional(),
});

export const hourEntrySchema = z.object({
  id: z.string(),
  rootId: z.string(),
  version: z.number().int(),
  volunteerId: z.string(),
  /** The volunteer's name (staff views) — the volunteer's own view shows their own. */
  volunteerName: z.string(),
  source: hourSourceSchema,
  status: hourStatusSchema,
  flag: hourFlagSchema.nullable(),
  /** What the service was: the activity's title, or the description typed. */
  content: z.string(),
  activityId: z.string().nullable(),
  teamName: z.string().nullable(),
  servedAt: isoDateTimeSchema,
  /** The interval served, where known (scans, entries with times). */
  startAt: isoDateTimeSchema.nullable(),
  endAt: isoDateTimeSchema.nullable(),
  minutes: z.number().int(),
  hours: z.string(),
  note: z.string().nullable(),
  /** A short-lived link to the photo sent with a self-report, for those who may see it. */
  photoUrl: z.string().nullable(),
  /** A correction the volunteer asked for and its answer. */
  correctionRequest: z
    .object({
      reason: z.string(),
      requestedAt: isoDateTimeSchema,
      answer: z.enum(['open', 'corrected', 'declined']),
      answerNote: z.string().nullable(),
    })
    .nullable(),
  history: z.array(hourEventSchema),
});
export type HourEntryView = z.infer<typeof hourEntrySchema>;

export const hoursBucketSchema = z.object({ label: z.string(), hours: z.string() });

export const myHoursSchema = z.object({
  /** Approved hours, overlaps counted once, two decimals. */
  totalHours: z.string(),
  yearHours: z.string(),
  pendingHours: z.string(),
  byMonth: z.array(hoursBucketSchema),
  byTeam: z.array(hoursBucketSchema),
  byActivity: z.array(hoursBucketSchema),
  entries: z.array(hourEntrySchema),
});
export type MyHours = z.infer<typeof myHoursSchema>;

/** 志愿服务记录证明 as issued: what it states, its number and verification code. */
export const certificateSchema = z.object({
  number: z.string(),
  code: z.string(),
  title: z.string(),
  volunteer: z.object({ name: z.string(), idMasked: z.string() }),
  rows: z.array(z.object({ date: z.string(), content: z.string(), hours: z.string() })),
  totalHours: z.string(),
  station: z.string(),
  issuedOn: z.string(),
  statement: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;
