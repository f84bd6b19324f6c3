import { DEMO_STATION_ID, OTHER_STATION_ID } from '../../../local/demo/seed';
import { FIRST_NOTICE_VERSION, PRIVACY_NOTICE_VERSION, ERASED_NAME } from '@linli/types/privacy';
import { personalDataExportSchema } from '@linli/types/entities/privacy';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { platform } from '../../../cloudfunctions/_shared/platform';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';

const ADMIN = 'oDemoAdmin0001';
const SOCIAL = 'oDemoSocial0001';
const OTHER_SOCIAL = 'oDemoOtherSW01';
const ZHANG = 'oDemoResident01';
const LIU = 'oDemoResident02';
const VOLUNTEER = 'oDemoVolunteer1';
const NEWCOMER = 'oPrivacyNew0001';

/** Every stored document as text, by collection: what "nothing of her is left" is checked against. */
async function dumpAll(h: FunctionHarness): Promise<Map<string, string>> {
  const collections = Object.keys((await import('../../../config/db-indexes.json')).collections);
  const out = new Map<string, string>();
  for (const c of collections) out.set(c, JSON.stringify(await h.db.dump(c)));
  return out;
}

/** The collections whose documents contain `trace`. */
const holding = (all: Map<string, string>, trace: string) =>
  [...all].filter(([, text]) => text.includes(trace)).map(([c]) => c);

/** A profile as if agreed to an older notice (every profile from before versions were kept). */
async function agreedTo(h: FunctionHarness, openid: string, version: string): Promise<void> {
  const user = (await h.db.dump('users')).find((u) => u._id === openid);
  if (!user) throw new Error(`no user ${openid}`);
  await h.db.putAll([{ collection: 'users', doc: { ...user, consentVersion: version }, insert: false }]);
}

const profileInput = {
  name: '小明',
  stationId: DEMO_STATION_ID,
  communityId: 'comm1',
  consent: true as const,
};

describe('consent to the notice in force', () => {
  let h: FunctionHarness;
  beforeEach(async () => {
    h = await startFunctionHarness();
  });
  afterEach(() => h.close());

  /** 刘先生 agreed to the first notice only. */
  const agreedToOldNotice = () => agreedTo(h, LIU, FIRST_NOTICE_VERSION);

  it('records the version a new profile agreed to', async () => {
    const profile = await h.ok(NEWCOMER, 'account', 'saveProfile', profileInput);
    expect(profile.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(profile.minor).toBe(false);
  });

  it('refuses writes that collect personal data until the changed notice is agreed to, and lets reads and withdrawals through', async () => {
    await h.ok(LIU, 'activity', 'book', { activityId: 'DemoAct002', members: [] });
    await agreedToOldNotice();

    const before = (await h.db.dump('complaints')).length;
    expect(
      await h.errorCode(LIU, 'feedback', 'submit', { category: 'opinion', text: '想多办几次讲座', anonymous: false }),
    ).toBe('CONSENT_REQUIRED');
    expect(await h.db.dump('complaints')).toHaveLength(before);

    // Reading, cancelling and asking for deletion never wait for consent.
    await h.ok(LIU, 'activity', 'mine', {});
    await h.ok(LIU, 'activity', 'cancelBooking', { activityId: 'DemoAct002' });
    const me = await h.ok(LIU, 'account', 'me', {});
    expect(me.profile?.consentVersion).toBe(FIRST_NOTICE_VERSION);

    // Agreeing to an older text than the one in force is refused; to the one in force, recorded.
    expect(await h.errorCode(LIU, 'account', 'acceptPrivacy', { version: FIRST_NOTICE_VERSION })).toBe('CONFLICT');
    const agreed = await h.ok(LIU, 'account', 'acceptPrivacy', { version: PRIVACY_NOTICE_VERSION });
    expect(agreed.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(new Date(agreed.consentAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await h.ok(LIU, 'feedback', 'submit', { category: 'opinion', text: '想多办几次讲座', anonymous: false });
  });

  it('counts saving the profile form (with its consent box) as agreeing again', async () => {
    await agreedToOldNotice();
    const saved = await h.ok(LIU, 'account', 'saveProfile', { ...profileInput, name: '刘先生' });
    expect(saved.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
  });
});

describe('minors under 14', () => {
  let h: FunctionHarness;
  beforeEach(async () => {
    h = await startFunctionHarness();
  });
  afterEach(() => h.close());

  const guardian = { name: '小明妈妈', phone: '13700000077', consent: true };

  it('stores nothing for a minor without a guardian who consents', async () => {
    const result = await h.call(NEWCOMER, 'account', 'saveProfile', { ...profileInput, minor: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual([
      'guardian.consent',
      'guardian.name',
      'guardian.phone',
    ]);
    const refused = await h.call(NEWCOMER, 'account', 'saveProfile', {
      ...profileInput,
      minor: true,
      guardian: { ...guardian, consent: false },
    });
    expect(refused.ok).toBe(false);
    expect(await h.db.dump('users')).not.toContainEqual(expect.objectContaining({ _id: NEWCOMER }));
  });

  it('keeps the guardian sealed, shows them masked, and asks the guardian again when the notice changes', async () => {
    const profile = await h.ok(NEWCOMER, 'account', 'saveProfile', { ...profileInput, minor: true, guardian });
    expect(profile.minor).toBe(true);
    expect(profile.guardian).toEqual({ name: '小明妈妈', phoneMasked: '137****0077' });
    const stored = JSON.stringify(await h.db.dump('users'));
    expect(stored).not.toContain('小明妈妈');
    expect(stored).not.toContain('13700000077');

    await agreedTo(h, NEWCOMER, FIRST_NOTICE_VERSION);
    const result = await h.call(NEWCOMER, 'account', 'acceptPrivacy', { version: PRIVACY_NOTICE_VERSION });
    expect(result.ok ? null : result.error.fields?.[0]?.path).toBe('guardianConsent');
    const agreed = await h.ok(NEWCOMER, 'account', 'acceptPrivacy', {
      version: PRIVACY_NOTICE_VERSION,
      guardianConsent: true,
    });
    expect(agreed.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(agreed.guardian?.name).toBe('小明妈妈');
  });

  it('collects no guardian for someone 14 or older', async () => {
    expect(await h.errorCode(NEWCOMER, 'account', 'saveProfile', { ...profileInput, guardian })).toBe('INVALID_INPUT');
  });
});

describe('sensitive fields at rest', () => {
  let h: FunctionHarness;
  beforeAll(async () => {
    h = await startFunctionHarness();
  });
  afterAll(() => h.close());

  it('stores a wish’s circumstances and hardship, and a complaint’s words, sealed — and reads them back', async () => {
    const why = '张阿姨腿脚不便，患有糖尿病，需要一个助行器。';
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', {
      what: '一个助行器',
      why,
      estimatedValue: 180,
      category: 'health',
      beneficiaryId: ZHANG,
      hardship: 'disability',
    });
    const text = '我父亲住院做了心脏手术，活动室的台阶希望加扶手。';
    const complaint = await h.ok(ZHANG, 'feedback', 'submit', { category: 'suggestion', text, anonymous: false });
    const reply = '已安排加装扶手，祝您父亲康复。';
    await h.ok(complaint.handlerId ?? SOCIAL, 'feedback', 'reply', { complaintId: complaint.id, reply });

    const stored = JSON.stringify([await h.db.dump('wishes'), await h.db.dump('complaints')]);
    for (const plain of [why, '糖尿病', text, '心脏手术', reply, '"disability"']) expect(stored).not.toContain(plain);
    expect(stored).toContain('sealed:v1:');

    const detail = await h.ok(SOCIAL, 'wishes', 'get', { wishId: wish.id });
    expect(detail).toMatchObject({ why, hardship: 'disability' });
    const mine = await h.ok(ZHANG, 'feedback', 'get', { complaintId: complaint.id });
    expect(mine).toMatchObject({ text, reply });
  });
});

describe('export', () => {
  let h: FunctionHarness;
  beforeAll(async () => {
    h = await startFunctionHarness();
    await h.ok(ZHANG, 'activity', 'book', { activityId: 'DemoAct002', members: [{ name: '张阿姨的孙女' }] });
    await h.ok(ZHANG, 'feedback', 'submit', { category: 'complaint', text: '报名页面字太小', anonymous: true });
  });
  afterAll(() => h.close());

  it('gives the person everything held about them, readable, without anyone else’s data', async () => {
    const file = await h.okFile(ZHANG, 'account', 'exportMyData', {});
    // A link to a stored file, not the data: a long history can pass the 1 MB a function may answer.
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/) });
    expect(file.mimeType).toBe('application/json');
    expect(file.bytes).toBe(file.content.length);
    expect(JSON.stringify({ ...file, content: undefined }).length).toBeLessThan(1000);
    const stored = await h.db.dump('generated_files');
    expect(stored).toEqual([expect.objectContaining({ stationId: DEMO_STATION_ID, bytes: file.bytes })]);
    expect(String(stored[0]!.fileId)).toMatch(
      new RegExp(`^cloud://local/exports/${DEMO_STATION_ID}/[\\w-]{22}\\.json$`),
    );

    const data = personalDataExportSchema.parse(JSON.parse(file.content.toString('utf8')));
    expect(data).toMatchObject({
      format: 'linli-personal-data',
      formatVersion: 1,
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    const section = (key: string) => data.sections.find((s) => s.key === key)?.rows ?? [];
    expect(section('profile')).toEqual([expect.objectContaining({ 姓名: '张阿姨', 手机号: '13900000011' })]);
    expect(section('bookings')).toContainEqual(expect.objectContaining({ 同行人: ['张阿姨的孙女'] }));
    expect(section('attendance').length).toBeGreaterThan(0);
    expect(section('feedback')).toContainEqual(expect.objectContaining({ 内容: '报名页面字太小', 匿名: true }));
    expect(section('wishes')).toContainEqual(expect.objectContaining({ 心愿: '一台电饭煲' }));

    const text = file.content.toString('utf8');
    for (const other of [SOCIAL, ADMIN, LIU, VOLUNTEER, '李社工', '13800000002', '13900000012']) {
      expect(text).not.toContain(other);
    }
  });

  it('is the person’s own: a newcomer without a profile has nothing to export', async () => {
    expect(await h.errorCode(NEWCOMER, 'account', 'exportMyData', {})).toBe('PROFILE_REQUIRED');
  });
});

describe('deletion requests', () => {
  let h: FunctionHarness;
  beforeEach(async () => {
    h = await startFunctionHarness();
  });
  afterEach(() => {
    clock.pin(null);
    return h.close();
  });

  it('records one request per person, due in 15 working days, and shows its status', async () => {
    // Monday 2026-11-23, 10:00 China time: the 15th working day after it is Monday 2026-12-14.
    clock.pin(new Date('2026-11-23T02:00:00Z'));
    const requests = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        h.ok(LIU, 'account', 'requestDeletion', { reason: '搬家了' }, `del-${i}-req`),
      ),
    );
    expect(new Set(requests.map((r) => r.id)).size).toBe(1);
    expect(requests[0]).toMatchObject({ status: 'pending', reason: '搬家了', dueAt: '2026-12-14T15:59:59.999Z' });
    expect(await h.db.dump('privacy_requests')).toHaveLength(1);
    expect(JSON.stringify(await h.db.dump('privacy_requests'))).not.toContain('搬家了');
    const mine = await h.ok(LIU, 'account', 'myDataRequests', {});
    expect(mine.items.map((r) => r.id)).toEqual([requests[0]!.id]);
  });

  it('puts requests in the 站长’s queue only: social workers and other stations are refused', async () => {
    const request = await h.ok(LIU, 'account', 'requestDeletion', {});
    const queue = await h.ok(ADMIN, 'account', 'dataRequests', { status: 'pending' });
    expect(queue.items).toEqual([
      expect.objectContaining({ id: request.id, name: '刘先生', phoneMasked: '139****0012', overdue: false }),
    ]);
    expect(await h.errorCode(SOCIAL, 'account', 'dataRequests', { status: 'pending' })).toBe('FORBIDDEN');
    expect(
      await h.errorCode(OTHER_SOCIAL, 'account', 'handleDataRequest', { requestId: request.id, decision: 'erase' }),
    ).toBe('FORBIDDEN');

    // A 站长 of another station: the id names nothing there.
    await h.db.insertMany('users', [
      {
        _id: 'oOtherAdmin001',
        name: '何站长',
        stationId: OTHER_STATION_ID,
        communityId: null,
        roles: ['resident', 'admin'],
        consentAt: new Date(),
        consentVersion: PRIVACY_NOTICE_VERSION,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    ]);
    expect(
      await h.errorCode('oOtherAdmin001', 'account', 'handleDataRequest', { requestId: request.id, decision: 'erase' }),
    ).toBe('NOT_FOUND');
    expect((await h.ok('oOtherAdmin001', 'account', 'dataRequests', { status: 'all' })).items).toEqual([]);
  });

  it('declines only with a reason, and the person sees it; they may ask again', async () => {
    const request = await h.ok(LIU, 'account', 'requestDeletion', {});
    expect(
      await h.errorCode(ADMIN, 'account', 'handleDataRequest', { requestId: request.id, decision: 'decline' }),
    ).toBe('INVALID_INPUT');
    const declined = await h.ok(ADMIN, 'account', 'handleDataRequest', {
      requestId: request.id,
      decision: 'decline',
      note: '您有尚未结束的志愿服务，请先联系社工',
    });
    expect(declined).toMatchObject({ status: 'declined', name: '刘先生' });
    expect((await h.ok(LIU, 'account', 'myDataRequests', {})).items[0]).toMatchObject({
      status: 'declined',
      note: '您有尚未结束的志愿服务，请先联系社工',
    });
    const again = await h.ok(LIU, 'account', 'requestDeletion', {});
    expect(again.id).not.toBe(request.id);
    expect(await h.errorCode(ADMIN, 'account', 'handleDataRequest', { requestId: request.id, decision: 'erase' })).toBe(
      'NOT_PENDING',
    );
  });
});

describe('carrying a deletion out', () => {
  let h: FunctionHarness;
  beforeAll(async () => {
    h = await startFunctionHarness();
  });
  afterAll(() => h.close());

  it('deletes or unlinks everything of the person, keeps what the indicators count, and removes their photos', async () => {
    // 赵志愿: a volunteer with an approved registration, a team, hours (one reported with a
    // photo), a claimed wish; and 张阿姨: a resident with attendance, bookings, wishes, feedback.
    const photo = await h.upload(VOLUNTEER);
    const span = {
      startAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
      endAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    };
    const entry = await h.ok(VOLUNTEER, 'hours', 'report', { span, content: '陪长者聊天', photoFileId: photo });
    await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [entry.id] });
    const complaintPhoto = await h.upload(ZHANG);
    await h.ok(ZHANG, 'feedback', 'submit', {
      category: 'complaint',
      text: '张阿姨说：楼道灯坏了',
      anonymous: false,
      photoFileIds: [complaintPhoto],
    });
    await h.ok(ZHANG, 'activity', 'book', { activityId: 'DemoAct002', members: [] });

    await h.ok(ADMIN, 'indicators', 'recompute', { contractId: 'ct_DemoLingnan' });
    const now = clock.now();
    clock.pin(now);
    const before = await h.ok(ADMIN, 'indicators', 'dashboard', { contractId: 'ct_DemoLingnan' });
    // They count: the comparison below would catch a deletion that loses them.
    const done = (id: string) => before.indicators.find((i) => i.id === id)?.total.done ?? 0;
    for (const id of ['people', 'attendances', 'volunteer-hours', 'new-volunteers', 'wishes'])
      expect(done(id)).toBeGreaterThan(0);

    for (const person of [VOLUNTEER, ZHANG]) {
      const request = await h.ok(person, 'account', 'requestDeletion', { reason: '不再使用' });
      const done = await h.ok(ADMIN, 'account', 'handleDataRequest', { requestId: request.id, decision: 'erase' });
      expect(done).toMatchObject({ status: 'completed', name: null });
      expect(done.outcome!.deleted).toBeGreaterThan(0);
      expect(done.outcome!.anonymised).toBeGreaterThan(0);
      // Repeating it changes nothing: the request is answered.
      expect(
        await h.errorCode(ADMIN, 'account', 'handleDataRequest', { requestId: request.id, decision: 'erase' }),
      ).toBe('NOT_PENDING');
    }

    // Nothing in the database names or reaches them any more.
    const all = await dumpAll(h);
    for (const trace of [VOLUNTEER, ZHANG, '赵志愿', '张阿姨', '13900000021', '13900000011', '赵太太', '13900000022']) {
      expect({ trace, in: holding(all, trace) }).toEqual({ trace, in: [] });
    }
    expect(holding(all, ERASED_NAME)).toContain('attendance');
    expect(await h.db.dump('users')).not.toContainEqual(expect.objectContaining({ _id: ZHANG }));

    // The indicators read the same, live and after a full recompute.
    expect(await h.ok(ADMIN, 'indicators', 'dashboard', { contractId: 'ct_DemoLingnan' })).toEqual(before);
    await h.ok(ADMIN, 'indicators', 'recompute', { contractId: 'ct_DemoLingnan' });
    const recomputed = await h.ok(ADMIN, 'indicators', 'dashboard', { contractId: 'ct_DemoLingnan' });
    expect(recomputed.indicators).toEqual(before.indicators);
    clock.pin(null);

    // Their photos are gone from storage; the requests tell them it was done.
    expect(await platform().tempFileUrl(photo)).toBeNull();
    expect(await platform().tempFileUrl(complaintPhoto)).toBeNull();
    expect((await h.ok(ZHANG, 'account', 'myDataRequests', {})).items[0]?.status).toBe('completed');
    expect((await h.ok(ZHANG, 'account', 'me', {})).profile).toBeNull();

    // The pseudonym on her kept booking is nobody to remind: nothing is sent to it.
    const kept = (await h.db.dump('bookings')).find((b) => String(b.personId).startsWith('erased-'));
    expect(kept).toBeDefined();
    const outbox = (await h.db.dump('outbox')).length;
    expect(
      await platform().sendSubscribeMessage({
        toOpenid: String(kept!.personId),
        template: 'activity_reminder',
        page: 'pages/index/index',
        data: {},
      }),
    ).toEqual({ sent: false });
    expect(await h.db.dump('outbox')).toHaveLength(outbox);
  });
});
