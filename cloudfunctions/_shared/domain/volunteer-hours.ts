/**
 * Volunteer hours from what happened (DOMAIN.md, "Volunteers and hours"; 《志愿服务记录与证明出具办法》:
 * records true, accurate, complete and timely; hours are actual service time, travel excluded).
 *
 * Everything is counted in whole minutes, as integers, and turned into hours once, at the end:
 * adding hours that were each rounded to two decimals drifts (0.02 + 0.02 + 0.02 for three
 * one-minute entries is 0.06, the true total of three minutes is 0.05), and adding binary
 * fractions drifts too. Seed 004 reports 3024.85 hours: two decimals is the unit of reporting.
 *
 * Whole minutes served: a sign-in at 09:58:40 counts from 09:59, a sign-out at 11:30:10 until
 * 11:30 — a minute counts when the volunteer was there for all of it, so no record ever credits
 * time that was not served, and at most a minute is lost at either end. The same rule turns
 * every interval into minutes (computeServiceHours, mergeIntervals, countedMinutes), so one
 * entry's minutes on its own and its counted minutes beside others agree when nothing overlaps.
 *
 * What must change together: the check-in function computes a volunteer's entry with
 * computeServiceHours and stores the clipped interval with the minutes (hour-entries.ts counts
 * overlaps from it); the station's settings carry the grace; attendance.ts decides when a scan is
 * accepted at all, which is wider than the grace (a sign-in an hour early is accepted, but only
 * the grace before the start counts as service).
 */

const MINUTE_MS = 60 * 1000;

/**
 * Setting up before and clearing away after are service; waiting for the start is not. Half an
 * hour either side covers a room set-up and a tidy-up; a station that needs more sets its own.
 */
export const DEFAULT_GRACE_MINUTES = 30;

/** An activity's planned time, or any span of service time. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Why hours could not be computed and a social worker has to look. Closed: clients switch on these. */
export type ServiceHoursReviewReason = 'MISSING_SIGN_OUT' | 'SIGN_OUT_BEFORE_SIGN_IN' | 'OUTSIDE_WINDOW';

export type ServiceHours =
  | {
      status: 'computed';
      /** Two decimals, from `minutes` (roundHours). */
      hours: number;
      minutes: number;
      /** True when time outside the window (grace included) was cut off. */
      clipped: boolean;
      /** The span that was counted, on whole minutes; what overlaps are judged on. */
      counted: Interval;
    }
  | { status: 'needs_review'; reason: ServiceHoursReviewReason };

export interface ServiceHoursFacts {
  signedInAt: Date;
  signedOutAt?: Date;
  window: { startAt: Date; endAt: Date };
  /** Minutes before the start and after the end that still count (set-up, clearing away). */
  graceMinutes: number;
}

/**
 * The minutes a volunteer served at an activity, computed on the server from the two scans.
 * In this order:
 * 1. no sign-out → MISSING_SIGN_OUT: the record is incomplete and a number made up for it (the
 *    planned length, the time until the scan closed) would be a record that is not true;
 * 2. sign-out before sign-in → SIGN_OUT_BEFORE_SIGN_IN: a clock or data error, not service;
 * 3. the time at the activity is clipped to its window widened by the grace on both sides;
 *    nothing left → OUTSIDE_WINDOW (scanned the wrong day's code, or a record moved in time);
 * 4. otherwise the whole minutes inside, possibly 0 (signed in and straight out again): the
 *    check-in function makes no entry for 0 minutes.
 */
export function computeServiceHours(facts: ServiceHoursFacts): ServiceHours {
  const { signedInAt, signedOutAt, window, graceMinutes } = facts;
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0) {
    throw new RangeError('graceMinutes must be a non-negative integer');
  }
  // The activity schema keeps the end after the start; reaching here otherwise is a bug.
  if (!(window.endAt > window.startAt)) throw new RangeError('window must end after it starts');
  if (!signedOutAt) return { status: 'needs_review', reason: 'MISSING_SIGN_OUT' };
  if (signedOutAt < signedInAt) return { status: 'needs_review', reason: 'SIGN_OUT_BEFORE_SIGN_IN' };

  const opensMs = window.startAt.getTime() - graceMinutes * MINUTE_MS;
  const closesMs = window.endAt.getTime() + graceMinutes * MINUTE_MS;
  const startMs = Math.max(signedInAt.getTime(), opensMs);
  const endMs = Math.min(signedOutAt.getTime(), closesMs);
  if (endMs < startMs) return { status: 'needs_review', reason: 'OUTSIDE_WINDOW' };

  const [from, to] = wholeMinutes({ start: new Date(startMs), end: new Date(endMs) });
  const minutes = Math.max(0, to - from);
  return {
    status: 'computed',
    hours: roundHours(minutes),
    minutes,
    clipped: signedInAt.getTime() < opensMs || signedOutAt.getTime() > closesMs,
    counted: { start: minuteToDate(from), end: minuteToDate(Math.max(from, to)) },
  };
}

/**
 * Minutes as hours with two decimals, rounded half up. Done on integers (hundredths of an hour =
 * minutes × 100 / 60, plus half a hundredth, floored), so no binary fraction is ever rounded.
 * A tie cannot actually occur (minutes × 100 / 60 never ends in exactly .5 hundredths), so half
 * up and half even agree; half up is named because it is what people check by hand.
 */
export function roundHours(minutes: number): number {
  return hundredthsOfHour(minutes) / 100;
}

/** Hours as printed and exported: always two decimals ("1.50", "3024.85"). */
export function formatHours(minutes: number): string {
  const hundredths = hundredthsOfHour(minutes);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The hours of many entries: their minutes summed exactly, converted once. */
export function sumHours(minutesList: readonly number[]): number {
  return roundHours(sumMinutes(minutesList));
}

export function sumMinutes(minutesList: readonly number[]): number {
  return minutesList.reduce((total, minutes) => total + assertMinutes(minutes), 0);
}

/**
 * The whole-minute spans covered by any of the intervals, sorted, overlapping and touching spans
 * joined. Each interval is first reduced to its whole minutes (see the file comment), so the
 * union is of what each interval counts on its own.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  return mergeMinuteSpans(intervals.map(wholeMinutes)).map(([from, to]) => ({
    start: minuteToDate(from),
    end: minuteToDate(to),
  }));
}

/** Minutes covered by at least one of the intervals: the most a volunteer can have served in them. */
export function unionMinutes(intervals: readonly Interval[]): number {
  return spanLength(mergeMinuteSpans(intervals.map(wholeMinutes)));
}

export interface TimedEntry extends Interval {
  id: string;
  /** When the entry was (first) approved; absent while it is pending. */
  approvedAt?: Date;
}

/**
 * How many minutes each of one volunteer's entries counts when some of them overlap (signed in at
 * two activities at once, a manual entry for time already scanned): the sum is the length of the
 * union (unionMinutes), so no minute is counted twice.
 *
 * Who keeps an overlapping minute: the entry approved first, then — among entries not yet
 * approved — the one that started first; ties by id. Approval first, because an approved entry
 * may already be on a report or a certificate: a later entry, approved or not, only gets the
 * minutes nobody has yet, and never takes minutes from a record already given out. Among pending
 * entries, start time is the order that does not depend on who happens to approve first.
 * The answer does not depend on the order of the input.
 */
export function countedMinutes(entries: readonly TimedEntry[]): Map<string, number> {
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) throw new RangeError('entry ids must be unique');
  const queue = [...entries].sort(
    (a, b) =>
      timeOr(a.approvedAt, Infinity) - timeOr(b.approvedAt, Infinity) ||
      a.start.getTime() - b.start.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const counted = new Map<string, number>();
  let covered: Span[] = [];
  for (const entry of queue) {
    const before = spanLength(covered);
    covered = mergeMinuteSpans([...covered, wholeMinutes(entry)]);
    counted.set(entry.id, spanLength(covered) - before);
  }
  return counted;
}

/** [first minute, minute after the last), as minute numbers since the epoch. */
type Span = readonly [number, number];

/** An interval reduced to the whole minutes inside it; empty spans have `to ≤ from`. */
function wholeMinutes(interval: Interval): Span {
  return [Math.ceil(interval.start.getTime() / MINUTE_MS), Math.floor(interval.end.getTime() / MINUTE_MS)];
}

function mergeMinuteSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

const spanLength = (spans: readonly Span[]): number => spans.reduce((total, [from, to]) => total + to - from, 0);
const minuteToDate = (minute: number): Date => new Date(minute * MINUTE_MS);
const timeOr = (date: Date | undefined, fallback: number): number => (date ? date.getTime() : fallback);

function hundredthsOfHour(minutes: number): number {
  return Math.floor((assertMinutes(minutes) * 100 + 30) / 60);
}

/** Minutes are counted, never measured: a fraction or a negative is a bug upstream. */
function assertMinutes(minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative integer');
  return minutes;
}
