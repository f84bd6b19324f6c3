import {
  allowedWishActions,
  countWishesFulfilled,
  decideApproval,
  decideSubmission,
  decideTransition,
  WISH_TRANSITIONS,
  wishRolesOf,
  type FulfilledWishRecord,
  type WishActor,
  type WishState,
} from '../../../cloudfunctions/_shared/domain/wishes';
import type { WishStatus } from '@linli/types/entities/wish';

const at = new Date('2026-11-24T10:00:00+08:00');
const STATION = 'st1';

const staff: WishActor = { id: 'sw1', roles: ['resident', 'social_worker'], stationId: STATION };
const otherStaff: WishActor = { id: 'sw2', roles: ['social_worker'], stationId: STATION };
const foreignStaff: WishActor = { id: 'sw9', roles: ['social_worker'], stationId: 'st2' };
const resident: WishActor = { id: 'r1', roles: ['resident'], stationId: STATION };
const volunteer: WishActor = { id: 'v1', roles: ['resident', 'volunteer'], stationId: STATION };
const shop: WishActor = { id: 'shop1', roles: ['resident'], stationId: STATION };
const foreigner: WishActor = { id: 'x1', roles: ['resident'], stationId: 'st2' };

function wish(status: WishStatus, overrides: Partial<WishState> = {}): WishState {
  return {
    stationId: STATION,
    status,
    version: 3,
    beneficiaryId: 'r1',
    submittedBy: 'sw1',
    history: [],
    ...(status === 'claimed' || status === 'fulfilled' || status === 'confirmed' ? { claimerId: 'v1' } : {}),
    ...overrides,
  };
}

describe('submission', () => {
  it('a resident submits for themself, as the beneficiary', () => {
    const decision = decideSubmission({ stationId: STATION, beneficiaryId: 'r1', submittedBy: 'r1' }, resident, at);
    expect(decision).toMatchObject({ ok: true, changed: true, wish: { status: 'submitted', version: 1 } });
    if (decision.ok && decision.changed) {
      expect(decision.wish.history).toEqual([
        { action: 'submit', from: null, to: 'submitted', by: 'r1', role: 'beneficiary', at },
      ]);
    }
  });

  it('a social worker submits for a resident of their station, as staff', () => {
    const decision = decideSubmission({ stationId: STATION, beneficiaryId: 'r1', submittedBy: 'sw1' }, staff, at);
    expect(decision.ok && decision.changed && decision.wish.history[0]!.role).toBe('staff');
  });

  it('nobody else submits for someone else', () => {
    const forOther = { stationId: STATION, beneficiaryId: 'r1', submittedBy: 'v1' };
    expect(decideSubmission(forOther, volunteer, at)).toEqual({ ok: false, problem: 'ROLE' });
    expect(decideSubmission({ ...forOther, submittedBy: 'sw9' }, foreignStaff, at)).toEqual({
      ok: false,
      problem: 'ROLE',
    });
  });
});

describe('review', () => {
  it('approval with a passing check publishes in the same step, and both events are kept', () => {
    const decision = decideApproval(wish('submitted'), staff, at, { pass: true });
    expect(decision).toMatchObject({ ok: true, changed: true, wish: { status: 'published', version: 4 } });
    if (decision.ok && decision.changed) {
      expect(decision.events.map((e) => [e.action, e.from, e.to, e.by, e.role])).toEqual([
        ['approve', 'submitted', 'approved', 'sw1', 'staff'],
        ['publish', 'approved', 'published', 'system', 'system'],
      ]);
      expect(decision.wish.history).toEqual(decision.events);
    }
  });

  it('approval with a failing check holds the wish with the check’s reason', () => {
    const decision = decideApproval(wish('submitted'), staff, at, { pass: false, reason: '疑似广告' });
    expect(decision.ok && decision.changed && decision.wish.status).toBe('held');
    expect(decision.ok && decision.changed && decision.events[1]).toMatchObject({ action: 'hold', note: '疑似广告' });
  });

  it('a held wish can be approved again; a published one cannot', () => {
    expect(decideApproval(wish('held'), staff, at, { pass: true }).ok).toBe(true);
    expect(decideApproval(wish('published'), staff, at, { pass: true })).toEqual({ ok: false, problem: 'STATE' });
  });

  it('only staff of the wish’s station review, and nobody reviews a wish made for themself', () => {
    expect(decideApproval(wish('submitted'), volunteer, at, { pass: true })).toEqual({ ok: false, problem: 'ROLE' });
    expect(decideApproval(wish('submitted'), foreignStaff, at, { pass: true })).toEqual({ ok: false, problem: 'ROLE' });
    const ownWish = wish('submitted', { beneficiaryId: 'sw2', submittedBy: 'sw2' });
    expect(decideApproval(ownWish, otherStaff, at, { pass: true })).toEqual({ ok: false, problem: 'ROLE' });
    expect(decideTransition(ownWish, 'decline', otherStaff, at, '理由')).toEqual({ ok: false, problem: 'ROLE' });
    expect(decideApproval(ownWish, staff, at, { pass: true }).ok).toBe(true);
  });

  it('asking for changes and declining need a reason', () => {
    expect(decideTransition(wish('submitted'), 'request_changes', staff, at, '  ')).toEqual({
      ok: false,
      problem: 'NOTE_REQUIRED',
    });
    const decided = decideTransition(wish('submitted'), 'decline', staff, at, ' 不属于微心愿范围 ');
    expect(decided.ok && decided.changed && decided.events[0]!.note).toBe('不属于微心愿范围');
  });

  it('a revised wish goes back to review, by its submitter, its beneficiary or staff', () => {
    for (const actor of [staff, resident, otherStaff]) {
      const decision = decideTransition(wish('changes_requested'), 'revise', actor, at);
      expect(decision.ok && decision.changed && decision.wish.status).toBe('submitted');
    }
    expect(decideTransition(wish('changes_requested'), 'revise', volunteer, at)).toEqual({
      ok: false,
      problem: 'ROLE',
    });
  });
});

describe('claims', () => {
  it('any member of the station claims a published wish, and becomes its claimer', () => {
    const decision = decideTransition(wish('published'), 'claim', shop, at);
    expect(decision).toMatchObject({ ok: true, changed: true, wish: { status: 'claimed', claimerId: 'shop1' } });
    expect(decision.ok && decision.changed && decision.events[0]!.role).toBe('member');
  });

  it('nobody claims their own wish, nor a wish of another station', () => {
    expect(decideTransition(wish('published'), 'claim', resident, at)).toEqual({ ok: false, problem: 'OWN_WISH' });
    expect(decideTransition(wish('claimed'), 'claim', resident, at)).toEqual({ ok: false, problem: 'OWN_WISH' });
    expect(decideTransition(wish('published'), 'claim', foreigner, at)).toEqual({ ok: false, problem: 'ROLE' });
  });

  it('a claimed wish: the claimer tapping again changes nothing, anyone else hears it is taken', () => {
    expect(decideTransition(wish('claimed'), 'claim', volunteer, at)).toEqual({ ok: true, changed: false });
    expect(decideTransition(wish('claimed'), 'claim', shop, at)).toEqual({ ok: false, problem: 'TAKEN' });
  });

  it('the claimer or staff release a claim; the wish is published again without a claimer', () => {
    for (const actor of [volunteer, staff]) {
      const decision = decideTransition(wish('claimed'), 'release', actor, at);
      expect(decision.ok && decision.changed && decision.wish.status).toBe('published');
      expect(decision.ok && decision.changed && decision.wish.claimerId).toBeUndefined();
    }
    expect(decideTransition(wish('claimed'), 'release', shop, at)).toEqual({ ok: false, problem: 'ROLE' });
  });
});

describe('fulfilment and confirmation', () => {
  it('the claimer or staff record the delivery, with a note', () => {
    expect(decideTransition(wish('claimed'), 'fulfil', volunteer, at, '')).toEqual({
      ok: false,
      problem: 'NOTE_REQUIRED',
    });
    expect(decideTransition(wish('claimed'), 'fulfil', shop, at, '已送达')).toEqual({ ok: false, problem: 'ROLE' });
    const decision = decideTransition(wish('claimed'), 'fulfil', volunteer, at, '已送到社工站');
    expect(decision.ok && decision.changed && decision.events[0]).toMatchObject({ role: 'claimer', to: 'fulfilled' });
  });

  it('the beneficiary or staff confirm; a claimer never confirms their own delivery', () => {
    const own = decideTransition(wish('fulfilled'), 'confirm', resident, at);
    expect(own.ok && own.changed && own.events[0]).toMatchObject({ role: 'beneficiary', to: 'confirmed' });
    const onBehalf = decideTransition(wish('fulfilled'), 'confirm', staff, at);
    expect(onBehalf.ok && onBehalf.changed && onBehalf.events[0]!.role).toBe('staff');
    expect(decideTransition(wish('fulfilled'), 'confirm', volunteer, at)).toEqual({ ok: false, problem: 'ROLE' });
    const staffClaimed = wish('fulfilled', { claimerId: 'sw2' });
    expect(decideTransition(staffClaimed, 'confirm', otherStaff, at)).toEqual({ ok: false, problem: 'ROLE' });
  });

  it('nothing leads out of a final state', () => {
    for (const status of ['confirmed', 'declined', 'withdrawn'] as const) {
      expect(allowedWishActions(wish(status), staff)).toEqual([]);
      expect(allowedWishActions(wish(status), resident)).toEqual([]);
    }
  });
});

describe('withdrawal', () => {
  it('before a claim, by the beneficiary, the submitter or staff', () => {
    for (const status of ['submitted', 'changes_requested', 'held', 'published'] as const) {
      expect(decideTransition(wish(status), 'withdraw', resident, at).ok).toBe(true);
    }
    expect(decideTransition(wish('claimed'), 'withdraw', staff, at)).toEqual({ ok: false, problem: 'STATE' });
    expect(decideTransition(wish('published'), 'withdraw', volunteer, at)).toEqual({ ok: false, problem: 'ROLE' });
  });
});

describe('roles and allowed actions', () => {
  it('names every capacity a person stands in', () => {
    expect(wishRolesOf(wish('claimed'), volunteer)).toEqual(['claimer', 'member']);
    expect(wishRolesOf(wish('submitted'), staff)).toEqual(['submitter', 'staff', 'member']);
    expect(wishRolesOf(wish('submitted'), foreigner)).toEqual([]);
  });

  it('offers exactly what the decisions accept', () => {
    expect(allowedWishActions(wish('submitted'), staff)).toEqual(['request_changes', 'approve', 'decline', 'withdraw']);
    expect(allowedWishActions(wish('published'), volunteer)).toEqual(['claim']);
    expect(allowedWishActions(wish('published'), resident)).toEqual(['withdraw']);
    expect(allowedWishActions(wish('claimed'), volunteer)).toEqual(['release', 'fulfil']);
    expect(allowedWishActions(wish('fulfilled'), resident)).toEqual(['confirm']);
  });

  it('every transition starts from a non-final status and names who may take it', () => {
    for (const t of WISH_TRANSITIONS) {
      expect(t.by.length).toBeGreaterThan(0);
      for (const from of t.from) expect(['confirmed', 'declined', 'withdrawn']).not.toContain(from);
    }
  });
});

describe('countWishesFulfilled (点亮微心愿)', () => {
  const from = new Date('2026-04-01T00:00:00+08:00');
  const to = new Date('2026-10-16T00:00:00+08:00');
  const record = (overrides: Partial<FulfilledWishRecord>): FulfilledWishRecord => ({
    stationId: STATION,
    areaId: 'area1',
    status: 'confirmed',
    confirmedAt: new Date('2026-06-01T12:00:00+08:00'),
    ...overrides,
  });

  it('counts the period’s confirmed wishes of the station, per 片区 — seed 004’s 53', () => {
    const inPeriod = [
      ...Array.from({ length: 26 }, () => record({ areaId: 'area1' })),
      ...Array.from({ length: 27 }, () => record({ areaId: 'area2' })),
    ];
    const others = [
      record({ status: 'fulfilled' }), // delivered, not yet confirmed
      record({ confirmedAt: new Date('2026-03-31T23:59:59+08:00') }), // before
      record({ confirmedAt: to }), // the end is exclusive
      record({ stationId: 'st2' }), // another station
      record({ status: 'published', confirmedAt: undefined }),
    ];
    const result = countWishesFulfilled([...inPeriod, ...others], STATION, from, to);
    expect(result.total).toBe(53);
    expect(Object.fromEntries(result.byArea)).toEqual({ area1: 26, area2: 27 });
  });

  it('counts the first instant of the period, and a wish without a 片区 in the total only', () => {
    const result = countWishesFulfilled([record({ confirmedAt: from, areaId: null })], STATION, from, to);
    expect(result.total).toBe(1);
    expect(result.byArea.size).toBe(0);
  });
});
