/**
 * Which reminders an activity's people are due (issue: the day before, shortly before the
 * start, and after the end an invitation to the satisfaction form). The schedule runs every 10
 * minutes; each window is wider than that, and a record per (activity, kind, person) makes sure
 * nobody hears the same reminder twice.
 */
export type ReminderKind = 'day_before' | 'starting_soon' | 'feedback';

const HOUR = 3600 * 1000;

export const REMINDER_WINDOWS: Record<ReminderKind, { description: string }> = {
  day_before: { description: '开始前24小时到前2小时之间' },
  starting_soon: { description: '开始前1小时内' },
  feedback: { description: '结束后24小时内' },
};

export function dueReminders(
  activity: { status: 'published' | 'cancelled'; startAt: Date; endAt: Date },
  now: Date,
): ReminderKind[] {
  if (activity.status !== 'published') return [];
  const untilStart = activity.startAt.getTime() - now.getTime();
  const sinceEnd = now.getTime() - activity.endAt.getTime();
  const due: ReminderKind[] = [];
  if (untilStart > 2 * HOUR && untilStart <= 24 * HOUR) due.push('day_before');
  if (untilStart > 0 && untilStart <= HOUR) due.push('starting_soon');
  if (sinceEnd >= 0 && sinceEnd < 24 * HOUR) due.push('feedback');
  return due;
}

/** Reminders before the start go to booked people; the feedback invitation to those who came. */
export const remindsAttendees = (kind: ReminderKind): boolean => kind === 'feedback';
