import type { ActivityDraft } from '@linli/types/entities/activity';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { draft, OTHER_SOCIAL, SOCIAL } from '../../support/activities';
import { DEMO_STATION_ID, OTHER_STATION_ID } from '../../../local/demo/seed';

const ADMIN = 'oDemoAdmin0001';
const SOCIAL2 = 'oDemoSocial0002';
const RESIDENT = 'oDemoResident01';
const VOLUNTEER = 'oDemoVolunteer1';
const HOUR = 3600_000;

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

/** A home visit that started ten minutes ago (an hour long), 张阿姨 signed in as the person visited. */
async function visitNow(overrides: Partial<ActivityDraft> = {}) {
  const start = Date.now() - 10 * 60_000;
  const activity = await h.ok(
    SOCIAL,
    'activity',
    'publish',
    draft({
      title: '入户探访：张阿姨',
      kind: 'home_visit',
      serviceArea: 'family',
      capacity: 1,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + HOUR).toISOString(),
      bookingOpensAt: new Date(start - 48 * HOUR).toISOString(),
      bookingClosesAt: new Date(start - HOUR).toISOString(),
      ...overrides,
    }),
  );
  await h.ok(SOCIAL, 'checkin', 'proxySignIn', { activityId: activity.id, personId: RESIDENT });
  return activity.id;
}

const members = (team: { members: { personId: string; role: string; gender: string | null; source: string }[] }) =>
  team.members.map((m) => [m.personId, m.role, m.gender, m.source]);
const teamDocs = async (activityId: string) =>
  (await h.db.dump('visit_team')).filter((d) => d.activityId === activityId);

describe('recording a visit team', () => {
  it('starts empty, then lists the staff and volunteers recorded, with their gender and the check in words', async () => {
    const activityId = await visitNow();
    const empty = await h.ok(SOCIAL, 'visits', 'team', { activityId });
    expect(empty.members).toEqual([]);
    expect(empty.check).toMatchObject({ meets: false, requiredStaff: 2 });
    expect(empty.check.text).toBe('未登记探访人员；入户探访需社工2人，需至少1名男性社工或志愿者 — 未达标');
    expect(empty.rule).toBe('入户探访：至少2名社工，且至少1名男性社工或志愿者');
    // Candidates: the station's staff and approved volunteers, names only.
    expect(empty.candidates.staff.map((c) => c.personId).sort()).toEqual([ADMIN, SOCIAL, SOCIAL2].sort());
    expect(empty.candidates.volunteers).toEqual([{ personId: VOLUNTEER, name: '赵志愿' }]);
    expect(JSON.stringify(empty)).not.toMatch(/1[3-9]\d{9}/);

    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL, role: 'staff' });
    const one = await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL2, role: 'staff' });
    expect(one.check.text).toBe('社工2人，含男性0人（2人未登记性别）；需至少1名男性社工或志愿者 — 未达标');

    // 赵志愿's gender is on his registration (the demo recorded it): he makes the team meet the rule.
    const done = await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: VOLUNTEER, role: 'volunteer' });
    expect(members(done)).toEqual([
      [SOCIAL, 'staff', null, 'recorded'],
      [SOCIAL2, 'staff', null, 'recorded'],
      [VOLUNTEER, 'volunteer', 'male', 'recorded'],
    ]);
    expect(done.members[2]).toMatchObject({ name: '赵志愿', genderLabel: '男', roleLabel: '志愿者', removable: true });
    expect(done.check).toMatchObject({ meets: true, staff: 2, volunteers: 1, men: 1, unknownGender: 2 });
    expect(done.check.text).toBe('社工2人、志愿者1人，含男性1人（2人未登记性别） — 达标');
    expect(done.candidates.staff.map((c) => c.personId)).toEqual([ADMIN]);
    expect(done.candidates.volunteers).toEqual([]);
  });

  it('asks three social workers when the visit is to an elder (service area 长者)', async () => {
    const activityId = await visitNow({ serviceArea: 'elderly' });
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL, role: 'staff' });
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL2, role: 'staff' });
    const team = await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: VOLUNTEER, role: 'volunteer' });
    expect(team.visitsElder).toBe(true);
    expect(team.check.text).toBe('社工2人、志愿者1人，含男性1人（2人未登记性别）；探访长者需社工3人 — 未达标');
    const three = await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: ADMIN, role: 'staff' });
    expect(three.check).toMatchObject({ meets: true, staff: 3, requiredStaff: 3 });
  });

  it('records someone once however often it is asked, and a retry with its requestId answers the same', async () => {
    const activityId = await visitNow();
    const input = { activityId, personId: SOCIAL2, role: 'staff' as const };
    const first = await h.call(SOCIAL, 'visits', 'addMember', input, 'req-add-1');
    const replay = await h.call(SOCIAL, 'visits', 'addMember', input, 'req-add-1');
    expect(replay).toEqual(first);
    // Two social workers recording the same person at once.
    await Promise.all([
      h.ok(SOCIAL, 'visits', 'addMember', input),
      h.ok(ADMIN, 'visits', 'addMember', input),
      h.ok(SOCIAL2, 'visits', 'addMember', input),
    ]);
    const docs = await teamDocs(activityId);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ _id: `${activityId}.${SOCIAL2}`, stationId: DEMO_STATION_ID, addedBy: SOCIAL });
  });

  it('takes a recorded member off, keeping who did it; recording them again puts them back', async () => {
    const activityId = await visitNow();
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL2, role: 'staff' });
    const removed = await h.call(SOCIAL, 'visits', 'removeMember', { activityId, personId: SOCIAL2 }, 'req-rm-1');
    expect(removed.ok && removed.data.members).toEqual([]);
    expect(await h.call(SOCIAL, 'visits', 'removeMember', { activityId, personId: SOCIAL2 }, 'req-rm-1')).toEqual(
      removed,
    );
    // Without a requestId a repeat still answers the team: they are off already.
    expect((await h.ok(ADMIN, 'visits', 'removeMember', { activityId, personId: SOCIAL2 })).members).toEqual([]);
    const [doc] = await teamDocs(activityId);
    expect(doc).toMatchObject({ removedBy: SOCIAL });
    expect(doc!.removedAt).toBeInstanceOf(Date);

    const back = await h.ok(ADMIN, 'visits', 'addMember', { activityId, personId: SOCIAL2, role: 'staff' });
    expect(members(back)).toEqual([[SOCIAL2, 'staff', null, 'recorded']]);
    const [revived] = await teamDocs(activityId);
    expect(revived).toMatchObject({ addedBy: ADMIN });
    expect(revived!.removedAt).toBeUndefined();
    expect(await h.errorCode(SOCIAL, 'visits', 'removeMember', { activityId, personId: ADMIN })).toBe('NOT_FOUND');
  });

  it('takes the volunteers who signed in with the volunteer code from their sign-in, and keeps them on', async () => {
    const activityId = await visitNow();
    const { token } = await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode: 'volunteer_in' });
    expect(await h.ok(VOLUNTEER, 'checkin', 'scan', { token })).toMatchObject({ outcome: 'signed_in' });

    const team = await h.ok(SOCIAL, 'visits', 'team', { activityId });
    expect(members(team)).toEqual([[VOLUNTEER, 'volunteer', 'male', 'signed_in']]);
    expect(team.members[0]).toMatchObject({ sourceLabel: '志愿者签到', removable: false });
    // Recording him as well changes nothing: one person, once.
    const both = await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: VOLUNTEER, role: 'volunteer' });
    expect(both.check).toMatchObject({ volunteers: 1, men: 1 });
    expect(both.members[0]).toMatchObject({ removable: false });
    expect(await h.errorCode(SOCIAL, 'visits', 'removeMember', { activityId, personId: VOLUNTEER })).toBe(
      'VISITOR_SIGNED_IN',
    );
  });

  it("records a member's gender where it belongs, and marks every visit they were on changed", async () => {
    const activityId = await visitNow();
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL, role: 'staff' });
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL2, role: 'staff' });
    const before = (await h.db.dump('activities')).find((a) => a._id === 'DemoAct009')!.updatedAt as Date;

    const team = await h.ok(
      SOCIAL,
      'visits',
      'setGender',
      { activityId, personId: SOCIAL2, gender: 'male' },
      'req-gender-1',
    );
    expect(team.check).toMatchObject({ meets: true, men: 1, unknownGender: 1 });
    expect(team.members.find((m) => m.personId === SOCIAL2)).toMatchObject({ gender: 'male', genderLabel: '男' });
    const user = (await h.db.dump('users')).find((u) => u._id === SOCIAL2)!;
    expect(user).toMatchObject({ gender: 'male', genderRecordedBy: SOCIAL });
    // A social worker is not a volunteer: nothing is written to a registration they do not have.
    expect((await h.db.dump('volunteers')).some((v) => v._id === SOCIAL2)).toBe(false);
    // 王社工 was on the demo visit DemoAct009 too: its month is recomputed by the nightly run.
    const after = (await h.db.dump('activities')).find((a) => a._id === 'DemoAct009')!.updatedAt as Date;
    expect(after.getTime()).toBeGreaterThan(before.getTime());

    // The gender shows on every visit they are on; a volunteer's goes on the registration.
    await h.ok(SOCIAL, 'visits', 'setGender', { activityId, personId: SOCIAL, gender: 'female' });
    const demo = await h.ok(SOCIAL, 'visits', 'team', { activityId: 'DemoAct009' });
    expect(members(demo)).toEqual([
      [SOCIAL, 'staff', 'female', 'recorded'],
      [SOCIAL2, 'staff', 'male', 'recorded'],
      [VOLUNTEER, 'volunteer', 'male', 'recorded'],
    ]);
    expect(await h.errorCode(SOCIAL, 'visits', 'setGender', { activityId, personId: ADMIN, gender: 'male' })).toBe(
      'NOT_FOUND',
    );

    // Editing one's own profile keeps it (the profile form has no such field).
    await h.ok(SOCIAL2, 'account', 'saveProfile', {
      name: '王社工',
      stationId: DEMO_STATION_ID,
      communityId: 'comm5',
      consent: true,
    });
    expect((await h.db.dump('users')).find((u) => u._id === SOCIAL2)).toMatchObject({ name: '王社工', gender: 'male' });
  });
});

describe('who may see and change a visit team', () => {
  it("answers another station's visit as NOT_FOUND, and refuses residents and volunteers", async () => {
    const activityId = await visitNow();
    await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL, role: 'staff' });
    const before = await teamDocs(activityId);
    const calls = [
      ['team', { activityId }],
      ['addMember', { activityId, personId: OTHER_SOCIAL, role: 'staff' }],
      ['removeMember', { activityId, personId: SOCIAL }],
      ['setGender', { activityId, personId: SOCIAL, gender: 'male' }],
    ] as const;
    for (const [action, input] of calls) {
      expect(await h.errorCode(OTHER_SOCIAL, 'visits', action, input as never)).toBe('NOT_FOUND');
      expect(await h.errorCode(RESIDENT, 'visits', action, input as never)).toBe('FORBIDDEN');
      expect(await h.errorCode(VOLUNTEER, 'visits', action, input as never)).toBe('FORBIDDEN');
    }
    expect((await h.ok(OTHER_SOCIAL, 'visits', 'checks', { activityIds: [activityId] })).items).toEqual([]);
    expect(await teamDocs(activityId)).toEqual(before);
    expect((await h.db.dump('users')).find((u) => u._id === SOCIAL)!.gender).toBeUndefined();
  });

  it('records only staff as staff and approved volunteers of the station as volunteers; nothing else changes', async () => {
    const activityId = await visitNow();
    const refused = async (personId: string, role: 'staff' | 'volunteer') => {
      const answer = await h.call(SOCIAL, 'visits', 'addMember', { activityId, personId, role });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'personId' }] } });
    };
    await refused(RESIDENT, 'staff');
    await refused(VOLUNTEER, 'staff');
    await refused(OTHER_SOCIAL, 'staff');
    await refused(SOCIAL, 'volunteer');
    await refused('oDemoApplicant1', 'volunteer'); // pending, not approved
    await h.db.insertMany('volunteers', [
      {
        _id: 'oOtherVol01',
        stationId: OTHER_STATION_ID,
        realName: '别站志愿者',
        phone: '13900000077',
        communityId: 'comm1',
        skills: [],
        availability: '',
        emergencyContact: { name: '家属', phone: '13900000078' },
        consentAt: new Date(),
        status: 'approved',
        appliedAt: new Date(),
        approvedAt: new Date(),
        core: false,
        updatedAt: new Date(),
      },
    ]);
    await refused('oOtherVol01', 'volunteer');
    expect(await teamDocs(activityId)).toEqual([]);
  });

  it('keeps the team to home visits, and to visits not cancelled', async () => {
    expect(await h.errorCode(SOCIAL, 'visits', 'team', { activityId: 'DemoAct001' })).toBe('NOT_HOME_VISIT');
    expect(
      await h.errorCode(SOCIAL, 'visits', 'addMember', { activityId: 'DemoAct001', personId: SOCIAL, role: 'staff' }),
    ).toBe('NOT_HOME_VISIT');
    const activityId = await visitNow();
    await h.ok(SOCIAL, 'activity', 'cancel', { activityId, reason: '居民临时外出' });
    expect(await h.errorCode(SOCIAL, 'visits', 'addMember', { activityId, personId: SOCIAL, role: 'staff' })).toBe(
      'ACTIVITY_CANCELLED',
    );
  });
});

describe('the staffing flag of the activity list', () => {
  it('answers for the home visits among the activities, and for nothing else', async () => {
    const { items } = await h.ok(SOCIAL, 'visits', 'checks', {
      activityIds: ['DemoAct009', 'DemoAct010', 'DemoAct001'],
    });
    expect(items).toEqual([
      { activityId: 'DemoAct009', meets: true, text: '社工2人、志愿者1人，含男性1人（2人未登记性别） — 达标' },
      {
        activityId: 'DemoAct010',
        meets: false,
        text: '社工1人，含男性0人（1人未登记性别）；探访长者需社工3人，需至少1名男性社工或志愿者 — 未达标',
      },
    ]);
  });
});
