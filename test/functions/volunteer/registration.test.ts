import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import {
  ADMIN,
  APPLICANT,
  OTHER_SOCIAL,
  registrationDraft,
  RESIDENT,
  RESIDENT2,
  SOCIAL,
  VOLUNTEER,
  volunteerState,
} from './support';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const rolesOf = async (openid: string) => (await h.db.dump('users')).find((u) => u._id === openid)?.roles;
const registrationOf = async (openid: string) => (await h.db.dump('volunteers')).find((v) => v._id === openid);

describe('registering and the review', () => {
  it('registers as pending, and approval adds the volunteer role', async () => {
    expect(await h.ok(RESIDENT, 'volunteer', 'me', {})).toEqual({ volunteer: null });
    const mine = await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    expect(mine).toMatchObject({
      status: 'pending',
      realName: '张秀兰',
      phoneMasked: '137****5678',
      emergencyContactName: '张小明',
      emergencyPhoneMasked: '136****4321',
      skills: ['陪伴探访', '理发'],
      core: false,
      teams: [],
    });
    expect(await rolesOf(RESIDENT)).toEqual(['resident']);
    // The station comes from the profile, the identity from the platform.
    expect(await registrationOf(RESIDENT)).toMatchObject({ stationId: 'st-lingnan', status: 'pending' });

    const reviewed = await h.ok(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' });
    expect(reviewed).toMatchObject({ volunteerId: RESIDENT, status: 'approved', communityName: '光复社区' });
    expect(await rolesOf(RESIDENT)).toEqual(['resident', 'volunteer']);
    expect(await registrationOf(RESIDENT)).toMatchObject({ reviewedBy: SOCIAL, approvedAt: expect.any(Date) });
    expect((await h.ok(RESIDENT, 'volunteer', 'me', {})).volunteer).toMatchObject({
      status: 'approved',
      reviewedAt: expect.any(String),
    });
    // Registered once: applying again is refused.
    expect(await h.errorCode(RESIDENT, 'volunteer', 'register', registrationDraft())).toBe('ALREADY_REGISTERED');
  });

  it('a rejection says why; the applicant fixes it and applies again, back to pending', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft({ availability: '' }));
    const rejected = await h.ok(SOCIAL, 'volunteer', 'review', {
      volunteerId: RESIDENT,
      decision: 'reject',
      reason: ' 请填写可服务时间 ',
    });
    expect(rejected).toMatchObject({ status: 'rejected', reason: '请填写可服务时间' });
    expect((await h.ok(RESIDENT, 'volunteer', 'me', {})).volunteer).toMatchObject({
      status: 'rejected',
      reason: '请填写可服务时间',
    });
    expect(await rolesOf(RESIDENT)).toEqual(['resident']);

    const again = await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft({ availability: '周二周四上午' }));
    expect(again).toMatchObject({ status: 'pending', availability: '周二周四上午' });
    expect(again.reason).toBeUndefined();
    const stored = await registrationOf(RESIDENT);
    expect(stored).not.toHaveProperty('reviewedBy');
    // The earlier rejection stays on record.
    expect(stored?.pastReviews).toEqual([
      expect.objectContaining({ status: 'rejected', reason: '请填写可服务时间', by: SOCIAL }),
    ]);
    const pending = await h.ok(SOCIAL, 'volunteer', 'registrations', { status: 'pending' });
    expect(pending.items.map((i) => i.volunteerId)).toContain(RESIDENT);

    await h.ok(ADMIN, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' });
    expect(await rolesOf(RESIDENT)).toEqual(['resident', 'volunteer']);
  });

  it('applying again while pending changes nothing', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    const before = await volunteerState(h);
    const again = await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft({ realName: '张三' }));
    expect(again).toMatchObject({ status: 'pending', realName: '张秀兰' });
    expect(await volunteerState(h)).toEqual(before);
  });

  it('refuses a rejection without a reason, and changes nothing', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    const before = await volunteerState(h);
    for (const reason of [undefined, '   ']) {
      const result = await h.call(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'reject', reason });
      expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'reason' }] });
    }
    expect(await volunteerState(h)).toEqual(before);
  });

  it('a second review of the same kind changes nothing; the opposite one is NOT_PENDING', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    await h.ok(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' });
    const before = await volunteerState(h);
    expect(await h.ok(ADMIN, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' })).toMatchObject({
      status: 'approved',
    });
    expect(await volunteerState(h)).toEqual(before);
    expect(
      await h.errorCode(ADMIN, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'reject', reason: '不合适' }),
    ).toBe('NOT_PENDING');
    expect(await volunteerState(h)).toEqual(before);
  });

  it('two staff deciding at once: exactly one decision stands', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    const [approve, reject] = await Promise.all([
      h.call(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' }),
      h.call(ADMIN, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'reject', reason: '资料不全' }),
    ]);
    const outcomes = [approve, reject].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['NOT_PENDING', 'ok']);
    const stored = await registrationOf(RESIDENT);
    if (approve.ok) {
      expect(stored).toMatchObject({ status: 'approved', reviewedBy: SOCIAL });
      expect(await rolesOf(RESIDENT)).toEqual(['resident', 'volunteer']);
    } else {
      expect(stored).toMatchObject({ status: 'rejected', reviewedBy: ADMIN, reason: '资料不全' });
      expect(await rolesOf(RESIDENT)).toEqual(['resident']);
    }
  });

  it('ten approvals at once record one decision and one role', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.call(i % 2 ? SOCIAL : ADMIN, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await rolesOf(RESIDENT)).toEqual(['resident', 'volunteer']);
    const stored = await registrationOf(RESIDENT);
    const reviewer = stored?.reviewedBy;
    expect([SOCIAL, ADMIN]).toContain(reviewer);
  });

  it('approving again restores a role a crash left out between the two writes', async () => {
    // The state such a crash leaves: the registration approved, the profile without the role.
    const now = new Date();
    const { consent: _consent, ...form } = registrationDraft({ realName: '钱阿姨' });
    await h.db.insertMany('users', [
      {
        _id: 'oHalfDone',
        name: '钱阿姨',
        stationId: 'st-lingnan',
        communityId: 'comm1',
        roles: ['resident'],
        consentAt: now,
        consentVersion: PRIVACY_NOTICE_VERSION,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await h.db.insertMany('volunteers', [
      {
        _id: 'oHalfDone',
        ...form,
        stationId: 'st-lingnan',
        consentAt: now,
        status: 'approved',
        appliedAt: now,
        reviewedBy: SOCIAL,
        reviewedAt: now,
        approvedAt: now,
        core: false,
        updatedAt: now,
      },
    ]);
    await h.ok(ADMIN, 'volunteer', 'review', { volunteerId: 'oHalfDone', decision: 'approve' });
    expect(await rolesOf('oHalfDone')).toEqual(['resident', 'volunteer']);
    expect(await registrationOf('oHalfDone')).toMatchObject({ reviewedBy: SOCIAL });
  });

  it('checks the form: consent, the station’s communities, no identity from the input', async () => {
    const noConsent = await h.call(RESIDENT, 'volunteer', 'register', {
      ...registrationDraft(),
      consent: false as unknown as true,
    });
    expect(!noConsent.ok && noConsent.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'consent' }] });
    const elsewhere = await h.call(RESIDENT, 'volunteer', 'register', registrationDraft({ communityId: 'comm9' }));
    expect(!elsewhere.ok && elsewhere.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'communityId' }],
    });
    const badPhone = await h.call(RESIDENT, 'volunteer', 'register', registrationDraft({ phone: '12345' }));
    expect(!badPhone.ok && badPhone.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'phone' }] });
    const smuggled = await h.call(RESIDENT, 'volunteer', 'register', {
      ...registrationDraft(),
      volunteerId: RESIDENT2,
    } as never);
    expect(!smuggled.ok && smuggled.error.code).toBe('INVALID_INPUT');
    expect(await registrationOf(RESIDENT)).toBeUndefined();
    expect(await registrationOf(RESIDENT2)).toBeUndefined();
    expect(await h.errorCode(null, 'volunteer', 'me', {})).toBe('UNAUTHENTICATED');
    expect(await h.errorCode('oNobody', 'volunteer', 'register', registrationDraft())).toBe('PROFILE_REQUIRED');
  });
});

describe('who may see and decide', () => {
  it('residents and volunteers may not review or read registrations', async () => {
    for (const who of [RESIDENT, VOLUNTEER]) {
      expect(await h.errorCode(who, 'volunteer', 'review', { volunteerId: APPLICANT, decision: 'approve' })).toBe(
        'FORBIDDEN',
      );
      expect(await h.errorCode(who, 'volunteer', 'registrations', {})).toBe('FORBIDDEN');
      expect(await h.errorCode(who, 'volunteer', 'detail', { volunteerId: APPLICANT })).toBe('FORBIDDEN');
      expect(await h.errorCode(who, 'volunteer', 'setCore', { volunteerId: VOLUNTEER, core: false })).toBe('FORBIDDEN');
    }
    expect(await registrationOf(APPLICANT)).toMatchObject({ status: 'pending' });
  });

  it('another station’s staff find nothing of ours', async () => {
    const before = await volunteerState(h);
    expect(
      await h.errorCode(OTHER_SOCIAL, 'volunteer', 'review', { volunteerId: APPLICANT, decision: 'approve' }),
    ).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'detail', { volunteerId: VOLUNTEER })).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'setCore', { volunteerId: VOLUNTEER, core: false })).toBe(
      'NOT_FOUND',
    );
    expect(await h.errorCode(SOCIAL, 'volunteer', 'detail', { volunteerId: 'oNoSuchPerson' })).toBe('NOT_FOUND');
    expect((await h.ok(OTHER_SOCIAL, 'volunteer', 'registrations', {})).items).toEqual([]);
    expect(await volunteerState(h)).toEqual(before);
  });

  it('lists mask phones; only the detail, for our staff, shows phone and emergency contact', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    const list = await h.ok(SOCIAL, 'volunteer', 'registrations', {});
    const text = JSON.stringify(list);
    for (const phone of ['13712345678', '13687654321', '13900000021', '13900000022', '13900000031']) {
      expect(text).not.toContain(phone);
    }
    expect(list.items.find((i) => i.volunteerId === RESIDENT)).toMatchObject({ phoneMasked: '137****5678' });
    expect(JSON.stringify(await h.ok(RESIDENT, 'volunteer', 'me', {}))).not.toMatch(/1[3-9]\d{9}/);
    expect(
      JSON.stringify(await h.ok(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' })),
    ).not.toMatch(/1[3-9]\d{9}/);

    const detail = await h.ok(ADMIN, 'volunteer', 'detail', { volunteerId: RESIDENT });
    expect(detail).toMatchObject({
      phone: '13712345678',
      emergencyContact: { name: '张小明', phone: '13687654321' },
      availability: '工作日上午',
      reviewedBy: '李社工',
      approvedHours: '0.00',
    });
  });

  it('filters by status, newest application first', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    clock.setOffset(1000); // a second later, so the order is the applications' order
    await h.ok(RESIDENT2, 'volunteer', 'register', registrationDraft({ realName: '刘建国', communityId: 'comm4' }));
    const pending = await h.ok(SOCIAL, 'volunteer', 'registrations', { status: 'pending' });
    expect(pending.items.map((i) => i.volunteerId)).toEqual([RESIDENT2, RESIDENT, APPLICANT]);
    const approved = await h.ok(SOCIAL, 'volunteer', 'registrations', { status: 'approved' });
    expect(approved.items.map((i) => i.volunteerId)).toEqual([VOLUNTEER]);
    expect(approved.items[0]).toMatchObject({ core: true, teams: [{ name: '岭南长者关爱队' }] });
  });
});

describe('core volunteers', () => {
  it('marks and unmarks 骨干; a pending applicant cannot be marked', async () => {
    await h.ok(RESIDENT, 'volunteer', 'register', registrationDraft());
    expect(await h.errorCode(SOCIAL, 'volunteer', 'setCore', { volunteerId: RESIDENT, core: true })).toBe(
      'NOT_VOLUNTEER',
    );
    await h.ok(SOCIAL, 'volunteer', 'review', { volunteerId: RESIDENT, decision: 'approve' });
    expect(await h.ok(SOCIAL, 'volunteer', 'setCore', { volunteerId: RESIDENT, core: true })).toMatchObject({
      core: true,
    });
    expect((await h.ok(RESIDENT, 'volunteer', 'me', {})).volunteer?.core).toBe(true);
    await h.ok(SOCIAL, 'volunteer', 'setCore', { volunteerId: RESIDENT, core: false });
    expect(await registrationOf(RESIDENT)).toMatchObject({ core: false });
  });
});

describe('the demo data', () => {
  it('has 赵志愿 approved (matching his role) and 孙悦 waiting for review', async () => {
    expect((await h.ok(VOLUNTEER, 'volunteer', 'me', {})).volunteer).toMatchObject({
      status: 'approved',
      realName: '赵志愿',
      teams: [{ name: '岭南长者关爱队' }],
    });
    expect(await rolesOf(VOLUNTEER)).toContain('volunteer');
    expect((await h.ok(APPLICANT, 'volunteer', 'me', {})).volunteer).toMatchObject({ status: 'pending' });
    await h.ok(SOCIAL, 'volunteer', 'review', { volunteerId: APPLICANT, decision: 'approve' });
    expect(await rolesOf(APPLICANT)).toEqual(['resident', 'volunteer']);
  });
});
