import { effectiveLeader, type Team as DomainTeam } from '../../_shared/domain/volunteer-registration';
import { AppError } from '../../_shared/runtime/app-error';
import {
  teamMembersRepository,
  teamsRepository,
  type TeamDoc,
  type TeamMemberDoc,
} from '../../_shared/repositories/teams';
import { volunteersRepository, type VolunteerDoc } from '../../_shared/repositories/volunteers';
import type { TeamRef } from './views';

/**
 * A registration the caller's station holds. Another station's is answered as missing, like one
 * that does not exist: ids must not reveal what exists elsewhere.
 */
export async function loadVolunteerOfStation(volunteerId: string, stationId: string): Promise<VolunteerDoc> {
  const volunteer = await volunteersRepository.find(volunteerId);
  if (!volunteer || volunteer.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该志愿者');
  return volunteer;
}

/** A team of the caller's station; another station's is answered as missing. */
export async function loadTeamOfStation(teamId: string, stationId: string): Promise<TeamDoc> {
  const team = await teamsRepository.findById(teamId);
  if (!team || team.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该队伍');
  return team;
}

/** A team with its members and their registrations: what leader rules and team views need. */
export interface TeamFacts {
  team: TeamDoc;
  members: TeamMemberDoc[];
  volunteers: Map<string, VolunteerDoc>;
  /** As the pure rules see the team (registration status per member). */
  domain: DomainTeam;
  leaderId: string | null;
  leaderName: string | null;
  memberIds: string[];
}

/** Facts of several teams in three reads, however many teams and members. */
export async function teamFacts(teams: readonly TeamDoc[]): Promise<Map<string, TeamFacts>> {
  const members = await teamMembersRepository.forTeams(teams.map((t) => t._id));
  const volunteers = new Map(
    (await volunteersRepository.findMany(members.map((m) => m.volunteerId))).map((v) => [v._id, v]),
  );
  return new Map(
    teams.map((team) => {
      const own = members.filter((m) => m.teamId === team._id);
      const domain: DomainTeam = {
        id: team._id,
        leaderId: team.leaderId ?? null,
        members: own.map((m) => ({
          volunteerId: m.volunteerId,
          // No registration found: not approved (cannot lead).
          registrationStatus: volunteers.get(m.volunteerId)?.status ?? 'pending',
        })),
      };
      const leaderId = effectiveLeader(domain);
      return [
        team._id,
        {
          team,
          members: own,
          volunteers,
          domain,
          leaderId,
          leaderName: leaderId ? (volunteers.get(leaderId)?.realName ?? null) : null,
          memberIds: own.map((m) => m.volunteerId),
        },
      ];
    }),
  );
}

export async function oneTeamFacts(team: TeamDoc): Promise<TeamFacts> {
  return (await teamFacts([team])).get(team._id)!;
}

/** Each volunteer's teams (id and name), in the order they joined. */
export async function teamRefsOf(volunteerIds: readonly string[]): Promise<Map<string, TeamRef[]>> {
  const memberships = await teamMembersRepository.forVolunteers(volunteerIds);
  const teams = new Map((await teamsRepository.findMany(memberships.map((m) => m.teamId))).map((t) => [t._id, t]));
  const result = new Map<string, TeamRef[]>(volunteerIds.map((id) => [id, []]));
  for (const m of memberships) {
    const team = teams.get(m.teamId);
    if (team) result.get(m.volunteerId)?.push({ id: team._id, name: team.name });
  }
  return result;
}
