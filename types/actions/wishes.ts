import { z } from 'zod';
import { idSchema, pageInputSchema, pageSchema } from '../entities/common';
import {
  hardshipSchema,
  photoFileIdSchema,
  publicWishSchema,
  WISH_MAX_PHOTOS,
  wishDetailSchema,
  wishDraftSchema,
  wishSummarySchema,
} from '../entities/wish';

const wishId = z.string().min(1).max(64);
const reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不超过200字');
const optionalNote = z.string().trim().max(200, '不超过200字').optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** The staff inbox's tabs; each is a set of statuses (cloudfunctions/wishes/src/inbox.ts). */
export const WISH_INBOX_VIEWS = ['review', 'changes_requested', 'published', 'claimed', 'fulfilled', 'closed'] as const;
export const wishInboxViewSchema = z.enum(WISH_INBOX_VIEWS);
export type WishInboxView = z.infer<typeof wishInboxViewSchema>;

export const WISH_INBOX_VIEW_LABELS: Record<WishInboxView, string> = {
  review: '待审核',
  changes_requested: '待修改',
  published: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  closed: '已结束',
};

/** What staff may add when they write a wish down (for someone else, or to complete one). */
const staffFields = {
  /** The resident the wish is for (staff only; found with station.searchResidents). */
  beneficiaryId: idSchema.optional(),
  /** 困难类别, confidential (staff only). */
  hardship: hardshipSchema.optional(),
};

/**
 * wishes: 微心愿 — submission (by the resident, or a social worker for them), review, the
 * public wall, claims, delivery and confirmation. Every change is one allowed transition
 * (domain/wishes.ts), written as one conditional update and kept in the wish's history.
 */
export const wishesActions = {
  submit: {
    summary:
      '提交微心愿（想要什么、原因、大约价值、类别，可附照片）。社工可代居民提交（beneficiaryId）并注明困难类别。重复提交只算一次。',
    input: wishDraftSchema.extend(staffFields).strict(),
    output: wishDetailSchema,
  },
  revise: {
    summary: '社工请求修改后，提交人、本人或社工修改心愿并重新提交审核（新照片替换原有照片；不传则保留）。',
    input: wishDraftSchema
      .extend({
        wishId,
        hardship: staffFields.hardship,
        /** New photos replace the wish's; left out, the photos it has stay. */
        photoFileIds: z.array(photoFileIdSchema).max(WISH_MAX_PHOTOS, `照片最多${WISH_MAX_PHOTOS}张`).optional(),
      })
      .strict(),
    output: wishDetailSchema,
  },
  mine: {
    summary: '我的心愿（我是受助人的）：状态、每一步的记录，以及我现在可以做什么（如确认收到）。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(wishDetailSchema) }),
  },
  get: {
    summary: '一个心愿的完整信息与全部记录：仅限受助人本人与本站社工、站长。',
    input: z.object({ wishId }).strict(),
    output: wishDetailSchema,
  },
  inbox: {
    summary: '社工的心愿列表：待审核（含内容检测未通过的）、待修改、待认领、已认领、待确认、已结束。',
    input: pageInputSchema.extend({ view: wishInboxViewSchema }).strict(),
    output: pageSchema(wishSummarySchema),
  },
  summary: {
    summary: '本站心愿概况：各列表的数量，以及一段时间内点亮（确认收到）的心愿数，按片区。',
    input: z
      .object({ fromDate: day, toDate: day })
      .strict()
      .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] }),
    output: z.object({
      counts: z.record(wishInboxViewSchema, z.number().int()),
      fulfilled: z.object({
        total: z.number().int(),
        byArea: z.array(z.object({ areaId: z.string(), areaName: z.string(), count: z.number().int() })),
      }),
    }),
  },
  approve: {
    summary:
      '审核通过并发布：社工写公开标题与公开说明（不得含受助人姓名、电话、住址、困难类别），经平台内容安全检测后发布；检测未通过则转为待人工复核。',
    input: z
      .object({
        wishId,
        publicTitle: z.string().trim().min(2, '请填写公开标题').max(30, '公开标题不超过30个字'),
        publicText: z.string().trim().min(5, '请填写公开说明（至少5个字）').max(200, '公开说明不超过200字'),
      })
      .strict(),
    output: wishDetailSchema,
  },
  requestChanges: {
    summary: '请提交人修改心愿（说明要改什么）。',
    input: z.object({ wishId, reason }).strict(),
    output: wishDetailSchema,
  },
  decline: {
    summary: '不通过心愿（说明原因，提交人可以看到）。',
    input: z.object({ wishId, reason }).strict(),
    output: wishDetailSchema,
  },
  withdraw: {
    summary: '撤回心愿：本人、提交人或社工，在被认领之前。',
    input: z.object({ wishId, reason: optionalNote }).strict(),
    output: wishDetailSchema,
  },
  wall: {
    summary: '心愿墙：本站待认领的心愿（open），或我认领的心愿（mine）。不含受助人的任何个人信息。',
    input: pageInputSchema.extend({ view: z.enum(['open', 'mine']).default('open') }).strict(),
    output: pageSchema(publicWishSchema),
  },
  publicView: {
    summary: '心愿墙上的一个心愿（已发布的，或我认领的）。不含受助人的任何个人信息。',
    input: z.object({ wishId }).strict(),
    output: publicWishSchema,
  },
  claim: {
    summary: '认领一个待认领的心愿。同时认领时只有一人成功；不能认领自己的心愿。重复提交只算一次。',
    input: z.object({ wishId }).strict(),
    output: publicWishSchema,
  },
  release: {
    summary: '放弃认领（认领人或社工），心愿回到心愿墙。',
    input: z.object({ wishId, reason: optionalNote }).strict(),
    output: publicWishSchema,
  },
  fulfil: {
    summary: '登记交付（认领人或社工）：交付说明，可附照片。',
    input: z
      .object({
        wishId,
        note: z.string().trim().min(2, '请写下交付情况，例如：已送到社工站').max(200, '不超过200字'),
        photoFileIds: z.array(photoFileIdSchema).max(WISH_MAX_PHOTOS, `照片最多${WISH_MAX_PHOTOS}张`).default([]),
      })
      .strict(),
    output: publicWishSchema,
  },
  confirm: {
    summary: '确认收到（受助人本人，或社工代为确认），心愿点亮。',
    input: z.object({ wishId, note: optionalNote }).strict(),
    output: wishDetailSchema,
  },
} as const;
