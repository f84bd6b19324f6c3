import { GENDER_LABELS, VISIT_ROLE_LABELS, type VisitMember, type VisitTeam } from '@linli/types/entities/visit-team';
import {
  checkHomeVisitStaffing,
  staffingRuleText,
  teamCounts,
  visitsElder,
  visitTeamOf,
} from '../../_shared/domain/home-visits';
import { loadActivityOfStation } from '../../_shared/queries/activity-of-station';
import { AppError } from '../../_shared/runtime/app-error';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { indicatorSourcesRepository, type VisitTeamRow } from '../../_shared/repositories/indicator-sources';
import { usersRepository } from '../../_shared/repositories/users';
import { volunteersRepository } from '../../_shared/repositories/volunteers';

/** A home visit of the caller's station; another station's is NOT_FOUND, another kind NOT_HOME_VISIT. */
export async function loadVisit(activityId: string, stationId: string): Promise<ActivityDoc> {
  const activity = await loadActivityOfStation(activityId, stationId);
  if (activity.kind !== 'home_visit') throw new AppError('NOT_HOME_VISIT');
  return activity;
}

/**
 * The team as the records hold it — the same rows the indicator counts (indicator-sources.ts) —
 * and who of it signed in with the volunteer code (they stay on: their sign-in is the record).
 */
export async function loadTeam(activity: ActivityDoc): Promise<{ team: VisitTeamRow[]; signedIn: Set<string> }> {
  const rows = await indicatorSourcesRepository.homeVisitTeams(activity.stationId, [activity._id]);
  const scans = rows.filter((r) => r.source === 'signed_in');
  return {
    team: visitTeamOf(
      rows.filter((r) => r.source === 'recorded'),
      scans,
    ),
    signedIn: new Set(scans.map((r) => r.personId)),
  };
}

const SOURCE_LABELS = { recorded: '社工登记', signed_in: '志愿者签到' } as const;

/**
 * The 探访人员 section: the team with genders, the staffing check in words, and who else of the
 * station could be added (staff, approved volunteers). Names only — no phone numbers.
 */
export async function teamView(activity: ActivityDoc): Promise<VisitTeam> {
  const [{ team, signedIn }, staff, volunteers] = await Promise.all([
    loadTeam(activity),
    usersRepository.listStaff(activity.stationId),
    volunteersRepository.listForStation(activity.stationId, 'approved'),
  ]);
  const elder = visitsElder(activity);
  const check = checkHomeVisitStaffing(teamCounts(team), elder);
  const onTeam = new Set(team.map((m) => m.personId));
  // Social workers first, then volunteers; each in the order they were recorded or signed in.
  const ordered = [...team.filter((m) => m.role === 'staff'), ...team.filter((m) => m.role === 'volunteer')];
  return {
    activity: {
      id: activity._id,
      title: activity.title,
      kind: activity.kind,
      serviceArea: activity.serviceArea,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      status: activity.status,
    },
    visitsElder: elder,
    rule: staffingRuleText(elder),
    members: ordered.map(
      (m): VisitMember => ({
        personId: m.personId,
        name: m.name,
        role: m.role,
        roleLabel: VISIT_ROLE_LABELS[m.role],
        gender: m.gender,
        genderLabel: m.gender ? GENDER_LABELS[m.gender] : '性别未登记',
        source: m.source,
        sourceLabel: SOURCE_LABELS[m.source],
        removable: m.source === 'recorded' && !signedIn.has(m.personId),
      }),
    ),
    check: {
      meets: check.meets,
      staff: check.staff,
      volunteers: check.volunteers,
      men: check.men,
      unknownGender: check.unknownGender,
      requiredStaff: check.requiredStaff,
      text: check.text,
    },
    candidates: {
      staff: staff.filter((u) => !onTeam.has(u._id)).map((u) => ({ personId: u._id, name: u.name })),
      volunteers: volunteers
        .filter((v) => !onTeam.has(v._id))
        .map((v) => ({ personId: v._id, name: v.realName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    },
  };
}
