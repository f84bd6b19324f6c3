import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { addResidents, OTHER_SOCIAL, publish, SOCIAL } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';

const RESIDENT = 'oDemoResident01';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  clock.pin(null);
  await h.close();
});

/** An activity running now (started 10 minutes ago), so sign-in is open. */
async function runningActivity(overrides = {}) {
  return publish(
    h,
    {
      bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
      bookingClosesAt: new Date(Date.now() - 600_000).toISOString(),
      ...overrides,
    },
    -10 / 60,
  );
}
const tokenFor = async (activityId: string, mode: 'in' | 'out' = 'in') =>
  (await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode })).token;
const attendanceOf = async (id: string) => (await h.db.dump('attendance')).filter((a) => a.activityId === id);

describe('scanning the rotating code', () => {
  it('signs a resident in, then answers a repeat as already signed in, then signs out', async () => {
    const activity = await runningActivity();
    const token = await tokenFor(activity.id);
    const first = await h.ok(RESIDENT, 'checkin', 'scan', { token });
    expect(first).toMatchObject({
      outcome: 'signed_in',
      personName: '张阿姨',
      headcount: 1,
      activityTitle: '长者健康讲座',
    });
    const again = await h.ok(RESIDENT, 'checkin', 'scan', { token });
    expect(again).toMatchObject({ outcome: 'already_signed_in', at: first.at });
    const out = await h.ok(RESIDENT, 'checkin', 'scan', { token: await tokenFor(activity.id, 'out') });
    expect(out.outcome).toBe('signed_out');
    const [record] = await attendanceOf(activity.id);
    expect(record).toMatchObject({ personId: RESIDENT, method: 'scan', recordedBy: RESIDENT, headcount: 1 });
  });

  it('signs in a whole household party with one scan, each counted', async () => {
    const activity = await publish(h, { capacity: 10 }, 0.5);
    await h.ok(RESIDENT, 'activity', 'book', {
      activityId: activity.id,
      members: [{ name: '小明' }, { name: '小红' }],
    });
    const result = await h.ok(RESIDENT, 'checkin', 'scan', { token: await tokenFor(activity.id) });
    expect(result.headcount).toBe(3);
    const roster = await h.ok(SOCIAL, 'checkin', 'roster', { activityId: activity.id });
    expect(roster.counts).toMatchObject({ booked: 3, signedIn: 3, noShow: 0 });
  });

  it('500 residents each scanning 3 times at once leave exactly 500 attendance records', async () => {
    const activity = await runningActivity({ capacity: 600 });
    const residents = await addResidents(h, 500);
    // The code is good for 30–60 s; 1500 scans on a busy machine may take longer than that.
    clock.pin(new Date());
    const token = await tokenFor(activity.id);
    const results = await Promise.all(
      residents.flatMap((r) => [1, 2, 3].map(() => h.call(r, 'checkin', 'scan', { token }))),
    );
    clock.pin(null);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await attendanceOf(activity.id)).toHaveLength(500);
    const outcomes = results.map((r) => (r.ok ? r.data.outcome : 'error'));
    expect(outcomes.filter((o) => o === 'signed_in')).toHaveLength(500);
  }, 60_000);

  it('uses at most 3 database operations per sign-in', async () => {
    const activity = await runningActivity();
    const token = await tokenFor(activity.id);
    h.db.resetStats();
    await h.ok(RESIDENT, 'checkin', 'scan', { token });
    expect(h.db.stats().requests).toBeLessThanOrEqual(3);
    h.db.resetStats();
    await h.ok(RESIDENT, 'checkin', 'scan', { token });
    expect(h.db.stats().requests).toBeLessThanOrEqual(3);
  });

  it('rejects tampered, expired, future and other-activity tokens', async () => {
    const activity = await runningActivity();
    const other = await runningActivity({ title: '另一个活动' });
    const token = await tokenFor(activity.id);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token: flipped })).toBe('TOKEN_INVALID');
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token: 'not-a-token' })).toBe('TOKEN_MALFORMED');
    clock.setOffset(24 * 3600 * 1000); // "a code photographed yesterday does not work today"
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token })).toBe('TOKEN_EXPIRED');
    clock.setOffset(-120_000);
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token })).toBe('TOKEN_FUTURE');
    clock.setOffset(0);
    const otherToken = await tokenFor(other.id);
    expect((await h.ok(RESIDENT, 'checkin', 'scan', { token: otherToken })).activityTitle).toBe('另一个活动');
    expect(await attendanceOf(activity.id)).toEqual([]);
  });

  it('refuses to sign in before the doors open and after they close', async () => {
    const later = await publish(h, {}, 5);
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token: await tokenFor(later.id) })).toBe(
      'SIGN_IN_NOT_OPEN',
    );
    const signOutFirst = await runningActivity();
    expect(await h.errorCode(RESIDENT, 'checkin', 'scan', { token: await tokenFor(signOutFirst.id, 'out') })).toBe(
      'NOT_SIGNED_IN',
    );
  });
});

describe('staff at the door', () => {
  it('scans a personal code, signs in by proxy and registers a walk-in', async () => {
    const activity = await runningActivity();
    const { code } = await h.ok(RESIDENT, 'checkin', 'myCode', {});
    expect(code).toMatch(/^LC[0-9A-Za-z]{10}$/);
    expect((await h.ok(RESIDENT, 'checkin', 'myCode', {})).code).toBe(code);
    const scanned = await h.ok(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'in' });
    expect(scanned).toMatchObject({ outcome: 'signed_in', personName: '张阿姨' });
    expect(
      await h.errorCode(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code: 'LC0000000000', mode: 'in' }),
    ).toBe('CODE_INVALID');

    const found = await h.ok(SOCIAL, 'checkin', 'searchPeople', { activityId: activity.id, query: '0012' });
    expect(found.items.map((p) => p.name)).toEqual(['刘先生']);
    expect(JSON.stringify(found)).not.toContain('13900000012');
    await h.ok(SOCIAL, 'checkin', 'proxySignIn', { activityId: activity.id, personId: found.items[0]!.personId });
    await h.ok(SOCIAL, 'checkin', 'proxySignIn', {
      activityId: activity.id,
      walkIn: { name: '黄伯', communityId: 'comm2' },
    });

    const roster = await h.ok(SOCIAL, 'checkin', 'roster', { activityId: activity.id });
    expect(roster.counts.signedIn).toBe(3);
    expect(roster.entries.map((e) => [e.name, e.method, e.recordedBy])).toEqual(
      expect.arrayContaining([
        ['张阿姨', 'staff_scan', '李社工'],
        ['刘先生', 'proxy', '李社工'],
        ['黄伯', 'proxy', '李社工'],
      ]),
    );
    expect(roster.entries.find((e) => e.name === '黄伯')?.walkIn).toBe(true);
  });

  it('annuls a mistaken sign-in, keeping who and why, and allows a later real sign-in', async () => {
    const activity = await runningActivity();
    await h.ok(SOCIAL, 'checkin', 'proxySignIn', { activityId: activity.id, personId: RESIDENT });
    const annulled = await h.ok(SOCIAL, 'checkin', 'annul', {
      activityId: activity.id,
      personId: RESIDENT,
      reason: '代签错人',
    });
    expect(annulled.annulled).toMatchObject({ by: '李社工', reason: '代签错人' });
    expect((await h.ok(SOCIAL, 'checkin', 'roster', { activityId: activity.id })).counts.signedIn).toBe(0);
    expect((await h.ok(RESIDENT, 'checkin', 'scan', { token: await tokenFor(activity.id) })).outcome).toBe('signed_in');
    const [record] = await attendanceOf(activity.id);
    expect(record).toMatchObject({ method: 'scan' });
    expect(record!.history).toEqual([
      expect.objectContaining({ method: 'proxy', annulled: expect.objectContaining({ reason: '代签错人' }) }),
    ]);
  });

  it("keeps one station's rosters and codes from another station's staff and from residents", async () => {
    const activity = await runningActivity();
    expect(await h.errorCode(OTHER_SOCIAL, 'checkin', 'roster', { activityId: activity.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'checkin', 'code', { activityId: activity.id, mode: 'in' })).toBe(
      'NOT_FOUND',
    );
    expect(
      await h.errorCode(OTHER_SOCIAL, 'checkin', 'proxySignIn', { activityId: activity.id, personId: RESIDENT }),
    ).toBe('NOT_FOUND');
    expect(await h.errorCode(RESIDENT, 'checkin', 'roster', { activityId: activity.id })).toBe('FORBIDDEN');
    expect(await h.errorCode(RESIDENT, 'checkin', 'code', { activityId: activity.id, mode: 'in' })).toBe('FORBIDDEN');
  });

  it('answers a retried proxy sign-in with the same request id with the original answer', async () => {
    const activity = await runningActivity();
    const input = { activityId: activity.id, walkIn: { name: '陈婆婆', communityId: 'comm1' } };
    const first = await h.ok(SOCIAL, 'checkin', 'proxySignIn', input, 'req-walkin-0001');
    const retry = await h.ok(SOCIAL, 'checkin', 'proxySignIn', input, 'req-walkin-0001');
    expect(retry).toEqual(first);
    expect((await h.db.dump('users')).filter((u) => u.name === '陈婆婆')).toHaveLength(1);
  });
});
