import type { ContractSettings, Indicator } from '@linli/types/entities/indicators';
import {
  ACTIVITY_KIND_LABELS,
  SERVICE_AREA_LABELS,
  classifyByAttendance,
  type ActivityKind,
  type Classification,
  type CountingRules,
  type ServiceArea,
} from './activity-kinds';
import { checkHomeVisitStaffing, NO_TEAM, visitsElder, type TeamCounts } from './home-visits';
import { dayOf, monthOf, type Day, type Month } from './indicator-periods';
import { isSeries, sessionsOf } from './sessions';

/**
 * The activity side of the indicators: one summary per session held (a single activity is its own
 * one session; a 小组 has one per session — DOMAIN.md 小组节数, 服务人次 summed over sessions),
 * and the verdict of each summary for an indicator: counted or not, and why, in a sentence a
 * social worker can check against the sign-in sheet.
 *
 * Summaries are what the monthly roll-ups store and what a live month is computed into; they are
 * built from two aggregations (activities of the month, attendance grouped per session), never
 * from raw records. Everything that decides a count — the kind it counts as, the filters — is
 * decided here, from the summary, at read time: a contract's settings (large = 50 or 100) change
 * the numbers without recomputing anything.
 */

export interface SessionSummary {
  activityId: string;
  /** 1-based; a single activity is session 1. */
  session: number;
  title: string;
  plannedKind: ActivityKind;
  serviceArea: ServiceArea;
  areaId: string;
  communityId: string;
  startAt: Date;
  /** The China-time day the session started: the period it counts in. */
  day: Day;
  /** The session's planned length (the records hold no actual end): what a lecture is judged on. */
  durationMinutes: number;
  /** Part of a 小组 series. */
  series: boolean;
  cancelled: boolean;
  /** People signed in and not annulled, household members included (服务人次). */
  headcount: number;
  /** Valid sign-in records (a household party is one record). */
  records: number;
  /** Annulled records, shown in explanations, never counted. */
  annulled: number;
  /**
   * The 片区 its records carry as a snapshot (normally just `areaId`; another one when the activity
   * was moved to another 片区 after people signed in). 服务人数 groups people by these, and remaps
   * only the records whose snapshot is not the activity's 片区 now.
   */
  recordAreaIds: string[];
  /**
   * A home visit's team as its records prove it (domain/home-visits.ts): social workers,
   * volunteers, men, genders not recorded. Read only for visits someone was signed in at (the
   * others count for nothing anyway); absent for every other kind.
   */
  visitTeam?: TeamCounts;
}

/** An activity as the month's aggregation projects it. */
export interface ActivityRow {
  id: string;
  title: string;
  kind: ActivityKind;
  serviceArea: ServiceArea;
  areaId: string;
  communityId: string;
  startAt: Date;
  endAt: Date;
  sessions?: readonly { startAt: Date; endAt: Date }[];
  status: 'published' | 'cancelled';
}

/**
 * Attendance of one session with one 片区 snapshot, grouped in the database. `session` null: a
 * single activity's record.
 */
export interface AttendanceGroup {
  activityId: string;
  session: number | null;
  recordAreaId: string;
  headcount: number;
  records: number;
  annulled: number;
}

/**
 * The summaries of a month: every session of these activities that started in the month and by
 * `asOf`, with its attendance (zero when nobody signed in — it is still explained). A session's
 * month is its start, China time, as the activity says now; attendance groups of sessions that
 * are not in this month (an activity moved after people signed in) are left to the month the
 * activity now places them in.
 */
export function sessionSummaries(
  month: Month,
  activities: readonly ActivityRow[],
  groups: readonly AttendanceGroup[],
  asOf: Date,
  visitTeams: ReadonlyMap<string, TeamCounts> = new Map(),
): SessionSummary[] {
  const attendance = new Map<string, { headcount: number; records: number; annulled: number; areas: Set<string> }>();
  for (const g of groups) {
    // One group per (session, 片区 snapshot): normally one per session.
    const key = `${g.activityId}#${g.session ?? 1}`;
    const seen = attendance.get(key) ?? { headcount: 0, records: 0, annulled: 0, areas: new Set<string>() };
    seen.headcount += g.headcount;
    seen.records += g.records;
    seen.annulled += g.annulled;
    seen.areas.add(g.recordAreaId);
    attendance.set(key, seen);
  }
  const summaries: SessionSummary[] = [];
  for (const activity of activities) {
    const series = isSeries(activity);
    for (const s of sessionsOf(activity)) {
      if (monthOf(s.startAt) !== month || s.startAt > asOf) continue;
      const g = attendance.get(`${activity.id}#${s.index}`);
      summaries.push({
        activityId: activity.id,
        session: s.index,
        title: activity.title,
        plannedKind: activity.kind,
        serviceArea: activity.serviceArea,
        areaId: activity.areaId,
        communityId: activity.communityId,
        startAt: s.startAt,
        day: dayOf(s.startAt),
        durationMinutes: (s.endAt.getTime() - s.startAt.getTime()) / 60_000,
        series,
        cancelled: activity.status === 'cancelled',
        headcount: g?.headcount ?? 0,
        records: g?.records ?? 0,
        annulled: g?.annulled ?? 0,
        recordAreaIds: g ? [...g.areas].sort() : [],
        ...(activity.kind === 'home_visit' ? { visitTeam: visitTeams.get(activity.id) ?? NO_TEAM } : {}),
      });
    }
  }
  return summaries.sort(
    (a, b) =>
      a.startAt.getTime() - b.startAt.getTime() ||
      (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0) ||
      a.session - b.session,
  );
}

/**
 * The home visits whose team can matter: not cancelled, with someone signed in as visited. A visit
 * nobody was signed in at counts for nothing whatever its team, so its team is not read.
 */
export function heldVisits(activities: readonly ActivityRow[], groups: readonly AttendanceGroup[]): string[] {
  const visited = new Set(groups.filter((g) => g.headcount > 0).map((g) => g.activityId));
  return activities
    .filter((a) => a.kind === 'home_visit' && a.status !== 'cancelled' && visited.has(a.id))
    .map((a) => a.id);
}

/** The contract's thresholds as the classification takes them. */
export function countingRulesOf(settings: ContractSettings): CountingRules {
  return {
    largeEventMinAttendance: settings.largeEventMinAttendance,
    smallEventMinAttendance: settings.smallEventMinAttendance,
    ...(settings.smallEventMaxAttendance !== undefined
      ? { smallEventMaxAttendance: settings.smallEventMaxAttendance }
      : {}),
    lectureMinAttendance: settings.lectureMinAttendance,
    lectureMinMinutes: settings.lectureMinMinutes,
    workshopMinAttendance: settings.workshopMinAttendance,
  };
}

/** What a session counts as under the contract's rules: by actual attendance, never as planned. */
export function classifySession(summary: SessionSummary, rules: CountingRules): Classification {
  if (summary.cancelled) return { countsAs: null, downgraded: true, reason: '活动已取消，不计入' };
  return classifyByAttendance(
    { plannedKind: summary.plannedKind, attendance: summary.headcount, durationMinutes: summary.durationMinutes },
    rules,
  );
}

/** Measures counted from sessions; the others never look at them. */
export const SESSION_MEASURES = [
  'activities_held',
  'sessions_held',
  'groups_held',
  'attendances',
  'distinct_people',
  'home_visits_staffed',
] as const;
export type SessionMeasure = (typeof SESSION_MEASURES)[number];
export const isSessionMeasure = (measure: string): measure is SessionMeasure =>
  (SESSION_MEASURES as readonly string[]).includes(measure);

export interface SessionVerdict {
  summary: SessionSummary;
  classification: Classification;
  /** Counted by this indicator. */
  included: boolean;
  /** Why (not): the classification's sentence, or the filter that left it out. */
  because: string;
}

const kindList = (kinds: readonly ActivityKind[]) => kinds.map((k) => ACTIVITY_KIND_LABELS[k]).join('、');

/**
 * Whether a session counts for an indicator, and why. In this order, so the first reason given
 * is the one to act on:
 * 1. it counts as no kind at all (cancelled, attendance short of the kind's threshold);
 * 2. its 片区 is outside the contract's;
 * 3. 小组 sessions count under 小组节数/小组个数, everything else under 开展场次 — never both;
 *    入户探访（人员配备达标） counts home visits only;
 * 4. the indicator's filters: kinds (as classified), service areas, communities, attendance range;
 * 5. for 入户探访（人员配备达标）: the visit team meets seed 000's staffing rule.
 */
export function judgeSession(
  indicator: Pick<Indicator, 'measure' | 'filter'>,
  summary: SessionSummary,
  rules: CountingRules,
  scopeAreaIds: readonly string[],
  communityName: (id: string) => string = (id) => id,
): SessionVerdict {
  const classification = classifySession(summary, rules);
  const verdict = (included: boolean, because: string): SessionVerdict => ({
    summary,
    classification,
    included,
    because,
  });
  const { countsAs } = classification;
  if (countsAs === null) return verdict(false, classification.reason);
  if (scopeAreaIds.length > 0 && !scopeAreaIds.includes(summary.areaId)) {
    return verdict(false, '所在片区不在本合同范围内，不计入');
  }
  const isGroup = countsAs === 'group_session';
  if (indicator.measure === 'activities_held' && isGroup) {
    return verdict(false, '小组按小组节数、小组个数统计，不计入开展场次');
  }
  if ((indicator.measure === 'sessions_held' || indicator.measure === 'groups_held') && !isGroup) {
    return verdict(false, `按${ACTIVITY_KIND_LABELS[countsAs]}计，不是小组`);
  }
  if (indicator.measure === 'home_visits_staffed' && countsAs !== 'home_visit') {
    return verdict(false, `按${ACTIVITY_KIND_LABELS[countsAs]}计，不是入户探访`);
  }
  const { kinds, serviceAreas, communityIds, attendanceMin, attendanceMax } = indicator.filter;
  if (kinds.length > 0 && !kinds.includes(countsAs)) {
    return verdict(false, `按${ACTIVITY_KIND_LABELS[countsAs]}计，不属于本指标的活动类型（${kindList(kinds)}）`);
  }
  if (serviceAreas.length > 0 && !serviceAreas.includes(summary.serviceArea)) {
    return verdict(
      false,
      `服务领域为${SERVICE_AREA_LABELS[summary.serviceArea]}，不属于本指标（${serviceAreas.map((a) => SERVICE_AREA_LABELS[a]).join('、')}）`,
    );
  }
  if (communityIds.length > 0 && !communityIds.includes(summary.communityId)) {
    return verdict(false, `在${communityName(summary.communityId)}开展，不在本指标的社区范围内`);
  }
  const n = summary.headcount;
  if ((attendanceMin !== undefined && n < attendanceMin) || (attendanceMax !== undefined && n > attendanceMax)) {
    return verdict(false, `签到${n}人，不在本指标的人数范围（${rangeText(attendanceMin, attendanceMax)}）`);
  }
  if (indicator.measure === 'home_visits_staffed') {
    const staffing = checkHomeVisitStaffing(summary.visitTeam ?? NO_TEAM, visitsElder(summary));
    return verdict(staffing.meets, `${classification.reason}；探访人员：${staffing.text}`);
  }
  return verdict(true, classification.reason);
}

/** 10–50人, 50人以上, 50人以下 (inclusive, 以上/以下包括本数). */
export function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}人`;
  if (min !== undefined) return `${min}人以上`;
  if (max !== undefined) return `${max}人以下`;
  return '不限人数';
}
