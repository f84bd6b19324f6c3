import {
  decideSignUp,
  decideSignUpCancellation,
  isApprovedVolunteerOf,
  isOpenForSignUp,
  roleEditProblem,
  rolesWithTaken,
  type ShiftActivity,
} from '../../../cloudfunctions/_shared/domain/volunteer-shifts';

const now = new Date('2026-11-24T10:00:00+08:00');
const tomorrow = new Date('2026-11-25T09:00:00+08:00');
const activity: ShiftActivity & { stationId: string } = {
  stationId: 'st1',
  status: 'published',
  startAt: tomorrow,
  volunteerRoles: [
    { role: '签到引导', count: 2 },
    { role: '长者陪护', count: 4 },
  ],
};
const approved = { status: 'approved' as const, stationId: 'st1' };

describe('isApprovedVolunteerOf', () => {
  it('is an approved registration at this very station', () => {
    expect(isApprovedVolunteerOf(approved, 'st1')).toBe(true);
    expect(isApprovedVolunteerOf(approved, 'st2')).toBe(false);
    expect(isApprovedVolunteerOf({ status: 'pending', stationId: 'st1' }, 'st1')).toBe(false);
    expect(isApprovedVolunteerOf({ status: 'rejected', stationId: 'st1' }, 'st1')).toBe(false);
    expect(isApprovedVolunteerOf(null, 'st1')).toBe(false);
  });
});

describe('decideSignUp', () => {
  it('takes a place of the named role, by its index', () => {
    expect(decideSignUp(activity, approved, null, '长者陪护', now)).toEqual({
      ok: true,
      outcome: 'take',
      roleIndex: 1,
    });
  });
  it('a cancelled sign-up is no obstacle to signing up again, for any role', () => {
    const cancelled = { role: '签到引导', status: 'cancelled' as const };
    expect(decideSignUp(activity, approved, cancelled, '长者陪护', now)).toMatchObject({ ok: true, roleIndex: 1 });
  });
  it('refuses anyone but an approved volunteer of the activity’s station, first', () => {
    for (const volunteer of [
      null,
      { status: 'pending' as const, stationId: 'st1' },
      { ...approved, stationId: 'st2' },
    ]) {
      expect(decideSignUp({ ...activity, status: 'cancelled' }, volunteer, null, '签到引导', now)).toEqual({
        ok: false,
        problem: 'NOT_VOLUNTEER',
      });
    }
  });
  it('answers the same role again as already signed up, even once it has started', () => {
    const held = { role: '签到引导', status: 'confirmed' as const };
    expect(decideSignUp(activity, approved, held, '签到引导', now)).toEqual({ ok: true, outcome: 'already' });
    expect(decideSignUp(activity, approved, held, '签到引导', tomorrow)).toEqual({ ok: true, outcome: 'already' });
  });
  it('refuses a cancelled activity, and one that has started', () => {
    expect(decideSignUp({ ...activity, status: 'cancelled' }, approved, null, '签到引导', now)).toEqual({
      ok: false,
      problem: 'ACTIVITY_CANCELLED',
    });
    expect(decideSignUp(activity, approved, null, '签到引导', tomorrow)).toEqual({
      ok: false,
      problem: 'SHIFT_STARTED',
    });
  });
  it('refuses a role the activity does not have', () => {
    expect(decideSignUp(activity, approved, null, '摄影', now)).toEqual({ ok: false, problem: 'NO_SUCH_ROLE' });
    expect(decideSignUp({ ...activity, volunteerRoles: [] }, approved, null, '签到引导', now)).toEqual({
      ok: false,
      problem: 'NO_SUCH_ROLE',
    });
  });
  it('refuses a second role of the same activity, naming the one held', () => {
    const held = { role: '签到引导', status: 'confirmed' as const };
    expect(decideSignUp(activity, approved, held, '长者陪护', now)).toEqual({
      ok: false,
      problem: 'OTHER_ROLE',
      heldRole: '签到引导',
    });
  });
  it('treats a sign-up still being taken as none (the claim decides who goes on)', () => {
    const inFlight = { role: '签到引导', status: 'pending' as const };
    expect(decideSignUp(activity, approved, inFlight, '签到引导', now)).toMatchObject({ ok: true, outcome: 'take' });
  });
});

describe('decideSignUpCancellation', () => {
  const held = { role: '长者陪护', roleIndex: 1, status: 'confirmed' as const };
  it('cancels before the start, giving back the role’s place', () => {
    expect(decideSignUpCancellation(activity, held, now)).toEqual({ ok: true, outcome: 'cancel', roleIndex: 1 });
  });
  it('changes nothing for a sign-up already cancelled', () => {
    expect(decideSignUpCancellation(activity, { ...held, status: 'cancelled' }, now)).toEqual({
      ok: true,
      outcome: 'already',
    });
  });
  it('refuses without a sign-up (or one still being taken)', () => {
    expect(decideSignUpCancellation(activity, null, now)).toEqual({ ok: false, problem: 'NOT_SIGNED_UP' });
    expect(decideSignUpCancellation(activity, { ...held, status: 'pending' }, now)).toEqual({
      ok: false,
      problem: 'NOT_SIGNED_UP',
    });
  });
  it('refuses once the activity has started, unless it was cancelled', () => {
    expect(decideSignUpCancellation(activity, held, tomorrow)).toEqual({ ok: false, problem: 'SHIFT_STARTED' });
    expect(decideSignUpCancellation({ ...activity, status: 'cancelled' }, held, tomorrow)).toMatchObject({ ok: true });
  });
});

describe('rolesWithTaken and isOpenForSignUp', () => {
  it('pairs each role with its counter, 0 where none was made, never hiding places above the count', () => {
    expect(rolesWithTaken(activity.volunteerRoles, new Map([[1, 5]]))).toEqual([
      { role: '签到引导', count: 2, taken: 0 },
      { role: '长者陪护', count: 4, taken: 5 },
    ]);
  });
  it('lists published activities with roles that have not started', () => {
    expect(isOpenForSignUp(activity, now)).toBe(true);
    expect(isOpenForSignUp(activity, tomorrow)).toBe(false);
    expect(isOpenForSignUp({ ...activity, status: 'cancelled' }, now)).toBe(false);
    expect(isOpenForSignUp({ ...activity, volunteerRoles: [] }, now)).toBe(false);
  });
});

describe('roleEditProblem', () => {
  const before = [
    { role: '引导', count: 3 },
    { role: '陪护', count: 2 },
  ];
  it('allows any edit of roles nobody took', () => {
    expect(roleEditProblem(before, [], new Map([[0, 0]]))).toBeNull();
  });
  it('refuses removing, renaming or cutting a held role below its places', () => {
    const taken = new Map([[1, 2]]);
    expect(roleEditProblem(before, before.slice(0, 1), taken)?.index).toBe(1);
    expect(roleEditProblem(before, [before[0]!, { role: '护理', count: 2 }], taken)?.index).toBe(1);
    expect(roleEditProblem(before, [before[0]!, { role: '陪护', count: 1 }], taken)?.message).toContain('不能少于');
    expect(roleEditProblem(before, [before[0]!, { role: '陪护', count: 2 }], taken)).toBeNull();
  });
});
