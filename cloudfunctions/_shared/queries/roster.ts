import type { RosterEntry } from '@linli/types/actions/checkin';
import { rosterCounts } from '../domain/attendance';
import { isSeries, sessionOfRecord, sessionToShow } from '../domain/sessions';
import { AppError } from '../runtime/app-error';
import type { ActivityDoc } from '../repositories/activities';
import { attendanceRepository } from '../repositories/attendance';
import { bookingsRepository } from '../repositories/bookings';
import { stationsRepository } from '../repositories/stations';
import { usersRepository, type UserDoc } from '../repositories/users';
import { rosterEntry } from '../views/roster';

/** Everything a roster shows, read with a bounded number of requests whatever the turnout. */
export async function rosterData(activity: ActivityDoc) {
  const [bookings, attendance, station] = await Promise.all([
    bookingsRepository.forActivity(activity._id),
    attendanceRepository.forActivity(activity._id),
    stationsRepository.findById(activity.stationId),
  ]);
  const personIds = [...new Set([...bookings.map((b) => b.personId), ...attendance.map((a) => a.personId)])];
  const recorders = [...new Set(attendance.flatMap((a) => [a.recordedBy, a.annulled?.by ?? a.recordedBy]))];
  const people = await usersRepository.findMany([...new Set([...personIds, ...recorders])]);
  const byId = new Map(people.map((p) => [p._id, p]));
  const staffNames = new Map(people.filter((p) => recorders.includes(p._id)).map((p) => [p._id, p.name]));
  return { activity, bookings, attendance, station, personIds, byId, staffNames };
}
export type RosterData = Awaited<ReturnType<typeof rosterData>>;

/**
 * The roster of one session (a single activity has just one): one list of people — a group's
 * members are the same all series long — each with their record at that session, and at a
 * series how many sessions they have attended.
 */
export function sessionRoster(
  data: RosterData,
  session: number,
  people: readonly (string | UserDoc)[] = data.personIds,
) {
  const records = data.attendance.filter((a) => sessionOfRecord(a) === session);
  const series = isSeries(data.activity);
  const entries: RosterEntry[] = people.map((who) => {
    const personId = typeof who === 'string' ? who : who._id;
    const entry = rosterEntry({
      personId,
      person: typeof who === 'string' ? data.byId.get(personId) : who,
      booking: data.bookings.find((b) => b.personId === personId),
      attendance: records.find((a) => a.personId === personId),
      station: data.station,
      staffNames: data.staffNames,
    });
    if (!series) return entry;
    const attended = data.attendance.filter((a) => a.personId === personId && !a.annulled).length;
    return { ...entry, sessionsAttended: attended };
  });
  const counts = rosterCounts({
    bookings: data.bookings.map((b) => ({
      personId: b.personId,
      status: b.status === 'pending' ? 'waitlisted' : b.status,
      partySize: b.partySize,
    })),
    attendance: records.map((a) => ({
      personId: a.personId,
      headcount: a.headcount,
      signedOutAt: a.signedOutAt,
      annulled: !!a.annulled,
    })),
  });
  return { entries, counts };
}

/** The session a staff request is about: the one named, else the one on now (or next, or last). */
export function pickSession(activity: ActivityDoc, now: Date, index?: number) {
  const session = sessionToShow(activity, now, index);
  if (!session) throw new AppError('INVALID_INPUT', `没有第${index}节`, [{ path: 'session', message: '没有这一节' }]);
  return session;
}
