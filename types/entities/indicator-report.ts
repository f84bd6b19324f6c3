import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import {
  completionCellSchema,
  contractSettingsSchema,
  frequencyRuleSchema,
  indicatorSchema,
  INDICATOR_MEASURES,
} from './indicators';
import { ACTIVITY_KINDS } from './activity-kinds';

/**
 * What the indicator function answers (cloudfunctions/indicators): contracts as stored, manual
 * counts, the completion table (dashboard), the records behind a cell (drill-down), and the
 * roll-up checks. Complete for a dashboard page and an export: labels, units, texts to print,
 * progress and shortfall months are all here, so no client recomputes a number.
 */

export const contractStatusSchema = z.enum(['active', 'archived']);

export const contractSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  purchaser: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: contractStatusSchema,
  indicatorCount: z.number().int(),
  /** Edits are conditional on it: send back the version read. */
  version: z.number().int(),
  updatedAt: isoDateTimeSchema,
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

export const contractSchema = contractSummarySchema.extend({
  areaIds: z.array(z.string()),
  settings: contractSettingsSchema,
  indicators: z.array(indicatorSchema),
  /** The template it was made from, if any. */
  templateId: z.string().optional(),
});
export type Contract = z.infer<typeof contractSchema>;

/** A manual count (measure manual_count): a number with its evidence, dated, by whom. */
export const manualCountSchema = z.object({
  /** This version's id. */
  id: z.string(),
  /** The record's id, shared by its corrections: correct by it. */
  rootId: z.string(),
  version: z.number().int().min(1),
  contractId: z.string(),
  indicatorId: z.string(),
  /** null: for the whole station (counts in 合计 only). */
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  date: z.string(),
  value: z.number(),
  note: z.string(),
  photoFileIds: z.array(z.string()),
  recordedByName: z.string(),
  recordedAt: isoDateTimeSchema,
  /** Why this version corrects the previous one. */
  reason: z.string().optional(),
  /** False for a version a later correction replaced: kept, not counted. */
  current: z.boolean(),
});
export type ManualCount = z.infer<typeof manualCountSchema>;

export const cellStatusSchema = z.enum([
  'done',
  'on_track',
  'behind',
  'no_target',
  'met',
  'below',
  'no_data',
  'unavailable',
]);

/** A completion-table cell (completionCellSchema) with what a page and an export print. */
export const reportCellSchema = completionCellSchema.extend({
  /** null: 合计. */
  areaId: z.string().nullable(),
  areaName: z.string(),
  /** null when the number is not available (the source is not enabled, no 片区 for this measure). */
  done: z.number().nullable(),
  /** "1753", "3024.85", "83.33%", or why there is no number. */
  doneText: z.string(),
  status: cellStatusSchema,
  /** 已完成, 进度正常, 落后于时间进度, 达标, 未达标, 暂无数据, 未设协议量, or the reason there is no number. */
  statusText: z.string(),
  /** target × share of the period elapsed, two decimals; null for rates and without a target. */
  expectedByNow: z.string().nullable(),
});
export type ReportCell = z.infer<typeof reportCellSchema>;

export const windowReportSchema = z.object({
  key: z.string(),
  label: z.string(),
  partial: z.boolean(),
  state: z.enum(['met', 'short', 'running', 'upcoming']),
  done: z.number().nullable(),
  doneText: z.string(),
});

export const indicatorRowSchema = z.object({
  id: z.string(),
  section: z.string(),
  name: z.string(),
  unit: z.string(),
  measure: z.enum(INDICATOR_MEASURES),
  measureLabel: z.string(),
  /** The filters in words (empty without filters). */
  filterText: z.string(),
  evidence: z.string(),
  note: z.string(),
  /** A share (%): "done" is the rate, the target the required rate. */
  rate: z.boolean(),
  source: z.object({
    id: z.string(),
    label: z.string(),
    available: z.boolean(),
    /** "数据来源尚未启用…" when not available. */
    message: z.string().nullable(),
  }),
  cells: z.array(reportCellSchema),
  total: reportCellSchema,
  frequency: frequencyRuleSchema
    .extend({
      label: z.string(),
      windows: z.array(windowReportSchema),
      shortfalls: z.array(z.string()),
      unavailable: z.string().nullable(),
    })
    .nullable(),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const monthFreshnessSchema = z.object({
  month: z.string(),
  /** rollup: a stored roll-up of a closed month; live: aggregated at this read; upcoming: not begun. */
  source: z.enum(['rollup', 'live', 'upcoming']),
  computedAt: isoDateTimeSchema.nullable(),
});

export const dashboardSchema = z.object({
  contract: contractSummarySchema,
  asOf: isoDateTimeSchema,
  areas: z.array(z.object({ id: idSchema, name: z.string() })),
  elapsed: z.object({
    days: z.number().int(),
    totalDays: z.number().int(),
    /** "44.09%". */
    share: z.string(),
    /** 已过 97 / 220 天（44.09%）. */
    text: z.string(),
  }),
  /** The counting settings in words: 大型社区活动≥50人 … */
  settingsText: z.string(),
  notes: z.array(z.string()),
  indicators: z.array(indicatorRowSchema),
  freshness: z.array(monthFreshnessSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** One session behind an activity cell: what it counted as, and why it is (not) in this indicator. */
export const drillSessionSchema = z.object({
  activityId: z.string(),
  session: z.number().int(),
  /** 第2节 for a 小组 series, empty for a single activity. */
  sessionLabel: z.string(),
  title: z.string(),
  startAt: isoDateTimeSchema,
  areaId: z.string(),
  areaName: z.string(),
  communityName: z.string(),
  serviceAreaLabel: z.string(),
  plannedKind: z.enum(ACTIVITY_KINDS),
  plannedKindLabel: z.string(),
  countsAs: z.enum(ACTIVITY_KINDS).nullable(),
  countsAsLabel: z.string().nullable(),
  /** People signed in (household members included), annulled ones left out. */
  headcount: z.number().int(),
  annulled: z.number().int(),
  included: z.boolean(),
  /** The sentence: "计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计". */
  reason: z.string(),
});

export const drillDownSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sessions'),
    total: z.number().int(),
    counted: z.number().int(),
    items: z.array(drillSessionSchema),
  }),
  z.object({
    kind: z.literal('hour_entries'),
    total: z.number().int(),
    note: z.string(),
    items: z.array(
      z.object({
        entryId: z.string(),
        volunteerName: z.string(),
        areaName: z.string(),
        date: z.string(),
        hours: z.string(),
        content: z.string(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('volunteers'),
    total: z.number().int(),
    items: z.array(z.object({ volunteerId: z.string(), name: z.string(), areaName: z.string(), date: z.string() })),
  }),
  z.object({
    kind: z.literal('teams'),
    total: z.number().int(),
    items: z.array(z.object({ teamId: z.string(), name: z.string(), createdOn: z.string() })),
  }),
  z.object({ kind: z.literal('manual'), total: z.number().int(), items: z.array(manualCountSchema) }),
  z.object({
    kind: z.literal('satisfaction'),
    total: z.number().int(),
    items: z.array(
      z.object({
        activityId: z.string(),
        title: z.string(),
        kindLabel: z.string(),
        areaName: z.string(),
        /** The day it ended (its last session, for a 小组). */
        date: z.string(),
        respondents: z.number().int(),
        rated: z.number().int(),
        satisfied: z.number().int(),
        /** "83.33%", or null when nobody rated it. */
        rate: z.string().nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
]);
export type DrillDown = z.infer<typeof drillDownSchema>;

export const rollupMonthSchema = z.object({
  month: z.string(),
  sessions: z.number().int(),
  volunteerDays: z.number().int(),
  computedAt: isoDateTimeSchema,
});

export const driftSchema = z.object({
  checkedAt: isoDateTimeSchema,
  /** Months compared (closed months of the period that have begun). */
  months: z.array(
    z.object({
      month: z.string(),
      /** same: stored = fresh; differs; missing: no roll-up stored; open: not closed, read live anyway. */
      state: z.enum(['same', 'differs', 'missing', 'open']),
      storedAt: isoDateTimeSchema.nullable(),
      differences: z.array(
        z.object({
          indicatorId: z.string(),
          name: z.string(),
          areaId: z.string().nullable(),
          areaName: z.string(),
          stored: z.string(),
          fresh: z.string(),
        }),
      ),
    }),
  ),
  differing: z.number().int(),
});
export type Drift = z.infer<typeof driftSchema>;
