import dayjs, { STATION_TIME_ZONE } from '../runtime/dayjs';
import { ratio, type Ratio } from './exact-ratio';

/**
 * The calendar of a contract (DOMAIN.md: contract periods are inclusive days, China time; seed 001
 * asks for things per month and per quarter; seed 004's mid-term covers 3.5 of 7 months). Days
 * are 'YYYY-MM-DD' strings in Asia/Shanghai, so "is this record in the period" is a string
 * comparison that cannot be thrown off by the server's time zone; months are 'YYYY-MM'.
 */

export type Day = string;
export type Month = string;

/** Inclusive days, as contracts write them. */
export interface DayRange {
  from: Day;
  to: Day;
}

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The China-time day of an instant. */
export const dayOf = (at: Date): Day => dayjs(at).tz(STATION_TIME_ZONE).format('YYYY-MM-DD');
export const monthOf = (at: Date): Month => dayjs(at).tz(STATION_TIME_ZONE).format('YYYY-MM');
export const monthOfDay = (day: Day): Month => day.slice(0, 7);

/** The instant a China-time day begins. */
export const startOfDay = (day: Day): Date => dayjs.tz(day, STATION_TIME_ZONE).toDate();

/** [from, to) instants of an inclusive day range: from the first day's 00:00 to the day after the last. */
export function instantsOf(range: DayRange): { from: Date; to: Date } {
  return { from: startOfDay(range.from), to: dayjs.tz(range.to, STATION_TIME_ZONE).add(1, 'day').toDate() };
}

export const inRange = (day: Day, range: DayRange): boolean => day >= range.from && day <= range.to;

/** The whole calendar month as days. */
export function monthRange(month: Month): DayRange {
  const first = dayjs.tz(`${month}-01`, STATION_TIME_ZONE);
  return { from: first.format('YYYY-MM-DD'), to: first.endOf('month').format('YYYY-MM-DD') };
}

/** The months a range touches, in order. */
export const monthsOf = (range: DayRange): Month[] => monthsBetween(monthOfDay(range.from), monthOfDay(range.to));

const monthIndex = (month: Month): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Months from `from` to `to` inclusive ('YYYY-MM'); empty when reversed (or not months). Counted
 * with arithmetic, not a date library: callers check the length against their limits, and a
 * request for ten thousand years must be refused in milliseconds, not after a walk through
 * 120,000 months (which once kept the runtime busy for minutes).
 */
export function monthsBetween(from: Month, to: Month): Month[] {
  if (!MONTH_PATTERN.test(from) || !MONTH_PATTERN.test(to)) return [];
  const months: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1) {
    months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

const intersect = (a: DayRange, b: DayRange): DayRange | null => {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
};

/** One month or quarter of a contract period, cut to the period at its ends. */
export interface PeriodWindow {
  /** 'YYYY-MM' or 'YYYY-Q1'. */
  key: string;
  /** 2024年3月, 2024年第1季度. */
  label: string;
  range: DayRange;
  /** Cut by the contract's start or end (seed 004 starts on 25 January). */
  partial: boolean;
}

export function monthWindows(period: DayRange): PeriodWindow[] {
  return monthsOf(period).map((month) => {
    const whole = monthRange(month);
    const range = intersect(whole, period)!;
    const [year, m] = month.split('-');
    return {
      key: month,
      label: `${year}年${Number(m)}月`,
      range,
      partial: range.from !== whole.from || range.to !== whole.to,
    };
  });
}

/** Calendar quarters (一季度 = January–March), as contracts mean "≥1次/季度". */
export function quarterWindows(period: DayRange): PeriodWindow[] {
  const windows: PeriodWindow[] = [];
  for (const month of monthsOf(period)) {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const q = Math.floor((m - 1) / 3) + 1;
    const key = `${year}-Q${q}`;
    if (windows.some((w) => w.key === key)) continue;
    const firstMonth = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}`;
    const lastMonth = `${year}-${String(q * 3).padStart(2, '0')}`;
    const whole = { from: monthRange(firstMonth).from, to: monthRange(lastMonth).to };
    const range = intersect(whole, period)!;
    windows.push({
      key,
      label: `${year}年第${q}季度`,
      range,
      partial: range.from !== whole.from || range.to !== whole.to,
    });
  }
  return windows;
}

/** Where a window stands at `now`: over, running, or still to come. */
export function windowState(range: DayRange, now: Date): 'ended' | 'running' | 'upcoming' {
  const today = dayOf(now);
  if (today > range.to) return 'ended';
  if (today < range.from) return 'upcoming';
  return 'running';
}

export interface Elapsed {
  /** Whole days of the period that have begun by now (today counts), 0…total. */
  days: number;
  totalDays: number;
  /** days ÷ totalDays, exact. */
  share: Ratio;
}

/**
 * How much of the period has passed: the days begun so far (today included) over all its days.
 * A mid-term report is read against this (seed 004: 3.5 of 7 months), so "on track" is visible
 * before the end: done ÷ target ≥ elapsed share.
 */
export function elapsedOf(period: DayRange, now: Date): Elapsed {
  const first = dayjs.tz(period.from, STATION_TIME_ZONE);
  const totalDays = dayjs.tz(period.to, STATION_TIME_ZONE).diff(first, 'day') + 1;
  const today = dayjs.tz(dayOf(now), STATION_TIME_ZONE);
  const days = Math.min(totalDays, Math.max(0, today.diff(first, 'day') + 1));
  return { days, totalDays, share: ratio(days, totalDays) };
}
