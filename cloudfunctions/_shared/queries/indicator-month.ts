import { teamCountsByVisit } from '../domain/home-visits';
import { instantsOf, monthRange, type Month } from '../domain/indicator-periods';
import { heldVisits, sessionSummaries } from '../domain/indicator-sessions';
import { volunteerHourFacts } from '../domain/indicator-volunteers';
import { indicatorSourcesRepository } from '../repositories/indicator-sources';
import type { MonthFacts } from '../repositories/indicator-rollups';
import type { StationDoc } from '../repositories/stations';

/** A community's 片区 in the station as it is now (null: not one of the station's communities). */
export function areaOfCommunity(
  station: Pick<StationDoc, 'communities'>,
): (communityId: string | undefined) => string | null {
  const areas = new Map(station.communities.map((c) => [c.id, c.areaId]));
  return (communityId) => (communityId !== undefined ? (areas.get(communityId) ?? null) : null);
}

/**
 * One station-month of indicator facts, from its aggregations: the activities running in the
 * month and their attendance per session (two requests), the month's approved hour entries per
 * volunteer and those volunteers' communities (two more, the second only when anyone served), and
 * the teams of the home visits held (one more, only when there were any). What the roll-up
 * stores, and what a month not rolled up yet is read as, live. Sessions that have not started by
 * `asOf` are left out: they have nothing to count yet.
 */
export async function computeMonthFacts(station: StationDoc, month: Month, asOf: Date): Promise<MonthFacts> {
  const { from, to } = instantsOf(monthRange(month));
  const [activities, entries] = await Promise.all([
    indicatorSourcesRepository.activitiesRunning(station._id, from, to),
    indicatorSourcesRepository.approvedEntries(station._id, from, to),
  ]);
  const moved = activities.filter((a) => a.rescheduled).map((a) => a.id);
  const [groups, volunteers] = await Promise.all([
    indicatorSourcesRepository.attendanceBySession(station._id, from, to, moved),
    entries.length > 0
      ? indicatorSourcesRepository.volunteerFacts(
          station._id,
          [...new Set(entries.map((e) => e.volunteerId))],
          null,
          null,
        )
      : Promise.resolve([]),
  ]);
  const visits = heldVisits(activities, groups);
  const teams = teamCountsByVisit(await indicatorSourcesRepository.homeVisitTeams(station._id, visits));
  const communityOf = new Map(volunteers.map((v) => [v.id, v.communityId]));
  const areaOf = areaOfCommunity(station);
  const { volunteerDays, serving } = volunteerHourFacts(entries, (id) => areaOf(communityOf.get(id)));
  return { sessions: sessionSummaries(month, activities, groups, asOf, teams), volunteerDays, serving };
}
