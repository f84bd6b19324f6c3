import { z } from 'zod';
import { idSchema } from '../entities/common';
import { stationSchema } from '../entities/station';
import { invitationSchema, memberSummarySchema } from '../entities/user';

const placeName = z.string().trim().min(1, '请填写名称').max(30, '名称不超过30个字');

export const stationActions = {
  get: { input: z.object({}).strict(), output: stationSchema },
  addArea: { input: z.object({ name: placeName }).strict(), output: stationSchema },
  renameArea: { input: z.object({ areaId: idSchema, name: placeName }).strict(), output: stationSchema },
  addCommunity: {
    input: z.object({ areaId: idSchema, name: placeName }).strict(),
    output: stationSchema,
  },
  renameCommunity: {
    input: z.object({ communityId: idSchema, name: placeName }).strict(),
    output: stationSchema,
  },
  createInvitation: {
    input: z.object({ role: z.enum(['social_worker', 'admin']) }).strict(),
    output: invitationSchema,
  },
  listInvitations: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(invitationSchema) }),
  },
  listMembers: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(memberSummarySchema) }),
  },
} as const;
