import type { ErrorCode } from '@linli/types/errors';
import { MAX_SESSIONS } from '@linli/types/entities/activity';

/**
 * Sessions: a single activity is one session; a 小组 (group) is a series of sessions with one
 * booking and one roster (DOMAIN.md: 小组节数, and 服务人次 summed over sessions). Each session has
 * its own sign-in window and its own attendance record per person, so a member who comes to all
 * five sessions counts five person-times, and a scan at one session never counts for another.
 */

/** Early arrivals sign in up to an hour before the start; a late sign-out an hour after the end. */
export const SIGN_IN_OPENS_BEFORE_MS = 60 * 60 * 1000;
export const SIGN_IN_CLOSES_AFTER_MS = 60 * 60 * 1000;

export interface Session {
  index: number;
  startAt: Date;
  endAt: Date;
}

interface Scheduled {
  startAt: Date;
  endAt: Date;
  sessions?: readonly { startAt: Date; endAt: Date }[];
}

/** The sessions of an activity, numbered from 1: a single activity is its own one session. */
export function sessionsOf(activity: Scheduled): Session[] {
  const list = activity.sessions?.length ? activity.sessions : [activity];
  return list.map((s, i) => ({ index: i + 1, startAt: s.startAt, endAt: s.endAt }));
}

export const isSeries = (activity: Scheduled): boolean => (activity.sessions?.length ?? 0) > 1;

const opens = (s: Session) => s.startAt.getTime() - SIGN_IN_OPENS_BEFORE_MS;
const closes = (s: Session) => s.endAt.getTime() + SIGN_IN_CLOSES_AFTER_MS;

export type SessionChoice = { session: Session } | { problem: ErrorCode; message?: string };

/**
 * The session a scan at `now` signs in to: the one whose window holds `now` (windows never
 * overlap: sessions are at least two hours apart). Before the first window the activity is not
 * open; after the last it is closed; between two sessions the next one is not open yet.
 */
export function sessionForSignIn(
  activity: Scheduled & { status: 'published' | 'cancelled' },
  now: Date,
): SessionChoice {
  if (activity.status === 'cancelled') return { problem: 'ACTIVITY_CANCELLED' };
  const sessions = sessionsOf(activity);
  const t = now.getTime();
  // Two hours apart, one window can close the instant the next opens: that instant is the next's.
  const open = [...sessions].reverse().find((s) => opens(s) <= t && t <= closes(s));
  if (open) return { session: open };
  if (t < opens(sessions[0]!)) return { problem: 'SIGN_IN_NOT_OPEN' };
  if (t > closes(sessions[sessions.length - 1]!)) return { problem: 'SIGN_IN_CLOSED' };
  const next = sessions.find((s) => t < opens(s))!;
  return { problem: 'SIGN_IN_NOT_OPEN', message: `第${next.index}节还未开始签到` };
}

/**
 * The session a paper list is entered for: the one named, else the latest that has started.
 * Paper lists come after the fact, so the session must have started.
 */
export function sessionForPaper(activity: Scheduled, now: Date, index?: number): SessionChoice {
  const sessions = sessionsOf(activity);
  if (index !== undefined) {
    const named = sessions.find((s) => s.index === index);
    if (!named) return { problem: 'INVALID_INPUT', message: `没有第${index}节` };
    if (named.startAt > now) return { problem: 'SIGN_IN_NOT_OPEN', message: '这一节开始后才能补录纸质签到' };
    return { session: named };
  }
  const started = sessions.filter((s) => s.startAt <= now);
  const latest = started[started.length - 1];
  return latest ? { session: latest } : { problem: 'SIGN_IN_NOT_OPEN', message: '活动开始后才能补录纸质签到' };
}

/**
 * The session a roster or a sign-in sheet shows when none is named: the one whose window holds
 * `now`, else the next to come, else the last.
 */
export function sessionToShow(activity: Scheduled, now: Date, index?: number): Session | null {
  const sessions = sessionsOf(activity);
  if (index !== undefined) return sessions.find((s) => s.index === index) ?? null;
  const t = now.getTime();
  return (
    sessions.find((s) => opens(s) <= t && t <= closes(s)) ??
    sessions.find((s) => t < opens(s)) ??
    sessions[sessions.length - 1]!
  );
}

/**
 * The attendance `_id`: `<activityId>.<personId>` for a single activity or a group's first
 * session, `<activityId>.<personId>.<n>` for session n ≥ 2. Unique per person and session, so a
 * repeated scan cannot count twice.
 */
export function attendanceKey(activityId: string, personId: string, session = 1): string {
  return session === 1 ? `${activityId}.${personId}` : `${activityId}.${personId}.${session}`;
}

/** Every attendance `_id` a person can have at an activity: one lookup finds all their sessions. */
export function attendanceKeys(activityId: string, personId: string): string[] {
  return Array.from({ length: MAX_SESSIONS }, (_, i) => attendanceKey(activityId, personId, i + 1));
}

/** The session number stored on an attendance record (absent on a single activity's record). */
export const sessionOfRecord = (record: { session?: number }): number => record.session ?? 1;
