import type { ServiceArea } from '@linli/types/entities/activity-kinds';
import type { Gender, VisitRole } from '@linli/types/entities/visit-team';

/**
 * Home visits (入户探访) and who went on them: the staffing rule of seed 000, the team as the
 * records prove it, and whether a visit is to an elder. Pure; the team view (visits function) and
 * the indicator 入户探访（人员配备达标） both decide through here, so they cannot disagree.
 *
 * Seed 000, 社区入户探访: 每次入户社工人数不低于2人，且至少配备1名男性社工或志愿者.
 * Seed 000, 长者居家探访: 每次入户社工人数不低于3人，且至少配备1名男性社工或志愿者.
 * Read as written: the minimum is of 社工 (the station's social workers; its 站长 is one), and the
 * man may be a social worker or a volunteer brought along (配备). Volunteers add to the team but
 * not to the social workers' count.
 */
export const HOME_VISIT_MIN_STAFF = 2;
export const ELDER_HOME_VISIT_MIN_STAFF = 3;

/** One person on a visit's team, as the rule sees them. */
export interface VisitWorker {
  personId: string;
  role: VisitRole;
  /** null: not recorded — never counted as a man (the evaluator asks for proof, not likelihood). */
  gender: Gender | null;
}

/**
 * The team as the records prove it: the members staff recorded, and the volunteers who signed in
 * at the visit with the volunteer code. A person is on it once; when staff recorded someone who
 * also scanned, the recorded role stands (a social worker who happens to be a volunteer too went
 * as a social worker).
 */
export function visitTeamOf<W extends VisitWorker>(recorded: readonly W[], signedIn: readonly W[]): W[] {
  const team = new Map<string, W>();
  for (const worker of [...recorded, ...signedIn]) if (!team.has(worker.personId)) team.set(worker.personId, worker);
  return [...team.values()];
}

/** A team member as the records list them, by visit: recorded by staff, or signed in. */
export interface VisitRecord extends VisitWorker {
  activityId: string;
  source: 'recorded' | 'signed_in';
}

/** Each visit's team counts, from the records of several visits. */
export function teamCountsByVisit(records: readonly VisitRecord[]): Map<string, TeamCounts> {
  const byVisit = new Map<string, VisitRecord[]>();
  for (const r of records) byVisit.set(r.activityId, [...(byVisit.get(r.activityId) ?? []), r]);
  const counts = new Map<string, TeamCounts>();
  for (const [activityId, rows] of byVisit) {
    const team = visitTeamOf(
      rows.filter((r) => r.source === 'recorded'),
      rows.filter((r) => r.source === 'signed_in'),
    );
    counts.set(activityId, teamCounts(team));
  }
  return counts;
}

/** What the rule needs of a team: counts only (what a monthly roll-up stores). */
export interface TeamCounts {
  staff: number;
  volunteers: number;
  men: number;
  unknownGender: number;
}

export const NO_TEAM: TeamCounts = { staff: 0, volunteers: 0, men: 0, unknownGender: 0 };

export function teamCounts(team: readonly VisitWorker[]): TeamCounts {
  return {
    staff: team.filter((w) => w.role === 'staff').length,
    volunteers: team.filter((w) => w.role === 'volunteer').length,
    men: team.filter((w) => w.gender === 'male').length,
    unknownGender: team.filter((w) => w.gender === null).length,
  };
}

/**
 * Whether the visit is to an elder (the 3-social-worker rule). The records hold no age or birth
 * date of the people visited (none is collected: minimum collection), so the simplest honest
 * signal is the one the social worker chose when publishing: the visit's service area 长者. An
 * elder visited under another service area is judged by the 2-person rule; the team section
 * says which rule applies, so the worker can correct the service area.
 */
export const visitsElder = (visit: { serviceArea: ServiceArea }): boolean => visit.serviceArea === 'elderly';

export const requiredStaff = (elder: boolean): number => (elder ? ELDER_HOME_VISIT_MIN_STAFF : HOME_VISIT_MIN_STAFF);

/** The rule as it applies to a visit, in words. */
export function staffingRuleText(elder: boolean): string {
  return elder
    ? `长者居家探访：至少${ELDER_HOME_VISIT_MIN_STAFF}名社工，且至少1名男性社工或志愿者`
    : `入户探访：至少${HOME_VISIT_MIN_STAFF}名社工，且至少1名男性社工或志愿者`;
}

export interface StaffingVerdict extends TeamCounts {
  meets: boolean;
  requiredStaff: number;
  /** "社工2人、志愿者1人，含男性1人；探访长者需社工3人 — 未达标". */
  text: string;
}

/** Whether a visit was staffed as the contract requires, with the counts and the words. */
export function checkHomeVisitStaffing(counts: TeamCounts, elder: boolean): StaffingVerdict {
  const required = requiredStaff(elder);
  const shortfalls = present(
    counts.staff < required ? `${elder ? '探访长者' : '入户探访'}需社工${required}人` : null,
    counts.men === 0 ? '需至少1名男性社工或志愿者' : null,
  );
  const meets = shortfalls.length === 0;
  const text = `${teamText(counts)}${meets ? '' : `；${shortfalls.join('，')}`} — ${meets ? '达标' : '未达标'}`;
  return { ...counts, meets, requiredStaff: required, text };
}

/** 社工2人、志愿者1人，含男性1人（1人未登记性别）, or 未登记探访人员. */
export function teamText(counts: TeamCounts): string {
  if (counts.staff + counts.volunteers === 0) return '未登记探访人员';
  const people = [`社工${counts.staff}人`, ...(counts.volunteers > 0 ? [`志愿者${counts.volunteers}人`] : [])];
  const unknown = counts.unknownGender > 0 ? `（${counts.unknownGender}人未登记性别）` : '';
  return `${people.join('、')}，含男性${counts.men}人${unknown}`;
}

const present = (...parts: (string | null)[]): string[] => parts.filter((p): p is string => p !== null);
