import {
  canManageTeam,
  decideReapplication,
  decideRegistrationReview,
  decideTeamLeader,
  effectiveLeader,
  type Team,
} from '../../../cloudfunctions/_shared/domain/volunteer-registration';

const now = new Date('2026-11-24T10:00:00+08:00');
const socialWorker = { id: 'sw1', roles: ['resident', 'social_worker'] as const };
const admin = { id: 'ad1', roles: ['admin'] as const };
const volunteer = { id: 'v1', roles: ['resident', 'volunteer'] as const };
const pending = { status: 'pending' as const };

describe('decideRegistrationReview', () => {
  it('approves a pending registration and records who and when', () => {
    expect(decideRegistrationReview(pending, socialWorker, 'approve', undefined, now)).toEqual({
      ok: true,
      changed: true,
      next: { status: 'approved', reviewedBy: 'sw1', reviewedAt: now },
    });
  });
  it('rejects with the reason, trimmed, for the applicant to read', () => {
    expect(decideRegistrationReview(pending, admin, 'reject', ' 请补充联系电话 ', now)).toEqual({
      ok: true,
      changed: true,
      next: { status: 'rejected', reason: '请补充联系电话', reviewedBy: 'ad1', reviewedAt: now },
    });
  });
  it('refuses a rejection without a reason', () => {
    for (const reason of [undefined, '', '   ']) {
      expect(decideRegistrationReview(pending, socialWorker, 'reject', reason, now)).toEqual({
        ok: false,
        problem: 'REASON_REQUIRED',
      });
    }
  });
  it('refuses anyone but staff', () => {
    expect(decideRegistrationReview(pending, volunteer, 'approve', undefined, now)).toEqual({
      ok: false,
      problem: 'NOT_STAFF',
    });
  });
  it('changes nothing when the same decision comes again', () => {
    expect(decideRegistrationReview({ status: 'approved' }, socialWorker, 'approve', undefined, now)).toEqual({
      ok: true,
      changed: false,
    });
    expect(decideRegistrationReview({ status: 'rejected' }, socialWorker, 'reject', '重复', now)).toEqual({
      ok: true,
      changed: false,
    });
  });
  it('refuses to reverse a decision: only a pending registration is reviewed', () => {
    expect(decideRegistrationReview({ status: 'rejected' }, socialWorker, 'approve', undefined, now)).toEqual({
      ok: false,
      problem: 'NOT_PENDING',
    });
    expect(decideRegistrationReview({ status: 'approved' }, socialWorker, 'reject', '不再参加', now)).toEqual({
      ok: false,
      problem: 'NOT_PENDING',
    });
  });
});

describe('decideReapplication', () => {
  it('puts a rejected registration back to pending', () => {
    expect(decideReapplication({ status: 'rejected' })).toEqual({
      ok: true,
      changed: true,
      next: { status: 'pending' },
    });
  });
  it('changes nothing for a registration already pending', () => {
    expect(decideReapplication(pending)).toEqual({ ok: true, changed: false });
  });
  it('refuses a volunteer already registered', () => {
    expect(decideReapplication({ status: 'approved' })).toEqual({ ok: false, problem: 'ALREADY_REGISTERED' });
  });
});

describe('teams', () => {
  const team: Team = {
    id: 't1',
    leaderId: 'v1',
    members: [
      { volunteerId: 'v1', registrationStatus: 'approved' },
      { volunteerId: 'v2', registrationStatus: 'approved' },
      { volunteerId: 'v3', registrationStatus: 'pending' },
    ],
  };

  it('lets staff and the leader manage a team, not other members', () => {
    expect(canManageTeam(socialWorker, team)).toBe(true);
    expect(canManageTeam(admin, team)).toBe(true);
    expect(canManageTeam(volunteer, team)).toBe(true);
    expect(canManageTeam({ id: 'v2', roles: ['volunteer'] }, team)).toBe(false);
  });
  it('stops a leader who left the team from leading it', () => {
    const left = { ...team, members: team.members.filter((m) => m.volunteerId !== 'v1') };
    expect(effectiveLeader(left)).toBeNull();
    expect(canManageTeam(volunteer, left)).toBe(false);
  });
  it('lets staff appoint an approved member as the one leader', () => {
    expect(decideTeamLeader(team, 'v2', socialWorker)).toEqual({ ok: true, changed: true });
    expect(decideTeamLeader(team, 'v1', socialWorker)).toEqual({ ok: true, changed: false });
  });
  it('refuses a leader who is not a member, or not yet approved', () => {
    expect(decideTeamLeader(team, 'v9', socialWorker)).toEqual({ ok: false, problem: 'NOT_MEMBER' });
    expect(decideTeamLeader(team, 'v3', socialWorker)).toEqual({ ok: false, problem: 'NOT_APPROVED' });
  });
  it('refuses an appointment by anyone but staff, the leader included', () => {
    expect(decideTeamLeader(team, 'v2', volunteer)).toEqual({ ok: false, problem: 'NOT_STAFF' });
  });
});
