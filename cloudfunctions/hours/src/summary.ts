import { countedEntryMinutes, totals, type HourEntry } from '../../_shared/domain/hour-entries';
import { formatHours } from '../../_shared/domain/volunteer-hours';
import dayjs, { STATION_TIME_ZONE } from '../../_shared/runtime/dayjs';

/** The label of hours served with no team. */
export const NO_TEAM = '未加入队伍';

export interface HoursBucket {
  label: string;
  minutes: number;
}

/** A version as the rules see it, with what the breakdowns group by. */
export interface SummaryEntry {
  entry: HourEntry;
  /** The team the volunteer served with, if any. */
  teamId?: string;
  /** What the service was: the activity's title, or the text typed. */
  content: string;
}

export interface HoursSummary {
  /** Approved latest versions, each minute once (hour-entries.ts totals). */
  totalMinutes: number;
  /** Of those, served in the current year (China time). */
  yearMinutes: number;
  /** What approving every pending entry would add (overlaps with approved time left out). */
  pendingMinutes: number;
  /** YYYY-MM, newest first. */
  byMonth: HoursBucket[];
  /** By team name, most hours first. */
  byTeam: HoursBucket[];
  /** By what the service was (the activity's title, the text typed), most hours first. */
  byActivity: HoursBucket[];
}

/**
 * A volunteer's hours from every version of their entries. Only the counting rules of
 * hour-entries.ts decide what counts (latest versions, approved, overlaps once): each bucket
 * adds the counted minutes of its entries, so the buckets of each breakdown add up to the total
 * in minutes. Hours are made from minutes once per figure, so a breakdown printed to two
 * decimals may differ from the total by a hundredth; the total is the figure that is right.
 */
export function summariseHours(
  versions: readonly SummaryEntry[],
  now: Date,
  teamName: (teamId: string) => string | undefined,
): HoursSummary {
  const entries = versions.map((v) => v.entry);
  const { approvedMinutes, pendingMinutes } = totals(entries);
  const counted = countedEntryMinutes(entries);
  const year = dayjs(now).tz(STATION_TIME_ZONE).format('YYYY');

  const byMonth = new Map<string, number>();
  const byTeam = new Map<string, number>();
  const byActivity = new Map<string, number>();
  let yearMinutes = 0;
  for (const { entry, teamId, content } of versions) {
    const minutes = counted.get(entry.id);
    if (!minutes) continue;
    const month = dayjs(entry.servedAt).tz(STATION_TIME_ZONE).format('YYYY-MM');
    if (month.startsWith(`${year}-`)) yearMinutes += minutes;
    add(byMonth, month, minutes);
    add(byTeam, (teamId && teamName(teamId)) || NO_TEAM, minutes);
    add(byActivity, content, minutes);
  }
  return {
    totalMinutes: approvedMinutes,
    yearMinutes,
    pendingMinutes,
    byMonth: buckets(byMonth).sort((a, b) => (a.label < b.label ? 1 : a.label > b.label ? -1 : 0)),
    byTeam: byMinutes(buckets(byTeam)),
    byActivity: byMinutes(buckets(byActivity)),
  };
}

/** A bucket as the contract shows it. */
export const bucketView = ({ label, minutes }: HoursBucket) => ({ label, hours: formatHours(minutes) });

const add = (map: Map<string, number>, key: string, minutes: number): void => {
  map.set(key, (map.get(key) ?? 0) + minutes);
};
const buckets = (map: ReadonlyMap<string, number>): HoursBucket[] =>
  [...map].map(([label, minutes]) => ({ label, minutes }));
const byMinutes = (list: HoursBucket[]): HoursBucket[] =>
  list.sort((a, b) => b.minutes - a.minutes || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
