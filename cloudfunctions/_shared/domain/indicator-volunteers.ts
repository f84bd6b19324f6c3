import {
  countedEntryMinutes,
  countingEntries,
  coreVolunteers,
  newRegistrationsInPeriod,
  teamHasServed,
  type HourEntry,
  type VolunteerRecord,
} from './hour-entries';
import { dayOf, instantsOf, type Day, type DayRange } from './indicator-periods';
import type { TeamMember } from './volunteer-registration';

/**
 * The volunteer side of the indicators (DOMAIN.md "Volunteers and hours"; seeds 000, 003, 004):
 * 志愿服务时数, 志愿服务人次, 登记人数(新增), 骨干, 志愿队伍. Every rule is hour-entries.ts's — counted
 * minutes with overlaps once, participations, active teams, new registrations; this module only
 * reshapes their answers per day and 片区, which is what a roll-up can store and a period sums.
 */

/** An approved hour entry as the month's aggregation returns it (approved versions are always latest). */
export interface ApprovedEntryRow {
  id: string;
  volunteerId: string;
  minutes: number;
  start?: Date;
  end?: Date;
  approvedAt?: Date;
  servedAt: Date;
}

/** Counted minutes and participations of one day, per 片区 of the volunteers (null: no 片区 known). */
export interface VolunteerDay {
  day: Day;
  areaId: string | null;
  minutes: number;
  participations: number;
}

/** Who served on a day (had a counting entry): what 志愿者团队维系 is decided on. */
export interface ServingDay {
  day: Day;
  volunteerIds: string[];
}

const ALL_TIME = { from: new Date(0), to: new Date(8.64e15) };

/** The rows as the pure rules' entries: each approved row is its own latest version. */
function asEntries(rows: readonly ApprovedEntryRow[]): HourEntry[] {
  return rows.map((r) => ({
    id: r.id,
    rootId: r.id,
    version: 1,
    volunteerId: r.volunteerId,
    source: 'scan',
    minutes: r.minutes,
    ...(r.start && r.end ? { interval: { start: r.start, end: r.end } } : {}),
    servedAt: r.servedAt,
    status: 'approved',
    createdBy: '',
    approvals: r.approvedAt ? [{ by: '', at: r.approvedAt }] : [],
    history: [],
  }));
}

/**
 * A month's approved entries as days: minutes counted once where one volunteer's entries overlap
 * (countedEntryMinutes), participations as the entries that count (countingEntries), each on the
 * day it was served and in the 片区 of the volunteer's community. Overlaps are judged among the
 * month's entries: an entry overlapping one served in the neighbouring month (across midnight on
 * the last day) is the one case judged differently from a volunteer's whole record.
 */
export function volunteerHourFacts(
  rows: readonly ApprovedEntryRow[],
  areaOfVolunteer: (volunteerId: string) => string | null,
): { volunteerDays: VolunteerDay[]; serving: ServingDay[] } {
  const entries = asEntries(rows);
  const counted = countedEntryMinutes(entries);
  const days = new Map<string, VolunteerDay>();
  const serving = new Map<Day, Set<string>>();
  for (const entry of countingEntries(entries, ALL_TIME)) {
    const day = dayOf(entry.servedAt);
    const areaId = areaOfVolunteer(entry.volunteerId);
    const key = `${day}#${areaId ?? ''}`;
    const row = days.get(key) ?? { day, areaId, minutes: 0, participations: 0 };
    row.minutes += counted.get(entry.id) ?? 0;
    row.participations += 1;
    days.set(key, row);
    serving.set(day, (serving.get(day) ?? new Set()).add(entry.volunteerId));
  }
  return {
    volunteerDays: [...days.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || (a.areaId ?? '').localeCompare(b.areaId ?? ''),
    ),
    serving: [...serving.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, ids]) => ({ day, volunteerIds: [...ids].sort() })),
  };
}

/** A volunteer's registration as the dashboard reads it (a station has hundreds, not thousands). */
export interface RegistrationRow extends VolunteerRecord {
  areaId: string | null;
  /** When staff last marked them 骨干 (kept when unmarked; `isCore` says whether they still are). */
  coreAt?: Date;
}

/** 登记人数(新增) among these registrations in the days (newRegistrationsInPeriod). */
export function newVolunteersIn(rows: readonly RegistrationRow[], range: DayRange): number {
  const { from, to } = instantsOf(range);
  return newRegistrationsInPeriod(rows, from, to);
}

/**
 * 新增志愿者骨干: registered volunteers who are 骨干 now (coreVolunteers) and were marked so in the
 * days. Someone unmarked later no longer counts anywhere; someone marked again counts when marked.
 */
export function newCoreIn(rows: readonly RegistrationRow[], range: DayRange): number {
  const { from, to } = instantsOf(range);
  return coreVolunteers(rows).filter((v) => v.coreAt !== undefined && v.coreAt >= from && v.coreAt < to).length;
}

export interface TeamRow {
  id: string;
  name: string;
  createdAt: Date;
  members: readonly TeamMember[];
}

export const newTeamsIn = (teams: readonly TeamRow[], range: DayRange): TeamRow[] => {
  const { from, to } = instantsOf(range);
  return teams.filter((t) => t.createdAt >= from && t.createdAt < to);
};

/** 志愿者团队维系: teams with a current member who served in the days (hour-entries.ts teamHasServed). */
export function activeTeamsIn(teams: readonly TeamRow[], serving: readonly ServingDay[], range: DayRange): TeamRow[] {
  const served = new Set(
    serving.filter((s) => s.day >= range.from && s.day <= range.to).flatMap((s) => s.volunteerIds),
  );
  return teams.filter((t) => teamHasServed(t, served));
}
