import { z } from 'zod';
import { idSchema, personNameSchema, phoneSchema } from '../entities/common';
import { profileSchema } from '../entities/user';
import { areaSchema, communitySchema } from '../entities/station';
import { privacyRequestForAdminSchema, privacyRequestSchema } from '../entities/privacy';
import { generatedFileSchema } from '../files';
import { guardianProblems } from '../privacy';

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

export const saveProfileInput = z
  .object({
    name: personNameSchema,
    stationId: idSchema,
    communityId: idSchema,
    /** Optional: many elders share a family phone or have none. Empty string clears it. */
    phone: z.union([phoneSchema, z.literal('')]).optional(),
    /** The privacy notice must be accepted before anything personal is stored. */
    consent: z.literal(true, { error: '请先阅读并同意隐私保护指引' }),
    /** Under 14: the only thing asked about age (not a birth date: minimum collection). */
    minor: z.boolean().default(false),
    /** A minor's guardian, who agrees for them; absent for everyone else (guardianProblems). */
    guardian: z
      .object({
        name: z.string().trim().max(20, '姓名不超过20个字'),
        phone: z.union([phoneSchema, z.literal('')]),
        consent: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const problem of guardianProblems(input.minor, input.guardian)) {
      ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
    }
  });
export type SaveProfileInput = z.input<typeof saveProfileInput>;

/** Agreeing to the notice in force (after it changed), from the notice page's 同意. */
export const acceptPrivacyInput = z
  .object({
    /** The version the person read: agreeing to an older text than the one in force is refused. */
    version: z.string().min(1).max(20),
    /** A minor's guardian agrees for them, on the same screen. */
    guardianConsent: z.boolean().optional(),
  })
  .strict();

export const requestDeletionInput = z.object({ reason: z.string().trim().max(200, '不超过200字').optional() }).strict();

export const handleDataRequestInput = z
  .object({
    requestId: z.string().min(1).max(80),
    /** erase: carry the deletion out; decline: refuse it, saying why (PIPL art. 50). */
    decision: z.enum(['erase', 'decline']),
    note: z.string().trim().max(200, '不超过200字').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.decision === 'decline' && !input.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请说明不予删除的原因' });
    }
  });

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
    summary:
      '首次使用时建立资料（须同意隐私保护指引；未满14周岁须填写监护人并由其同意），之后修改资料。保存即同意当前版本的指引。',
    input: saveProfileInput,
    output: profileSchema,
  },
  acceptPrivacy: {
    summary: '同意当前版本的隐私保护指引（指引更新后，须同意才能继续提交个人信息）；未满14周岁须监护人同意。',
    input: acceptPrivacyInput,
    output: profileSchema,
  },
  exportMyData: {
    summary:
      '导出本站保存的关于我的全部信息（资料、报名、签到、志愿者登记与时长、心愿、反馈、意见表），生成一个 JSON 文件（格式见 docs/privacy.md），返回10分钟内有效的下载链接。',
    input: z.object({}).strict(),
    output: generatedFileSchema,
  },
  requestDeletion: {
    summary: '申请删除我的个人信息（注销）。站长须在15个工作日内处理；已有待处理的申请时返回该申请。',
    input: requestDeletionInput,
    output: privacyRequestSchema,
  },
  myDataRequests: {
    summary: '我的删除申请及其处理状态（删除完成后仍可查看结果）。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(privacyRequestSchema) }),
  },
  dataRequests: {
    summary: '站长查看本站的个人信息删除申请（待处理的在前，含到期日与是否逾期）。',
    input: z.object({ status: z.enum(['pending', 'all']).default('pending') }).strict(),
    output: z.object({ items: z.array(privacyRequestForAdminSchema) }),
  },
  handleDataRequest: {
    summary:
      '站长处理删除申请：执行删除（删除或去标识化个人信息，依法须保留的记录去除姓名联系方式后保留），或说明原因不予删除。',
    input: handleDataRequestInput,
    output: privacyRequestForAdminSchema,
  },
  redeemInvitation: {
    summary: '兑换邀请码，成为该社工站的社工或站长。',
    input: redeemInvitationInput.strict(),
    output: profileSchema,
  },
} as const;
