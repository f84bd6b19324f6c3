import { z } from 'zod';
import { isoDateTimeSchema, roleSchema } from './common';

/**
 * A person's request about their personal data (PIPL art. 47: deletion). Exporting needs no
 * request: a person downloads their data themself at once (art. 45). A deletion request waits
 * for the station's 站长, who carries it out (or declines it, with the reason) within 15 working
 * days of the request; docs/privacy.md says what deletion erases and what is kept.
 */
export const PRIVACY_REQUEST_STATUSES = ['pending', 'completed', 'declined'] as const;
export const privacyRequestStatusSchema = z.enum(PRIVACY_REQUEST_STATUSES);
export type PrivacyRequestStatus = z.infer<typeof privacyRequestStatusSchema>;

export const PRIVACY_REQUEST_STATUS_LABELS: Record<PrivacyRequestStatus, string> = {
  pending: '待处理',
  completed: '已删除',
  declined: '未予删除',
};

/** What a deletion did, counted by what became of the records (shown to the 站长 and the person). */
export const erasureOutcomeSchema = z.object({
  /** Records removed entirely (the profile, registrations never approved, unfinished wishes …). */
  deleted: z.number().int().min(0),
  /** Records kept for the law or the service contract, with the name and contact details removed. */
  anonymised: z.number().int().min(0),
  /** Photos removed from storage. */
  files: z.number().int().min(0),
});
export type ErasureOutcome = z.infer<typeof erasureOutcomeSchema>;

/** A request as the person who made it sees it. */
export const privacyRequestSchema = z.object({
  id: z.string(),
  kind: z.literal('deletion'),
  status: privacyRequestStatusSchema,
  requestedAt: isoDateTimeSchema,
  /** The last day to answer: 15 working days after the request. */
  dueAt: isoDateTimeSchema,
  /** The person's own words, if they gave any. */
  reason: z.string().optional(),
  handledAt: isoDateTimeSchema.optional(),
  /** The 站长's answer: why it was declined, or a note on what was done. */
  note: z.string().optional(),
  outcome: erasureOutcomeSchema.optional(),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;

/** A request in the 站长's queue: who asked (their name and masked phone, as the profile has them). */
export const privacyRequestForAdminSchema = privacyRequestSchema.extend({
  /** null once the request is carried out: the name is gone with the rest. */
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  roles: z.array(roleSchema),
  /** Past its due time and still pending. */
  overdue: z.boolean(),
});
export type PrivacyRequestForAdmin = z.infer<typeof privacyRequestForAdminSchema>;

/** One value of an exported row: plain JSON a person can read in any text editor. */
export const exportValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/**
 * Everything the station holds about a person (PIPL art. 45: access and copy), as one JSON file.
 * Sections by kind of record; each row labelled in Chinese so the file reads without a manual.
 * Other people's data in these records (who reviewed, who claimed) is left out or named by role.
 */
export const personalDataExportSchema = z.object({
  format: z.literal('linli-personal-data'),
  formatVersion: z.literal(1),
  exportedAt: isoDateTimeSchema,
  /** The notice version the person agreed to. */
  consentVersion: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      rows: z.array(z.record(z.string(), exportValueSchema)),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
