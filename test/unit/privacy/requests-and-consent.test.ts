import { guardianProblems } from '@linli/types/privacy';
import {
  acceptanceProblems,
  collectsPersonalData,
  hasCurrentConsent,
} from '../../../cloudfunctions/_shared/domain/consent';
import { deletionDueAt, isOverdue } from '../../../cloudfunctions/_shared/domain/privacy-requests';

describe('deletionDueAt: 15 working days', () => {
  it.each([
    // requested (UTC)            due: end of that China-time day (UTC)
    ['2026-11-23T02:00:00Z', '2026-12-14T15:59:59.999Z'], // Monday → Monday three weeks on
    ['2026-11-27T15:00:00Z', '2026-12-18T15:59:59.999Z'], // Friday 23:00 China time
    ['2026-11-27T16:30:00Z', '2026-12-18T15:59:59.999Z'], // Saturday 00:30 China time: counts from Monday
    ['2026-11-29T10:00:00Z', '2026-12-18T15:59:59.999Z'], // Sunday
  ])('requested %s is due %s', (requested, due) => {
    expect(deletionDueAt(new Date(requested)).toISOString()).toBe(due);
  });

  it('is overdue only while pending and past due', () => {
    const dueAt = new Date('2026-12-14T15:59:59.999Z');
    const after = new Date('2026-12-14T16:00:00Z');
    expect(isOverdue({ status: 'pending', dueAt }, after)).toBe(true);
    expect(isOverdue({ status: 'pending', dueAt }, dueAt)).toBe(false);
    expect(isOverdue({ status: 'completed', dueAt }, after)).toBe(false);
  });
});

describe('consent', () => {
  it('is current only for the version in force', () => {
    expect(hasCurrentConsent({ consentVersion: '2026-11-24' }, '2026-11-24')).toBe(true);
    expect(hasCurrentConsent({ consentVersion: '2026-11-01' }, '2026-11-24')).toBe(false);
  });

  it('waits for writes open to residents and volunteers, not for reads, staff work or withdrawals', () => {
    expect(collectsPersonalData('feedback.submit', { access: 'registered', writes: true })).toBe(true);
    expect(collectsPersonalData('hours.report', { access: ['volunteer'], writes: true })).toBe(true);
    expect(collectsPersonalData('a.new', { access: 'registered', writes: true })).toBe(true);
    expect(collectsPersonalData('feedback.mine', { access: 'registered', writes: false })).toBe(false);
    expect(collectsPersonalData('hours.approve', { access: ['social_worker', 'admin'], writes: true })).toBe(false);
    expect(collectsPersonalData('activity.cancelBooking', { access: 'registered', writes: true })).toBe(false);
    expect(collectsPersonalData('account.requestDeletion', { access: 'registered', writes: true })).toBe(false);
  });
});

describe('minors under 14', () => {
  const guardian = { name: '小明妈妈', phone: '13700000077', consent: true };

  it('need a guardian’s name, phone and consent', () => {
    expect(guardianProblems(true, undefined).map((p) => p.path)).toEqual([
      'guardian.name',
      'guardian.phone',
      'guardian.consent',
    ]);
    expect(guardianProblems(true, { ...guardian, consent: false }).map((p) => p.path)).toEqual(['guardian.consent']);
    expect(guardianProblems(true, guardian)).toEqual([]);
  });

  it('and nobody else gives one (minimum collection)', () => {
    expect(guardianProblems(false, undefined)).toEqual([]);
    expect(guardianProblems(false, guardian).map((p) => p.path)).toEqual(['guardian']);
  });

  it('agree to a changed notice with their guardian', () => {
    expect(acceptanceProblems({ minor: true }, undefined).map((p) => p.path)).toEqual(['guardianConsent']);
    expect(acceptanceProblems({ minor: true }, true)).toEqual([]);
    expect(acceptanceProblems({}, undefined)).toEqual([]);
  });
});
