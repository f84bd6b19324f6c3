import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { DEMO_STATION_ID, OTHER_STATION_ID } from '../../../local/demo/seed';

const RESIDENT = 'oDemoResident01';
const SOCIAL = 'oDemoSocial0001';
const ADMIN = 'oDemoAdmin0001';
const NEWCOMER = 'oNewcomer000001';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

describe('account.me', () => {
  it('tells a brand-new caller they have no profile yet', async () => {
    expect(await h.ok(NEWCOMER, 'account', 'me', {})).toEqual({ profile: null, station: null });
  });
  it('returns the profile with the phone masked and the station directory entry', async () => {
    const me = await h.ok(RESIDENT, 'account', 'me', {});
    expect(me.profile).toMatchObject({
      openid: RESIDENT,
      name: '张阿姨',
      roles: ['resident'],
      phoneMasked: '139****0011',
    });
    expect(JSON.stringify(me)).not.toContain('13900000011');
    expect(me.station?.id).toBe(DEMO_STATION_ID);
  });
  it('refuses a caller the platform did not identify', async () => {
    expect(await h.errorCode(null, 'account', 'me', {})).toBe('UNAUTHENTICATED');
  });
});

describe('account.saveProfile', () => {
  const profile = { name: '孙婆婆', stationId: DEMO_STATION_ID, communityId: 'comm2', consent: true as const };

  it('creates a resident profile on first use and records consent', async () => {
    const saved = await h.ok(NEWCOMER, 'account', 'saveProfile', { ...profile, phone: '13712345678' });
    expect(saved).toMatchObject({ openid: NEWCOMER, name: '孙婆婆', roles: ['resident'], phoneMasked: '137****5678' });
    const [stored] = (await h.db.dump('users')).filter((u) => u._id === NEWCOMER);
    expect(stored).toMatchObject({ phone: '13712345678', stationId: DEMO_STATION_ID });
    expect(stored!.consentAt).toBeInstanceOf(Date);
  });

  it('rejects bad input with field paths and writes nothing', async () => {
    const before = await h.db.dump('users');
    const result = await h.call(NEWCOMER, 'account', 'saveProfile', {
      ...profile,
      name: '',
      phone: '12345',
    } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual(['name', 'phone']);
    expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await h.db.dump('users')).toEqual(before);
  });

  it('requires consent to the privacy notice', async () => {
    const result = await h.call(NEWCOMER, 'account', 'saveProfile', { ...profile, consent: false } as never);
    expect(!result.ok && result.error.fields?.[0]?.path).toBe('consent');
  });

  it('refuses a community of another station', async () => {
    const result = await h.call(NEWCOMER, 'account', 'saveProfile', { ...profile, stationId: OTHER_STATION_ID });
    expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'communityId' }] });
  });

  it('keeps roles and the saved phone when a profile is edited without a phone', async () => {
    await h.ok(RESIDENT, 'account', 'saveProfile', { ...profile, name: '张阿姨', communityId: 'comm3' });
    const me = await h.ok(RESIDENT, 'account', 'me', {});
    expect(me.profile).toMatchObject({ communityId: 'comm3', roles: ['resident'], phoneMasked: '139****0011' });
  });

  it('keeps the personal code through an edit, so a printed card still works', async () => {
    const { code } = await h.ok(RESIDENT, 'checkin', 'myCode', {});
    await h.ok(RESIDENT, 'account', 'saveProfile', { ...profile, name: '张阿姨', communityId: 'comm2' });
    expect((await h.ok(RESIDENT, 'checkin', 'myCode', {})).code).toBe(code);
  });

  it('a volunteer who moves to another station is a resident there until registered again', async () => {
    const otherCommunity = (await h.db.dump('stations')).find((s) => s._id === OTHER_STATION_ID)!.communities as {
      id: string;
    }[];
    await h.ok('oDemoVolunteer1', 'account', 'saveProfile', {
      ...profile,
      name: '赵志愿',
      stationId: OTHER_STATION_ID,
      communityId: otherCommunity[0]!.id,
    });
    expect((await h.ok('oDemoVolunteer1', 'account', 'me', {})).profile?.roles).toEqual(['resident']);
  });

  it('does not let staff move themselves to another station', async () => {
    const result = await h.call(SOCIAL, 'account', 'saveProfile', {
      ...profile,
      stationId: OTHER_STATION_ID,
      communityId: 'comm1',
    });
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });

  it('ignores any identity in the request body', async () => {
    await h
      .ok(NEWCOMER, 'account', 'saveProfile', { ...profile, openid: RESIDENT, _id: RESIDENT } as never)
      .catch(() => undefined);
    const resident = (await h.db.dump('users')).find((u) => u._id === RESIDENT);
    expect(resident).toMatchObject({ name: '张阿姨' });
  });

  it('answers a replay with the same request id without writing twice', async () => {
    const first = await h.ok(NEWCOMER, 'account', 'saveProfile', profile, 'req-save-0001');
    await h.ok(NEWCOMER, 'account', 'saveProfile', { ...profile, name: '改了名字' }, 'req-save-0002');
    const replay = await h.ok(NEWCOMER, 'account', 'saveProfile', profile, 'req-save-0001');
    expect(replay).toEqual(first);
    const stored = (await h.db.dump('users')).find((u) => u._id === NEWCOMER);
    expect(stored).toMatchObject({ name: '改了名字' });
  });
});

describe('account.listStations', () => {
  it('lists every station with its communities for onboarding', async () => {
    const { items } = await h.ok(NEWCOMER, 'account', 'listStations', {});
    expect(items.map((s) => s.id).sort()).toEqual([DEMO_STATION_ID, OTHER_STATION_ID].sort());
    expect(items.find((s) => s.id === DEMO_STATION_ID)?.communities).toHaveLength(6);
  });
});

describe('account.redeemInvitation', () => {
  async function invite(role: 'social_worker' | 'admin' = 'social_worker') {
    return (await h.ok(ADMIN, 'station', 'createInvitation', { role })).code;
  }

  it('makes a resident a social worker of the inviting station, once', async () => {
    const code = await invite();
    const profile = await h.ok(RESIDENT, 'account', 'redeemInvitation', { code: code.toLowerCase() });
    expect(profile.roles).toEqual(['resident', 'social_worker']);
    expect(await h.errorCode('oDemoResident02', 'account', 'redeemInvitation', { code })).toBe('INVITATION_USED');
  });

  it('rejects unknown and expired codes', async () => {
    expect(await h.errorCode(RESIDENT, 'account', 'redeemInvitation', { code: 'ZZZZZZZZ' })).toBe('INVITATION_INVALID');
    const code = await invite();
    const [doc] = await h.db.dump('invitations');
    await h.db.clear();
    await h.db.insertMany('invitations', [{ ...doc, expiresAt: new Date(Date.now() - 1000) }]);
    // Re-seed the users the call needs (clear() removed them).
    const { seedDemoData } = await import('../../../local/demo/seed');
    await seedDemoData(h.db, new Date());
    expect(await h.errorCode(RESIDENT, 'account', 'redeemInvitation', { code })).toBe('INVITATION_EXPIRED');
  });

  it('lets exactly one of two people racing for one code win', async () => {
    const code = await invite();
    const results = await Promise.all(
      [RESIDENT, 'oDemoResident02', 'oDemoVolunteer1'].map((who) =>
        h.call(who, 'account', 'redeemInvitation', { code }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const staff = (await h.db.dump('users')).filter(
      (u) =>
        [RESIDENT, 'oDemoResident02', 'oDemoVolunteer1'].includes(u._id as string) &&
        (u.roles as string[]).includes('social_worker'),
    );
    expect(staff).toHaveLength(1);
  });

  it('needs a profile first', async () => {
    const code = await invite();
    expect(await h.errorCode(NEWCOMER, 'account', 'redeemInvitation', { code })).toBe('PROFILE_REQUIRED');
  });
});

describe('dispatcher', () => {
  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    expect(await h.errorCode(RESIDENT, 'account', 'dropDatabase' as never, {} as never)).toBe('UNKNOWN_ACTION');
  });
  it('rejects operator injection where a string is expected', async () => {
    const result = await h.call(ADMIN, 'account', 'redeemInvitation', { code: { $ne: null } } as never);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
  });
  it('rejects unknown fields instead of passing them on', async () => {
    expect(await h.errorCode(RESIDENT, 'account', 'me', { roles: ['admin'] } as never)).toBe('INVALID_INPUT');
  });
});
