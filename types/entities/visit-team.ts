import { z } from 'zod';
import { activityIdSchema, activityKindSchema, serviceAreaSchema } from './activity';
import { isoDateTimeSchema } from './common';

/**
 * Who went on a home visit (入户探访) — the 探访人员 — and whether the team meets seed 000's
 * staffing rule: 每次入户社工人数不低于2人（长者居家探访3人），且至少配备1名男性社工或志愿者. The rule
 * itself is cloudfunctions/_shared/domain/home-visits.ts; this is what the app is told.
 */

/**
 * A social worker's or a visiting volunteer's gender. Collected ONLY from staff and volunteers,
 * ONLY to check the staffing rule above (at least one man on a home visit), recorded by a social
 * worker in the visit's 探访人员 section; never asked of residents, never shown outside that section.
 */
export const genderSchema = z.enum(['male', 'female']);
export type Gender = z.infer<typeof genderSchema>;
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** 社工 (the station's social workers and its 站长) or 志愿者. */
export const visitRoleSchema = z.enum(['staff', 'volunteer']);
export type VisitRole = z.infer<typeof visitRoleSchema>;
export const VISIT_ROLE_LABELS: Record<VisitRole, string> = { staff: '社工', volunteer: '志愿者' };

/**
 * How a member came to be on the team: recorded by staff, or signed in with the volunteer code at
 * the visit (the volunteer's own scan is the record: it is not asked again, and not removed here).
 */
export const visitMemberSourceSchema = z.enum(['recorded', 'signed_in']);

export const visitMemberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: visitRoleSchema,
  roleLabel: z.string(),
  /** null: not recorded yet (does not count as a man). */
  gender: genderSchema.nullable(),
  genderLabel: z.string(),
  source: visitMemberSourceSchema,
  /** 社工登记 or 志愿者签到. */
  sourceLabel: z.string(),
  /** Staff may take a recorded member off; a volunteer's sign-in stays. */
  removable: z.boolean(),
});
export type VisitMember = z.infer<typeof visitMemberSchema>;

/** The staffing check in numbers and in words. */
export const staffingCheckSchema = z.object({
  meets: z.boolean(),
  staff: z.number().int(),
  volunteers: z.number().int(),
  men: z.number().int(),
  unknownGender: z.number().int(),
  /** Social workers the rule asks for: 2, or 3 when visiting an elder. */
  requiredStaff: z.number().int(),
  /** "社工2人、志愿者1人，含男性1人；探访长者需社工3人 — 未达标". */
  text: z.string(),
});
export type StaffingCheck = z.infer<typeof staffingCheckSchema>;

export const visitTeamSchema = z.object({
  activity: z.object({
    id: activityIdSchema,
    title: z.string(),
    kind: activityKindSchema,
    serviceArea: serviceAreaSchema,
    startAt: isoDateTimeSchema,
    endAt: isoDateTimeSchema,
    status: z.enum(['published', 'cancelled']),
  }),
  /** Whether the visit is to an elder (the activity's service area is 长者): the rule asks 3 social workers. */
  visitsElder: z.boolean(),
  /** The rule as it applies to this visit, in words. */
  rule: z.string(),
  members: z.array(visitMemberSchema),
  check: staffingCheckSchema,
  /** Who can be added: the station's staff and approved volunteers not on the team yet, by name. */
  candidates: z.object({
    staff: z.array(z.object({ personId: z.string(), name: z.string() })),
    volunteers: z.array(z.object({ personId: z.string(), name: z.string() })),
  }),
});
export type VisitTeam = z.infer<typeof visitTeamSchema>;
