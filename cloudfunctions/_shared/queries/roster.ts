import type { ActivityDoc } from '../repositories/activities';
import { attendanceRepository } from '../repositories/attendance';
import { bookingsRepository } from '../repositories/bookings';
import { stationsRepository } from '../repositories/stations';
import { usersRepository } from '../repositories/users';

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
  return { bookings, attendance, station, personIds, byId, staffNames };
}
