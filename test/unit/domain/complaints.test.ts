import {
  answeredInTime,
  capacitiesOf,
  compareForInbox,
  countByCategory,
  decideTransition,
  formatShare,
  handlerPool,
  isAllowedTransition,
  mayHandle,
  mayReopenAt,
  maySeeComplaint,
  maySeeSender,
  pickHandler,
  receiveComplaint,
  replyTimeliness,
  urgencyAt,
  COMPLAINT_STATUSES,
  SYSTEM_ACTOR,
  TRANSITIONS,
  type Complaint,
  type ComplaintStatus,
  type ComplaintStep,
} from '../../../cloudfunctions/_shared/domain/complaints';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** A Friday afternoon in Shanghai: the deadline runs over the weekend. */
const received = new Date('2026-11-20T15:00:00+08:00');
const at = (ms: number) => new Date(received.getTime() + ms);

const resident = { id: 'res1', roles: ['resident'], stationId: 'st1' };
const worker = { id: 'sw1', roles: ['resident', 'social_worker'], stationId: 'st1' };
const colleague = { id: 'sw2', roles: ['resident', 'social_worker'], stationId: 'st1' };
const admin = { id: 'ad1', roles: ['resident', 'social_worker', 'admin'], stationId: 'st1' };
const otherStationAdmin = { id: 'ad9', roles: ['social_worker', 'admin'], stationId: 'st2' };

function assigned(overrides: Partial<Complaint> = {}): Complaint {
  const base = receiveComplaint(
    { stationId: 'st1', senderId: 'res1', category: 'complaint', anonymous: false },
    'sw1',
    received,
  );
  return { ...base, ...overrides };
}

function replied(overrides: Partial<Complaint> = {}): Complaint {
  const decision = decideTransition(assigned(), 'reply', worker, { note: '已调整活动时间' }, at(3 * HOUR));
  if (!decision.ok) throw new Error(decision.problem);
  return { ...decision.complaint, ...overrides };
}

describe('receiving a complaint', () => {
  it('keeps both steps — received by the sender, assigned by the system — and is due 48 hours later', () => {
    const c = assigned();
    expect(c.status).toBe('assigned');
    expect(c.handlerId).toBe('sw1');
    expect(c.history).toEqual([
      { step: 'receive', by: 'res1', at: received },
      { step: 'assign', by: SYSTEM_ACTOR, at: received, handlerId: 'sw1' },
    ]);
    // Friday 15:00 → Sunday 15:00: 2 calendar days, the weekend counts (seed 002 says 2天, not 2个工作日).
    expect(c.dueAt).toEqual(new Date('2026-11-22T15:00:00+08:00'));
  });

  it('stays received, with nobody assigned, when the station has nobody to handle it', () => {
    const c = receiveComplaint(
      { stationId: 'st1', senderId: 'res1', category: 'opinion', anonymous: true },
      null,
      received,
    );
    expect(c.status).toBe('received');
    expect(c.handlerId).toBeNull();
    expect(c.history.map((e) => e.step)).toEqual(['receive']);
  });
});

describe('the transition table', () => {
  const steps: Exclude<ComplaintStep, 'receive'>[] = ['assign', 'reassign', 'reply', 'close', 'reopen'];
  const allowed: Record<string, ComplaintStatus[]> = {
    assign: ['received'],
    reassign: ['assigned', 'reopened'],
    reply: ['assigned', 'reopened'],
    close: ['replied'],
    reopen: ['replied', 'closed'],
  };

  it('allows exactly the listed steps from each state and refuses every other pair', () => {
    for (const step of steps) {
      for (const status of COMPLAINT_STATUSES) {
        expect([step, status, isAllowedTransition(step, status)]).toEqual([
          step,
          status,
          allowed[step]!.includes(status),
        ]);
      }
    }
  });

  it('refuses a step from a state it does not start from, with WRONG_STATE and nothing changed', () => {
    const closed = { ...replied(), status: 'closed' as const };
    expect(decideTransition(closed, 'reply', worker, { note: '再答复一次' }, at(DAY))).toEqual({
      ok: false,
      problem: 'WRONG_STATE',
    });
    expect(decideTransition(assigned(), 'close', worker, {}, at(DAY))).toEqual({ ok: false, problem: 'WRONG_STATE' });
    expect(decideTransition(assigned(), 'reopen', resident, { note: '不满意' }, at(DAY))).toEqual({
      ok: false,
      problem: 'WRONG_STATE',
    });
    expect(decideTransition(replied(), 'reply', worker, { note: '补充' }, at(DAY))).toEqual({
      ok: false,
      problem: 'WRONG_STATE',
    });
  });

  it('lists every step except receive, which only submission does', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...steps].sort());
  });
});

describe('who may take each step', () => {
  it('lets the handler reply, and the 站长 in their place; nobody else', () => {
    expect(decideTransition(assigned(), 'reply', worker, { note: '好的' }, at(HOUR)).ok).toBe(true);
    expect(decideTransition(assigned(), 'reply', admin, { note: '好的' }, at(HOUR)).ok).toBe(true);
    for (const other of [colleague, resident, otherStationAdmin]) {
      expect(decideTransition(assigned(), 'reply', other, { note: '好的' }, at(HOUR))).toEqual({
        ok: false,
        problem: 'NOT_ALLOWED',
      });
    }
  });

  it('lets only the sender reopen', () => {
    expect(decideTransition(replied(), 'reopen', resident, { note: '还是太吵' }, at(DAY)).ok).toBe(true);
    for (const other of [worker, admin]) {
      expect(decideTransition(replied(), 'reopen', other, { note: '还是太吵' }, at(DAY))).toEqual({
        ok: false,
        problem: 'NOT_ALLOWED',
      });
    }
  });

  it('lets the sender, the handler or the 站长 close a replied complaint', () => {
    for (const who of [resident, worker, admin]) {
      expect(decideTransition(replied(), 'close', who, {}, at(DAY)).ok).toBe(true);
    }
    expect(decideTransition(replied(), 'close', colleague, {}, at(DAY))).toEqual({ ok: false, problem: 'NOT_ALLOWED' });
  });

  it('lets only the 站长 reassign, to an eligible other person', () => {
    const ok = decideTransition(
      assigned(),
      'reassign',
      admin,
      { handlerId: 'sw2', handlerEligible: true, note: '李社工休假' },
      at(HOUR),
    );
    expect(ok.ok && ok.complaint.handlerId).toBe('sw2');
    expect(ok.ok && ok.complaint.status).toBe('assigned');
    expect(ok.ok && ok.event).toEqual({
      step: 'reassign',
      by: 'ad1',
      at: at(HOUR),
      note: '李社工休假',
      handlerId: 'sw2',
    });
    expect(
      decideTransition(assigned(), 'reassign', worker, { handlerId: 'sw2', handlerEligible: true }, at(HOUR)),
    ).toEqual({
      ok: false,
      problem: 'NOT_ALLOWED',
    });
    expect(
      decideTransition(assigned(), 'reassign', admin, { handlerId: 'sw2', handlerEligible: false }, at(HOUR)),
    ).toEqual({
      ok: false,
      problem: 'INVALID_HANDLER',
    });
    expect(
      decideTransition(assigned(), 'reassign', admin, { handlerId: 'sw1', handlerEligible: true }, at(HOUR)),
    ).toEqual({
      ok: false,
      problem: 'INVALID_HANDLER',
    });
  });

  it('gives the staff member a complaint is about no capacity at all, even as 站长', () => {
    const aboutAdmin = assigned({ aboutStaffId: 'ad1' });
    expect(capacitiesOf(aboutAdmin, admin)).toEqual({ sender: false, handler: false, overseer: false });
    expect(decideTransition(aboutAdmin, 'reply', admin, { note: '我来解释' }, at(HOUR))).toEqual({
      ok: false,
      problem: 'NOT_ALLOWED',
    });
  });

  it('refuses an empty reply or reopening reason', () => {
    expect(decideTransition(assigned(), 'reply', worker, { note: '   ' }, at(HOUR))).toEqual({
      ok: false,
      problem: 'NOTE_REQUIRED',
    });
    expect(decideTransition(replied(), 'reopen', resident, {}, at(DAY))).toEqual({
      ok: false,
      problem: 'NOTE_REQUIRED',
    });
  });
});

describe('replying, closing and reopening', () => {
  it('records the reply, its time and the first reply time, and appends who, when and what', () => {
    const c = replied();
    expect(c.status).toBe('replied');
    expect(c.reply).toBe('已调整活动时间');
    expect(c.firstRepliedAt).toEqual(at(3 * HOUR));
    expect(c.lastRepliedAt).toEqual(at(3 * HOUR));
    expect(c.history.at(-1)).toEqual({ step: 'reply', by: 'sw1', at: at(3 * HOUR), note: '已调整活动时间' });
  });

  it('reopens within 7 days of the reply with a new 48-hour deadline, and keeps the first reply time', () => {
    const decision = decideTransition(replied(), 'reopen', resident, { note: '时间还是冲突' }, at(2 * DAY));
    if (!decision.ok) throw new Error(decision.problem);
    expect(decision.complaint.status).toBe('reopened');
    expect(decision.complaint.dueAt).toEqual(at(4 * DAY));
    const again = decideTransition(decision.complaint, 'reply', worker, { note: '改到周六' }, at(3 * DAY));
    if (!again.ok) throw new Error(again.problem);
    expect(again.complaint.firstRepliedAt).toEqual(at(3 * HOUR));
    expect(again.complaint.lastRepliedAt).toEqual(at(3 * DAY));
    expect(again.complaint.history.map((e) => e.step)).toEqual(['receive', 'assign', 'reply', 'reopen', 'reply']);
  });

  it('refuses a reopening after the 7 days, also from closed', () => {
    const repliedAt = at(3 * HOUR);
    const lastMoment = new Date(repliedAt.getTime() + 7 * DAY);
    const closed = { ...replied(), status: 'closed' as const, closedAt: at(DAY) };
    expect(mayReopenAt(closed, lastMoment)).toBe(true);
    expect(decideTransition(closed, 'reopen', resident, { note: '又出问题了' }, lastMoment).ok).toBe(true);
    const tooLate = new Date(lastMoment.getTime() + 1);
    expect(mayReopenAt(closed, tooLate)).toBe(false);
    expect(decideTransition(closed, 'reopen', resident, { note: '又出问题了' }, tooLate)).toEqual({
      ok: false,
      problem: 'REOPEN_WINDOW_PASSED',
    });
  });

  it('a reopened complaint loses its closing time', () => {
    const closed = { ...replied(), status: 'closed' as const, closedAt: at(DAY) };
    const decision = decideTransition(closed, 'reopen', resident, { note: '又出问题了' }, at(2 * DAY));
    expect(decision.ok && decision.complaint.closedAt).toBeUndefined();
  });
});

describe('due and overdue', () => {
  it('is waiting, then due soon in the last 12 hours, then overdue once the due time passed', () => {
    const c = assigned();
    expect(urgencyAt(c, at(35 * HOUR))).toBe('waiting');
    expect(urgencyAt(c, at(36 * HOUR))).toBe('due_soon');
    expect(urgencyAt(c, at(48 * HOUR))).toBe('due_soon');
    expect(urgencyAt(c, at(48 * HOUR + 1))).toBe('overdue');
  });

  it('is never overdue once replied or closed, however late', () => {
    expect(urgencyAt(replied(), at(30 * DAY))).toBe('replied');
    expect(urgencyAt({ ...replied(), status: 'closed' }, at(30 * DAY))).toBe('closed');
  });

  it('sorts owed complaints by due time (overdue first), then replied by latest reply, then closed', () => {
    const a = assigned({ dueAt: at(10 * HOUR) });
    const b = assigned({ dueAt: at(-5 * HOUR) });
    const r1 = replied({ lastRepliedAt: at(HOUR) });
    const r2 = replied({ lastRepliedAt: at(2 * HOUR) });
    const closed = { ...replied(), status: 'closed' as const };
    expect([closed, r1, a, r2, b].sort(compareForInbox)).toEqual([b, a, r2, r1, closed]);
  });
});

describe('assignment', () => {
  const staff = [
    { id: 'sw2', roles: ['social_worker'] },
    { id: 'ad1', roles: ['social_worker', 'admin'] },
    { id: 'sw1', roles: ['social_worker'] },
    { id: 'res1', roles: ['resident'] },
  ];

  it('rotates over the social workers (not the 站长), in a stable order', () => {
    const { route, pool } = handlerPool(staff, { senderId: 'res1' });
    expect(route).toBe('rotation');
    expect(pool).toEqual(['sw1', 'sw2']);
    expect([1, 2, 3, 4].map((turn) => pickHandler(pool, turn))).toEqual(['sw1', 'sw2', 'sw1', 'sw2']);
  });

  it('routes a complaint about a staff member to the 站长, never to the person it is about', () => {
    expect(handlerPool(staff, { senderId: 'res1', aboutStaffId: 'sw1' })).toEqual({ route: 'admin', pool: ['ad1'] });
  });

  it('routes a complaint about the only 站长 to the social workers, without them', () => {
    expect(handlerPool(staff, { senderId: 'res1', aboutStaffId: 'ad1' })).toEqual({
      route: 'rotation',
      pool: ['sw1', 'sw2'],
    });
  });

  it('never gives a staff member their own complaint', () => {
    expect(handlerPool(staff, { senderId: 'sw1' }).pool).toEqual(['sw2']);
  });

  it('falls back to the 站长 when there is no other social worker, and to nobody when there is no staff', () => {
    expect(handlerPool([{ id: 'ad1', roles: ['admin'] }], { senderId: 'res1' })).toEqual({
      route: 'admin',
      pool: ['ad1'],
    });
    expect(handlerPool([], { senderId: 'res1' })).toEqual({ route: 'none', pool: [] });
    expect(pickHandler([], 3)).toBeNull();
  });

  it('lets the 站长 reassign only to staff of the station who are neither the sender nor the subject', () => {
    const complaint = { stationId: 'st1', senderId: 'res1', aboutStaffId: 'sw1' };
    expect(mayHandle({ ...colleague }, complaint)).toBe(true);
    expect(mayHandle({ ...worker }, complaint)).toBe(false);
    expect(mayHandle({ ...resident }, complaint)).toBe(false);
    expect(mayHandle({ ...otherStationAdmin }, complaint)).toBe(false);
  });
});

describe('who sees what', () => {
  it('shows a complaint to its sender, its handler and the 站长 — not to other colleagues or stations', () => {
    const c = assigned();
    expect(maySeeComplaint(capacitiesOf(c, resident))).toBe(true);
    expect(maySeeComplaint(capacitiesOf(c, worker))).toBe(true);
    expect(maySeeComplaint(capacitiesOf(c, admin))).toBe(true);
    expect(maySeeComplaint(capacitiesOf(c, colleague))).toBe(false);
    expect(maySeeComplaint(capacitiesOf(c, otherStationAdmin))).toBe(false);
    expect(maySeeComplaint(capacitiesOf(c, { id: 'res2', roles: ['resident'], stationId: 'st1' }))).toBe(false);
  });

  it('withholds an anonymous sender from the 站长 unless they handle it, never from the handler', () => {
    const anonymous = assigned({ anonymous: true });
    expect(maySeeSender(anonymous, capacitiesOf(anonymous, worker))).toBe(true);
    expect(maySeeSender(anonymous, capacitiesOf(anonymous, admin))).toBe(false);
    expect(maySeeSender(anonymous, capacitiesOf(anonymous, resident))).toBe(true);
    const handledByAdmin = assigned({ anonymous: true, handlerId: 'ad1' });
    expect(maySeeSender(handledByAdmin, capacitiesOf(handledByAdmin, admin))).toBe(true);
    const named = assigned();
    expect(maySeeSender(named, capacitiesOf(named, admin))).toBe(true);
  });
});

describe('indicators', () => {
  const period = { from: new Date('2026-11-01T00:00:00+08:00'), to: new Date('2026-12-01T00:00:00+08:00') };
  const now = new Date('2026-12-10T00:00:00+08:00');
  const on = (iso: string) => new Date(`${iso}+08:00`);

  it('counts opinions, suggestions and complaints received in the period, nothing outside', () => {
    const items = [
      { category: 'opinion' as const, receivedAt: on('2026-11-01T00:00:00') },
      { category: 'complaint' as const, receivedAt: on('2026-11-15T09:00:00') },
      { category: 'complaint' as const, receivedAt: on('2026-11-30T23:59:59') },
      { category: 'suggestion' as const, receivedAt: on('2026-12-01T00:00:00') },
      { category: 'suggestion' as const, receivedAt: on('2026-10-31T23:59:59') },
    ];
    expect(countByCategory(items, period)).toEqual({ opinion: 1, suggestion: 0, complaint: 2, total: 3 });
  });

  it('answered within 2 days means the first reply at or before received + 48 hours', () => {
    const receivedAt = on('2026-11-06T15:00:00');
    expect(answeredInTime({ receivedAt, firstRepliedAt: on('2026-11-08T15:00:00') })).toBe(true);
    expect(answeredInTime({ receivedAt, firstRepliedAt: on('2026-11-08T15:00:01') })).toBe(false);
    expect(answeredInTime({ receivedAt })).toBe(false);
  });

  it('shares the answered-in-time among those that can be judged, leaving out ones still within their 2 days', () => {
    const items = [
      { receivedAt: on('2026-11-02T10:00:00'), firstRepliedAt: on('2026-11-02T12:00:00') }, // in time
      { receivedAt: on('2026-11-03T10:00:00'), firstRepliedAt: on('2026-11-04T09:00:00') }, // in time
      { receivedAt: on('2026-11-05T10:00:00'), firstRepliedAt: on('2026-11-08T10:00:00') }, // late
      { receivedAt: on('2026-11-06T10:00:00') }, // never answered, overdue: late
      { receivedAt: on('2026-10-06T10:00:00'), firstRepliedAt: on('2026-10-06T11:00:00') }, // outside
    ];
    expect(replyTimeliness(items, period, now)).toEqual({ judged: 4, answeredInTime: 2, share: 0.5 });
    const early = on('2026-11-30T20:00:00');
    const stillOpen = [{ receivedAt: on('2026-11-30T10:00:00') }];
    expect(replyTimeliness(stillOpen, period, early)).toEqual({ judged: 0, answeredInTime: 0, share: null });
  });

  it('prints a share with two decimals, as the evaluators’ tables do', () => {
    expect(formatShare(0.875)).toBe('87.50%');
    expect(formatShare(2 / 3)).toBe('66.67%');
    expect(formatShare(1)).toBe('100.00%');
    expect(formatShare(null)).toBeNull();
  });
});
