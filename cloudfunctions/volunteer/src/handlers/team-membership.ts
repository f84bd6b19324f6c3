import { decideTeamLeader } from '../../../_shared/domain/volunteer-registration';
import { isApprovedVolunteerOf } from '../../../_shared/domain/volunteer-shifts';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { teamMemberId, teamMembersRepository, teamsRepository } from '../../../_shared/repositories/teams';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { loadTeamOfStation, oneTeamFacts } from '../loaders';
import { toTeam } from '../views';

/** An approved volunteer of the team's station joins; joining twice is one membership. */
export const joinTeam = defineAction('volunteer', 'joinTeam', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ teamId }, { caller, now }) {
    const team = await loadTeamOfStation(teamId, caller.stationId);
    const volunteer = await volunteersRepository.find(caller._id);
    if (!isApprovedVolunteerOf(volunteer, team.stationId)) {
      throw new AppError('NOT_VOLUNTEER', '审核通过的志愿者才能加入队伍，请先注册志愿者');
    }
    await teamMembersRepository.join({
      _id: teamMemberId(teamId, caller._id),
      teamId,
      stationId: team.stationId,
      volunteerId: caller._id,
      joinedAt: now,
    });
    const facts = await oneTeamFacts(team);
    return toTeam({ id: team._id, name: team.name }, facts, caller._id);
  },
});

/**
 * Leaves a team (leaving one not joined changes nothing). A leader who leaves stops leading at
 * once (effectiveLeader); the stored leader is cleared too, so rejoining does not make them
 * leader again without staff appointing them.
 */
export const leaveTeam = defineAction('volunteer', 'leaveTeam', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ teamId }, { caller }) {
    const team = await loadTeamOfStation(teamId, caller.stationId);
    await teamMembersRepository.leave(teamId, caller._id);
    if (team.leaderId === caller._id) await teamsRepository.clearLeaderIf(teamId, caller._id);
    const facts = await oneTeamFacts({ ...team, leaderId: team.leaderId === caller._id ? undefined : team.leaderId });
    return toTeam({ id: team._id, name: team.name }, facts, caller._id);
  },
});

/** Staff appoint the one leader: an approved member of the team. */
export const setTeamLeader = defineAction('volunteer', 'setTeamLeader', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ teamId, volunteerId }, { caller }) {
    const team = await loadTeamOfStation(teamId, caller.stationId);
    const facts = await oneTeamFacts(team);
    const decision = decideTeamLeader(facts.domain, volunteerId, { id: caller._id, roles: caller.roles });
    if (!decision.ok) {
      if (decision.problem === 'NOT_STAFF') throw new AppError('FORBIDDEN', '只有社工和站长可以指定队长');
      throw new AppError(
        'NOT_MEMBER',
        decision.problem === 'NOT_APPROVED'
          ? '该队员的志愿者登记尚未审核通过，不能担任队长'
          : '队长须是本队队员，请先让他加入本队',
      );
    }
    if (decision.changed) await teamsRepository.setLeader(teamId, volunteerId);
    const leaderName = facts.volunteers.get(volunteerId)?.realName ?? null;
    return toTeam({ id: team._id, name: team.name }, { leaderName, memberIds: facts.memberIds }, caller._id);
  },
});
