import { z } from 'zod';
import { idSchema } from './common';
import { ACTIVITY_KINDS, SERVICE_AREAS } from './activity-kinds';

/**
 * Contracts (项目/合同) and their indicators (DOMAIN.md; seeds 000, 001, 003, 004). An indicator is
 * declarative data — what it counts, filtered how, with which targets — never code: a station
 * adds or adjusts one without a release. How each measure is counted lives in one place:
 * cloudfunctions/_shared/domain/indicators.ts.
 */

/**
 * What an indicator counts. Activity measures count an activity as the kind its ACTUAL attendance
 * qualifies for (domain/activity-kinds.ts classifyByAttendance), never its planned kind.
 */
export const INDICATOR_MEASURES = [
  /** 开展场次 / 活动次数: activities held (a 小组 series counts per session under sessions_held). */
  'activities_held',
  /** 小组节数: sessions held (with at least one valid attendance) of 小组 series. */
  'sessions_held',
  /** 小组个数: 小组 series with at least one session held. */
  'groups_held',
  /** 服务人次: valid attendances (people, household members included) — each session counts. */
  'attendances',
  /** 服务人数: distinct people attending. */
  'distinct_people',
  /** 志愿服务时数: approved volunteer hours (overlaps once), two decimals. */
  'volunteer_hours',
  /** 志愿服务人次: approved volunteer service entries. */
  'volunteer_participations',
  /** 登记人数（新增）: volunteer registrations approved in the period. */
  'new_volunteers',
  /** 新增志愿者骨干: volunteers marked core in the period. */
  'new_core_volunteers',
  /** 新增志愿队伍: volunteer teams created in the period. */
  'new_teams',
  /** 志愿者团队维系: teams with approved service by a member in the period. */
  'active_teams',
  /** 点亮微心愿: wishes confirmed fulfilled. */
  'wishes_fulfilled',
  /** 意见处理及时率: share of complaints replied within 2 days (%). */
  'complaints_answered_in_time_rate',
  /** 满意度: share of respondents satisfied or better (%). */
  'satisfaction_rate',
  /** 入户探访（符合人员配备要求）: home visits whose team meets the staffing rule. */
  'home_visits_staffed',
  /** Entered by hand with evidence (宣传册派发本数, 媒体报道篇数, 调查报告份数 …). */
  'manual_count',
] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** Measures that are a share (%), not a count: their "target" is a minimum rate. */
export const RATE_MEASURES: readonly IndicatorMeasure[] = ['complaints_answered_in_time_rate', 'satisfaction_rate'];

export const indicatorFilterSchema = z
  .object({
    /** Activity kinds counted (as classified by actual attendance). Empty: all. */
    kinds: z.array(z.enum(ACTIVITY_KINDS)).default([]),
    serviceAreas: z.array(z.enum(SERVICE_AREAS)).default([]),
    /** Attendance range of an activity, inclusive (e.g. 10–50 for 中小型 in seed 000). */
    attendanceMin: z.number().int().min(0).optional(),
    attendanceMax: z.number().int().min(0).optional(),
    communityIds: z.array(idSchema).default([]),
  })
  .strict();
export type IndicatorFilter = z.infer<typeof indicatorFilterSchema>;

/** A requirement checked per month or quarter (seed 001: ≥2次/月, ≥1次/季度). */
export const frequencyRuleSchema = z
  .object({ every: z.enum(['month', 'quarter']), atLeast: z.number().int().min(1) })
  .strict();

export const indicatorSchema = z
  .object({
    /** Stable within the contract: exports and manual entries refer to it. */
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, '指标编号只能用小写字母、数字、-、_'),
    /** As the contract names it: 项目 and 量化标准, e.g. 大型活动（50人以上）· 开展场次. */
    section: z.string().trim().max(40).default(''),
    name: z.string().trim().min(1).max(60),
    measure: z.enum(INDICATOR_MEASURES),
    filter: indicatorFilterSchema.default({ kinds: [], serviceAreas: [], communityIds: [] }),
    /** 场, 人次, 小时, 个, 份, 本, % … */
    unit: z.string().trim().min(1).max(6),
    /** Targets per 片区 (areaId → number) and/or for the whole contract. */
    targets: z
      .object({
        byArea: z.record(z.string(), z.number().min(0)).default({}),
        total: z.number().min(0).optional(),
      })
      .strict(),
    frequency: frequencyRuleSchema.optional(),
    /** Where the number comes from, for 台账 and the evaluator (e.g. 签到表, 宣传册派发登记). */
    evidence: z.string().trim().max(100).default(''),
    note: z.string().trim().max(200).default(''),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

/** Contract settings that change how records count (seed 000: large = 50+, seed 002: 100+). */
export const contractSettingsSchema = z
  .object({
    largeEventMinAttendance: z.number().int().min(1).default(50),
    smallEventMinAttendance: z.number().int().min(1).default(10),
    smallEventMaxAttendance: z.number().int().min(1).optional(),
    lectureMinAttendance: z.number().int().min(1).default(30),
    lectureMinMinutes: z.number().int().min(1).default(40),
    workshopMinAttendance: z.number().int().min(1).default(10),
    /** Whether 折合 (conversion between kinds, seed 002) is allowed by this contract. */
    conversionAllowed: z.boolean().default(false),
  })
  .strict();
export type ContractSettings = z.infer<typeof contractSettingsSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** 2024-02-29 is a day of the calendar, 2024-02-30 and 2024-13-01 are not. */
const isCalendarDay = (text: string): boolean => {
  const [year, month, date] = text.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(2000, month - 1, date));
  at.setUTCFullYear(year);
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === date;
};

/**
 * The longest contract period: purchase contracts run a year, sometimes two or three. Every
 * dashboard read and recompute walks the period's months, so an unbounded period (0000 to 9999)
 * would keep the station's functions busy for minutes — found by fuzzing.
 */
export const MAX_CONTRACT_MONTHS = 36;

const monthsSpanned = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/** A contract as a station enters (or imports) it. Periods are inclusive days, China time. */
export const contractDraftSchema = z
  .object({
    name: z.string().trim().min(2).max(60),
    /** 购买方 (e.g. 岭南街道办事处). */
    purchaser: z.string().trim().max(60).default(''),
    periodStart: day,
    periodEnd: day,
    /** 片区 of the station in scope (empty: all). */
    areaIds: z.array(idSchema).default([]),
    settings: contractSettingsSchema.default({
      largeEventMinAttendance: 50,
      smallEventMinAttendance: 10,
      lectureMinAttendance: 30,
      lectureMinMinutes: 40,
      workshopMinAttendance: 10,
      conversionAllowed: false,
    }),
    indicators: z.array(indicatorSchema).min(1).max(200),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const field of ['periodStart', 'periodEnd'] as const) {
      if (!isCalendarDay(c[field])) ctx.addIssue({ code: 'custom', path: [field], message: '没有这一天，请检查日期' });
    }
    if (c.periodEnd < c.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: '结束日期不能早于开始日期' });
    } else if (monthsSpanned(c.periodStart, c.periodEnd) > MAX_CONTRACT_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: `合同期不超过${MAX_CONTRACT_MONTHS / 12}年` });
    }
    const ids = new Set<string>();
    c.indicators.forEach((indicator, i) => {
      if (ids.has(indicator.id))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: '指标编号重复' });
      ids.add(indicator.id);
    });
  });
export type ContractDraft = z.infer<typeof contractDraftSchema>;

/** A ready-made contract to start from (transcribed from a seed's indicator table). */
export const contractTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    title: z.string(),
    /** Which source document it is transcribed from, e.g. "seed 000 (杏坛镇社工服务项目) 五社联动、志愿者、长者". */
    source: z.string(),
    draft: contractDraftSchema,
  })
  .strict();
export type ContractTemplate = z.infer<typeof contractTemplateSchema>;

/**
 * One cell of the completion table: target, done, completion (done ÷ target as shown to people:
 * two decimals, rounded half up — seed 004 prints 10 ÷ 6 as 166.00%, which is wrong: 166.67%).
 */
export const completionCellSchema = z.object({
  target: z.number().nullable(),
  /** Counts are integers; hours two decimals; rates a percentage with two decimals. */
  done: z.number(),
  /** "166.67%", or null without a target. */
  completion: z.string().nullable(),
});
export type CompletionCell = z.infer<typeof completionCellSchema>;
