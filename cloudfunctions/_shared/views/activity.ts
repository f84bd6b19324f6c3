import type { Activity, Attendance, Booking } from '@linli/types/entities/activity';
import { seatsLeft } from '../domain/booking';
import { isSeries, sessionsOf } from '../domain/sessions';
import type { ActivityDoc } from '../repositories/activities';
import type { AttendanceDoc } from '../repositories/attendance';
import type { BookingDoc } from '../repositories/bookings';

/** Stored activity → what residents and staff see (no invitation list, no author). */
export function toActivity(doc: ActivityDoc): Activity {
  return {
    id: doc._id,
    stationId: doc.stationId,
    title: doc.title,
    description: doc.description,
    kind: doc.kind,
    serviceArea: doc.serviceArea,
    areaId: doc.areaId,
    communityId: doc.communityId,
    place: doc.place,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    capacity: doc.capacity,
    seatsLeft: seatsLeft(doc),
    waitlisted: doc.waitlisted,
    bookingOpensAt: doc.bookingOpensAt.toISOString(),
    bookingClosesAt: doc.bookingClosesAt.toISOString(),
    audience: doc.audience,
    volunteerRoles: doc.volunteerRoles,
    ...(doc.coverUrl ? { coverUrl: doc.coverUrl } : {}),
    status: doc.status,
    ...(doc.cancelReason ? { cancelReason: doc.cancelReason } : {}),
    ...(doc.rescheduledAt ? { rescheduledAt: doc.rescheduledAt.toISOString() } : {}),
    ...(doc.importedFrom ? { importedFrom: doc.importedFrom } : {}),
    ...(isSeries(doc)
      ? {
          sessions: sessionsOf(doc).map((s) => ({
            index: s.index,
            startAt: s.startAt.toISOString(),
            endAt: s.endAt.toISOString(),
          })),
        }
      : {}),
  };
}

/** A pending booking is shown as what it is about to become: the person sees "waitlisted" until seats are settled. */
export function toBooking(doc: BookingDoc, waitlistPosition?: number): Booking | null {
  if (doc.status === 'pending') return null;
  return {
    activityId: doc.activityId,
    status: doc.status,
    partySize: doc.partySize,
    members: doc.members,
    ...(doc.status === 'waitlisted' && waitlistPosition ? { waitlistPosition } : {}),
    bookedAt: doc.bookedAt.toISOString(),
    ...(doc.cancelledAt ? { cancelledAt: doc.cancelledAt.toISOString() } : {}),
  };
}

export function toAttendance(doc: AttendanceDoc): Attendance {
  return {
    activityId: doc.activityId,
    headcount: doc.headcount,
    signedInAt: doc.signedInAt.toISOString(),
    ...(doc.signedOutAt ? { signedOutAt: doc.signedOutAt.toISOString() } : {}),
    method: doc.method,
    annulled: !!doc.annulled,
    ...(doc.session ? { session: doc.session } : {}),
  };
}
