/**
 * Activity kinds and how an activity counts towards the contract's indicators (DOMAIN.md,
 * "Activity kinds and how they count"; seeds 000, 002, 004). The evaluator counts what the sign-in
 * sheet proves, not what was planned: this module turns an activity's planned kind and its actual
 * attendance into the kind it counts as, with a reason a social worker can read.
 *
 * What must change together: the activity schema's `kind` and `serviceArea` enums are built from
 * ACTIVITY_KINDS and SERVICE_AREAS; the station's contract settings carry a CountingRules; the
 * indicator functions count an activity under `countsAs`, never under its planned kind.
 */

// The lists and labels are part of the shared contract (the mini-program shows the labels).
export {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  SERVICE_AREAS,
  SERVICE_AREA_LABELS,
  type ActivityKind,
  type ServiceArea,
} from '@linli/types/entities/activity-kinds';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@linli/types/entities/activity-kinds';

export interface CountingRules {
  largeEventMinAttendance: number;
  smallEventMinAttendance: number;
  /**
   * Upper end of the small/medium band where a contract writes one (seed 000: 10–50). Only
   * matters when it leaves a gap below the large threshold (e.g. small 10–50 with large 100+):
   * an activity in the gap meets neither definition and is not counted.
   */
  smallEventMaxAttendance?: number;
  lectureMinAttendance: number;
  /** Includes question time (seed 002). */
  lectureMinMinutes: number;
  workshopMinAttendance: number;
}

export const DEFAULT_COUNTING_RULES: CountingRules = {
  /** Seed 000: 大型活动（50人以上）. Seed 002 contracts set 100 (100及人以上定义为大型社区活动). */
  largeEventMinAttendance: 50,
  /**
   * Seed 000: 中小型活动（10-50人）. Its upper end, 50, is where the large band starts, so it adds
   * nothing and is left unset: a contract that only raises the large threshold to 100 (seed 002:
   * 100人以下定义为中小型社区活动) must not inherit a gap from 51 to 99.
   */
  smallEventMinAttendance: 10,
  /** Seed 002: 每场讲座要求居民参加人数≥30人. */
  lectureMinAttendance: 30,
  /** Seed 002: 讲座时间应≥40分钟，包含提问的时间. */
  lectureMinMinutes: 40,
  /** Seed 002: 工作坊每次活动参加人数不少于10人. */
  workshopMinAttendance: 10,
};

export interface AttendanceFacts {
  plannedKind: ActivityKind;
  /** Signed-in person-times, annulled sign-ins excluded (for visits: people visited). */
  attendance: number;
  /** Actual length in minutes (may be fractional), questions included; only lectures are judged on it. */
  durationMinutes: number;
}

export interface Classification {
  /** The kind the activity counts as, or null when it counts towards no indicator. */
  countsAs: ActivityKind | null;
  /** One Chinese sentence for the social worker: planned, actual, and what follows. */
  reason: string;
  /** True when it counts as less than planned: a lower kind, or not at all. */
  downgraded: boolean;
}

/**
 * The kind an activity counts as, judged by its actual attendance:
 * - Community events (large or small/medium) count as the band their attendance falls in,
 *   whatever was planned: a "large" event with 30 people counts as small/medium, a small one
 *   that drew 60 counts as large (the sheet proves it), one below the small minimum not at all.
 * - A lecture needs its minimum attendance and minutes, a workshop its minimum attendance; one
 *   that falls short is not counted at all, not even as a small/medium event: the contract
 *   measures lectures and workshops as their own service forms, and a shortfall quietly moved
 *   into another indicator would be a number the evaluator cannot trace back to a plan.
 *   Converting between kinds (折合, seed 002) is a separate, contract-permitted step.
 * - Every other kind has no size threshold and counts as planned once anyone attended.
 */
export function classifyByAttendance(facts: AttendanceFacts, rules: CountingRules): Classification {
  // Counts come from the sign-in records; a negative or fractional one is a bug upstream.
  if (!Number.isInteger(facts.attendance) || facts.attendance < 0) {
    throw new RangeError('attendance must be a non-negative integer');
  }
  if (!Number.isFinite(facts.durationMinutes) || facts.durationMinutes < 0) {
    throw new RangeError('durationMinutes must be a non-negative number');
  }
  switch (facts.plannedKind) {
    case 'large_event':
    case 'small_event':
      return classifyCommunityEvent(facts.plannedKind, facts.attendance, rules);
    case 'lecture':
      return classifyLecture(facts.attendance, facts.durationMinutes, rules);
    case 'workshop':
      return classifyWorkshop(facts.attendance, rules);
    default:
      return classifyWithoutThreshold(facts.plannedKind, facts.attendance);
  }
}

const LARGE = ACTIVITY_KIND_LABELS.large_event;
const SMALL = ACTIVITY_KIND_LABELS.small_event;

function classifyCommunityEvent(
  planned: 'large_event' | 'small_event',
  attendance: number,
  rules: CountingRules,
): Classification {
  const { largeEventMinAttendance: largeMin, smallEventMinAttendance: smallMin } = rules;
  const smallMax = rules.smallEventMaxAttendance;
  const said = `计划为${ACTIVITY_KIND_LABELS[planned]}，实际签到${attendance}人`;
  if (attendance >= largeMin) {
    return planned === 'large_event'
      ? counted('large_event', `${said}，达到${largeMin}人，按${LARGE}计`)
      : counted('large_event', `${said}，达到${LARGE}${largeMin}人的标准，按${LARGE}计`);
  }
  if (attendance < smallMin) return notCounted(`${said}，未达${SMALL}${smallMin}人的标准，不计入`);
  if (smallMax !== undefined && attendance > smallMax) {
    return notCounted(`${said}，超过${SMALL}上限${smallMax}人又未达${LARGE}${largeMin}人，按合同不计入`);
  }
  return planned === 'large_event'
    ? { countsAs: 'small_event', downgraded: true, reason: `${said}，未达${largeMin}人，按${SMALL}计` }
    : counted('small_event', `${said}，按${SMALL}计`);
}

function classifyLecture(attendance: number, minutes: number, rules: CountingRules): Classification {
  const { lectureMinAttendance: minPeople, lectureMinMinutes: minMinutes } = rules;
  // Whole minutes shown, exact minutes compared: 39.9 reads "39分钟" and falls short of 40 either way.
  const said = `计划为讲座，实际签到${attendance}人、时长${Math.floor(minutes)}分钟`;
  const shortfalls = present(
    attendance < minPeople ? `人数未达${minPeople}人` : null,
    minutes < minMinutes ? `时长未达${minMinutes}分钟` : null,
  );
  return shortfalls.length === 0
    ? counted('lecture', `${said}，按讲座计`)
    : notCounted(`${said}，${shortfalls.join('且')}，不按讲座计入`);
}

function classifyWorkshop(attendance: number, rules: CountingRules): Classification {
  const minPeople = rules.workshopMinAttendance;
  const said = `计划为工作坊，实际签到${attendance}人`;
  return attendance >= minPeople
    ? counted('workshop', `${said}，按工作坊计`)
    : notCounted(`${said}，未达${minPeople}人，不按工作坊计入`);
}

function classifyWithoutThreshold(kind: ActivityKind, attendance: number): Classification {
  const label = ACTIVITY_KIND_LABELS[kind];
  const verb = kind === 'home_visit' ? '探访' : kind === 'phone_visit' ? '电访' : '签到';
  return attendance >= 1
    ? counted(kind, `计划为${label}，实际${verb}${attendance}人，按${label}计`)
    : notCounted(`计划为${label}，无人${verb}，不计入`);
}

const counted = (kind: ActivityKind, reason: string): Classification => ({ countsAs: kind, reason, downgraded: false });
const notCounted = (reason: string): Classification => ({ countsAs: null, reason, downgraded: true });
/** The parts of a sentence that apply: each shortfall is named, so the reason says what to fix. */
const present = (...parts: (string | null)[]): string[] => parts.filter((p): p is string => p !== null);

// Home visits' staffing rule (seed 000: 社工人数, 1名男性) lives in ./home-visits.ts.
