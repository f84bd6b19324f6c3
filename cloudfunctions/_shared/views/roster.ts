import type { RosterEntry } from '@linli/types/actions/checkin';
import type { AttendanceDoc } from '../repositories/attendance';
import type { BookingDoc } from '../repositories/bookings';
import type { StationDoc } from '../repositories/stations';
import type { UserDoc } from '../repositories/users';

/**
 * One row of a roster, for the staff of the activity's station: full names (they run the door)
 * but only the last four digits of a phone.
 */
export function rosterEntry(args: {
  personId: string;
  person?: UserDoc;
  booking?: BookingDoc;
  attendance?: AttendanceDoc;
  station: StationDoc | null;
  staffNames: ReadonlyMap<string, string>;
}): RosterEntry {
  const { personId, person, booking, attendance, station, staffNames } = args;
  const communityId = person?.communityId ?? booking?.communityId ?? attendance?.communityId ?? null;
  const status = booking?.status === 'confirmed' || booking?.status === 'waitlisted' ? booking.status : null;
  return {
    personId,
    name: person?.name ?? booking?.personName ?? attendance?.personName ?? '（未知）',
    communityName: station?.communities.find((c) => c.id === communityId)?.name ?? null,
    phoneTail: person?.phone ? person.phone.slice(-4) : null,
    walkIn: person?.walkIn ?? personId.startsWith('walkin-'),
    booking: status,
    partySize: attendance?.headcount ?? (status ? booking!.partySize : 1),
    signedInAt: attendance?.signedInAt.toISOString() ?? null,
    signedOutAt: attendance?.signedOutAt?.toISOString() ?? null,
    method: attendance?.method ?? null,
    recordedBy: attendance
      ? (staffNames.get(attendance.recordedBy) ?? (attendance.recordedBy === personId ? '本人' : '工作人员'))
      : null,
    ...(attendance?.note ? { note: attendance.note } : {}),
    annulled: attendance?.annulled
      ? {
          by: staffNames.get(attendance.annulled.by) ?? '工作人员',
          at: attendance.annulled.at.toISOString(),
          reason: attendance.annulled.reason,
        }
      : null,
  };
}
