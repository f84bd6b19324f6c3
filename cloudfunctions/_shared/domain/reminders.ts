/**
 * Which reminders an activity's people are due: the day before, and after the end an invitation
 * to the satisfaction form. The schedule runs every 10 minutes; each window is wider than that,
 * and a record per (activity, kind, person) makes sure nobody hears the same reminder twice.
 *
 * No "starting soon" nudge: a one-time subscription allows one message per accepted template and
 * the 报名 tap may ask for three, which go to what a resident must hear — a cancellation or a new
 * time, the day-before reminder, the satisfaction form (types/subscriptions.ts, docs/activities.md).
 */
import { sessionsOf, type Session } from './sessions';

export type ReminderKind = 'day_before' | 'feedback';

const HOUR = 3600 * 1000;

export const REMINDER_WINDOWS: Record<ReminderKind, { description: string }> = {
  day_before: { description: '开始前24小时到前2小时之间' },
  feedback: { description: '结束后24小时内' },
};

export interface DueReminder {
  kind: ReminderKind;
  /** The session it is about (1 for a single activity): a group's members hear before each. */
  session: Session;
}

export function dueReminders(
  activity: {
    status: 'published' | 'cancelled';
    startAt: Date;
    endAt: Date;
    sessions?: readonly { startAt: Date; endAt: Date }[];
  },
  now: Date,
): DueReminder[] {
  if (activity.status !== 'published') return [];
  const sessions = sessionsOf(activity);
  return sessions.flatMap((session) => {
    const untilStart = session.startAt.getTime() - now.getTime();
    const sinceEnd = now.getTime() - session.endAt.getTime();
    const due: DueReminder[] = [];
    if (untilStart > 2 * HOUR && untilStart <= 24 * HOUR) due.push({ kind: 'day_before', session });
    // The satisfaction form is one per activity — at a 小组, one for the whole series, handed
    // out at its last session (domain/survey-window.ts) — so the invitation follows the last.
    const last = session.index === sessions.length;
    if (last && sinceEnd >= 0 && sinceEnd < 24 * HOUR) due.push({ kind: 'feedback', session });
    return due;
  });
}

/** The key of a sent reminder: one per activity, kind, session (after the first) and person. */
export const reminderKey = (activityId: string, kind: ReminderKind, session: number, personId: string): string =>
  session === 1 ? `${activityId}.${kind}.${personId}` : `${activityId}.${kind}.${session}.${personId}`;

/**
 * Reminders before the start go to booked people; the feedback invitation to those who came (at
 * a 小组: to everyone who came to any of its sessions, as every member answers the form).
 */
export const remindsAttendees = (kind: ReminderKind): boolean => kind === 'feedback';
