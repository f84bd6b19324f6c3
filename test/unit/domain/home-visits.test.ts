import {
  checkHomeVisitStaffing,
  NO_TEAM,
  staffingRuleText,
  teamCounts,
  visitsElder,
  visitTeamOf,
  type VisitWorker,
} from '../../../cloudfunctions/_shared/domain/home-visits';

const staff = (personId: string, gender: VisitWorker['gender'] = null): VisitWorker => ({
  personId,
  role: 'staff',
  gender,
});
const volunteer = (personId: string, gender: VisitWorker['gender'] = null): VisitWorker => ({
  personId,
  role: 'volunteer',
  gender,
});
const check = (team: VisitWorker[], elder = false) => checkHomeVisitStaffing(teamCounts(team), elder);

describe('checkHomeVisitStaffing (seed 000: 每次入户社工人数不低于2人，且至少配备1名男性社工或志愿者)', () => {
  it('accepts two social workers with a man among them', () => {
    expect(check([staff('a', 'male'), staff('b', 'female')])).toEqual({
      staff: 2,
      volunteers: 0,
      men: 1,
      unknownGender: 0,
      meets: true,
      requiredStaff: 2,
      text: '社工2人，含男性1人 — 达标',
    });
  });

  it('accepts the man as a volunteer brought along (配备)', () => {
    const verdict = check([staff('a', 'female'), staff('b', 'female'), volunteer('v', 'male')]);
    expect(verdict.meets).toBe(true);
    expect(verdict.text).toBe('社工2人、志愿者1人，含男性1人 — 达标');
  });

  it('counts social workers, not volunteers, towards the minimum (社工人数)', () => {
    const verdict = check([staff('a', 'female'), volunteer('v', 'male')]);
    expect(verdict.meets).toBe(false);
    expect(verdict.text).toBe('社工1人、志愿者1人，含男性1人；入户探访需社工2人 — 未达标');
  });

  it('refuses a team without a man, and never counts an unrecorded gender as one', () => {
    expect(check([staff('a', 'female'), staff('b', 'female')]).text).toBe(
      '社工2人，含男性0人；需至少1名男性社工或志愿者 — 未达标',
    );
    expect(check([staff('a', 'female'), staff('b')])).toMatchObject({
      meets: false,
      unknownGender: 1,
      text: '社工2人，含男性0人（1人未登记性别）；需至少1名男性社工或志愿者 — 未达标',
    });
  });

  it('asks three social workers when visiting an elder, and names both shortfalls', () => {
    expect(check([staff('a', 'male'), staff('b', 'female')], true)).toMatchObject({
      meets: false,
      requiredStaff: 3,
      text: '社工2人，含男性1人；探访长者需社工3人 — 未达标',
    });
    expect(check([staff('a', 'male'), staff('b'), staff('c')], true).meets).toBe(true);
    expect(check([staff('a', 'female')], true).text).toBe(
      '社工1人，含男性0人；探访长者需社工3人，需至少1名男性社工或志愿者 — 未达标',
    );
  });

  it('says when nobody is recorded', () => {
    expect(checkHomeVisitStaffing(NO_TEAM, false)).toMatchObject({
      meets: false,
      text: '未登记探访人员；入户探访需社工2人，需至少1名男性社工或志愿者 — 未达标',
    });
  });
});

describe('visitTeamOf', () => {
  it('joins the recorded members and the volunteers who signed in, each person once', () => {
    const team = visitTeamOf(
      [staff('a', 'female'), volunteer('v1', 'male')],
      [volunteer('v1', 'male'), volunteer('v2')],
    );
    expect(team.map((w) => [w.personId, w.role])).toEqual([
      ['a', 'staff'],
      ['v1', 'volunteer'],
      ['v2', 'volunteer'],
    ]);
  });

  it('keeps the recorded role of someone who also scanned as a volunteer', () => {
    const team = visitTeamOf([staff('both', 'male')], [volunteer('both', 'male')]);
    expect(team).toEqual([staff('both', 'male')]);
    expect(teamCounts(team)).toEqual({ staff: 1, volunteers: 0, men: 1, unknownGender: 0 });
  });
});

describe('visitsElder', () => {
  it('is decided by the service area 长者 (no ages are collected)', () => {
    expect(visitsElder({ serviceArea: 'elderly' })).toBe(true);
    expect(visitsElder({ serviceArea: 'family' })).toBe(false);
    expect(visitsElder({ serviceArea: 'community' })).toBe(false);
  });

  it('says which rule applies', () => {
    expect(staffingRuleText(true)).toBe('长者居家探访：至少3名社工，且至少1名男性社工或志愿者');
    expect(staffingRuleText(false)).toBe('入户探访：至少2名社工，且至少1名男性社工或志愿者');
  });
});
