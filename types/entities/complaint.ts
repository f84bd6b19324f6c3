import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * 意见、建议与投诉 (cloudfunctions/_shared/domain/complaints.ts, docs/feedback.md). What a view
 * shows depends on who reads it: the sender's identity only for the handling staff, photos
 * only for the sender and the handling staff, never to the staff member it is about.
 */

export const complaintCategorySchema = z.enum(['opinion', 'suggestion', 'complaint']);
export type ComplaintCategory = z.infer<typeof complaintCategorySchema>;
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  opinion: '意见',
  suggestion: '建议',
  complaint: '投诉',
};

export const complaintStatusSchema = z.enum(['received', 'assigned', 'replied', 'closed', 'reopened']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已收到',
  assigned: '处理中',
  replied: '已答复',
  closed: '已结束',
  reopened: '重新处理中',
};

/** Computed by the function at read time, on its own clock. */
export const complaintUrgencySchema = z.enum(['overdue', 'due_soon', 'waiting', 'replied', 'closed']);
export type ComplaintUrgency = z.infer<typeof complaintUrgencySchema>;
export const COMPLAINT_URGENCY_LABELS: Record<ComplaintUrgency, string> = {
  overdue: '已超时',
  due_soon: '即将到期',
  waiting: '待答复',
  replied: '已答复',
  closed: '已结束',
};

export const complaintStepSchema = z.enum(['receive', 'assign', 'reassign', 'reply', 'close', 'reopen']);
export const COMPLAINT_STEP_LABELS: Record<z.infer<typeof complaintStepSchema>, string> = {
  receive: '提交',
  assign: '指派',
  reassign: '改派',
  reply: '答复',
  close: '结束',
  reopen: '重新打开',
};

export const complaintEventSchema = z.object({
  step: complaintStepSchema,
  /** Who, as the viewer may see them: a name, 系统, or 匿名居民. */
  by: z.string(),
  at: isoDateTimeSchema,
  note: z.string().nullable(),
  /** assign / reassign: to whom. */
  handlerName: z.string().nullable(),
});
export type ComplaintEventView = z.infer<typeof complaintEventSchema>;

/** What a complaint is about, if anything: an activity, a staff member, or both. */
export const complaintAboutSchema = z.object({
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  staffName: z.string().nullable(),
});

/** What the viewer may do now (the function decides again on every call). */
export const complaintAbilitiesSchema = z.object({
  reply: z.boolean(),
  close: z.boolean(),
  reopen: z.boolean(),
  reassign: z.boolean(),
});

export const complaintSchema = z.object({
  id: z.string(),
  category: complaintCategorySchema,
  status: complaintStatusSchema,
  urgency: complaintUrgencySchema,
  text: z.string(),
  anonymous: z.boolean(),
  about: complaintAboutSchema,
  /** The sender, for the handling staff (and the sender); null when withheld from this viewer. */
  sender: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  /** The named person handling it; null while nobody is. */
  handlerName: z.string().nullable(),
  /** Staff views only (for reassignment); null for the sender. */
  handlerId: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  /** When the reply is (or was) due: received + 2 days, or reopened + 2 days. */
  dueAt: isoDateTimeSchema,
  reply: z.string().nullable(),
  repliedAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  /** Until when the sender may reopen it; null when not (not replied, or the window passed). */
  reopenUntil: isoDateTimeSchema.nullable(),
  /** Short-lived links to the photos, for the sender and the handling staff. */
  photoUrls: z.array(z.string()),
  history: z.array(complaintEventSchema),
  can: complaintAbilitiesSchema,
  /** Who of the staff read it and when (the 站长's view only; the audit log). */
  reads: z.array(z.object({ by: z.string(), at: isoDateTimeSchema })).nullable(),
});
export type ComplaintView = z.infer<typeof complaintSchema>;

/**
 * A row of the sender's list or the staff inbox. No sender, and for staff no text: reading the
 * text is reading the complaint, which is audited (the detail).
 */
export const complaintSummarySchema = z.object({
  id: z.string(),
  category: complaintCategorySchema,
  /** The start of the text, in the sender's own list only; null in the staff inbox. */
  excerpt: z.string().nullable(),
  status: complaintStatusSchema,
  urgency: complaintUrgencySchema,
  about: complaintAboutSchema,
  anonymous: z.boolean(),
  handlerName: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  dueAt: isoDateTimeSchema,
  repliedAt: isoDateTimeSchema.nullable(),
  /** Reopened at least once. */
  reopened: z.boolean(),
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;
