import { z } from 'zod';
import { activityIdSchema } from '../entities/activity';
import {
  myVolunteerSchema,
  registrationStatusSchema,
  shiftSchema,
  shiftVolunteerSchema,
  teamMemberSchema,
  teamSchema,
  volunteerDetailSchema,
  volunteerRegistrationDraftSchema,
  volunteerSummarySchema,
} from '../entities/volunteer';

const volunteerRef = z.object({ volunteerId: z.string().min(1).max(64) }).strict();
const teamRef = z.object({ teamId: z.string().min(1).max(64) }).strict();
const teamName = z.string().trim().min(2, '队名至少2个字').max(20, '队名不超过20个字');

/** volunteer: registration and review, teams, and shifts (an activity's volunteer roles). */
export const volunteerActions = {
  register: {
    summary:
      '注册成为本站志愿者（实名、手机、社区、技能、可服务时间、紧急联系人，并同意隐私说明）；未通过的可修改后重新申请。',
    input: volunteerRegistrationDraftSchema,
    output: myVolunteerSchema,
  },
  me: {
    summary: '我的志愿者登记：审核状态（未通过时的原因）、所在队伍、是否骨干。',
    input: z.object({}).strict(),
    output: z.object({ volunteer: myVolunteerSchema.nullable() }),
  },
  registrations: {
    summary: '社工查看本站志愿者登记（可按状态筛选），手机号打码。',
    input: z.object({ status: registrationStatusSchema.optional() }).strict(),
    output: z.object({ items: z.array(volunteerSummarySchema) }),
  },
  detail: {
    summary: '社工查看一位志愿者的完整资料（含手机与紧急联系人），仅限本站社工与站长。',
    input: volunteerRef,
    output: volunteerDetailSchema,
  },
  review: {
    summary: '审核志愿者登记：通过，或不通过并说明原因。重复提交同一决定不会重复处理。',
    input: z
      .object({
        volunteerId: z.string().min(1).max(64),
        decision: z.enum(['approve', 'reject']),
        reason: z.string().trim().max(100).optional(),
      })
      .strict(),
    output: volunteerSummarySchema,
  },
  setCore: {
    summary: '标记或取消骨干志愿者。',
    input: z.object({ volunteerId: z.string().min(1).max(64), core: z.boolean() }).strict(),
    output: volunteerSummarySchema,
  },
  teams: {
    summary: '本站的志愿服务队：队名、队长、人数，以及我是否已加入。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(teamSchema) }),
  },
  createTeam: {
    summary: '新建志愿服务队（社工、站长）。',
    input: z.object({ name: teamName }).strict(),
    output: teamSchema,
  },
  teamMembers: {
    summary: '队员名单（社工、站长与队长可看）。',
    input: teamRef,
    output: z.object({ team: teamSchema, members: z.array(teamMemberSchema) }),
  },
  setTeamLeader: {
    summary: '指定队长：须为本队已审核通过的志愿者。',
    input: z.object({ teamId: z.string().min(1).max(64), volunteerId: z.string().min(1).max(64) }).strict(),
    output: teamSchema,
  },
  joinTeam: {
    summary: '加入志愿服务队（已审核通过的志愿者）。',
    input: teamRef,
    output: teamSchema,
  },
  leaveTeam: {
    summary: '退出志愿服务队。',
    input: teamRef,
    output: teamSchema,
  },
  shifts: {
    summary: '即将开始、需要志愿者的活动岗位，各岗位已报名人数，以及我报的岗位。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(shiftSchema) }),
  },
  signUp: {
    summary: '报名活动的志愿者岗位（每场一个岗位；满员时提示）。重复提交只算一次。',
    input: z.object({ activityId: activityIdSchema, role: z.string().trim().min(1).max(20) }).strict(),
    output: shiftSchema,
  },
  cancelSignUp: {
    summary: '取消志愿者岗位报名（活动开始前）。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: shiftSchema,
  },
  shiftRoster: {
    summary: '社工查看一场活动的志愿者：岗位、签到签退、时长记录及其状态。',
    input: z.object({ activityId: activityIdSchema }).strict(),
    output: z.object({
      activityId: activityIdSchema,
      roles: z.array(z.object({ role: z.string(), count: z.number().int(), taken: z.number().int() })),
      volunteers: z.array(shiftVolunteerSchema),
    }),
  },
} as const;
