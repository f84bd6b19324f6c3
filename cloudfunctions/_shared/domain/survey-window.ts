import { sessionOfRecord, sessionsOf } from './sessions';

/**
 * Who may answer an activity's form, and when (issue: "after sign-out (or at the end time)
 * participants who attended are asked to fill it, once per person per activity").
 *
 * - Only attendees: a valid (not annulled) attendance record at the activity. At a 小组 series,
 *   a record at any of its sessions.
 * - One form per person per activity; a 小组 series is ONE activity: its members answer once for
 *   the whole series, at its last session, as seed 002 has it (在小组末节 … 《参加者意见表》发给
 *   全体组员填写). Members who missed the last session still answer, once it is over.
 * - It opens for a person when they sign out of the (last) session, or at its end, whichever is
 *   first; it stays open for ANSWER_DAYS after the end (then the reminder is long past and the
 *   answer would no longer be about a fresh experience). Staff may stop collecting earlier.
 * - Staff enter paper forms from the start of the (last) session — they are handed out at the
 *   end and collected on the spot — for as long as the form is collecting.
 */

export const ANSWER_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

interface Scheduled {
  status: 'published' | 'cancelled';
  startAt: Date;
  endAt: Date;
  sessions?: readonly { startAt: Date; endAt: Date }[];
}

interface AttendanceFacts {
  session?: number;
  signedOutAt?: Date;
  /** Present (any value) when the sign-in was annulled. */
  annulled?: unknown;
}

export type AnswerWindow =
  | { state: 'cancelled' }
  | { state: 'not_attendee' }
  | { state: 'not_yet'; opensAt: Date; closesAt: Date }
  | { state: 'open'; opensAt: Date; closesAt: Date }
  | { state: 'expired'; opensAt: Date; closesAt: Date };

/** The session the form is given at: the last one (a single activity is its own one session). */
export const formSession = (activity: Scheduled) => {
  const sessions = sessionsOf(activity);
  return sessions[sessions.length - 1]!;
};

/** Whether these records (one person's, at this activity) make them an attendee. */
export const attended = (records: readonly AttendanceFacts[]): boolean => records.some((r) => !r.annulled);

/** When a person (by their records at the activity) may answer its form. */
export function answerWindow(activity: Scheduled, records: readonly AttendanceFacts[], now: Date): AnswerWindow {
  if (activity.status === 'cancelled') return { state: 'cancelled' };
  if (!attended(records)) return { state: 'not_attendee' };
  const last = formSession(activity);
  const signedOut = records.find((r) => !r.annulled && sessionOfRecord(r) === last.index)?.signedOutAt;
  const opensAt = signedOut && signedOut < last.endAt ? signedOut : last.endAt;
  const closesAt = new Date(last.endAt.getTime() + ANSWER_DAYS * DAY_MS);
  if (now < opensAt) return { state: 'not_yet', opensAt, closesAt };
  if (now > closesAt) return { state: 'expired', opensAt, closesAt };
  return { state: 'open', opensAt, closesAt };
}

/** Staff may type paper forms in once the (last) session has started. */
export const paperEntryOpen = (activity: Scheduled, now: Date): boolean =>
  activity.status === 'published' && now >= formSession(activity).startAt;

/** When the form opens for everyone who did not sign out early: the end of the (last) session. */
export const formOpensAt = (activity: Scheduled): Date => formSession(activity).endAt;
