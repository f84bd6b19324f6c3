import { paperListProblem } from '../../../_shared/domain/paper-list';
import { sessionForPaper } from '../../../_shared/domain/sessions';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { bookingsRepository } from '../../../_shared/repositories/bookings';
import { doorHelperId, doorHelpersRepository } from '../../../_shared/repositories/door-helpers';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';
import { recordSignIn } from '../signin-service';
import { createWalkIn } from './walk-in';

async function helperList(activityId: string) {
  const helpers = await doorHelpersRepository.forActivity(activityId);
  const people = await usersRepository.findMany(helpers.map((h) => h.openid));
  return {
    items: helpers.map((h) => ({
      openid: h.openid,
      name: people.find((p) => p._id === h.openid)?.name ?? '志愿者',
      grantedAt: h.grantedAt.toISOString(),
    })),
  };
}

/** The activity's door helpers and the station's volunteers who could be made one. */
export const helpers = defineAction('checkin', 'helpers', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    await loadActivityOfStation(activityId, caller.stationId);
    const [current, volunteers] = await Promise.all([
      helperList(activityId),
      usersRepository.listByRole(caller.stationId, 'volunteer'),
    ]);
    const granted = new Set(current.items.map((i) => i.openid));
    return {
      items: current.items,
      candidates: volunteers.filter((v) => !granted.has(v._id)).map((v) => ({ openid: v._id, name: v.name })),
    };
  },
});

/** Only approved volunteers of the station can be door helpers. */
export const grantHelper = defineAction('checkin', 'grantHelper', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ activityId, openid }, { caller, now }) {
    await loadActivityOfStation(activityId, caller.stationId);
    const volunteer = await usersRepository.findByOpenid(openid);
    if (!volunteer || volunteer.stationId !== caller.stationId || !volunteer.roles.includes('volunteer')) {
      throw new AppError('INVALID_INPUT', '只能授权本站已审核的志愿者', [
        { path: 'openid', message: '不是本站志愿者' },
      ]);
    }
    await doorHelpersRepository.grant({
      _id: doorHelperId(activityId, openid),
      activityId,
      stationId: caller.stationId,
      openid,
      grantedBy: caller._id,
      grantedAt: now,
    });
    return helperList(activityId);
  },
});

export const revokeHelper = defineAction('checkin', 'revokeHelper', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ activityId, openid }, { caller, now }) {
    await loadActivityOfStation(activityId, caller.stationId);
    await doorHelpersRepository.revoke(activityId, openid, now);
    return helperList(activityId);
  },
});

export const myHelperActivities = defineAction('checkin', 'myHelperActivities', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { caller, now }) {
    const grants = await doorHelpersRepository.forHelper(caller._id);
    const activities = await activitiesRepository.findMany(grants.map((g) => g.activityId));
    return {
      items: activities
        .filter((a) => a.status === 'published' && a.endAt > now)
        .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
        .map((a) => ({ activityId: a._id, title: a.title, startAt: a.startAt.toISOString() })),
    };
  },
});

/**
 * Attendance from a paper sign-in list, entered after the event: each entry is marked 纸质签到
 * 补录 with who entered it; people already signed in are left as they are. The whole list is
 * checked before anything is written (domain/paper-list.ts): a list with one bad line records
 * nobody, so correcting that line and sending it again gives the right counts.
 */
export const recordPaper = defineAction('checkin', 'recordPaper', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ activityId, entries, session, note }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    const choice = sessionForPaper(activity, now, session);
    if ('problem' in choice) throw new AppError(choice.problem, choice.message);
    const named = entries.flatMap((entry) => ('personId' in entry ? [entry.personId] : []));
    const [people, station, bookings] = await Promise.all([
      usersRepository.findMany(named),
      stationsRepository.findById(caller.stationId),
      activity.audience === 'invited' ? bookingsRepository.forActivity(activityId) : Promise.resolve([]),
    ]);
    const problem = paperListProblem(entries, {
      activity,
      stationId: caller.stationId,
      communityIds: station?.communities.map((c) => c.id) ?? [],
      people: new Map(people.map((p) => [p._id, p])),
      liveBookers: new Set(bookings.map((b) => b.personId)),
    });
    if (problem) throw new AppError(problem.code, problem.message, problem.fields);

    let recorded = 0;
    let alreadyPresent = 0;
    for (const entry of entries) {
      const person =
        'personId' in entry
          ? people.find((p) => p._id === entry.personId)!
          : await createWalkIn(caller, entry.walkIn, now);
      const result = await recordSignIn({
        activityId,
        attendee: { id: person._id, name: person.name, communityId: person.communityId },
        mode: 'in',
        method: 'paper',
        recordedBy: caller._id,
        requireStationId: caller.stationId,
        session,
        note,
        now,
      });
      if (result.outcome === 'signed_in') recorded += 1;
      else alreadyPresent += 1;
    }
    return { recorded, alreadyPresent };
  },
});
