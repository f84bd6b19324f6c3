import { z } from 'zod';
import { activityIdSchema } from '../entities/activity';
import { genderSchema, visitRoleSchema, visitTeamSchema } from '../entities/visit-team';

const personId = z.string().min(1).max(64);
const activityRef = { activityId: activityIdSchema };

/**
 * visits: the 探访人员 of a home visit (入户探访) — who went, with their gender — and whether the team
 * meets seed 000's staffing rule. For the staff of the activity's station.
 */
export const visitsActions = {
  team: {
    summary:
      '入户探访的探访人员：社工登记的社工、志愿者，以及用志愿者签到码签到的志愿者，各人性别，人员配备是否达标（至少2名社工、探访长者3名，且至少1名男性），可添加的本站人员。',
    input: z.object(activityRef).strict(),
    output: visitTeamSchema,
  },
  addMember: {
    summary: '把本站的一位社工（或站长）或已审核的志愿者登记为这次探访的探访人员；已在名单上的不重复登记。',
    input: z.object({ ...activityRef, personId, role: visitRoleSchema }).strict(),
    output: visitTeamSchema,
  },
  removeMember: {
    summary: '把社工登记的一位探访人员移出名单（记录保留移出人和时间）；用志愿者签到码签到的志愿者不能移出。',
    input: z.object({ ...activityRef, personId }).strict(),
    output: visitTeamSchema,
  },
  setGender: {
    summary:
      '登记或更正这次探访中一位探访人员（社工或志愿者）的性别：只用于核对“至少1名男性”的配备要求，记录在其社工或志愿者资料上。',
    input: z.object({ ...activityRef, personId, gender: genderSchema }).strict(),
    output: visitTeamSchema,
  },
  checks: {
    summary: '活动管理列表用：这些活动中本站入户探访的人员配备是否达标（其他活动不返回）。',
    input: z.object({ activityIds: z.array(activityIdSchema).min(1).max(50) }).strict(),
    output: z.object({
      items: z.array(z.object({ activityId: activityIdSchema, meets: z.boolean(), text: z.string() })),
    }),
  },
} as const;
