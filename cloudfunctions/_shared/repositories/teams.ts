import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, PAGE_SIZE, readAllPages, storedDate } from './sdk';

/** A 志愿服务队 of a station. `leaderId` is read through domain/volunteer-registration's effectiveLeader. */
export const teamDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  name: z.string(),
  leaderId: z.string().optional(),
  createdBy: z.string(),
  createdAt: storedDate,
  demo: z.boolean().optional(),
});
export type TeamDoc = z.output<typeof teamDocSchema>;

/** Membership: `_id` is `<teamId>.<volunteerId>`, so joining twice is one membership. */
export const teamMemberDocSchema = z.object({
  _id: z.string(),
  teamId: z.string(),
  stationId: z.string(),
  volunteerId: z.string(),
  joinedAt: storedDate,
  demo: z.boolean().optional(),
});
export type TeamMemberDoc = z.output<typeof teamMemberDocSchema>;

export const teamMemberId = (teamId: string, volunteerId: string): string => `${teamId}.${volunteerId}`;

/** A station has a handful of teams; a team has dozens of members, at most hundreds. */
const MAX_TEAMS = 200;
const MAX_MEMBERS = 2000;

export const teamsRepository = {
  async findById(id: string): Promise<TeamDoc | null> {
    const { data } = await db.collection('teams').where({ _id: id }).limit(1).get();
    return data[0] ? narrow(teamDocSchema, data[0], 'team') : null;
  },

  async findByName(stationId: string, name: string): Promise<TeamDoc | null> {
    const { data } = await db.collection('teams').where({ stationId, name }).limit(1).get();
    return data[0] ? narrow(teamDocSchema, data[0], 'team') : null;
  },

  /** False if the id is taken (draw another). */
  async insert(doc: TeamDoc): Promise<boolean> {
    try {
      await db.collection('teams').add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /** A station's teams by name. */
  async forStation(stationId: string): Promise<TeamDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection('teams')
            .where({ stationId })
            .orderBy('name', 'asc')
            .orderBy('_id', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      MAX_TEAMS,
    );
    return narrowAll(teamDocSchema, raws, 'team');
  },

  async findMany(ids: readonly string[]): Promise<TeamDoc[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const { data } = await db
      .collection('teams')
      .where({ _id: _.in(unique) })
      .limit(unique.length)
      .get();
    return narrowAll(teamDocSchema, data, 'team');
  },

  async setLeader(teamId: string, leaderId: string): Promise<void> {
    await db.collection('teams').where({ _id: teamId }).update({ data: { leaderId } });
  },

  /**
   * Clears the stored leader if it is still this volunteer (they left): effectiveLeader already
   * stops them leading, and this keeps them from leading again just by rejoining.
   */
  async clearLeaderIf(teamId: string, volunteerId: string): Promise<void> {
    await db
      .collection('teams')
      .where({ _id: teamId, leaderId: volunteerId })
      .update({ data: { leaderId: _.remove() } });
  },
};

export const teamMembersRepository = {
  async forVolunteer(volunteerId: string): Promise<TeamMemberDoc[]> {
    const { data } = await db
      .collection('team_members')
      .where({ volunteerId })
      .orderBy('joinedAt', 'asc')
      .limit(50)
      .get();
    return narrowAll(teamMemberDocSchema, data, 'team member');
  },

  /** The team a volunteer's new hours count for: the first they joined (none: no team). */
  async firstTeamOf(volunteerId: string): Promise<string | null> {
    return (await teamMembersRepository.forVolunteer(volunteerId))[0]?.teamId ?? null;
  },

  /** Members of these teams, earliest first. */
  async forTeams(teamIds: readonly string[]): Promise<TeamMemberDoc[]> {
    return membershipsWhere('teamId', teamIds);
  },

  /** Memberships of these volunteers (for lists that show each one's teams). */
  async forVolunteers(volunteerIds: readonly string[]): Promise<TeamMemberDoc[]> {
    return membershipsWhere('volunteerId', volunteerIds);
  },

  /** Joins; false if already a member (the unique `_id` makes a double tap one membership). */
  async join(doc: TeamMemberDoc): Promise<boolean> {
    try {
      await db.collection('team_members').add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /** Leaves; false if they were not a member. */
  async leave(teamId: string, volunteerId: string): Promise<boolean> {
    const { stats } = await db
      .collection('team_members')
      .where({ _id: teamMemberId(teamId, volunteerId) })
      .remove();
    return stats.removed === 1;
  },
};

/** Memberships whose `field` is one of `ids`, earliest first: `_.in` takes a page of ids at a time. */
async function membershipsWhere(field: 'teamId' | 'volunteerId', ids: readonly string[]): Promise<TeamMemberDoc[]> {
  const unique = [...new Set(ids)];
  const raws: unknown[] = [];
  for (let i = 0; i < unique.length; i += PAGE_SIZE) {
    const chunk = unique.slice(i, i + PAGE_SIZE);
    raws.push(
      ...(await readAllPages(
        async (skip, limit) =>
          (
            await db
              .collection('team_members')
              .where({ [field]: _.in(chunk) })
              .orderBy('joinedAt', 'asc')
              .orderBy('_id', 'asc')
              .skip(skip)
              .limit(limit)
              .get()
          ).data,
        MAX_MEMBERS,
      )),
    );
  }
  return narrowAll(teamMemberDocSchema, raws, 'team member');
}
