import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { draft, enrolInGroup, publishGroup, SOCIAL } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';

const RESIDENT = 'oDemoResident01';
const OTHER = 'oDemoResident02';
const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const scanAs = async (personId: string, activityId: string) =>
  h.ok(personId, 'checkin', 'scan', {
    token: (await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode: 'in' })).token,
  });

describe('a 小组 series: sessions with one roster', () => {
  it('shows its sessions, books once for the whole series, and signs in per session', async () => {
    const group = await publishGroup(h);
    expect(group.sessions?.map((s) => s.index)).toEqual([1, 2, 3]);
    expect((await enrolInGroup(h, group.id, RESIDENT))?.status).toBe('confirmed');
    expect((await enrolInGroup(h, group.id, OTHER))?.status).toBe('confirmed');

    // Session 1: the scan counts for session 1, a repeat does not count again.
    expect((await scanAs(RESIDENT, group.id)).outcome).toBe('signed_in');
    expect((await scanAs(RESIDENT, group.id)).outcome).toBe('already_signed_in');

    // Between sessions the code says the next session is not open yet.
    clock.setOffset(3 * 24 * HOUR);
    const between = await h.call(RESIDENT, 'checkin', 'scan', {
      token: (await h.ok(SOCIAL, 'checkin', 'code', { activityId: group.id, mode: 'in' })).token,
    });
    expect(between).toMatchObject({ ok: false, error: { code: 'SIGN_IN_NOT_OPEN', message: '第2节还未开始签到' } });

    // Session 2 a week later: a new record for the same person, and the other member too.
    clock.setOffset(WEEK);
    expect((await scanAs(RESIDENT, group.id)).outcome).toBe('signed_in');
    expect((await scanAs(OTHER, group.id)).outcome).toBe('signed_in');

    const records = (await h.db.dump('attendance')).filter((a) => a.activityId === group.id);
    expect(records.map((r) => [r.personId, r.session]).sort()).toEqual(
      [
        [RESIDENT, 1],
        [RESIDENT, 2],
        [OTHER, 2],
      ].sort(),
    );
    // Each record carries its own session's start, so 服务人次 by month falls where it was held.
    const second = records.find((r) => r.session === 2 && r.personId === RESIDENT)!;
    expect(new Date(second.activityStartAt as string).getTime()).toBe(Date.parse(group.sessions![1]!.startAt));

    // One roster of members, shown per session, with each member's sessions attended.
    const now2 = await h.ok(SOCIAL, 'checkin', 'roster', { activityId: group.id });
    expect(now2.session).toMatchObject({ index: 2, count: 3 });
    expect(now2.counts).toMatchObject({ booked: 2, signedIn: 2, noShow: 0 });
    const first = await h.ok(SOCIAL, 'checkin', 'roster', { activityId: group.id, session: 1 });
    expect(first.counts).toMatchObject({ booked: 2, signedIn: 1, noShow: 1 });
    expect(Object.fromEntries(first.entries.map((e) => [e.personId, e.sessionsAttended]))).toEqual({
      [RESIDENT]: 2,
      [OTHER]: 1,
    });
    expect(await h.errorCode(SOCIAL, 'checkin', 'roster', { activityId: group.id, session: 7 })).toBe('INVALID_INPUT');

    // The resident sees the series with the sessions she attended.
    const mine = await h.ok(RESIDENT, 'activity', 'get', { activityId: group.id });
    expect(mine).toMatchObject({ sessionsAttended: 2, attendance: { session: 2 } });
  });

  it('takes a paper list for a named session and annuls per session', async () => {
    const group = await publishGroup(h);
    expect((await enrolInGroup(h, group.id, OTHER))?.status).toBe('confirmed');
    clock.setOffset(WEEK + 3 * HOUR); // session 2 is over
    const paper = await h.ok(SOCIAL, 'checkin', 'recordPaper', {
      activityId: group.id,
      entries: [{ personId: OTHER }],
      note: '第1节纸质签到表补录',
      session: 1,
    });
    expect(paper).toEqual({ recorded: 1, alreadyPresent: 0 });
    expect(
      await h.errorCode(SOCIAL, 'checkin', 'recordPaper', {
        activityId: group.id,
        entries: [{ personId: OTHER }],
        note: '还没开始的一节',
        session: 3,
      }),
    ).toBe('SIGN_IN_NOT_OPEN');
    const [record] = (await h.db.dump('attendance')).filter((a) => a.activityId === group.id);
    expect(record).toMatchObject({ session: 1, method: 'paper' });
    expect(new Date(record!.signedInAt as string).toISOString()).toBe(group.sessions![0]!.startAt);

    const annulled = await h.ok(SOCIAL, 'checkin', 'annul', {
      activityId: group.id,
      personId: OTHER,
      reason: '登记错了',
      session: 1,
    });
    expect(annulled.annulled?.reason).toBe('登记错了');
    expect(annulled.sessionsAttended).toBe(0);
  });

  it('exports one sign-in sheet per session, titled with its number', async () => {
    const group = await publishGroup(h);
    expect((await enrolInGroup(h, group.id, RESIDENT))?.status).toBe('confirmed');
    await scanAs(RESIDENT, group.id);
    const sheet = await h.ok(SOCIAL, 'ledger', 'signInSheet', { activityId: group.id, session: 1 });
    expect(sheet.fileName).toContain('长者互助小组（第1节）');
  });

  it('refuses sessions on a kind that is not a group', async () => {
    const result = await h.call(SOCIAL, 'activity', 'publish', {
      ...draft(),
      sessions: [
        { startAt: draft().startAt, endAt: draft().endAt },
        { startAt: draft({}, 24 * 8).startAt, endAt: draft({}, 24 * 8).endAt },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
