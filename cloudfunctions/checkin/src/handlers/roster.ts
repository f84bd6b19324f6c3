import { isSeries, sessionsOf } from '../../../_shared/domain/sessions';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { createWalkIn } from './walk-in';
import { pickSession, rosterData, sessionRoster } from '../../../_shared/queries/roster';
import { assertWalkInMayAttend, recordSignIn } from '../signin-service';

export const roster = defineAction('checkin', 'roster', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId, session: index }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const session = pickSession(activity, now, index);
    const { entries, counts } = sessionRoster(await rosterData(activity), session.index);
    return {
      activityId,
      ...(isSeries(activity)
        ? {
            session: {
              index: session.index,
              count: sessionsOf(activity).length,
              startAt: session.startAt.toISOString(),
              endAt: session.endAt.toISOString(),
            },
          }
        : {}),
      counts,
      entries,
    };
  },
});

export const searchPeople = defineAction('checkin', 'searchPeople', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId, query }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const found = await usersRepository.search(caller.stationId, query);
    const session = pickSession(activity, now);
    return { items: sessionRoster(await rosterData(activity), session.index, found).entries };
  },
});

/**
 * Signs in a resident who has no phone with them: one found by search, or a walk-in registered
 * on the spot (staff vouch for their consent; the record says who registered them).
 */
export const proxySignIn = defineAction('checkin', 'proxySignIn', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle(input, { caller, now }) {
    let person: UserDoc | null;
    if ('personId' in input) {
      person = await usersRepository.findByOpenid(input.personId);
      if (!person || person.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到该居民');
    } else {
      assertWalkInMayAttend(await loadActivityOfStation(input.activityId, caller.stationId), now);
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
  scope: 'station',
  writes: true,
  async handle({ activityId, personId, reason, session: index }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const session = pickSession(activity, now, index);
    const record = await attendanceRepository.find(activityId, personId, session.index);
    if (!record) throw new AppError('NOT_SIGNED_IN', '此人没有签到记录');
    await attendanceRepository.annul(record._id, { by: caller._id, at: now, reason });
    const data = await rosterData(activity);
    data.staffNames.set(caller._id, caller.name);
    return sessionRoster(data, session.index, [personId]).entries[0]!;
  },
});
