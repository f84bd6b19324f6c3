import { rosterCounts } from '../../../_shared/domain/attendance';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { rosterEntry } from '../../../_shared/views/roster';
import { createWalkIn } from './walk-in';
import { rosterData } from '../../../_shared/queries/roster';
import { recordSignIn } from '../signin-service';

export const roster = defineAction('checkin', 'roster', {
  access: ['social_worker', 'admin'],
  async handle({ activityId }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const { bookings, attendance, station, personIds, byId, staffNames } = await rosterData(activity);
    const entries = personIds.map((personId) =>
      rosterEntry({
        personId,
        person: byId.get(personId),
        booking: bookings.find((b) => b.personId === personId),
        attendance: attendance.find((a) => a.personId === personId),
        station,
        staffNames,
      }),
    );
    const counts = rosterCounts({
      bookings: bookings.map((b) => ({
        personId: b.personId,
        status: b.status === 'pending' ? 'waitlisted' : b.status,
        partySize: b.partySize,
      })),
      attendance: attendance.map((a) => ({
        personId: a.personId,
        headcount: a.headcount,
        signedOutAt: a.signedOutAt,
        annulled: !!a.annulled,
      })),
    });
    return { activityId, counts, entries };
  },
});

export const searchPeople = defineAction('checkin', 'searchPeople', {
  access: ['social_worker', 'admin'],
  async handle({ activityId, query }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const found = await usersRepository.search(caller.stationId, query);
    const { bookings, attendance, station, staffNames } = await rosterData(activity);
    return {
      items: found.map((person) =>
        rosterEntry({
          personId: person._id,
          person,
          booking: bookings.find((b) => b.personId === person._id),
          attendance: attendance.find((a) => a.personId === person._id),
          station,
          staffNames,
        }),
      ),
    };
  },
});

/**
 * Signs in a resident who has no phone with them: one found by search, or a walk-in registered
 * on the spot (staff vouch for their consent; the record says who registered them).
 */
export const proxySignIn = defineAction('checkin', 'proxySignIn', {
  access: ['social_worker', 'admin'],
  idempotent: true,
  async handle(input, { caller, now }) {
    let person: UserDoc | null;
    if ('personId' in input) {
      person = await usersRepository.findByOpenid(input.personId);
      if (!person || person.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到该居民');
    } else {
      person = await createWalkIn(caller, input.walkIn, now);
    }
    return recordSignIn({
      activityId: input.activityId,
      attendee: { id: person._id, name: person.name, communityId: person.communityId },
      mode: 'in',
      method: 'proxy',
      recordedBy: caller._id,
      requireStationId: caller.stationId,
      now,
    });
  },
});

/** Annuls a mistaken sign-in. The record stays, marked with who annulled it, when and why. */
export const annul = defineAction('checkin', 'annul', {
  access: ['social_worker', 'admin'],
  async handle({ activityId, personId, reason }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const record = await attendanceRepository.find(activityId, personId);
    if (!record) throw new AppError('NOT_SIGNED_IN', '此人没有签到记录');
    await attendanceRepository.annul(record._id, { by: caller._id, at: now, reason });
    const { bookings, attendance, station, byId, staffNames } = await rosterData(activity);
    return rosterEntry({
      personId,
      person: byId.get(personId),
      booking: bookings.find((b) => b.personId === personId),
      attendance: attendance.find((a) => a.personId === personId),
      station,
      staffNames: new Map([...staffNames, [caller._id, caller.name]]),
    });
  },
});
