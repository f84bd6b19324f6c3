import { z } from 'zod';
import { db } from '../runtime/cloud';
import { narrowAll, storedDate } from './sdk';

/** A 志愿服务队 of a station. `leaderId` is read through domain/volunteer-registration's effectiveLeader. */
export const teamDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  name: z.string(),
  leaderId: z.string().optional(),
  createdBy: z.string(),
  createdAt: storedDate,
});
export type TeamDoc = z.output<typeof teamDocSchema>;

/** Membership: `_id` is `<teamId>.<volunteerId>`, so joining twice is one membership. */
export const teamMemberDocSchema = z.object({
  _id: z.string(),
  teamId: z.string(),
  stationId: z.string(),
  volunteerId: z.string(),
  joinedAt: storedDate,
});
export type TeamMemberDoc = z.output<typeof teamMemberDocSchema>;

export const teamMemberId = (teamId: string, volunteerId: string): string => `${teamId}.${volunteerId}`;

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
};
