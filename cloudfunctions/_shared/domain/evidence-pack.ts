import type { Indicator } from '@linli/types/entities/indicators';
import { ACTIVITY_KIND_LABELS } from './activity-kinds';
import { countedEntryMinutes, type HourEntry } from './hour-entries';
import { inRange, type DayRange } from './indicator-periods';
import {
  classifySession,
  countingRulesOf,
  isSessionMeasure,
  judgeSession,
  type SessionSummary,
} from './indicator-sessions';
import type { ContractContext } from './indicators';
import { satisfaction, type SatisfactionCounts } from './satisfaction';
import { sheetTime } from './signin-sheet';
import { roundHours } from './volunteer-hours';

/**
 * The 台账 evaluators ask for (DOMAIN.md "Evidence"; seeds 001, 002, 004), for a contract and a
 * period: every activity (every session of a 小组) held in it with the kind it counts as and why,
 * the indicators it counts towards, 片区, community, 人次 and satisfaction; then each one's sign-in
 * sheet (domain/signin-sheet.ts), the photos held, and each volunteer's approved hours. Pure: the
 * handler (cloudfunctions/ledger) reads the records and writes the workbook.
 */

export const ACTIVITY_COLUMNS = [
  '序号',
  '日期',
  '活动名称',
  '计划类型',
  '认定类型',
  '认定理由',
  '计入指标',
  '片区',
  '社区',
  '人次',
  '签到记录',
  '满意度',
] as const;

export interface EvidenceActivity {
  summary: SessionSummary;
  /** The kind it counts as (by actual attendance under the contract's settings), or null. */
  countsAs: string;
  reason: string;
  /** Names of the contract's indicators that count it. */
  indicators: string[];
}

/** Every session held in the days, in the contract's 片区, in start order, judged by the contract. */
export function evidenceActivities(
  sessions: readonly SessionSummary[],
  indicators: readonly Indicator[],
  ctx: ContractContext,
  range: DayRange,
): EvidenceActivity[] {
  const rules = countingRulesOf(ctx.settings);
  const scope = ctx.scopeAreaIds;
  const sessionIndicators = indicators.filter((i) => isSessionMeasure(i.measure));
  return sessions
    .filter((s) => inRange(s.day, range) && !s.cancelled && (scope.length === 0 || scope.includes(s.areaId)))
    .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.session - b.session)
    .map((summary) => {
      const classification = classifySession(summary, rules);
      return {
        summary,
        countsAs: classification.countsAs ? ACTIVITY_KIND_LABELS[classification.countsAs] : '不计入',
        reason: classification.reason,
        indicators: sessionIndicators
          .filter((i) => judgeSession(i, summary, rules, scope, ctx.communityName).included)
          .map((i) => (i.section ? `${i.section}·${i.name}` : i.name)),
      };
    });
}

/** The title a session goes by on the sheets: a 小组's carries its session number. */
export const sessionTitle = (s: Pick<SessionSummary, 'title' | 'series' | 'session'>): string =>
  s.series ? `${s.title}（第${s.session}节）` : s.title;

/** 满意度 of an activity as the sheet prints it: "83.33%（6人填写）", or 无 without responses. */
export function satisfactionText(counts: SatisfactionCounts | undefined): string {
  if (!counts || counts.respondents === 0) return '无';
  const result = satisfaction(counts);
  return result.rate === null ? `未评分（${counts.respondents}人填写）` : `${result.rate}（${counts.rated}人评分）`;
}

export function activityRows(
  list: readonly EvidenceActivity[],
  names: { area: (id: string) => string; community: (id: string) => string },
  satisfactionOf: (activityId: string) => SatisfactionCounts | undefined,
): (string | number)[][] {
  return list.map((a, i) => [
    i + 1,
    sheetTime(a.summary.startAt).slice(0, 10),
    sessionTitle(a.summary),
    ACTIVITY_KIND_LABELS[a.summary.plannedKind],
    a.countsAs,
    a.reason,
    a.indicators.join('；') || '无',
    names.area(a.summary.areaId),
    names.community(a.summary.communityId),
    a.summary.headcount,
    a.summary.records,
    satisfactionText(satisfactionOf(a.summary.activityId)),
  ]);
}

export const VOLUNTEER_COLUMNS = ['序号', '志愿者', '手机号(后四位)', '服务次数', '服务时长(小时)'] as const;

export interface VolunteerTotal {
  volunteerId: string;
  /** Entries that count minutes in the period. */
  services: number;
  minutes: number;
}

/**
 * Each volunteer's approved hours served in [from, to): latest versions, each overlapping minute
 * once (hour-entries.ts countedEntryMinutes — the same count as 我的时长 and the certificates).
 * `entries` must hold every approved entry that could overlap one in the period (a day either side).
 */
export function volunteerTotals(
  entries: readonly (HourEntry & { servedAt: Date })[],
  from: Date,
  to: Date,
): VolunteerTotal[] {
  const counted = countedEntryMinutes(entries);
  const totals = new Map<string, VolunteerTotal>();
  for (const entry of entries) {
    const minutes = counted.get(entry.id) ?? 0;
    if (minutes === 0 || entry.servedAt < from || entry.servedAt >= to) continue;
    const total = totals.get(entry.volunteerId) ?? { volunteerId: entry.volunteerId, services: 0, minutes: 0 };
    total.services += 1;
    total.minutes += minutes;
    totals.set(entry.volunteerId, total);
  }
  return [...totals.values()].sort((a, b) => b.minutes - a.minutes || (a.volunteerId < b.volunteerId ? -1 : 1));
}

/** Hours to print: two decimals, from whole minutes (volunteer-hours.ts). */
export const hoursOf = (minutes: number): number => roundHours(minutes);

/** Photos are listed, not embedded: the file's name and its storage id (opened in the app). */
export const PHOTO_COLUMNS = ['序号', '日期', '用途', '说明', '文件名', '文件编号'] as const;
