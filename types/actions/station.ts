import { z } from 'zod';
import { idSchema } from '../entities/common';
import { stationSchema } from '../entities/station';
import { invitationSchema, memberSummarySchema, personRefSchema } from '../entities/user';

const placeName = z.string().trim().min(1, '请填写名称').max(30, '名称不超过30个字');

export const stationActions = {
  get: {
    summary: '本站信息（片区、社区）。',
    input: z.object({}).strict(),
    output: stationSchema,
  },
  addArea: {
    summary: '新增片区。',
    input: z.object({ name: placeName }).strict(),
    output: stationSchema,
  },
  renameArea: {
    summary: '重命名片区。',
    input: z.object({ areaId: idSchema, name: placeName }).strict(),
    output: stationSchema,
  },
  addCommunity: {
    summary: '在片区下新增社区。',
    input: z.object({ areaId: idSchema, name: placeName }).strict(),
    output: stationSchema,
  },
  renameCommunity: {
    summary: '重命名社区。',
    input: z.object({ communityId: idSchema, name: placeName }).strict(),
    output: stationSchema,
  },
  createInvitation: {
    summary: '生成一次性邀请码（7天有效）。',
    input: z.object({ role: z.enum(['social_worker', 'admin']) }).strict(),
    output: invitationSchema,
  },
  listInvitations: {
    summary: '最近的邀请码及使用情况。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(invitationSchema) }),
  },
  listMembers: {
    summary: '本站工作人员（不含联系方式）。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(memberSummarySchema) }),
  },
  searchResidents: {
    summary: '按姓名或手机尾号查找本站居民（邀请名单、签到卡等用），最多20条。',
    input: z.object({ query: z.string().trim().min(1, '请输入姓名或手机尾号').max(20) }).strict(),
    output: z.object({ items: z.array(personRefSchema) }),
  },
} as const;
