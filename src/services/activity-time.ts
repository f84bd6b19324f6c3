import { inStation } from './dayjs';

/**
 * How activity times read on screen, always in station time (Asia/Shanghai):
 * `11月23日 周一 14:00–16:00`. The year is added only when it is not this year.
 */
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** `11月23日 周一` (`2027年1月4日 周一` in another year). */
export function formatDay(iso: string, now: Date = new Date()): string {
  const day = inStation(iso);
  const year = day.year() === inStation(now).year() ? '' : `${day.year()}年`;
  return `${year}${day.month() + 1}月${day.date()}日 ${WEEKDAYS[day.day()]}`;
}

/** `14:02`. */
export function formatClock(iso: string): string {
  return inStation(iso).format('HH:mm');
}

/** `11月23日 周一 14:00–16:00`; an activity running past midnight shows both days. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  const sameDay = inStation(startIso).format('YYYY-MM-DD') === inStation(endIso).format('YYYY-MM-DD');
  const end = sameDay ? formatClock(endIso) : `${formatDay(endIso, now)} ${formatClock(endIso)}`;
  return `${formatDay(startIso, now)} ${formatClock(startIso)}–${end}`;
}

/** `11月23日 周一 14:00`. */
export function formatMoment(iso: string, now: Date = new Date()): string {
  return `${formatDay(iso, now)} ${formatClock(iso)}`;
}

/**
 * When an activity meets, in one line: its time range, or for a 小组 series its first session
 * and the number of sessions (`11月24日 周二 14:00–16:00 起，共5节`).
 */
export function formatWhen(
  activity: { startAt: string; endAt: string; sessions?: readonly { startAt: string; endAt: string }[] },
  now: Date = new Date(),
): string {
  const first = activity.sessions?.[0];
  if (!first) return formatTimeRange(activity.startAt, activity.endAt, now);
  return `${formatTimeRange(first.startAt, first.endAt, now)} 起，共${activity.sessions!.length}节`;
}
