import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { addVolunteers, APPLICANT, OTHER_SOCIAL, RESIDENT, SOCIAL, VOLUNTEER, volunteerState } from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const HOUR = 3600_000;
/** An activity two days ahead needing volunteers. */
const withRoles = (
  roles = [
    { role: '签到引导', count: 5 },
    { role: '长者陪护', count: 2 },
  ],
  startsInHours = 48,
) => publish(h, { volunteerRoles: roles }, startsInHours);
const signUpsOf = async (activityId: string) =>
  (await h.db.dump('shift_signups')).filter((s) => s.activityId === activityId);
const slot = async (activityId: string, roleIndex: number) =>
  (await h.db.dump('shift_slots')).find((s) => s._id === `${activityId}.${roleIndex}`);

describe('signing up for a role', () => {
  it('signs up, shows in the shift list, and a repeat answers with the same sign-up', async () => {
    const activity = await withRoles();
    const shift = await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
    expect(shift).toMatchObject({
      activityId: activity.id,
      title: '长者健康讲座',
      myRole: '长者陪护',
      roles: [
        { role: '签到引导', count: 5, taken: 0 },
        { role: '长者陪护', count: 2, taken: 1 },
      ],
    });
    expect(await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' })).toEqual(shift);

    const { items } = await h.ok(VOLUNTEER, 'volunteer', 'shifts', {});
    expect(items.find((i) => i.activityId === activity.id)).toEqual(shift);
    // The demo's 重阳 show, where 赵志愿 already helps with the elders.
    expect(items.find((i) => i.activityId === 'DemoAct005')).toMatchObject({
      myRole: '长者陪护',
      roles: [
        { role: '秩序维护', count: 4, taken: 0 },
        { role: '长者陪护', count: 6, taken: 1 },
      ],
    });
    // Residents see the shifts too (what registering would let them do), with no role of theirs.
    const seen = await h.ok(RESIDENT, 'volunteer', 'shifts', {});
    expect(seen.items.find((i) => i.activityId === activity.id)).toMatchObject({ myRole: null });
    // Activities without roles, running and past ones are not shifts.
    expect(items.map((i) => i.activityId)).not.toContain('DemoAct001');
    expect(items.map((i) => i.activityId)).not.toContain('DemoAct002');
  });

  it('30 volunteers at once for 5 places: exactly 5 get one', async () => {
    const activity = await withRoles([{ role: '秩序维护', count: 5 }]);
    const volunteers = await addVolunteers(h, 30);
    const results = await Promise.all(
      volunteers.map((v) => h.call(v, 'volunteer', 'signUp', { activityId: activity.id, role: '秩序维护' })),
    );
    const outcomes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'SHIFT_FULL')).toHaveLength(25);
    const signUps = await signUpsOf(activity.id);
    expect(signUps.filter((s) => s.status === 'confirmed')).toHaveLength(5);
    // Those who got no place leave no record behind.
    expect(signUps).toHaveLength(5);
    expect(await slot(activity.id, 0)).toMatchObject({ taken: 5 });
    const full = results.find((r) => !r.ok);
    expect(!full?.ok && full?.error.message).toContain('秩序维护');
  }, 60_000);

  it('the same volunteer tapping 10 times at once signs up once', async () => {
    const activity = await withRoles();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.call(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await signUpsOf(activity.id)).toEqual([expect.objectContaining({ status: 'confirmed', role: '签到引导' })]);
    expect(await slot(activity.id, 0)).toMatchObject({ taken: 1 });
    const { items } = await h.ok(VOLUNTEER, 'volunteer', 'shifts', {});
    expect(items.find((i) => i.activityId === activity.id)?.myRole).toBe('签到引导');
  });

  it('one role per activity: another role needs cancelling first', async () => {
    const activity = await withRoles();
    await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' });
    const other = await h.call(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
    expect(!other.ok && other.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('签到引导') });
    await h.ok(VOLUNTEER, 'volunteer', 'cancelSignUp', { activityId: activity.id });
    expect(await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' })).toMatchObject({
      myRole: '长者陪护',
      roles: [{ taken: 0 }, { taken: 1 }],
    });
    // Revived, not duplicated.
    expect(await signUpsOf(activity.id)).toEqual([expect.objectContaining({ status: 'confirmed', roleIndex: 1 })]);
  });

  it('only approved volunteers of the activity’s station, for a role it has, before it starts', async () => {
    const activity = await withRoles();
    const before = await volunteerState(h);
    for (const who of [RESIDENT, APPLICANT]) {
      expect(await h.errorCode(who, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' })).toBe(
        'NOT_VOLUNTEER',
      );
    }
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' })).toBe(
      'NOT_FOUND',
    );
    const noRole = await h.call(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '摄影' });
    expect(!noRole.ok && noRole.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'role' }] });
    const badId = await h.call(VOLUNTEER, 'volunteer', 'signUp', { activityId: 'short', role: '签到引导' });
    expect(!badId.ok && badId.error.code).toBe('INVALID_INPUT');
    clock.setOffset(49 * HOUR); // started an hour ago
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' })).toBe(
      'BOOKING_CLOSED',
    );
    expect(await volunteerState(h)).toEqual(before);
  });

  it('refuses a cancelled activity', async () => {
    const activity = await withRoles();
    await h.ok(SOCIAL, 'activity', 'cancel', { activityId: activity.id, reason: '天气原因' });
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' })).toBe(
      'ACTIVITY_CANCELLED',
    );
    expect(await signUpsOf(activity.id)).toEqual([]);
  });
});

describe('cancelling a sign-up', () => {
  it('frees exactly one place, however often it is tapped, and the next volunteer takes it', async () => {
    const activity = await withRoles([{ role: '长者陪护', count: 2 }]);
    const [v1, v2, v3] = await addVolunteers(h, 3);
    await h.ok(v1!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
    await h.ok(v2!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
    expect(await h.errorCode(v3!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' })).toBe(
      'SHIFT_FULL',
    );

    const cancels = await Promise.all(
      Array.from({ length: 5 }, () => h.call(v1!, 'volunteer', 'cancelSignUp', { activityId: activity.id })),
    );
    expect(cancels.every((r) => r.ok && r.data.myRole === null)).toBe(true);
    expect(await slot(activity.id, 0)).toMatchObject({ taken: 1 });
    // The record stays, cancelled.
    expect((await signUpsOf(activity.id)).find((s) => s.volunteerId === v1)).toMatchObject({
      status: 'cancelled',
      cancelledAt: expect.any(Date),
    });

    expect(await h.ok(v3!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' })).toMatchObject({
      myRole: '长者陪护',
      roles: [{ taken: 2 }],
    });
    expect(await h.errorCode(v1!, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' })).toBe(
      'SHIFT_FULL',
    );
    // The refused return leaves v1's record as it was: cancelled.
    expect((await signUpsOf(activity.id)).find((s) => s.volunteerId === v1)).toMatchObject({ status: 'cancelled' });
    expect(await slot(activity.id, 0)).toMatchObject({ taken: 2 });
  });

  it('cannot cancel what was never signed up for, nor once the activity has started', async () => {
    const activity = await withRoles();
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'cancelSignUp', { activityId: activity.id })).toBe('NOT_FOUND');
    await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '签到引导' });
    clock.setOffset(48 * HOUR + 60_000);
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'cancelSignUp', { activityId: activity.id })).toBe(
      'NOT_CANCELLABLE',
    );
    expect(await slot(activity.id, 0)).toMatchObject({ taken: 1 });
  });
});

describe('editing the roles of an activity with sign-ups', () => {
  it('keeps a role someone holds: no removing, renaming or cutting below the places taken', async () => {
    const { draft } = await import('../../support/activities');
    const activity = await withRoles();
    await h.ok(VOLUNTEER, 'volunteer', 'signUp', { activityId: activity.id, role: '长者陪护' });
    const edit = (volunteerRoles: { role: string; count: number }[]) =>
      h.call(SOCIAL, 'activity', 'update', { activityId: activity.id, draft: draft({ volunteerRoles }) });

    for (const roles of [
      [{ role: '签到引导', count: 5 }],
      [
        { role: '签到引导', count: 5 },
        { role: '陪护', count: 2 },
      ],
      [
        { role: '长者陪护', count: 2 },
        { role: '签到引导', count: 5 },
      ],
    ]) {
      const result = await edit(roles);
      expect(!result.ok && result.error).toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'draft.volunteerRoles.1' }],
      });
    }
    // The free role may change, the held one may grow, and a new role goes at the end.
    const ok = await edit([
      { role: '秩序维护', count: 3 },
      { role: '长者陪护', count: 4 },
      { role: '摄影', count: 1 },
    ]);
    expect(ok.ok).toBe(true);
  });
});
