import type { ContractSettings, Indicator, IndicatorMeasure } from '@linli/types/entities/indicators';
import { RATE_MEASURES } from '@linli/types/entities/indicators';
import { ACTIVITY_KIND_LABELS, SERVICE_AREA_LABELS } from './activity-kinds';
import {
  atLeast,
  formatTwoDecimals,
  isZero,
  percentNumber,
  percentText,
  ratio,
  ratioOfNumber,
  times,
  type Ratio,
} from './exact-ratio';
import {
  inRange,
  instantsOf,
  monthWindows,
  quarterWindows,
  windowState,
  type DayRange,
  type Elapsed,
  type PeriodWindow,
} from './indicator-periods';
import {
  countingRulesOf,
  judgeSession,
  rangeText,
  type SessionSummary,
  type SessionVerdict,
} from './indicator-sessions';
import {
  activeTeamsIn,
  newCoreIn,
  newTeamsIn,
  newVolunteersIn,
  type RegistrationRow,
  type ServingDay,
  type TeamRow,
  type VolunteerDay,
} from './indicator-volunteers';
import { replyTimeliness } from './complaints';
import { rollUpSatisfaction, type SatisfactionRow } from './satisfaction';
import { countWishesFulfilled, type FulfilledWishRecord } from './wishes';
import { formatHours, roundHours } from './volunteer-hours';

/**
 * The indicator engine (DOMAIN.md "Completion tables"; seed 004 附件1-1): for each indicator of a
 * contract, per 片区 and in total, 协议量 (target), 完成量 (done) and 百分比 (done ÷ target, two
 * decimals, half up, exact), progress against the time elapsed, and which months or quarters fall
 * short of a frequency requirement. Pure: the facts come in (roll-ups, live aggregations), the
 * table goes out; the same functions answer the dashboard, the drill-down and the drift check.
 *
 * One source per measure family; a measure whose source is not wired yet answers
 * "数据来源尚未启用" — never a 0 that an evaluator would read as "nothing done".
 */

export type SourceId =
  | 'activities'
  | 'home_visit_staffing'
  | 'volunteer_hours'
  | 'volunteer_registrations'
  | 'teams'
  | 'manual'
  | 'wishes'
  | 'complaints'
  | 'surveys';

export const MEASURE_SOURCES: Record<IndicatorMeasure, SourceId> = {
  activities_held: 'activities',
  sessions_held: 'activities',
  groups_held: 'activities',
  attendances: 'activities',
  distinct_people: 'activities',
  home_visits_staffed: 'home_visit_staffing',
  volunteer_hours: 'volunteer_hours',
  volunteer_participations: 'volunteer_hours',
  active_teams: 'teams',
  new_teams: 'teams',
  new_volunteers: 'volunteer_registrations',
  new_core_volunteers: 'volunteer_registrations',
  wishes_fulfilled: 'wishes',
  complaints_answered_in_time_rate: 'complaints',
  satisfaction_rate: 'surveys',
  manual_count: 'manual',
};

export const SOURCE_LABELS: Record<SourceId, string> = {
  activities: '活动签到记录',
  home_visit_staffing: '入户探访人员配备',
  volunteer_hours: '已审核的志愿服务时长',
  volunteer_registrations: '志愿者登记审核',
  teams: '志愿服务队',
  manual: '手工填报（附佐证）',
  wishes: '微心愿',
  complaints: '意见与投诉',
  surveys: '参加者意见表',
};

/**
 * Sources whose records the product does not hold (yet). Their measures show this message in
 * every cell. Wiring one: give it facts in IndicatorFacts and a case in measureDone, remove it here.
 * Every source is wired today (the last, 入户探访人员配备, reads the visit teams: docs/home-visits.md);
 * the mechanism stays for the next source a contract names before the records hold it.
 */
export const UNAVAILABLE_SOURCES: Partial<Record<SourceId, string>> = {};

export const MEASURE_LABELS: Record<IndicatorMeasure, string> = {
  activities_held: '开展场次',
  sessions_held: '小组节数',
  groups_held: '小组个数',
  attendances: '服务人次',
  distinct_people: '服务人数',
  volunteer_hours: '志愿服务时数',
  volunteer_participations: '志愿服务人次',
  new_volunteers: '新增登记志愿者',
  new_core_volunteers: '新增志愿者骨干',
  new_teams: '新增志愿服务队',
  active_teams: '维系志愿服务队',
  wishes_fulfilled: '点亮微心愿',
  complaints_answered_in_time_rate: '意见处理及时率',
  satisfaction_rate: '满意度',
  home_visits_staffed: '入户探访（人员配备达标）',
  manual_count: '手工填报',
};

/** Measures that have no 片区: a team belongs to the station. */
const STATION_WIDE: readonly IndicatorMeasure[] = ['new_teams', 'active_teams', 'complaints_answered_in_time_rate'];
/** Measures only known for the whole contract period (one aggregation over it). */
const PERIOD_ONLY: readonly IndicatorMeasure[] = ['distinct_people'];

export const isRateMeasure = (measure: IndicatorMeasure): boolean => RATE_MEASURES.includes(measure);

/** A manual count in effect (the latest version of its record), in hundredths. */
export interface ManualFact {
  indicatorId: string;
  areaId: string | null;
  day: string;
  hundredths: number;
}

/** 服务人数 of one indicator over the contract period, from one aggregation. */
export interface DistinctPeople {
  byArea: Record<string, number>;
  total: number;
}

/** One activity's satisfaction counts (surveys: domain/satisfaction.ts), on the day it ended. */
export interface SatisfactionFact extends SatisfactionRow {
  day: string;
}

/** A complaint as 意见处理及时率 judges it (domain/complaints.ts replyTimeliness). */
export interface ComplaintFact {
  receivedAt: Date;
  firstRepliedAt?: Date;
  /** The China-time day it was received. */
  day: string;
}

/** Everything the engine counts from. Sessions and volunteer days cover at least the period. */
export interface IndicatorFacts {
  sessions: readonly SessionSummary[];
  volunteerDays: readonly VolunteerDay[];
  serving: readonly ServingDay[];
  registrations: readonly RegistrationRow[];
  teams: readonly TeamRow[];
  manual: readonly ManualFact[];
  /** By indicator id. */
  distinctPeople: ReadonlyMap<string, DistinctPeople>;
  satisfaction: readonly SatisfactionFact[];
  /** Wishes confirmed received in the period (domain/wishes.ts). */
  wishes: readonly FulfilledWishRecord[];
  complaints: readonly ComplaintFact[];
}

export const EMPTY_FACTS: IndicatorFacts = {
  sessions: [],
  volunteerDays: [],
  serving: [],
  registrations: [],
  teams: [],
  manual: [],
  distinctPeople: new Map(),
  satisfaction: [],
  wishes: [],
  complaints: [],
};

export interface ContractContext {
  /** The station the facts are of (default: the one the wish records name). */
  stationId?: string;
  /**
   * When the table is read: a complaint still within its 2 days is not judged yet. Default: the
   * end of the days asked for — a past period's table judged as at its close.
   */
  asOf?: Date;
  settings: ContractSettings;
  /** The contract's 片区 (empty: all of the station's). */
  scopeAreaIds: readonly string[];
  period: DayRange;
  communityName?: (id: string) => string;
}

export type UnavailableCode = 'source_disabled' | 'not_by_area' | 'not_by_window';

export type Done =
  | { type: 'count'; n: number }
  | { type: 'minutes'; minutes: number }
  | { type: 'hundredths'; hundredths: number }
  | { type: 'rate'; part: number; whole: number }
  | { type: 'unavailable'; code: UnavailableCode; message: string };

const unavailable = (code: UnavailableCode, message: string): Done => ({ type: 'unavailable', code, message });

/** The verdict of every session in the days (and 片区, when given) for a session measure. */
export function sessionVerdicts(
  indicator: Pick<Indicator, 'measure' | 'filter'>,
  ctx: ContractContext,
  sessions: readonly SessionSummary[],
  range: DayRange,
  areaId: string | null = null,
): SessionVerdict[] {
  const rules = countingRulesOf(ctx.settings);
  return sessions
    .filter((s) => inRange(s.day, range) && (areaId === null || s.areaId === areaId))
    .map((s) => judgeSession(indicator, s, rules, ctx.scopeAreaIds, ctx.communityName));
}

/**
 * What 服务人数's one aggregation matches: the activities of the period it counts and those it
 * does not (the aggregation names the shorter list), and the counted activities whose records
 * carry another 片区 than the activity has now (moved after people signed in), with the 片区 now.
 * An activity is counted when any of its sessions is: a 小组's sessions that count nothing had
 * nobody signed in, so they add no one.
 */
export function distinctPeopleActivities(
  indicator: Pick<Indicator, 'measure' | 'filter'>,
  ctx: ContractContext,
  sessions: readonly SessionSummary[],
): { counted: string[]; notCounted: string[]; moved: Map<string, string> } {
  const counted = new Set<string>();
  const seen = new Set<string>();
  const moved = new Map<string, string>();
  for (const v of sessionVerdicts(indicator, ctx, sessions, ctx.period)) {
    seen.add(v.summary.activityId);
    if (!v.included) continue;
    counted.add(v.summary.activityId);
    if (v.summary.recordAreaIds.some((a) => a !== v.summary.areaId)) moved.set(v.summary.activityId, v.summary.areaId);
  }
  return {
    counted: [...counted].sort(),
    notCounted: [...seen].filter((id) => !counted.has(id)).sort(),
    moved,
  };
}

/**
 * What an indicator has done in the days, in one 片区 (areaId) or in total (null, within the
 * contract's 片区). Every count is decided by the source's own rules; see docs/indicators.md.
 */
export function measureDone(
  indicator: Indicator,
  ctx: ContractContext,
  facts: IndicatorFacts,
  range: DayRange,
  areaId: string | null,
): Done {
  const { measure } = indicator;
  const disabled = UNAVAILABLE_SOURCES[MEASURE_SOURCES[measure]];
  if (disabled) return unavailable('source_disabled', disabled);
  if (areaId !== null && STATION_WIDE.includes(measure)) {
    return unavailable('not_by_area', '志愿服务队属于全站，不分片区统计');
  }
  // 合计 is the contract's 片区, plus records of no known 片区 (the station's, not another 片区's).
  const inScope = (area: string | null) =>
    areaId !== null
      ? area === areaId
      : area === null || ctx.scopeAreaIds.length === 0 || ctx.scopeAreaIds.includes(area);
  const within = (day: string) => inRange(day, range);

  switch (measure) {
    case 'activities_held':
    case 'sessions_held':
    case 'home_visits_staffed':
    case 'attendances': {
      const included = sessionVerdicts(indicator, ctx, facts.sessions, range, areaId).filter((v) => v.included);
      const n = measure === 'attendances' ? included.reduce((sum, v) => sum + v.summary.headcount, 0) : included.length;
      return { type: 'count', n };
    }
    case 'groups_held': {
      const included = sessionVerdicts(indicator, ctx, facts.sessions, range, areaId).filter((v) => v.included);
      return { type: 'count', n: new Set(included.map((v) => v.summary.activityId)).size };
    }
    case 'distinct_people': {
      if (range.from !== ctx.period.from || range.to !== ctx.period.to) {
        return unavailable('not_by_window', '服务人数只按整个合同期统计（同一人只算一次）');
      }
      const people = facts.distinctPeople.get(indicator.id);
      if (!people) return { type: 'count', n: 0 };
      return { type: 'count', n: areaId === null ? people.total : (people.byArea[areaId] ?? 0) };
    }
    case 'volunteer_hours':
    case 'volunteer_participations': {
      const days = facts.volunteerDays.filter((d) => within(d.day) && inScope(d.areaId));
      return measure === 'volunteer_hours'
        ? { type: 'minutes', minutes: days.reduce((sum, d) => sum + d.minutes, 0) }
        : { type: 'count', n: days.reduce((sum, d) => sum + d.participations, 0) };
    }
    case 'new_volunteers':
    case 'new_core_volunteers': {
      const rows = facts.registrations.filter((r) => inScope(r.areaId));
      return { type: 'count', n: measure === 'new_volunteers' ? newVolunteersIn(rows, range) : newCoreIn(rows, range) };
    }
    case 'new_teams':
      return { type: 'count', n: newTeamsIn(facts.teams, range).length };
    case 'active_teams':
      return { type: 'count', n: activeTeamsIn(facts.teams, facts.serving, range).length };
    case 'manual_count': {
      const entries = facts.manual.filter(
        (m) => m.indicatorId === indicator.id && within(m.day) && (areaId === null || m.areaId === areaId),
      );
      return { type: 'hundredths', hundredths: entries.reduce((sum, m) => sum + m.hundredths, 0) };
    }
    case 'satisfaction_rate': {
      // 满意度 (seed 002: ≥ 80%): counts of the activities that ended in the days, summed, never
      // rates averaged (rollUpSatisfaction). Filtered by 片区 and by the activity's planned kind.
      const { kinds } = indicator.filter;
      const rows = facts.satisfaction.filter(
        (r) => within(r.day) && inScope(r.areaId) && (kinds.length === 0 || kinds.includes(r.kind)),
      );
      const { satisfied, rated } = rollUpSatisfaction(rows).station;
      return { type: 'rate', part: satisfied, whole: rated };
    }
    case 'wishes_fulfilled': {
      // 点亮微心愿 (seed 004: 53): wishes confirmed received in the days (countWishesFulfilled), in
      // the 片区 of the beneficiary's community; 合计 leaves out only 片区 outside the contract's.
      const { from, to } = instantsOf(range);
      const counted = countWishesFulfilled(facts.wishes, ctx.stationId ?? facts.wishes[0]?.stationId ?? '', from, to);
      if (areaId !== null) return { type: 'count', n: counted.byArea.get(areaId) ?? 0 };
      const outside = [...counted.byArea].filter(([area]) => !inScope(area)).reduce((sum, [, n]) => sum + n, 0);
      return { type: 'count', n: counted.total - outside };
    }
    case 'complaints_answered_in_time_rate': {
      // 意见处理及时率 (seed 002: the sender hears back within 2 days), station-wide: of the opinions
      // and complaints received in the days that can be judged by now, the share answered in time.
      const { from, to } = instantsOf(range);
      const { judged, answeredInTime } = replyTimeliness(facts.complaints, { from, to }, ctx.asOf ?? to);
      return { type: 'rate', part: answeredInTime, whole: judged };
    }
    default:
      // Sources listed in UNAVAILABLE_SOURCES return above; a measure reaching here has no source.
      return unavailable('source_disabled', '数据来源尚未启用');
  }
}

/** A done value as shown, and the exact number the percentage is computed from (the shown one). */
export interface Shown {
  value: number | null;
  text: string;
  exact: Ratio | null;
}

export function show(done: Done): Shown {
  switch (done.type) {
    case 'count':
      return { value: done.n, text: String(done.n), exact: ratio(done.n) };
    case 'minutes': {
      // Hours to two decimals, from whole minutes (volunteer-hours.ts): the completion is computed
      // from the hours printed, so anyone can check the row with a calculator.
      const hours = roundHours(done.minutes);
      return { value: hours, text: formatHours(done.minutes), exact: ratioOfNumber(hours) };
    }
    case 'hundredths': {
      const exact = ratio(done.hundredths, 100);
      const text = done.hundredths % 100 === 0 ? String(done.hundredths / 100) : formatTwoDecimals(exact);
      return { value: done.hundredths / 100, text, exact };
    }
    case 'rate': {
      const text = percentText(ratio(done.part), ratio(done.whole));
      if (text === null) return { value: null, text: '暂无数据', exact: null };
      const value = percentNumber(text);
      return { value, text, exact: ratioOfNumber(value) };
    }
    case 'unavailable':
      return { value: null, text: done.message, exact: null };
  }
}

export type CellStatus = 'done' | 'on_track' | 'behind' | 'no_target' | 'met' | 'below' | 'no_data' | 'unavailable';

export const CELL_STATUS_LABELS: Record<Exclude<CellStatus, 'unavailable'>, string> = {
  done: '已完成',
  on_track: '进度正常',
  behind: '落后于时间进度',
  no_target: '未设协议量',
  met: '达标',
  below: '未达标',
  no_data: '暂无数据',
};

/** One cell of the completion table (types/entities/indicators.ts completionCellSchema, and more). */
export interface Cell {
  /** null: the 合计 column. */
  areaId: string | null;
  target: number | null;
  done: number | null;
  doneText: string;
  /** done ÷ target: "166.67%"; null without a target (or with a target of 0). */
  completion: string | null;
  status: CellStatus;
  statusText: string;
  /** What the elapsed share of the period asks for by now (target × elapsed), two decimals. */
  expectedByNow: string | null;
}

/** The target of a column: the 片区's, or the contract total (else the sum of the 片区's). */
export function targetOf(indicator: Indicator, areaId: string | null): Ratio | null {
  const { byArea, total } = indicator.targets;
  if (areaId !== null) return byArea[areaId] !== undefined ? ratioOfNumber(byArea[areaId]) : null;
  if (total !== undefined) return ratioOfNumber(total);
  const parts = Object.values(byArea).map(ratioOfNumber);
  if (parts.length === 0) return null;
  return parts.reduce((sum, r) => ratio(sum.num * r.den + r.num * sum.den, sum.den * r.den));
}

const toNumber = (r: Ratio): number => Number(r.num) / Number(r.den);

/**
 * A cell: done against target, and against time. For a count, "on track" means
 * done ÷ target ≥ the share of the period elapsed (a mid-term read, seed 004); for a rate
 * (意见处理及时率, 满意度) it means the rate reaches the required rate, whenever it is read.
 */
export function cellOf(indicator: Indicator, done: Done, areaId: string | null, elapsed: Elapsed): Cell {
  const target = targetOf(indicator, areaId);
  const shown = show(done);
  const base = {
    areaId,
    target: target ? toNumber(target) : null,
    done: shown.value,
    doneText: shown.text,
  };
  if (done.type === 'unavailable') {
    return { ...base, completion: null, status: 'unavailable', statusText: done.message, expectedByNow: null };
  }
  const completion = target && shown.exact ? percentText(shown.exact, target) : null;
  const cell = (status: Exclude<CellStatus, 'unavailable'>, expectedByNow: string | null = null): Cell => ({
    ...base,
    completion,
    status,
    statusText: CELL_STATUS_LABELS[status],
    expectedByNow,
  });
  if (!shown.exact) return cell('no_data');
  if (!target) return cell('no_target');
  // A rate meets its target on the exact fraction: 79.996% shows as 80.00% and still falls short.
  if (done.type === 'rate') return cell(atLeast(ratio(done.part * 100, done.whole), target) ? 'met' : 'below');
  const expected = times(target, elapsed.share);
  const expectedText = formatTwoDecimals(expected);
  if (atLeast(shown.exact, target)) return cell('done', expectedText);
  return cell(atLeast(shown.exact, expected) ? 'on_track' : 'behind', expectedText);
}

export interface WindowReport {
  key: string;
  label: string;
  partial: boolean;
  state: 'met' | 'short' | 'running' | 'upcoming';
  done: number | null;
  doneText: string;
}

export interface FrequencyReport {
  every: 'month' | 'quarter';
  atLeast: number;
  /** 每月至少2次. */
  label: string;
  windows: WindowReport[];
  /** Labels of the windows that ended short: 2024年2月, 2024年第1季度. */
  shortfalls: string[];
  /** Why the windows cannot be judged, if they cannot. */
  unavailable: string | null;
}

/**
 * A frequency requirement (seed 001: ≥2次/月, ≥1次/季度), judged per calendar month or quarter of
 * the period, cut at the period's ends. A window still running is not a shortfall yet; one that
 * ended below the requirement is.
 */
export function frequencyOf(
  indicator: Indicator,
  ctx: ContractContext,
  facts: IndicatorFacts,
  now: Date,
): FrequencyReport | null {
  const rule = indicator.frequency;
  if (!rule) return null;
  const label = `${rule.every === 'month' ? '每月' : '每季度'}至少${rule.atLeast}${indicator.unit}`;
  const windows = (rule.every === 'month' ? monthWindows : quarterWindows)(ctx.period);
  const reports: WindowReport[] = [];
  for (const w of windows) {
    const done = measureDone(indicator, ctx, facts, w.range, null);
    if (done.type === 'unavailable') {
      return {
        every: rule.every,
        atLeast: rule.atLeast,
        label,
        windows: [],
        shortfalls: [],
        unavailable: done.message,
      };
    }
    reports.push(windowReport(w, done, rule.atLeast, now));
  }
  return {
    every: rule.every,
    atLeast: rule.atLeast,
    label,
    windows: reports,
    shortfalls: reports.filter((r) => r.state === 'short').map((r) => r.label),
    unavailable: null,
  };
}

function windowReport(w: PeriodWindow, done: Done, required: number, now: Date): WindowReport {
  const shown = show(done);
  const met = shown.exact !== null && atLeast(shown.exact, ratio(required));
  const when = windowState(w.range, now);
  const state = when === 'upcoming' ? 'upcoming' : met ? 'met' : when === 'ended' ? 'short' : 'running';
  return { key: w.key, label: w.label, partial: w.partial, state, done: shown.value, doneText: shown.text };
}

/** The filters in words: 活动类型（按实际签到认定）：大型社区活动；服务领域：长者；签到人数：10–50人. */
export function filterText(indicator: Indicator, communityName: (id: string) => string = (id) => id): string {
  const { kinds, serviceAreas, communityIds, attendanceMin, attendanceMax } = indicator.filter;
  const parts: string[] = [];
  if (kinds.length > 0)
    parts.push(`活动类型（按实际签到认定）：${kinds.map((k) => ACTIVITY_KIND_LABELS[k]).join('、')}`);
  if (serviceAreas.length > 0) parts.push(`服务领域：${serviceAreas.map((a) => SERVICE_AREA_LABELS[a]).join('、')}`);
  if (communityIds.length > 0) parts.push(`社区：${communityIds.map(communityName).join('、')}`);
  if (attendanceMin !== undefined || attendanceMax !== undefined) {
    parts.push(`签到人数：${rangeText(attendanceMin, attendanceMax)}`);
  }
  return parts.join('；');
}

export interface IndicatorReport {
  indicator: Indicator;
  measureLabel: string;
  filterText: string;
  source: { id: SourceId; label: string; available: boolean; message: string | null };
  /** One per 片区 column, in the order given. */
  cells: Cell[];
  total: Cell;
  frequency: FrequencyReport | null;
}

/** The whole row of one indicator: its 片区 columns, the 合计, the frequency windows. */
export function reportIndicator(
  indicator: Indicator,
  ctx: ContractContext,
  facts: IndicatorFacts,
  columns: readonly string[],
  elapsed: Elapsed,
  now: Date,
): IndicatorReport {
  const sourceId = MEASURE_SOURCES[indicator.measure];
  const disabled = UNAVAILABLE_SOURCES[sourceId] ?? null;
  const column = (areaId: string | null) =>
    cellOf(indicator, measureDone(indicator, ctx, facts, ctx.period, areaId), areaId, elapsed);
  return {
    indicator,
    measureLabel: MEASURE_LABELS[indicator.measure],
    filterText: filterText(indicator, ctx.communityName),
    source: { id: sourceId, label: SOURCE_LABELS[sourceId], available: disabled === null, message: disabled },
    cells: columns.map(column),
    total: column(null),
    frequency: frequencyOf(indicator, ctx, facts, now),
  };
}

/**
 * Why a contract's indicator cannot be kept as written, or null. The zod schema checks shapes;
 * these are the engine's own limits, said in words an admin can act on.
 */
export function indicatorProblem(indicator: Indicator): string | null {
  const { measure, frequency, filter } = indicator;
  if (frequency && (PERIOD_ONLY.includes(measure) || isRateMeasure(measure))) {
    return `${MEASURE_LABELS[measure]}不能设置按月或按季度的次数要求`;
  }
  if (measure === 'activities_held' && filter.kinds.length > 0 && filter.kinds.every((k) => k === 'group_session')) {
    return '小组请用“小组节数”或“小组个数”统计，不计入开展场次';
  }
  if (measure === 'home_visits_staffed' && filter.kinds.some((k) => k !== 'home_visit')) {
    return '入户探访（人员配备达标）只统计入户探访，活动类型只能选入户探访或不选';
  }
  if (
    filter.attendanceMin !== undefined &&
    filter.attendanceMax !== undefined &&
    filter.attendanceMin > filter.attendanceMax
  ) {
    return '签到人数范围的下限不能大于上限';
  }
  if (
    isRateMeasure(measure) &&
    (filter.serviceAreas.length > 0 ||
      filter.communityIds.length > 0 ||
      filter.attendanceMin !== undefined ||
      filter.attendanceMax !== undefined)
  ) {
    return `${MEASURE_LABELS[measure]}只能按活动类型筛选`;
  }
  if (measure === 'complaints_answered_in_time_rate' && filter.kinds.length > 0) {
    return '意见处理及时率不按活动类型统计';
  }
  if (isRateMeasure(measure)) {
    const over = [...Object.values(indicator.targets.byArea), indicator.targets.total ?? 0].some((t) => t > 100);
    if (over) return '比率指标的目标不能超过100%';
  }
  return null;
}

/** Whether a target is zero (a completion of it is not a number). Exposed for the export. */
export const isZeroTarget = (indicator: Indicator, areaId: string | null): boolean => {
  const target = targetOf(indicator, areaId);
  return target !== null && isZero(target);
};
