import { randomBytes } from 'node:crypto';
import { canManageTeam } from '../../../_shared/domain/volunteer-registration';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { teamsRepository, type TeamDoc } from '../../../_shared/repositories/teams';
import { loadTeamOfStation, oneTeamFacts, teamFacts } from '../loaders';
import { toTeam } from '../views';

/** The station's teams: name, effective leader, size, and whether the caller is in it. */
export const teams = defineAction('volunteer', 'teams', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle(_input, { caller }) {
    const docs = await teamsRepository.forStation(caller.stationId);
    const facts = await teamFacts(docs);
    return {
      items: docs.map((t) => {
        const f = facts.get(t._id)!;
        return toTeam({ id: t._id, name: t.name }, f, caller._id);
      }),
    };
  },
});

const ID_ATTEMPTS = 3;

/**
 * A new team of the caller's station. Names are unique within a station (a second 岭南长者关爱队
 * would split one team's records in two); a retried request answers with the team it made.
 */
const nameTaken = (name: string) =>
  new AppError('CONFLICT', `本站已有名为“${name}”的队伍`, [{ path: 'name', message: '队名已被使用' }]);

export const createTeam = defineAction('volunteer', 'createTeam', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ name }, { caller, now }) {
    if (await teamsRepository.findByName(caller.stationId, name)) throw nameTaken(name);
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt += 1) {
      const doc: TeamDoc = {
        _id: shortIdFromBytes(randomBytes(shortIdBytesNeeded())),
        stationId: caller.stationId,
        name,
        createdBy: caller._id,
        createdAt: now,
      };
      if (await teamsRepository.insert(doc)) {
        return toTeam({ id: doc._id, name }, { leaderName: null, memberIds: [] }, caller._id);
      }
      // The (station, name) index is unique: a team created meanwhile under this name wins.
      if (await teamsRepository.findByName(caller.stationId, name)) throw nameTaken(name);
    }
    throw new AppError('INTERNAL');
  },
});

/** The member list: for the station's staff and the team's leader, not for other members. */
export const teamMembers = defineAction('volunteer', 'teamMembers', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: false,
  async handle({ teamId }, { caller }) {
    const team = await loadTeamOfStation(teamId, caller.stationId);
    const facts = await oneTeamFacts(team);
    if (!canManageTeam({ id: caller._id, roles: caller.roles }, facts.domain)) {
      throw new AppError('FORBIDDEN', '只有社工、站长和本队队长可以查看队员名单');
    }
    return {
      team: toTeam({ id: team._id, name: team.name }, facts, caller._id),
      members: facts.members.map((m) => {
        const volunteer = facts.volunteers.get(m.volunteerId);
        return {
          volunteerId: m.volunteerId,
          realName: volunteer?.realName ?? '（登记已删除）',
          core: volunteer?.core ?? false,
          leader: m.volunteerId === facts.leaderId,
          joinedAt: m.joinedAt.toISOString(),
        };
      }),
    };
  },
});
