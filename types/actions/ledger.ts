import { z } from 'zod';
import { activityIdSchema, MAX_SESSIONS } from '../entities/activity';
// Every action that makes a file answers a link to it, never the bytes (types/files.ts).
import { generatedFileSchema } from '../files';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** A contract and the days of a report (inside the contract's period, e.g. a mid-term). */
const contractPeriodSchema = z
  .object({ contractId: z.string().min(1).max(64), fromDate: day, toDate: day })
  .strict()
  .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] });

/** ledger (台账): the evidence evaluators ask for, as files. */
export const ledgerActions = {
  signInSheet: {
    summary: '导出活动签到表（xlsx）：姓名、社区、人数、签到签退时间、方式、记录人。',
    /** At a 小组 series, one sheet per session (default: the one the roster shows now). */
    input: z
      .object({ activityId: activityIdSchema, session: z.number().int().min(1).max(MAX_SESSIONS).optional() })
      .strict(),
    output: generatedFileSchema,
  },
  volunteerRegistry: {
    summary:
      '导出一段时间的志愿服务时长（xlsx），按中国志愿服务网录入格式：每位志愿者每项服务一行，含日期、时长、项目名称。',
    input: z
      .object({
        fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'),
        toDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'),
      })
      .strict()
      .refine((p) => p.fromDate <= p.toDate, { message: '结束日期不能早于开始日期', path: ['toDate'] }),
    output: generatedFileSchema,
  },
  completionTable: {
    summary:
      '导出合同指标完成情况统计表（xlsx，评估方格式）：每个指标按片区与合计的协议量、完成量、百分比（两位小数）。',
    input: contractPeriodSchema,
    output: generatedFileSchema,
  },
  evidencePack: {
    summary: '导出一段时间的台账（xlsx）：计入的活动及认定理由、每场签到表、满意度、照片清单、每位志愿者的服务时数。',
    input: contractPeriodSchema,
    output: generatedFileSchema,
  },
} as const;
