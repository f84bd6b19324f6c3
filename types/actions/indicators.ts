import { z } from 'zod';
import { idSchema } from '../entities/common';
import { contractDraftSchema, contractTemplateSchema } from '../entities/indicators';
import {
  contractSchema,
  contractSummarySchema,
  dashboardSchema,
  drillDownSchema,
  driftSchema,
  manualCountSchema,
  rollupMonthSchema,
} from '../entities/indicator-report';

const contractId = z.string().min(1).max(64);
const indicatorId = z.string().regex(/^[a-z0-9_-]{1,40}$/, '指标编号格式不正确');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
/** Cloud storage file ids of evidence photos (uploaded by the mini-program first). */
const photoFileIds = z.array(z.string().min(1).max(300)).max(9, '照片最多9张').default([]);
/** Counts and amounts as written on 台账: not negative, at most two decimals. */
const countValue = z
  .number()
  .min(0, '数量不能为负数')
  .max(100_000_000, '数量过大')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '最多保留两位小数' });
const evidenceNote = z.string().trim().min(2, '请写明佐证（如台账名称、活动名称）').max(200, '不超过200字');

/** indicators: contracts, their indicators and the completion table (DOMAIN.md "Completion tables"). */
export const indicatorsActions = {
  contracts: {
    summary: '本站的项目合同列表（社工可查看）；默认不含已归档的。',
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(contractSummarySchema) }),
  },
  contract: {
    summary: '一份合同的全部内容：期限、片区、计数设置、指标与协议量。',
    input: z.object({ contractId }).strict(),
    output: contractSchema,
  },
  createContract: {
    summary: '站长录入一份合同（期限、片区、计数设置、指标与协议量）。',
    input: z.object({ draft: contractDraftSchema }).strict(),
    output: contractSchema,
  },
  updateContract: {
    summary: '站长修改合同；须带上读取时的版本号，期间被他人修改则提示刷新。',
    input: z.object({ contractId, version: z.number().int().min(1), draft: contractDraftSchema }).strict(),
    output: contractSchema,
  },
  archiveContract: {
    summary: '站长归档合同：不再出现在列表中，记录保留，不能再修改或填报。',
    input: z.object({ contractId }).strict(),
    output: contractSchema,
  },
  templates: {
    summary: '可直接套用的合同模板（由评估文件的指标表转录），含全部指标。',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(contractTemplateSchema) }),
  },
  createFromTemplate: {
    summary: '站长套用模板建合同：把模板的片区对应到本站片区，可改名称与期限。',
    input: z
      .object({
        templateId: z.string().regex(/^[a-z0-9-]{1,40}$/),
        name: z.string().trim().min(2).max(60).optional(),
        periodStart: day.optional(),
        periodEnd: day.optional(),
        /** Template 片区 id → this station's 片区 id; every 片区 the template names must be mapped. */
        areaMap: z.record(z.string(), idSchema).default({}),
      })
      .strict(),
    output: contractSchema,
  },
  recordCount: {
    summary: '为手工填报的指标录入一条数量（附佐证说明，可附照片），记录录入人与日期。',
    input: z
      .object({
        contractId,
        indicatorId,
        /** null: for the whole station (counts in 合计 only). */
        areaId: idSchema.nullable(),
        date: day,
        value: countValue,
        note: evidenceNote,
        photoFileIds,
      })
      .strict(),
    output: manualCountSchema,
  },
  correctCount: {
    summary: '更正一条手工填报：生成新版本（须说明原因），旧版本保留但不再计数；撤销即更正为0。',
    input: z
      .object({
        rootId: z.string().min(1).max(80),
        /** The version being corrected, as read: a correction made meanwhile answers CONFLICT. */
        version: z.number().int().min(1),
        value: countValue,
        note: evidenceNote.optional(),
        photoFileIds: photoFileIds.optional(),
        reason: z.string().trim().min(2, '请填写更正原因').max(200),
      })
      .strict(),
    output: manualCountSchema,
  },
  counts: {
    summary: '一份合同的手工填报记录（可按指标筛选），含每条的更正历史。',
    input: z.object({ contractId, indicatorId: indicatorId.optional() }).strict(),
    output: z.object({ items: z.array(manualCountSchema) }),
  },
  dashboard: {
    summary: '指标完成情况表：每个指标按片区与合计的协议量、完成量、百分比（两位小数），时间进度与未达标的月份/季度。',
    input: z.object({ contractId }).strict(),
    output: dashboardSchema,
  },
  drillDown: {
    summary: '一个指标某片区（或合计）计入与未计入的记录：活动及其认定理由，或时长、志愿者、队伍、填报记录。',
    input: z
      .object({
        contractId,
        indicatorId,
        /** null: 合计. */
        areaId: idSchema.nullable(),
        /** Only this month of the period. */
        month: month.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: drillDownSchema,
  },
  recompute: {
    summary: '立即重新汇总本站一段月份的指标数据（默认为合同期内已开始的月份）。',
    input: z
      .object({ contractId: contractId.optional(), fromMonth: month.optional(), toMonth: month.optional() })
      .strict()
      .refine((i) => i.contractId !== undefined || (i.fromMonth !== undefined && i.toMonth !== undefined), {
        message: '请指定合同，或起止月份',
      }),
    output: z.object({ months: z.array(rollupMonthSchema) }),
  },
  driftCheck: {
    summary: '核对：已存的月度汇总与按原始记录重新计算的结果逐月逐指标比较，列出差异。',
    input: z.object({ contractId }).strict(),
    output: driftSchema,
  },
} as const;
