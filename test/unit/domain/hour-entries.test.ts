import {
  coreVolunteers,
  correctEntry,
  countedEntryMinutes,
  createHourEntry,
  decideApproval,
  decideRejection,
  type HourEntry,
  isActiveTeam,
  latestVersions,
  newRegistrationsInPeriod,
  type NewHourEntry,
  participationsInPeriod,
  totals,
  versionId,
} from '../../../cloudfunctions/_shared/domain/hour-entries';
import type { Actor } from '../../../cloudfunctions/_shared/domain/volunteer-registration';

const at = (dayTime: string) => new Date(`2026-11-${dayTime}+08:00`);
const now = at('24T18:00:00');
const later = at('25T09:00:00');

const socialWorker = { id: 'sw1', roles: ['social_worker'] as const };
const secondSocialWorker = { id: 'sw2', roles: ['social_worker'] as const };
const admin = { id: 'ad1', roles: ['admin'] as const };
const volunteer = { id: 'v1', roles: ['resident', 'volunteer'] as const };

const create = (overrides: Partial<NewHourEntry> = {}): HourEntry =>
  createHourEntry({
    id: 'h1',
    volunteerId: 'v1',
    source: 'scan',
    minutes: 120,
    interval: { start: at('24T14:00:00'), end: at('24T16:00:00') },
    servedAt: at('24T14:00:00'),
    createdBy: 'v1',
    at: at('24T16:00:00'),
    ...overrides,
  });
/** A social worker's entry for a home visit, without times. */
const manual = (overrides: Partial<NewHourEntry> = {}) =>
  create({ id: 'm1', source: 'manual', interval: undefined, minutes: 90, createdBy: 'sw1', ...overrides });
const selfReport = (overrides: Partial<NewHourEntry> = {}) =>
  create({ id: 's1', source: 'self_report', interval: undefined, minutes: 60, createdBy: 'v1', ...overrides });

/** Applies a decision that must succeed and change the entry. */
function approved(entry: HourEntry, by: Actor = socialWorker, when = now): HourEntry {
  const decision = decideApproval(entry, by, when);
  if (!decision.ok || !decision.changed) throw new Error(`expected an approval, got ${JSON.stringify(decision)}`);
  return decision.entry;
}
function corrected(entry: HourEntry, minutes: number, by: Actor = socialWorker) {
  const decision = correctEntry(entry, { minutes, reason: '签退漏扫，按签到表更正', by, at: later });
  if (!decision.ok) throw new Error(`expected a correction, got ${decision.problem}`);
  return decision;
}

describe('createHourEntry', () => {
  it('starts pending at version 1 with a created event', () => {
    expect(create()).toMatchObject({
      id: 'h1',
      rootId: 'h1',
      version: 1,
      status: 'pending',
      approvals: [],
      history: [{ action: 'created', version: 1, by: 'v1', at: at('24T16:00:00'), minutes: 120 }],
    });
  });
  it('refuses minutes that are not the whole minutes of its times, or out of range', () => {
    expect(() => create({ minutes: 100 })).toThrow(RangeError);
    expect(() => manual({ minutes: 0 })).toThrow(RangeError);
    expect(() => manual({ minutes: 24 * 60 + 1 })).toThrow(RangeError);
  });
});

describe('decideApproval', () => {
  it('approves a scan entry with one social worker, recording who and when', () => {
    const decision = decideApproval(create(), socialWorker, now);
    expect(decision).toMatchObject({
      ok: true,
      changed: true,
      entry: { status: 'approved', approvals: [{ by: 'sw1', at: now }] },
    });
    expect(decision.ok && decision.changed && decision.entry.history.at(-1)).toEqual({
      action: 'approved',
      version: 1,
      by: 'sw1',
      at: now,
    });
  });
  it('approves a self-report with one staff approval', () => {
    expect(decideApproval(selfReport(), admin, now)).toMatchObject({ ok: true, changed: true });
  });
  it('refuses a manual entry approved by the social worker who typed it', () => {
    expect(decideApproval(manual(), socialWorker, now)).toEqual({ ok: false, problem: 'SELF_APPROVAL' });
  });
  it('approves a manual entry by a second social worker or the station admin', () => {
    expect(decideApproval(manual(), secondSocialWorker, now)).toMatchObject({ ok: true, changed: true });
    expect(decideApproval(manual(), admin, now)).toMatchObject({ ok: true, changed: true });
  });
  it('refuses staff approving their own hours, from any source', () => {
    const ownScan = create({ volunteerId: 'sw1', createdBy: 'sw1' });
    expect(decideApproval(ownScan, socialWorker, now)).toEqual({ ok: false, problem: 'SELF_APPROVAL' });
  });
  it('refuses the corrector approving the corrected version, even of a scan', () => {
    const { corrected: fixed } = corrected(approved(create()), 100, secondSocialWorker);
    expect(decideApproval(fixed, secondSocialWorker, later)).toEqual({
      ok: false,
      problem: 'SELF_APPROVAL',
    });
  });
  it('refuses anyone but staff', () => {
    expect(decideApproval(create({ volunteerId: 'v2' }), volunteer, now)).toEqual({ ok: false, problem: 'NOT_STAFF' });
  });
  it('changes nothing when an approved entry is approved again, by anyone on staff', () => {
    const entry = approved(create());
    expect(decideApproval(entry, socialWorker, later)).toEqual({ ok: true, changed: false });
    expect(decideApproval(entry, admin, later)).toEqual({ ok: true, changed: false });
  });
  it('refuses a rejected or superseded entry', () => {
    const rejected = decideRejection(create(), socialWorker, '当天未到场', now);
    if (!rejected.ok || !rejected.changed) throw new Error('expected a rejection');
    expect(decideApproval(rejected.entry, admin, later)).toEqual({ ok: false, problem: 'NOT_PENDING' });
    const { superseded } = corrected(create(), 100);
    expect(decideApproval(superseded, admin, later)).toEqual({ ok: false, problem: 'NOT_PENDING' });
  });
});

describe('decideRejection', () => {
  it('rejects a pending entry with the reason, trimmed, in its history', () => {
    const decision = decideRejection(create(), socialWorker, ' 当天未到场 ', now);
    expect(decision).toMatchObject({ ok: true, changed: true, entry: { status: 'rejected' } });
    expect(decision.ok && decision.changed && decision.entry.history.at(-1)).toEqual({
      action: 'rejected',
      version: 1,
      by: 'sw1',
      at: now,
      reason: '当天未到场',
    });
  });
  it('refuses a rejection without a reason', () => {
    expect(decideRejection(create(), socialWorker, '  ', now)).toEqual({ ok: false, problem: 'REASON_REQUIRED' });
  });
  it('refuses anyone but staff', () => {
    expect(decideRejection(create(), volunteer, '不算', now)).toEqual({ ok: false, problem: 'NOT_STAFF' });
  });
  it('lets the creator withdraw their own manual entry', () => {
    expect(decideRejection(manual(), socialWorker, '重复录入', now)).toMatchObject({ ok: true, changed: true });
  });
  it('changes nothing when a rejected entry is rejected again', () => {
    const first = decideRejection(create(), socialWorker, '当天未到场', now);
    if (!first.ok || !first.changed) throw new Error('expected a rejection');
    expect(decideRejection(first.entry, admin, '当天未到场', later)).toEqual({ ok: true, changed: false });
  });
  it('refuses to reject an approved entry: that is a correction', () => {
    expect(decideRejection(approved(create()), admin, '不算', later)).toEqual({ ok: false, problem: 'NOT_PENDING' });
  });
});

describe('correctEntry', () => {
  it('makes a pending new version and keeps the old one, superseded, with the trail carried forward', () => {
    const original = approved(create());
    const { superseded, corrected: fixed } = corrected(original, 100);
    expect(superseded).toMatchObject({ id: 'h1', version: 1, status: 'superseded', minutes: 120 });
    expect(superseded.history.at(-1)).toMatchObject({ action: 'superseded', version: 1, supersededBy: 'h1_v2' });
    expect(fixed).toMatchObject({
      id: versionId('h1', 2),
      rootId: 'h1',
      version: 2,
      correctionOf: 'h1',
      status: 'pending',
      minutes: 100,
      createdBy: 'sw1',
      approvals: [],
    });
    expect(fixed.history.map((e) => e.action)).toEqual(['created', 'approved', 'corrected']);
    expect(fixed.history.at(-1)).toMatchObject({ version: 2, fromMinutes: 120, toMinutes: 100 });
  });
  it('drops the old times unless new ones are given, and takes the service date from them', () => {
    expect(corrected(create(), 100).corrected.interval).toBeUndefined();
    const interval = { start: at('25T09:00:00'), end: at('25T10:00:00') };
    const decision = correctEntry(create(), { minutes: 60, interval, reason: '日期录错', by: socialWorker, at: later });
    expect(decision.ok && decision.corrected).toMatchObject({ interval, servedAt: interval.start });
  });
  it('refuses a correction without a reason', () => {
    expect(correctEntry(create(), { minutes: 100, reason: ' ', by: socialWorker, at: later })).toEqual({
      ok: false,
      problem: 'REASON_REQUIRED',
    });
  });
  it('refuses to correct a superseded version: only the latest is corrected', () => {
    const { superseded } = corrected(create(), 100);
    expect(correctEntry(superseded, { minutes: 90, reason: '再改', by: socialWorker, at: later })).toEqual({
      ok: false,
      problem: 'NOT_CORRECTABLE',
    });
  });
  it('lets a volunteer fix their own self-report until it is approved, and nothing else', () => {
    const fix = (entry: HourEntry, by: Actor = volunteer) =>
      correctEntry(entry, { minutes: 30, reason: '多填了', by, at: later });
    expect(fix(selfReport())).toMatchObject({ ok: true });
    const rejected = decideRejection(selfReport(), socialWorker, '时长过长', now);
    expect(rejected.ok && rejected.changed && fix(rejected.entry)).toMatchObject({ ok: true });
    expect(fix(approved(selfReport()))).toEqual({ ok: false, problem: 'NOT_STAFF' });
    expect(fix(create())).toEqual({ ok: false, problem: 'NOT_STAFF' });
    expect(fix(selfReport(), { id: 'v2', roles: ['volunteer'] })).toEqual({ ok: false, problem: 'NOT_STAFF' });
  });
});

describe('totals and counted minutes', () => {
  it('counts approved latest versions; pending apart; rejected and superseded not at all', () => {
    const scanApproved = approved(create());
    const { superseded, corrected: fixed } = corrected(approved(manual(), admin), 95, admin);
    const rejected = decideRejection(selfReport({ id: 's2' }), socialWorker, '无记录', now);
    if (!rejected.ok || !rejected.changed) throw new Error('expected a rejection');
    const all = [scanApproved, superseded, approved(fixed, socialWorker, later), rejected.entry, selfReport()];
    expect(totals(all)).toEqual({ approvedMinutes: 120 + 95, pendingMinutes: 60, hours: 3.58 });
  });
  it('leaves a corrected approved entry out until its new version is approved', () => {
    const { superseded, corrected: fixed } = corrected(approved(create()), 100);
    expect(totals([superseded, fixed])).toEqual({ approvedMinutes: 0, pendingMinutes: 100, hours: 0 });
  });
  it('counts one volunteer’s overlapping time once, keeping it with the entry approved first', () => {
    const scan = approved(create(), socialWorker, later);
    const visit = approved(
      create({
        id: 'm2',
        source: 'manual',
        createdBy: 'sw2',
        interval: { start: at('24T15:00:00'), end: at('24T17:00:00') },
      }),
      socialWorker,
      now,
    );
    expect(countedEntryMinutes([scan, visit])).toEqual(
      new Map([
        ['m2', 120],
        ['h1', 60],
      ]),
    );
    expect(totals([scan, visit]).approvedMinutes).toBe(180);
  });
  it('does not merge different volunteers’ time', () => {
    expect(totals([approved(create()), approved(create({ id: 'h2', volunteerId: 'v2', createdBy: 'v2' }))])).toEqual({
      approvedMinutes: 240,
      pendingMinutes: 0,
      hours: 4,
    });
  });
  it('counts as pending only what approving would add beyond approved time', () => {
    const overlapping = create({
      id: 'h2',
      interval: { start: at('24T15:30:00'), end: at('24T16:30:00') },
      minutes: 60,
    });
    expect(totals([approved(create()), overlapping])).toMatchObject({ approvedMinutes: 120, pendingMinutes: 30 });
  });
  it('counts a document read twice once', () => {
    const entry = approved(create());
    expect(latestVersions([entry, entry])).toHaveLength(1);
    expect(totals([entry, entry]).approvedMinutes).toBe(120);
  });
});

describe('volunteer indicators', () => {
  const november = { from: at('01T00:00:00'), to: new Date('2026-12-01T00:00:00+08:00') };

  it('counts registrations approved in the period, the end excluded', () => {
    const volunteers = [
      { id: 'a', registrationStatus: 'approved' as const, approvedAt: at('01T00:00:00'), isCore: false },
      { id: 'b', registrationStatus: 'approved' as const, approvedAt: november.to, isCore: false },
      { id: 'c', registrationStatus: 'pending' as const, isCore: false },
      {
        id: 'd',
        registrationStatus: 'approved' as const,
        approvedAt: new Date('2026-10-31T23:59:59+08:00'),
        isCore: true,
      },
    ];
    expect(newRegistrationsInPeriod(volunteers, november.from, november.to)).toBe(1);
  });
  it('counts participations as approved entries served in the period', () => {
    const entries = [
      approved(create()),
      approved(manual(), admin),
      create({ id: 'h3' }),
      approved(create({ id: 'h4', servedAt: new Date('2026-12-01T09:00:00+08:00'), interval: undefined })),
    ];
    expect(participationsInPeriod(entries, november.from, november.to)).toBe(2);
  });
  it('does not count time wholly under another entry as a second participation', () => {
    const nested = create({ id: 'h2', interval: { start: at('24T14:30:00'), end: at('24T15:00:00') }, minutes: 30 });
    expect(
      participationsInPeriod([approved(create()), approved(nested, admin, later)], november.from, november.to),
    ).toBe(1);
  });
  it('calls a team active when a member has an approved entry in the period', () => {
    const team = { members: [{ volunteerId: 'v1', registrationStatus: 'approved' as const }] };
    expect(isActiveTeam(team, [approved(create())], november)).toBe(true);
    expect(isActiveTeam(team, [create()], november)).toBe(false);
    expect(isActiveTeam(team, [approved(create({ id: 'h2', volunteerId: 'v2', createdBy: 'v2' }))], november)).toBe(
      false,
    );
  });
  it('lists core volunteers among the registered only', () => {
    const volunteers = [
      { id: 'a', registrationStatus: 'approved' as const, isCore: true },
      { id: 'b', registrationStatus: 'approved' as const, isCore: false },
      { id: 'c', registrationStatus: 'pending' as const, isCore: true },
    ];
    expect(coreVolunteers(volunteers).map((v) => v.id)).toEqual(['a']);
  });
});
