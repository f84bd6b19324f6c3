import { z } from 'zod';
import { uploadedFileIdSchema } from '../files';
import { isoDateTimeSchema } from './common';

/**
 * 微心愿 (DOMAIN.md "微心愿"): a person in hardship states a small, concrete wish — often a social
 * worker writes it down for them. Staff review it and publish it WITHOUT personal details; a
 * volunteer, donor or company claims it, delivers it with evidence, and the beneficiary (or staff
 * for them) confirms. The rules — which transition, by whom, and what public text may say — live
 * in cloudfunctions/_shared/domain/wishes.ts and wish-public-text.ts.
 *
 * Two kinds of view, never mixed: `WishDetail` (the beneficiary and their station's staff: who
 * it is for, why, the full history) and `PublicWish` (everyone else at the station: the public
 * title and text, category, value, community — nothing that names or locates the beneficiary).
 */

export const WISH_STATUSES = [
  'submitted',
  'changes_requested',
  'approved',
  'held',
  'published',
  'claimed',
  'fulfilled',
  'confirmed',
  'declined',
  'withdrawn',
] as const;
export const wishStatusSchema = z.enum(WISH_STATUSES);
export type WishStatus = z.infer<typeof wishStatusSchema>;

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  submitted: '待审核',
  changes_requested: '待修改',
  approved: '已通过',
  held: '待人工复核',
  published: '待认领',
  claimed: '已认领',
  fulfilled: '已交付',
  confirmed: '已点亮',
  declined: '未通过',
  withdrawn: '已撤回',
};

export const WISH_ACTIONS = [
  'submit',
  'revise',
  'request_changes',
  'approve',
  'publish',
  'hold',
  'decline',
  'withdraw',
  'claim',
  'release',
  'fulfil',
  'confirm',
] as const;
export const wishActionSchema = z.enum(WISH_ACTIONS);
export type WishAction = z.infer<typeof wishActionSchema>;

export const WISH_ACTION_LABELS: Record<WishAction, string> = {
  submit: '提交心愿',
  revise: '修改后重新提交',
  request_changes: '请求修改',
  approve: '审核通过',
  publish: '发布',
  hold: '内容检测未通过，待人工复核',
  decline: '未通过',
  withdraw: '撤回',
  claim: '认领',
  release: '放弃认领',
  fulfil: '登记交付',
  confirm: '确认收到',
};

/** In what capacity someone acted on a wish, as the history records it. */
export const WISH_ROLES = ['beneficiary', 'submitter', 'staff', 'claimer', 'member', 'system'] as const;
export const wishRoleSchema = z.enum(WISH_ROLES);
export type WishRole = z.infer<typeof wishRoleSchema>;

export const WISH_ROLE_LABELS: Record<WishRole, string> = {
  beneficiary: '本人',
  submitter: '提交人',
  staff: '社工',
  claimer: '认领人',
  member: '认领人',
  system: '系统',
};

export const WISH_CATEGORIES = ['daily_goods', 'study', 'health', 'home_repair', 'companionship', 'other'] as const;
export const wishCategorySchema = z.enum(WISH_CATEGORIES);
export type WishCategory = z.infer<typeof wishCategorySchema>;

export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  daily_goods: '生活用品',
  study: '学习用品',
  health: '康复健康',
  home_repair: '家居维修',
  companionship: '陪伴探访',
  other: '其他',
};

/**
 * 困难类别: why the person qualifies for help. Confidential (seed 002 信息保密制度): set by staff,
 * shown only to staff and the person, and never allowed in public text.
 */
export const HARDSHIP_CATEGORIES = [
  'subsistence',
  'extreme_poverty',
  'low_income',
  'disability',
  'lonely_elder',
  'child_in_difficulty',
  'serious_illness',
  'other',
] as const;
export const hardshipSchema = z.enum(HARDSHIP_CATEGORIES);
export type Hardship = z.infer<typeof hardshipSchema>;

export const HARDSHIP_LABELS: Record<Hardship, string> = {
  subsistence: '低保对象',
  extreme_poverty: '特困供养',
  low_income: '低收入家庭',
  disability: '残疾人',
  lonely_elder: '独居孤寡长者',
  child_in_difficulty: '困境儿童',
  serious_illness: '重病患者',
  other: '其他困难',
};

/** 微心愿 are small: a rough value in whole yuan, up to this. Larger needs go to case work. */
export const WISH_MAX_VALUE = 2000;
/** Photos per wish and per delivery. */
export const WISH_MAX_PHOTOS = 3;

/** A file id from the photo upload (types/files.ts); the function checks it is the caller's own. */
export const photoFileIdSchema = uploadedFileIdSchema;

/** What a resident (or a social worker for them) writes. */
export const wishDraftSchema = z
  .object({
    /** What is wished for, concretely: 一台电饭煲, 孙子的书包和文具. */
    what: z.string().trim().min(2, '请写下心愿，例如：一台电饭煲').max(30, '心愿不超过30个字'),
    /** Why: the story, for the social worker. Never published. */
    why: z.string().trim().min(5, '请简单说明原因（至少5个字）').max(300, '原因不超过300字'),
    /** Rough value in yuan. */
    estimatedValue: z
      .number({ error: '请填写大约价值' })
      .int('请填写整数金额')
      .min(1, '请填写大约价值')
      .max(WISH_MAX_VALUE, `微心愿的价值不超过${WISH_MAX_VALUE}元`),
    category: wishCategorySchema,
    photoFileIds: z.array(photoFileIdSchema).max(WISH_MAX_PHOTOS, `照片最多${WISH_MAX_PHOTOS}张`).default([]),
  })
  .strict();
export type WishDraft = z.infer<typeof wishDraftSchema>;

/** One step of a wish's life: who (by name as the viewer may see it), in what capacity, when. */
export const wishEventSchema = z.object({
  action: wishActionSchema,
  from: wishStatusSchema.nullable(),
  to: wishStatusSchema,
  by: z.string(),
  role: wishRoleSchema,
  at: isoDateTimeSchema,
  note: z.string().nullable(),
});
export type WishEventView = z.infer<typeof wishEventSchema>;

/** The full wish: for its beneficiary and the staff of its station only. */
export const wishDetailSchema = z.object({
  id: z.string(),
  status: wishStatusSchema,
  what: z.string(),
  why: z.string(),
  estimatedValue: z.number().int(),
  category: wishCategorySchema,
  /** Short-lived links to the wish's photos. */
  photoUrls: z.array(z.string()),
  hardship: hardshipSchema.nullable(),
  beneficiary: z.object({
    personId: z.string(),
    name: z.string(),
    communityName: z.string().nullable(),
    phoneTail: z.string().nullable(),
  }),
  /** Who wrote it down: the beneficiary, or the social worker for them. */
  submittedByName: z.string(),
  onBehalf: z.boolean(),
  publicTitle: z.string().nullable(),
  publicText: z.string().nullable(),
  /** Why staff asked for changes or declined; why the content check held it. */
  reviewNote: z.string().nullable(),
  claimerName: z.string().nullable(),
  claimedAt: isoDateTimeSchema.nullable(),
  delivery: z.object({ note: z.string(), photoUrls: z.array(z.string()), fulfilledAt: isoDateTimeSchema }).nullable(),
  confirmedAt: isoDateTimeSchema.nullable(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  history: z.array(wishEventSchema),
  /** What the viewer may do now (the domain's transition table applied to them). */
  can: z.array(wishActionSchema),
});
export type WishDetail = z.infer<typeof wishDetailSchema>;

/** A wish in the staff inbox: enough to pick it; the beneficiary's name only (staff see it). */
export const wishSummarySchema = z.object({
  id: z.string(),
  status: wishStatusSchema,
  what: z.string(),
  category: wishCategorySchema,
  estimatedValue: z.number().int(),
  beneficiaryName: z.string(),
  communityName: z.string().nullable(),
  onBehalf: z.boolean(),
  claimerName: z.string().nullable(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type WishSummary = z.infer<typeof wishSummarySchema>;

/** The public statuses: what the wall may show of a wish's progress. */
export const publicWishStatusSchema = z.enum(['published', 'claimed', 'fulfilled', 'confirmed']);

/**
 * A published wish as the station sees it (心愿墙). Built by a projection that never reads the
 * beneficiary's fields (cloudfunctions/wishes/src/public-view.ts): no name, phone, address,
 * hardship, story or photo of theirs.
 */
export const publicWishSchema = z.object({
  id: z.string(),
  status: publicWishStatusSchema,
  title: z.string(),
  text: z.string(),
  category: wishCategorySchema,
  estimatedValue: z.number().int(),
  communityName: z.string().nullable(),
  /** The social worker to contact about delivery. */
  contactName: z.string().nullable(),
  publishedAt: isoDateTimeSchema,
  claimedByMe: z.boolean(),
  /** The claimer's name, masked (赵**): the wall is seen by the whole station. */
  claimerName: z.string().nullable(),
  /** For the claimer only: what they recorded as delivered. */
  delivery: z.object({ note: z.string(), photoUrls: z.array(z.string()), fulfilledAt: isoDateTimeSchema }).nullable(),
  can: z.array(wishActionSchema),
});
export type PublicWish = z.infer<typeof publicWishSchema>;
