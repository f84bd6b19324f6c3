import { checkHomeVisitStaffing, NO_TEAM, teamCountsByVisit, visitsElder } from '../../../_shared/domain/home-visits';
import { hasAnyRole } from '../../../_shared/domain/roles';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { indicatorSourcesRepository } from '../../../_shared/repositories/indicator-sources';
import { usersRepository } from '../../../_shared/repositories/users';
import { visitMemberId, visitTeamRepository } from '../../../_shared/repositories/visit-team';
import { volunteerAttendanceRepository } from '../../../_shared/repositories/volunteer-attendance';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { loadTeam, loadVisit, teamView } from '../team-view';

const STAFF = ['social_worker', 'admin'] as const;

const notOnTeam = () =>
  new AppError('NOT_FOUND', '探访人员中没有这个人', [{ path: 'personId', message: '不在本次探访的探访人员中' }]);

export const team = defineAction('visits', 'team', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    return teamView(await loadVisit(activityId, caller.stationId));
  },
});

/**
 * Records a social worker (or the 站长) or an approved volunteer of the station on the team.
 * Recording someone already on it changes nothing; someone taken off earlier is put back.
 */
export const addMember = defineAction('visits', 'addMember', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ activityId, personId, role }, { caller, now }) {
    const activity = await loadVisit(activityId, caller.stationId);
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '探访已取消，不能再登记探访人员');
    if (role === 'staff') {
      const person = await usersRepository.findByOpenid(personId);
      if (!person || person.stationId !== caller.stationId || !hasAnyRole(person.roles, STAFF)) {
        throw new AppError('INVALID_INPUT', '只能登记本站的社工或站长', [
          { path: 'personId', message: '不是本站社工' },
        ]);
      }
    } else {
      const volunteer = await volunteersRepository.find(personId);
      if (!volunteer || volunteer.stationId !== caller.stationId || volunteer.status !== 'approved') {
        throw new AppError('INVALID_INPUT', '只能登记本站已审核通过的志愿者', [
          { path: 'personId', message: '不是本站已审核的志愿者' },
        ]);
      }
    }
    await visitTeamRepository.add({
      _id: visitMemberId(activityId, personId),
      activityId,
      stationId: caller.stationId,
      personId,
      role,
      activityStartAt: activity.startAt,
      addedBy: caller._id,
      addedAt: now,
      updatedAt: now,
    });
    return teamView(activity);
  },
});

/**
 * Takes a recorded member off the team (the record keeps who and when). A volunteer who signed
 * in at the visit is on it by that sign-in, which is not undone here.
 */
export const removeMember = defineAction('visits', 'removeMember', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ activityId, personId }, { caller, now }) {
    const activity = await loadVisit(activityId, caller.stationId);
    if ((await loadTeam(activity)).signedIn.has(personId)) throw new AppError('VISITOR_SIGNED_IN');
    if (!(await visitTeamRepository.remove(activityId, personId, caller._id, now))) {
      // Taken off a moment ago (a repeat, another social worker): the answer is the same team.
      if (!(await visitTeamRepository.find(activityId, personId))) throw notOnTeam();
    }
    return teamView(activity);
  },
});

/**
 * Records the gender of someone on this visit's team where it belongs: a social worker's on
 * their user record, a volunteer's on their registration (both, for a social worker who is also
 * a volunteer). Every home visit they were on is marked changed, so the monthly roll-ups that
 * counted them unstaffed are recomputed by the nightly run.
 */
export const setGender = defineAction('visits', 'setGender', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ activityId, personId, gender }, { caller, now }) {
    const activity = await loadVisit(activityId, caller.stationId);
    if (!(await loadTeam(activity)).team.some((m) => m.personId === personId)) throw notOnTeam();
    const [user, volunteer] = await Promise.all([
      usersRepository.findByOpenid(personId),
      volunteersRepository.find(personId),
    ]);
    const isStaff = !!user && user.stationId === caller.stationId && hasAnyRole(user.roles, STAFF);
    const isVolunteer = !!volunteer && volunteer.stationId === caller.stationId;
    if (!isStaff && !isVolunteer) {
      throw new AppError('NOT_FOUND', '这位探访人员已不是本站的社工或志愿者，不能登记性别', [
        { path: 'personId', message: '已不是本站人员' },
      ]);
    }
    await Promise.all([
      isStaff ? usersRepository.setGender(personId, caller.stationId, gender, caller._id, now) : null,
      isVolunteer ? volunteersRepository.setGender(personId, caller.stationId, gender, caller._id, now) : null,
    ]);
    const [recordedOn, signedInAt] = await Promise.all([
      visitTeamRepository.activityIdsOf(caller.stationId, personId),
      volunteerAttendanceRepository.activityIdsOf(caller.stationId, personId),
    ]);
    await activitiesRepository.touchHomeVisits(caller.stationId, [...recordedOn, ...signedInAt], now);
    return teamView(activity);
  },
});

/** The staffing check of the home visits among these activities of the station (for the list). */
export const checks = defineAction('visits', 'checks', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ activityIds }, { caller }) {
    const visits = (await activitiesRepository.findMany([...new Set(activityIds)])).filter(
      (a) => a.stationId === caller.stationId && a.kind === 'home_visit',
    );
    const teams = teamCountsByVisit(
      await indicatorSourcesRepository.homeVisitTeams(
        caller.stationId,
        visits.map((a) => a._id),
      ),
    );
    return {
      items: visits.map((a) => {
        const check = checkHomeVisitStaffing(teams.get(a._id) ?? NO_TEAM, visitsElder(a));
        return { activityId: a._id, meets: check.meets, text: check.text };
      }),
    };
  },
});
