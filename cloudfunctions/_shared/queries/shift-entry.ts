import { createHourEntry } from '../domain/hour-entries';
import { isSeries, type Session } from '../domain/sessions';
import { computeServiceHours, DEFAULT_GRACE_MINUTES } from '../domain/volunteer-hours';
import type { ActivityDoc } from '../repositories/activities';
import { scanEntryRootId, withHourEntry, type HourEntryDoc } from '../repositories/hour-entries';
import { stationsRepository } from '../repositories/stations';
import { teamMembersRepository } from '../repositories/teams';
import type { VolunteerAttendanceDoc } from '../repositories/volunteer-attendance';

/** What the service was, as it reads on the volunteer's record and certificate. */
export const shiftContent = (activity: ActivityDoc, session: Session): string =>
  isSeries(activity) ? `${activity.title}（第${session.index}节）` : activity.title;

/**
 * The hour entry a finished (or abandoned) shift makes: computed minutes, or — where the times
 * cannot give a true number — a flagged entry with 0 minutes for a social worker to correct.
 * A shift that counts 0 minutes (signed in and straight out) makes none.
 */
export async function makeScanEntry(
  activity: ActivityDoc,
  session: Session,
  record: VolunteerAttendanceDoc,
  now: Date,
): Promise<HourEntryDoc | null> {
  const [station, teamId] = await Promise.all([
    stationsRepository.findById(activity.stationId),
    teamMembersRepository.firstTeamOf(record.volunteerId),
  ]);
  const hours = computeServiceHours({
    signedInAt: record.signedInAt,
    ...(record.signedOutAt ? { signedOutAt: record.signedOutAt } : {}),
    window: { startAt: session.startAt, endAt: session.endAt },
    graceMinutes: station?.volunteerGraceMinutes ?? DEFAULT_GRACE_MINUTES,
  });
  if (hours.status === 'computed' && hours.minutes === 0) return null;
  const rootId = scanEntryRootId(record._id);
  const extras = {
    stationId: activity.stationId,
    content: shiftContent(activity, session),
    activityId: activity._id,
    ...(record.session ? { session: record.session } : {}),
    ...(teamId ? { teamId } : {}),
    createdAt: now,
    updatedAt: now,
  };
  if (hours.status === 'computed') {
    const entry = createHourEntry({
      id: rootId,
      volunteerId: record.volunteerId,
      source: 'scan',
      minutes: hours.minutes,
      interval: hours.counted,
      servedAt: hours.counted.start,
      createdBy: record.volunteerId,
      at: now,
    });
    return withHourEntry(extras, entry);
  }
  return {
    ...extras,
    _id: rootId,
    rootId,
    version: 1,
    volunteerId: record.volunteerId,
    source: 'scan',
    minutes: 0,
    servedAt: record.signedInAt,
    status: 'pending',
    createdBy: record.volunteerId,
    approvals: [],
    history: [{ action: 'created', version: 1, by: record.volunteerId, at: now, minutes: 0 }],
    flag: hours.reason,
  };
}
