import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish, SOCIAL } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { fireTimer } from '../../../local/host/timers';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

const VOLUNTEER = 'oDemoVolunteer1';
const RESIDENT = 'oDemoResident01';
const MINUTE = 60_000;

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

/** Running now: started 10 minutes ago, two hours long. */
const running = () =>
  publish(
    h,
    {
      bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
      bookingClosesAt: new Date(Date.now() - 600_000).toISOString(),
      volunteerRoles: [{ role: '签到引导', count: 2 }],
    },
    -10 / 60,
  );
const scan = async (who: string, activityId: string, mode: 'volunteer_in' | 'volunteer_out') =>
  h.call(who, 'checkin', 'scan', { token: (await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode })).token });
const entries = async () => h.db.dump('hour_entries');

describe('volunteers signing in and out of their shift', () => {
  it('makes one pending hour entry from the two scans, computed on the server', async () => {
    const activity = await running();
    const signIn = await scan(VOLUNTEER, activity.id, 'volunteer_in');
    expect(signIn).toMatchObject({ ok: true, data: { outcome: 'signed_in', asVolunteer: true } });
    // A volunteer is not a person served: no resident attendance record.
    expect((await h.db.dump('attendance')).filter((a) => a.activityId === activity.id)).toEqual([]);

    clock.setOffset(100 * MINUTE);
    const out = await scan(VOLUNTEER, activity.id, 'volunteer_out');
    expect(out).toMatchObject({ ok: true, data: { outcome: 'signed_out', flag: null } });
    const [entry] = await entries();
    expect(entry).toMatchObject({ source: 'scan', status: 'pending', volunteerId: VOLUNTEER, activityId: activity.id });
    // 100 minutes between the scans; whole minutes served (a started minute does not count).
    expect([99, 100]).toContain(entry!.minutes);
    expect(out.ok && out.data.hours).toBe(((entry!.minutes as number) / 60).toFixed(2));

    // A retried sign-out answers the same and makes no second entry.
    const again = await scan(VOLUNTEER, activity.id, 'volunteer_out');
    expect(again).toMatchObject({ ok: true, data: { outcome: 'already_signed_out', hours: out.ok && out.data.hours } });
    expect(await entries()).toHaveLength(1);
  });

  it('clips the time to the activity plus the grace (30 minutes)', async () => {
    const activity = await running();
    await scan(VOLUNTEER, activity.id, 'volunteer_in');
    clock.setOffset(155 * MINUTE); // 45 minutes after the end
    await scan(VOLUNTEER, activity.id, 'volunteer_out');
    const [entry] = await entries();
    // From the sign-in (10 minutes after the start) to the end plus 30 minutes: 140, not 155.
    expect([139, 140]).toContain(entry!.minutes);
  });

  it('refuses the volunteer code to residents, and volunteer scans to door helpers', async () => {
    const activity = await running();
    expect(await scan(RESIDENT, activity.id, 'volunteer_in')).toMatchObject({
      ok: false,
      error: { code: 'NOT_VOLUNTEER' },
    });
    const { code } = await h.ok(VOLUNTEER, 'checkin', 'myCode', {});
    await h.ok(SOCIAL, 'checkin', 'grantHelper', { activityId: activity.id, openid: VOLUNTEER });
    expect(
      await h.errorCode(VOLUNTEER, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'volunteer_in' }),
    ).toBe('FORBIDDEN');
    // Staff scanning the volunteer's personal code signs them in to their shift.
    expect(
      await h.ok(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'volunteer_in' }),
    ).toMatchObject({ outcome: 'signed_in', asVolunteer: true, personName: '赵志愿' });
    expect((await h.db.dump('volunteer_attendance'))[0]).toMatchObject({ method: 'staff_scan', recordedBy: SOCIAL });
  });

  it('flags a shift without a sign-out once the sign-in closes, never inventing the hours', async () => {
    const activity = await running();
    const now = new Date();
    await h.db.insertMany('users', [
      {
        _id: 'oVolunteer0002',
        name: '钱志愿',
        stationId: DEMO_STATION_ID,
        communityId: 'comm1',
        roles: ['resident', 'volunteer'],
        consentAt: now,
        consentVersion: PRIVACY_NOTICE_VERSION,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await scan('oVolunteer0002', activity.id, 'volunteer_in');
    await scan(VOLUNTEER, activity.id, 'volunteer_in');
    clock.setOffset(60 * MINUTE);
    await scan(VOLUNTEER, activity.id, 'volunteer_out');

    // Still within the sign-in window: nothing flagged yet.
    await fireTimer('shifts', 'closeOpenShifts');
    expect((await entries()).filter((e) => e.flag)).toEqual([]);

    clock.setOffset(190 * MINUTE); // an hour after the end has passed
    await fireTimer('shifts', 'closeOpenShifts');
    await fireTimer('shifts', 'closeOpenShifts');
    const flagged = (await entries()).filter((e) => e.volunteerId === 'oVolunteer0002');
    expect(flagged).toEqual([expect.objectContaining({ flag: 'MISSING_SIGN_OUT', minutes: 0, status: 'pending' })]);
    expect((await entries()).filter((e) => e.volunteerId === VOLUNTEER)).toHaveLength(1);
  });
});
