import { z } from 'zod';
import { idSchema, personNameSchema, phoneSchema } from '../entities/common';
import { profileSchema } from '../entities/user';
import { areaSchema, communitySchema } from '../entities/station';

/** A station as anyone may see it when choosing where they live. */
export const stationDirectoryEntrySchema = z.object({
  id: idSchema,
  name: z.string(),
  areas: z.array(areaSchema),
  communities: z.array(communitySchema),
});
export type StationDirectoryEntry = z.infer<typeof stationDirectoryEntrySchema>;

export const meOutput = z.object({
  /** null until the caller has saved a profile (first use). */
  profile: profileSchema.nullable(),
  station: stationDirectoryEntrySchema.nullable(),
});

export const listStationsOutput = z.object({ items: z.array(stationDirectoryEntrySchema) });

export const saveProfileInput = z.object({
  name: personNameSchema,
  stationId: idSchema,
  communityId: idSchema,
  /** Optional: many elders share a family phone or have none. Empty string clears it. */
  phone: z.union([phoneSchema, z.literal('')]).optional(),
  /** The privacy notice must be accepted before anything personal is stored. */
  consent: z.literal(true, { error: '请先阅读并同意隐私保护指引' }),
});
export type SaveProfileInput = z.infer<typeof saveProfileInput>;

export const redeemInvitationInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '邀请码为8位字母或数字'),
});

export const accountActions = {
  me: {
    summary: '当前用户的资料与所属社工站；首次使用时 profile 为 null。',
    input: z.object({}).strict(),
    output: meOutput,
  },
  listStations: {
    summary: '全部社工站及其片区、社区，供新用户选择所在社区。',
    input: z.object({}).strict(),
    output: listStationsOutput,
  },
  saveProfile: {
    summary: '首次使用时建立资料（须同意隐私保护指引），之后修改资料。',
    input: saveProfileInput.strict(),
    output: profileSchema,
  },
  redeemInvitation: {
    summary: '兑换邀请码，成为该社工站的社工或站长。',
    input: redeemInvitationInput.strict(),
    output: profileSchema,
  },
} as const;
