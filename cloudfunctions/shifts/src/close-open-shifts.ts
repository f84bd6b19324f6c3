import { SIGN_IN_CLOSES_AFTER_MS, sessionsOf } from '../../_shared/domain/sessions';
import { makeScanEntry } from '../../_shared/queries/shift-entry';
import { activitiesRepository } from '../../_shared/repositories/activities';
import { hourEntriesRepository } from '../../_shared/repositories/hour-entries';
import { volunteerAttendanceRepository } from '../../_shared/repositories/volunteer-attendance';

/**
 * Every 30 minutes: a volunteer who signed in but never signed out gets, once the session's
 * sign-in has closed, a pending hour entry flagged MISSING_SIGN_OUT with 0 minutes — the record
 * is complete and timely, and nobody invents the missing number: a social worker corrects it
 * (a new version, approved by someone else). The entry's id is derived from the sign-in, so a
 * run repeated or overlapping another makes no second entry.
 */
export async function closeOpenShifts(now: Date): Promise<Record<string, number>> {
  const candidates = await volunteerAttendanceRepository.openBefore(new Date(now.getTime() - SIGN_IN_CLOSES_AFTER_MS));
  const activities = await activitiesRepository.findMany([...new Set(candidates.map((c) => c.activityId))]);
  let flagged = 0;
  let stillOpen = 0;
  for (const record of candidates) {
    const activity = activities.find((a) => a._id === record.activityId);
    const session = activity && sessionsOf(activity).find((s) => s.index === (record.session ?? 1));
    if (!activity || !session) continue;
    if (now.getTime() <= session.endAt.getTime() + SIGN_IN_CLOSES_AFTER_MS) {
      stillOpen += 1;
      continue;
    }
    const entry = await makeScanEntry(activity, session, record, now);
    if (entry) await hourEntriesRepository.insert(entry);
    if (await volunteerAttendanceRepository.markClosed(record._id, now)) flagged += 1;
  }
  return { candidates: candidates.length, flagged, stillOpen };
}
