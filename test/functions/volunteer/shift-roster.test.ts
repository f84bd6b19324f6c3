import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { fireTimer } from '../../../local/host/timers';
import { addVolunteers, ADMIN, OTHER_SOCIAL, RESIDENT, SOCIAL, VOLUNTEER } from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const MINUTE = 60_000;
const scan = async (who: string, activityId: string, mode: 'volunteer_in' | 'volunteer_out') => {
  const { token } = await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode });
  return h.ok(who, 'checkin', 'scan', { token });
};

/**
 * An activity starting in 30 minutes, two hours long: 赵志愿 signs up as 签到引导 and a second
 * volunteer as 长者陪护 while it is upcoming; then the clock moves into the activity.
 */
async function shiftUnderWay() {
  const activity = await publish(
    h,
    {
      volunteerRoles: [
        { role: '签到引导', count: 2 },
        { role: '长者陪护', count: 2 },
      ],
    },
    0.5,
  );
  const [carer, walkUp] = await addVolunteers(h, 2);
  await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' });
  await h.ok(carer!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
  clock.setOffset(40 * MINUTE); // started 10 minutes ago
  return { activity, carer: carer!, walkUp: walkUp! };
}

describe('the shift roster', () => {
  it('joins sign-ups with the scans and the hour entries they made', async () => {
    const { activity, carer, walkUp } = await shiftUnderWay();
    await scan(VOLUNTEER, activity.id, 'volunteer_in');
    await scan(walkUp, activity.id, 'volunteer_in'); // came without signing up
    clock.setOffset(140 * MINUTE);
    const out = await scan(VOLUNTEER, activity.id, 'volunteer_out');

    const roster = await h.ok(SOCIAL, 'volunteer', 'shiftRoster', { activityId: activity.id });
    expect(roster.roles).toEqual([
      { role: '签到引导', count: 2, taken: 1 },
      { role: '长者陪护', count: 2, taken: 1 },
    ]);
    expect(roster.volunteers).toEqual([
      {
        volunteerId: VOLUNTEER,
        realName: '赵志愿',
        role: '签到引导',
        signedInAt: expect.any(String),
        signedOutAt: expect.any(String),
        entryId: `scan.${activity.id}.${VOLUNTEER}`,
        entryStatus: 'pending',
        hours: out.hours,
        flag: null,
      },
      {
        volunteerId: carer,
        realName: '志愿者0',
        role: '长者陪护',
        signedInAt: null,
        signedOutAt: null,
        entryId: null,
        entryStatus: null,
        hours: null,
        flag: null,
      },
      expect.objectContaining({ volunteerId: walkUp, role: null, signedOutAt: null, entryId: null }),
    ]);
    const served = Date.parse(roster.volunteers[0]!.signedOutAt!) - Date.parse(roster.volunteers[0]!.signedInAt!);
    expect(Math.abs(served - 100 * MINUTE)).toBeLessThan(MINUTE); // the clock moved 100 minutes (plus real time)
    expect(roster.volunteers[0]!.hours).toMatch(/^1\.6[57]$/);
    expect(JSON.stringify(roster)).not.toMatch(/1[3-9]\d{9}/);
    expect(await h.ok(ADMIN, 'volunteer', 'shiftRoster', { activityId: activity.id })).toEqual(roster);
  });

  it('shows a shift without a sign-out as flagged, with no hours made up', async () => {
    const { activity, walkUp } = await shiftUnderWay();
    await scan(walkUp, activity.id, 'volunteer_in');
    clock.setOffset(30 * MINUTE + 3 * 60 * MINUTE + MINUTE); // an hour after the end has passed
    await fireTimer('shifts', 'closeOpenShifts');
    const roster = await h.ok(SOCIAL, 'volunteer', 'shiftRoster', { activityId: activity.id });
    expect(roster.volunteers.find((v) => v.volunteerId === walkUp)).toMatchObject({
      entryStatus: 'pending',
      flag: 'MISSING_SIGN_OUT',
      hours: null,
    });
  });

  it('shows the latest version of a corrected entry', async () => {
    const { activity } = await shiftUnderWay();
    await scan(VOLUNTEER, activity.id, 'volunteer_in');
    clock.setOffset(100 * MINUTE);
    await scan(VOLUNTEER, activity.id, 'volunteer_out');
    const [first] = await h.db.dump('hour_entries');
    // A correction as the hours function makes it: version 2 beside the superseded version 1.
    await h.db.insertMany('hour_entries', [
      {
        ...first,
        _id: `${first!.rootId}_v2`,
        version: 2,
        correctionOf: first!._id,
        minutes: 90,
        status: 'approved',
        createdBy: SOCIAL,
      },
    ]);
    const roster = await h.ok(SOCIAL, 'volunteer', 'shiftRoster', { activityId: activity.id });
    expect(roster.volunteers[0]).toMatchObject({
      entryId: `${first!.rootId}_v2`,
      entryStatus: 'approved',
      hours: '1.50',
    });
  });

  it('is for the activity’s station staff only', async () => {
    const { activity } = await shiftUnderWay();
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'shiftRoster', { activityId: activity.id })).toBe('FORBIDDEN');
    expect(await h.errorCode(RESIDENT, 'volunteer', 'shiftRoster', { activityId: activity.id })).toBe('FORBIDDEN');
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'shiftRoster', { activityId: activity.id })).toBe('NOT_FOUND');
  });
});
