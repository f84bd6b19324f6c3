import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personNameSchema, roleSchema } from './common';

/**
 * What a user sees of themself. `phoneMasked` only: the full number is never sent back to the
 * client after it is saved (the owner typed it; staff who need it use staff-only actions).
 */
export const profileSchema = z.object({
  openid: z.string(),
  name: personNameSchema,
  stationId: idSchema,
  /** null after a staff member moved to another station, until they pick their community. */
  communityId: idSchema.nullable(),
  roles: z.array(roleSchema),
  phoneMasked: z.string().optional(),
  consentAt: isoDateTimeSchema,
  /** The privacy notice version agreed to (types/privacy.ts): a newer one must be agreed to again. */
  consentVersion: z.string(),
  /** Under 14: a guardian consented for them (PIPL art. 31). */
  minor: z.boolean(),
  /** The guardian, for a minor: their name, and their phone masked like everyone's. */
  guardian: z.object({ name: z.string(), phoneMasked: z.string() }).optional(),
  demo: z.boolean().default(false),
});
export type Profile = z.infer<typeof profileSchema>;

/** Staff and other users as listed to an admin: masked, no contact details. */
export const memberSummarySchema = z.object({
  openid: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  communityId: idSchema.nullable(),
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

export const invitationSchema = z.object({
  code: z.string(),
  stationId: idSchema,
  role: z.enum(['social_worker', 'admin']),
  expiresAt: isoDateTimeSchema,
  usedBy: z.string().optional(),
  usedAt: isoDateTimeSchema.optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** A resident as staff pick them from a search or a list: phone as its last four digits only. */
export const personRefSchema = z.object({
  personId: z.string(),
  name: z.string(),
  communityName: z.string().nullable(),
  phoneTail: z.string().nullable(),
});
export type PersonRef = z.infer<typeof personRefSchema>;
