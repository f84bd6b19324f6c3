import type { ShiftVolunteer } from '@linli/types/entities/volunteer';
import { latestVersions } from '../../../_shared/domain/hour-entries';
import { rolesWithTaken } from '../../../_shared/domain/volunteer-shifts';
import { formatHours } from '../../../_shared/domain/volunteer-hours';
import { sessionOfRecord } from '../../../_shared/domain/sessions';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import {
  hourEntriesRepository,
  scanEntryRootId,
  toHourEntry,
  type HourEntryDoc,
} from '../../../_shared/repositories/hour-entries';
import { shiftsRepository } from '../../../_shared/repositories/shifts';
import { volunteerAttendanceRepository } from '../../../_shared/repositories/volunteer-attendance';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';

/**
 * One activity's volunteers as the social worker runs the shift: everyone signed up (with their
 * role) and everyone who scanned in — a volunteer may come without signing up — one row per shift
 * record (a 小组 series has one per session), with the scans and the hour entry they made, in the
 * entry's latest version. Read in a bounded number of requests whatever the turnout.
 */
export const shiftRoster = defineAction('volunteer', 'shiftRoster', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const [signUps, scans, entries, taken] = await Promise.all([
      shiftsRepository.forActivity(activityId),
      volunteerAttendanceRepository.forActivity(activityId),
      hourEntriesRepository.forActivity(activityId),
      shiftsRepository.takenByActivity([activity]),
    ]);
    const held = new Map(signUps.filter((s) => s.status === 'confirmed').map((s) => [s.volunteerId, s]));
    const volunteerIds = [...new Set([...held.keys(), ...scans.map((s) => s.volunteerId)])];
    const names = new Map((await volunteersRepository.findMany(volunteerIds)).map((v) => [v._id, v.realName]));
    const latestByRoot = latestEntryByRoot(entries);

    const row = (volunteerId: string, fallbackName: string): ShiftVolunteer => ({
      volunteerId,
      realName: names.get(volunteerId) ?? fallbackName,
      role: held.get(volunteerId)?.role ?? null,
      signedInAt: null,
      signedOutAt: null,
      entryId: null,
      entryStatus: null,
      hours: null,
      flag: null,
    });
    const rows: { row: ShiftVolunteer; session: number }[] = scans.map((scan) => {
      const entry = latestByRoot.get(scanEntryRootId(scan._id));
      return {
        session: sessionOfRecord(scan),
        row: {
          ...row(scan.volunteerId, scan.volunteerName),
          signedInAt: scan.signedInAt.toISOString(),
          signedOutAt: scan.signedOutAt?.toISOString() ?? null,
          entryId: entry?._id ?? null,
          entryStatus: entry?.status ?? null,
          hours: entry && !entry.flag ? formatHours(entry.minutes) : null,
          flag: entry?.flag ?? null,
        },
      };
    });
    const scanned = new Set(scans.map((s) => s.volunteerId));
    for (const signUp of held.values()) {
      if (!scanned.has(signUp.volunteerId)) rows.push({ session: 0, row: row(signUp.volunteerId, '志愿者') });
    }

    // By role as the activity lists them (no role last), then name, then session.
    const roleOrder = (role: string | null) => {
      const i = role === null ? -1 : activity.volunteerRoles.findIndex((r) => r.role === role);
      return i < 0 ? activity.volunteerRoles.length : i;
    };
    rows.sort(
      (a, b) =>
        roleOrder(a.row.role) - roleOrder(b.row.role) ||
        a.row.realName.localeCompare(b.row.realName, 'zh-Hans-CN') ||
        a.row.volunteerId.localeCompare(b.row.volunteerId) ||
        a.session - b.session,
    );
    return {
      activityId,
      roles: rolesWithTaken(activity.volunteerRoles, taken.get(activityId) ?? new Map()),
      volunteers: rows.map((r) => r.row),
    };
  },
});

/** The latest version of each entry, by root id (earlier versions stay in the trail, not here). */
function latestEntryByRoot(entries: readonly HourEntryDoc[]): Map<string, HourEntryDoc> {
  const byId = new Map(entries.map((e) => [e._id, e]));
  return new Map(latestVersions(entries.map(toHourEntry)).map((e) => [e.rootId, byId.get(e.id)!]));
}
