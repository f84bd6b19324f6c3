import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish, SOCIAL } from '../../support/activities';

const RESIDENT = 'oDemoResident01';
const VOLUNTEER = 'oDemoVolunteer1';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

const running = () =>
  publish(
    h,
    {
      bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
      bookingClosesAt: new Date(Date.now() - 600_000).toISOString(),
    },
    -10 / 60,
  );

describe('door helpers', () => {
  it('a volunteer made door helper scans personal codes and sees only a masked name', async () => {
    const activity = await running();
    const { code } = await h.ok(RESIDENT, 'checkin', 'myCode', {});
    expect(await h.errorCode(VOLUNTEER, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'in' })).toBe(
      'FORBIDDEN',
    );

    const { items } = await h.ok(SOCIAL, 'checkin', 'grantHelper', { activityId: activity.id, openid: VOLUNTEER });
    expect(items.map((i) => i.name)).toEqual(['赵志愿']);
    const result = await h.ok(VOLUNTEER, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'in' });
    expect(result).toMatchObject({ outcome: 'signed_in', personName: '张**' });
    expect((await h.ok(VOLUNTEER, 'checkin', 'myHelperActivities', {})).items.map((i) => i.activityId)).toEqual([
      activity.id,
    ]);

    // A helper gets no roster, and loses scanning when revoked.
    expect(await h.errorCode(VOLUNTEER, 'checkin', 'roster', { activityId: activity.id })).toBe('FORBIDDEN');
    await h.ok(SOCIAL, 'checkin', 'revokeHelper', { activityId: activity.id, openid: VOLUNTEER });
    expect(await h.errorCode(VOLUNTEER, 'checkin', 'staffScan', { activityId: activity.id, code, mode: 'out' })).toBe(
      'FORBIDDEN',
    );
  });

  it('only approved volunteers of the station can be made door helpers', async () => {
    const activity = await running();
    const result = await h.call(SOCIAL, 'checkin', 'grantHelper', { activityId: activity.id, openid: RESIDENT });
    expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'openid' }] });
  });
});

describe('paper sign-in lists', () => {
  it('records attendance from a paper list after the event, marked as such, without double counting', async () => {
    const past = await publish(
      h,
      {
        bookingOpensAt: new Date(Date.now() - 96 * 3600_000).toISOString(),
        bookingClosesAt: new Date(Date.now() - 49 * 3600_000).toISOString(),
      },
      -48,
    );
    expect(await h.errorCode(SOCIAL, 'checkin', 'proxySignIn', { activityId: past.id, personId: RESIDENT })).toBe(
      'SIGN_IN_CLOSED',
    );
    const input = {
      activityId: past.id,
      note: '现场网络故障，按纸质签到表补录',
      entries: [
        { personId: RESIDENT },
        { personId: 'oDemoResident02' },
        { walkIn: { name: '黄伯', communityId: 'comm2' } },
      ],
    };
    expect(await h.ok(SOCIAL, 'checkin', 'recordPaper', input)).toEqual({ recorded: 3, alreadyPresent: 0 });
    expect(await h.ok(SOCIAL, 'checkin', 'recordPaper', { ...input, entries: [{ personId: RESIDENT }] })).toEqual({
      recorded: 0,
      alreadyPresent: 1,
    });
    const roster = await h.ok(SOCIAL, 'checkin', 'roster', { activityId: past.id });
    expect(roster.counts.signedIn).toBe(3);
    expect(roster.entries.every((e) => e.method === 'paper' && e.signedInAt === past.startAt)).toBe(true);
    // The note is kept on every record the list made, and shown to staff.
    expect(roster.entries.map((e) => e.note)).toEqual([input.note, input.note, input.note]);
  });

  it('a list with one bad line records nobody, so the corrected list counts everyone once', async () => {
    // Found by the fuzz test: lines were written one by one, so a refused later line left the
    // earlier sign-ins (and a walk-in's resident record) behind.
    const past = await publish(
      h,
      {
        bookingOpensAt: new Date(Date.now() - 96 * 3600_000).toISOString(),
        bookingClosesAt: new Date(Date.now() - 49 * 3600_000).toISOString(),
      },
      -48,
    );
    const users = (await h.db.dump('users')).length;
    const good = [{ personId: RESIDENT }, { walkIn: { name: '黄伯', communityId: 'comm2' } }];
    for (const bad of [
      { walkIn: { name: '何婆婆', communityId: 'no-such-community' } },
      { personId: 'oNobody00001' },
    ]) {
      const answer = await h.call(SOCIAL, 'checkin', 'recordPaper', {
        activityId: past.id,
        note: '纸质签到表补录',
        entries: [...good, bad],
      });
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.error.fields?.[0]?.path).toMatch(/^entries\.2\./);
      expect((await h.db.dump('attendance')).filter((a) => a.activityId === past.id)).toEqual([]);
      expect(await h.db.dump('users')).toHaveLength(users);
    }
    expect(
      await h.ok(SOCIAL, 'checkin', 'recordPaper', { activityId: past.id, note: '纸质签到表补录', entries: good }),
    ).toEqual({ recorded: 2, alreadyPresent: 0 });
  });

  it('refuses paper records before the activity has started', async () => {
    const later = await publish(h, {}, 5);
    expect(
      await h.errorCode(SOCIAL, 'checkin', 'recordPaper', {
        activityId: later.id,
        note: '测试补录',
        entries: [{ personId: RESIDENT }],
      }),
    ).toBe('SIGN_IN_NOT_OPEN');
  });
});

describe('walk-ins at the door', () => {
  it('refuses a walk-in the activity cannot take before registering them', async () => {
    // Found by the fuzz test: the walk-in's resident record was written, then the sign-in refused.
    const users = (await h.db.dump('users')).length;
    const closed = await publish(
      h,
      {
        bookingOpensAt: new Date(Date.now() - 96 * 3600_000).toISOString(),
        bookingClosesAt: new Date(Date.now() - 49 * 3600_000).toISOString(),
      },
      -48,
    );
    const invitedOnly = await running().then(() =>
      publish(
        h,
        {
          audience: 'invited',
          invited: [RESIDENT],
          bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
          bookingClosesAt: new Date(Date.now() - 600_000).toISOString(),
        },
        -10 / 60,
      ),
    );
    const walkIn = { name: '黄伯', communityId: 'comm2' };
    expect(await h.errorCode(SOCIAL, 'checkin', 'proxySignIn', { activityId: closed.id, walkIn })).toBe(
      'SIGN_IN_CLOSED',
    );
    expect(await h.errorCode(SOCIAL, 'checkin', 'proxySignIn', { activityId: invitedOnly.id, walkIn })).toBe(
      'NOT_INVITED',
    );
    expect(await h.db.dump('users')).toHaveLength(users);
  });
});

describe('choosing door helpers', () => {
  it('lists the station volunteers who can be made helpers, and the current helpers', async () => {
    const activity = await running();
    const before = await h.ok(SOCIAL, 'checkin', 'helpers', { activityId: activity.id });
    expect(before).toEqual({ items: [], candidates: [{ openid: VOLUNTEER, name: '赵志愿' }] });
    await h.ok(SOCIAL, 'checkin', 'grantHelper', { activityId: activity.id, openid: VOLUNTEER });
    const after = await h.ok(SOCIAL, 'checkin', 'helpers', { activityId: activity.id });
    expect(after.items.map((i) => i.openid)).toEqual([VOLUNTEER]);
    expect(after.candidates).toEqual([]);
    expect(await h.errorCode(VOLUNTEER, 'checkin', 'helpers', { activityId: activity.id })).toBe('FORBIDDEN');
  });
});

describe('printed code cards', () => {
  it('gives staff the same personal code the resident’s phone shows, with name and community', async () => {
    const card = await h.ok(SOCIAL, 'checkin', 'personCard', { personId: RESIDENT });
    const mine = await h.ok(RESIDENT, 'checkin', 'myCode', {});
    expect(card).toMatchObject({ code: mine.code, name: '张阿姨', communityName: expect.any(String) });
    expect(Buffer.from(card.imageBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');

    // The card signs in like the phone code.
    const activity = await running();
    expect(
      await h.ok(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code: card.code, mode: 'in' }),
    ).toMatchObject({ outcome: 'signed_in', personName: '张阿姨' });
  });

  it('reissues a lost card: the new code signs in, the old one no longer does', async () => {
    const old = await h.ok(SOCIAL, 'checkin', 'personCard', { personId: RESIDENT });
    const fresh = await h.ok(SOCIAL, 'checkin', 'reissueCard', { personId: RESIDENT });
    expect(fresh.code).not.toBe(old.code);
    expect((await h.ok(RESIDENT, 'checkin', 'myCode', {})).code).toBe(fresh.code);
    const activity = await running();
    expect(
      await h.errorCode(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code: old.code, mode: 'in' }),
    ).toBe('CODE_INVALID');
    expect(
      await h.ok(SOCIAL, 'checkin', 'staffScan', { activityId: activity.id, code: fresh.code, mode: 'in' }),
    ).toMatchObject({ outcome: 'signed_in' });
    expect(await h.errorCode(RESIDENT, 'checkin', 'reissueCard', { personId: RESIDENT })).toBe('FORBIDDEN');
  });

  it('is only for the staff of the person’s station', async () => {
    expect(await h.errorCode(RESIDENT, 'checkin', 'personCard', { personId: RESIDENT })).toBe('FORBIDDEN');
    expect(await h.errorCode('oDemoOtherSW01', 'checkin', 'personCard', { personId: RESIDENT })).toBe('NOT_FOUND');
  });
});
