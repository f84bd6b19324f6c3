import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish } from '../../support/activities';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { formatHours } from '../../../cloudfunctions/_shared/domain/volunteer-hours';
import {
  ADMIN,
  addManual,
  approvedManual,
  entryDocs,
  insertFlaggedScanEntry,
  MINUTE,
  OTHER_SOCIAL,
  RESIDENT,
  SOCIAL,
  SOCIAL2,
  span,
  VOLUNTEER,
} from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

/** An activity starting `startsInMinutes` from now (negative: already running), two hours long. */
const activityAt = (startsInMinutes: number) =>
  publish(
    h,
    {
      bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
      bookingClosesAt: new Date(Date.now() + Math.min(startsInMinutes, -1) * MINUTE).toISOString(),
      volunteerRoles: [{ role: '签到引导', count: 2 }],
    },
    startsInMinutes / 60,
  );
const scan = async (activityId: string, mode: 'volunteer_in' | 'volunteer_out') =>
  h.ok(VOLUNTEER, 'checkin', 'scan', {
    token: (await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode })).token,
  });

describe('hours from the shift scans', () => {
  it('counts the time between the scans clipped to the activity plus the grace, to two decimals', async () => {
    const activity = await activityAt(-10);
    await scan(activity.id, 'volunteer_in');
    clock.setOffset(155 * MINUTE); // 45 minutes after the end: only 30 of them count
    await scan(activity.id, 'volunteer_out');

    const { entries, pendingHours, totalHours } = await h.ok(VOLUNTEER, 'hours', 'mine', {});
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    // 10 minutes after the start to the end plus 30: 140 whole minutes (139 if the scan fell mid-minute).
    expect([139, 140]).toContain(entry!.minutes);
    expect(entry).toMatchObject({ source: 'scan', status: 'pending', flag: null, activityId: activity.id });
    expect(entry!.hours).toBe(formatHours(entry!.minutes));
    expect(entry!.hours).toMatch(/^\d+\.\d{2}$/);
    expect(pendingHours).toBe(entry!.hours);
    expect(totalHours).toBe('0.00');

    await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [entry!.id] });
    const after = await h.ok(VOLUNTEER, 'hours', 'mine', {});
    expect(after.totalHours).toBe(entry!.hours);
    expect(after.pendingHours).toBe('0.00');
    expect(after.byActivity).toEqual([{ label: '长者健康讲座', hours: entry!.hours }]);
    // The team the volunteer served with when the entry was made (none: 未加入队伍).
    expect(after.byTeam).toEqual([{ label: entry!.teamName ?? '未加入队伍', hours: entry!.hours }]);
  });

  it('counts an early sign-in only from the grace before the start', async () => {
    const activity = await activityAt(50); // signing in 50 minutes early: 30 count
    await scan(activity.id, 'volunteer_in');
    clock.setOffset(100 * MINUTE); // 50 minutes into the activity
    await scan(activity.id, 'volunteer_out');
    const [entry] = (await h.ok(VOLUNTEER, 'hours', 'mine', {})).entries;
    expect([79, 80]).toContain(entry!.minutes);
  });

  it('makes a flagged entry (no sign-out) that nobody can approve until it is corrected', async () => {
    const id = await insertFlaggedScanEntry(h);
    const pending = await h.ok(SOCIAL, 'hours', 'pending', {});
    expect(pending.items[0]).toMatchObject({ id, flag: 'MISSING_SIGN_OUT', minutes: 0, hours: '0.00' });

    const { results } = await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [id] });
    expect(results).toEqual([expect.objectContaining({ entryId: id, outcome: 'refused', code: 'ENTRY_FLAGGED' })]);
    expect(results[0]!.message).toMatch(/核实/);

    // 李社工 puts the times right; the correction is a new version, to be approved by someone else.
    const corrected = await h.ok(SOCIAL, 'hours', 'correct', {
      entryId: id,
      span: span(120, 90),
      reason: '志愿者忘记签退，按现场记录更正',
    });
    expect(corrected).toMatchObject({ version: 2, status: 'pending', flag: null, minutes: 90, hours: '1.50' });
    expect((await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [corrected.id] })).results[0]).toMatchObject({
      outcome: 'refused',
      code: 'SELF_APPROVAL',
    });
    expect((await h.ok(ADMIN, 'hours', 'approve', { entryIds: [corrected.id] })).results[0]).toMatchObject({
      outcome: 'approved',
    });
    expect((await h.ok(VOLUNTEER, 'hours', 'mine', {})).totalHours).toBe('1.50');
  });
});

describe('reviewing', () => {
  it('refuses hours sent by a client: the input has no field for them, and nothing is written', async () => {
    const stray = { span: span(60, 30), content: '社区清洁', note: '', minutes: 600 };
    const report = await h.call(VOLUNTEER, 'hours', 'report', stray as never);
    expect(report).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const add = await h.call(SOCIAL, 'hours', 'add', {
      volunteerId: VOLUNTEER,
      content: '入户探访',
      span: { ...span(60, 30), hours: '10.00' },
    } as never);
    expect(add).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await entryDocs(h)).toEqual([]);

    // Without the stray field, the minutes are the span's.
    const entry = await h.ok(VOLUNTEER, 'hours', 'report', { span: span(60, 30), content: '社区清洁', note: '' });
    expect(entry).toMatchObject({ source: 'self_report', minutes: 30, hours: '0.50', status: 'pending' });
  });

  it('refuses spans that are not service: under a minute, or not yet over', async () => {
    const start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE + 10_000);
    const tooShort = { startAt: start.toISOString(), endAt: new Date(start.getTime() + 40_000).toISOString() };
    expect(await h.errorCode(VOLUNTEER, 'hours', 'report', { span: tooShort, content: '社区清洁', note: '' })).toBe(
      'INVALID_INPUT',
    );
    expect(
      await h.errorCode(VOLUNTEER, 'hours', 'report', { span: span(-60, 90), content: '社区清洁', note: '' }),
    ).toBe('INVALID_INPUT');
    expect(await entryDocs(h)).toEqual([]);
  });

  it('needs a second person for a manual entry: its author cannot approve it', async () => {
    const entry = await addManual(h, span(60, 45));
    expect(entry).toMatchObject({ source: 'manual', status: 'pending', minutes: 45, volunteerName: '赵志愿' });
    const mine = await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [entry.id] });
    expect(mine.results).toEqual([
      expect.objectContaining({ entryId: entry.id, outcome: 'refused', code: 'SELF_APPROVAL' }),
    ]);
    expect((await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [entry.id] })).results[0]!.outcome).toBe('approved');
  });

  it('changes nothing when approving twice, and answers per id', async () => {
    const a = await addManual(h, span(300, 60));
    const b = await addManual(h, span(100, 30));
    await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [a.id] });
    const before = (await entryDocs(h)).find((d) => d._id === a.id);
    const { results } = await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [a.id, b.id, 'no-such-entry'] });
    expect(results).toEqual([
      { entryId: a.id, outcome: 'already_approved' },
      { entryId: b.id, outcome: 'approved' },
      expect.objectContaining({ entryId: 'no-such-entry', outcome: 'refused', code: 'NOT_FOUND' }),
    ]);
    expect((await entryDocs(h)).find((d) => d._id === a.id)).toEqual(before);
    expect((await h.ok(VOLUNTEER, 'hours', 'mine', {})).totalHours).toBe('1.50');
  });

  it('lets exactly one of many concurrent approvals write', async () => {
    const entry = await addManual(h, span(60, 60));
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.ok(i % 2 ? SOCIAL2 : ADMIN, 'hours', 'approve', { entryIds: [entry.id] })),
    );
    const outcomes = answers.map((a) => a.results[0]!.outcome);
    expect(outcomes.filter((o) => o === 'approved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_approved')).toHaveLength(11);
    const [doc] = await entryDocs(h);
    expect(doc!.approvals).toHaveLength(1);
    expect((doc!.history as { action: string }[]).filter((e) => e.action === 'approved')).toHaveLength(1);
  });

  it('rejects with a reason the volunteer reads; a rejected entry comes back by a correction', async () => {
    const entry = await addManual(h, span(60, 60));
    const rejected = await h.ok(SOCIAL2, 'hours', 'reject', { entryId: entry.id, reason: '当天没有安排探访' });
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected.history.at(-1)).toMatchObject({ action: 'rejected', by: '王社工', reason: '当天没有安排探访' });
    expect((await h.ok(SOCIAL2, 'hours', 'reject', { entryId: entry.id, reason: '再点一次' })).history).toHaveLength(2);
    expect((await h.ok(ADMIN, 'hours', 'approve', { entryIds: [entry.id] })).results[0]).toMatchObject({
      code: 'NOT_PENDING',
    });
    const [mineEntry] = (await h.ok(VOLUNTEER, 'hours', 'mine', {})).entries;
    expect(mineEntry).toMatchObject({ status: 'rejected' });
  });

  it('counts overlapping entries once', async () => {
    // A manual entry for 10:00–11:00 and a self-report for 10:30–11:30: 90 minutes, not 120.
    const base = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * 60 * MINUTE;
    const at = (m: number) => new Date(base + m * MINUTE).toISOString();
    const manual = await addManual(h, { startAt: at(0), endAt: at(60) });
    const reported = await h.ok(VOLUNTEER, 'hours', 'report', {
      span: { startAt: at(30), endAt: at(90) },
      content: '社区清洁',
      note: '',
    });
    await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [manual.id, reported.id] });
    const mine = await h.ok(VOLUNTEER, 'hours', 'mine', {});
    expect(mine.totalHours).toBe('1.50');
    const byActivity = Object.fromEntries(mine.byActivity.map((b) => [b.label, b.hours]));
    // The entry approved first keeps the shared half hour.
    expect(byActivity).toEqual({ 入户探访独居长者: '1.00', 社区清洁: '0.50' });
  });
});

describe('corrections', () => {
  it('makes a new version and keeps the old one, with the whole trail by name', async () => {
    const entry = await approvedManual(h, span(200, 60));
    const corrected = await h.ok(SOCIAL2, 'hours', 'correct', {
      entryId: entry.id,
      span: span(200, 75),
      reason: '结束时间登记有误',
    });
    expect(corrected).toMatchObject({ rootId: entry.id, version: 2, status: 'pending', minutes: 75 });
    // Until the new version is approved, the old number no longer counts.
    expect((await h.ok(VOLUNTEER, 'hours', 'mine', {})).totalHours).toBe('0.00');

    const { versions } = await h.ok(VOLUNTEER, 'hours', 'history', { entryId: entry.id });
    expect(versions.map((v) => [v.version, v.status, v.minutes])).toEqual([
      [1, 'superseded', 60],
      [2, 'pending', 75],
    ]);
    expect(versions[1]!.history.map((e) => [e.action, e.by])).toEqual([
      ['created', '李社工'],
      ['approved', '王社工'],
      ['corrected', '王社工'],
    ]);
    expect(versions[1]!.history.at(-1)).toMatchObject({
      reason: '结束时间登记有误',
      fromHours: '1.00',
      toHours: '1.25',
    });
    expect(versions[0]!.history.at(-1)).toMatchObject({ action: 'superseded', by: '王社工' });

    // The old version cannot be corrected again or approved; the new one, by someone else than 王社工.
    expect(
      await h.errorCode(SOCIAL, 'hours', 'correct', { entryId: entry.id, span: span(200, 10), reason: '再改一次' }),
    ).toBe('NOT_CORRECTABLE');
    expect((await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [corrected.id] })).results[0]!.code).toBe(
      'SELF_APPROVAL',
    );
    expect((await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [corrected.id] })).results[0]!.outcome).toBe('approved');
    expect((await h.ok(VOLUNTEER, 'hours', 'mine', {})).totalHours).toBe('1.25');
    expect(await entryDocs(h)).toHaveLength(2);
  });

  it('lets one of two concurrent corrections through, and a correction racing an approval stays whole', async () => {
    const entry = await addManual(h, span(200, 60));
    const both = await Promise.all([
      h.call(SOCIAL2, 'hours', 'correct', { entryId: entry.id, span: span(200, 50), reason: '更正一' }),
      h.call(ADMIN, 'hours', 'correct', { entryId: entry.id, span: span(200, 40), reason: '更正二' }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: { code: 'NOT_CORRECTABLE' } });
    expect((await entryDocs(h)).map((d) => [d.version, d.status])).toEqual(
      expect.arrayContaining([
        [1, 'superseded'],
        [2, 'pending'],
      ]),
    );
    expect(await entryDocs(h)).toHaveLength(2);

    const other = await addManual(h, span(500, 60));
    const [approval, correction] = await Promise.all([
      h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [other.id] }),
      h.call(ADMIN, 'hours', 'correct', { entryId: other.id, span: span(500, 30), reason: '时间有误' }),
    ]);
    expect(correction.ok).toBe(true);
    expect(['approved', 'refused']).toContain(approval.results[0]!.outcome);
    const versions = (await entryDocs(h)).filter((d) => d.rootId === other.id);
    expect(versions.map((d) => [d.version, d.status]).sort()).toEqual([
      [1, 'superseded'],
      [2, 'pending'],
    ]);
    // Whichever came first, the approved number is not the one on record any more.
    expect((await h.ok(VOLUNTEER, 'hours', 'mine', {})).totalHours).toBe('0.00');
  });

  it("answers a volunteer's correction request by a correction, or declines it with a note", async () => {
    const first = await approvedManual(h, span(300, 60));
    const asked = await h.ok(VOLUNTEER, 'hours', 'requestCorrection', {
      entryId: first.id,
      reason: '我服务到了11点半',
    });
    expect(asked.correctionRequest).toMatchObject({ reason: '我服务到了11点半', answer: 'open', answerNote: null });
    expect(
      await h.errorCode(VOLUNTEER, 'hours', 'requestCorrection', { entryId: first.id, reason: '再申请一次' }),
    ).toBe('CONFLICT');
    // The open request is on the station's to-do list although the entry is approved.
    expect((await h.ok(SOCIAL, 'hours', 'pending', {})).items.map((i) => i.id)).toContain(first.id);

    const corrected = await h.ok(SOCIAL2, 'hours', 'correct', {
      entryId: first.id,
      span: span(270, 90),
      reason: '按志愿者申请更正',
    });
    expect(corrected.correctionRequest).toMatchObject({ answer: 'corrected', answerNote: '按志愿者申请更正' });

    const second = await approvedManual(h, span(600, 30));
    await h.ok(VOLUNTEER, 'hours', 'requestCorrection', { entryId: second.id, reason: '时长不对' });
    const declined = await h.ok(SOCIAL, 'hours', 'declineCorrection', {
      entryId: second.id,
      reason: '与探访记录一致',
    });
    expect(declined).toMatchObject({
      status: 'approved',
      correctionRequest: { answer: 'declined', answerNote: '与探访记录一致' },
    });
    expect(await h.errorCode(SOCIAL, 'hours', 'declineCorrection', { entryId: second.id, reason: '再拒绝一次' })).toBe(
      'NOT_PENDING',
    );
    const pendingIds = (await h.ok(SOCIAL, 'hours', 'pending', {})).items.map((i) => i.id);
    expect(pendingIds).toEqual([corrected.id]);
  });
});

describe('who sees what', () => {
  it("shows entries only to the volunteer and their station's staff", async () => {
    const entry = await addManual(h, span(60, 60));
    const flagged = await insertFlaggedScanEntry(h);
    expect((await h.ok(OTHER_SOCIAL, 'hours', 'pending', {})).items).toEqual([]);
    expect((await h.ok(OTHER_SOCIAL, 'hours', 'approve', { entryIds: [entry.id] })).results[0]).toMatchObject({
      outcome: 'refused',
      code: 'NOT_FOUND',
    });
    for (const [who, action, input] of [
      [OTHER_SOCIAL, 'reject', { entryId: entry.id, reason: '不通过' }],
      [OTHER_SOCIAL, 'correct', { entryId: flagged, span: span(60, 30), reason: '更正' }],
      [OTHER_SOCIAL, 'history', { entryId: entry.id }],
      [RESIDENT, 'history', { entryId: entry.id }],
      ['oDemoResident02', 'history', { entryId: flagged }],
    ] as const) {
      expect(await h.errorCode(who, 'hours', action, input as never)).toBe('NOT_FOUND');
    }
    expect(await h.errorCode(RESIDENT, 'hours', 'mine', {})).toBe('FORBIDDEN');
    expect(await h.errorCode(RESIDENT, 'hours', 'pending', {})).toBe('FORBIDDEN');
    expect(await h.errorCode(VOLUNTEER, 'hours', 'approve', { entryIds: [entry.id] })).toBe('FORBIDDEN');
    // Nobody's hours changed.
    expect((await entryDocs(h)).map((d) => d.status)).toEqual(['pending', 'pending']);
    expect((await h.ok(SOCIAL2, 'hours', 'history', { entryId: entry.id })).versions).toHaveLength(1);
    expect((await h.ok(VOLUNTEER, 'hours', 'history', { entryId: entry.id })).versions).toHaveLength(1);
  });

  it("gives the photo's link to the volunteer and their station's staff", async () => {
    const photo = await h.upload(VOLUNTEER);
    const entry = await h.ok(VOLUNTEER, 'hours', 'report', {
      span: span(60, 30),
      content: '社区清洁',
      note: '和邻居一起',
      photoFileId: photo,
    });
    const link = `http://linli.test/__files/${encodeURIComponent(photo)}?expires=`;
    expect(entry.photoUrl?.startsWith(link)).toBe(true);
    const [pending] = (await h.ok(SOCIAL, 'hours', 'pending', {})).items;
    expect(pending!.photoUrl?.startsWith(link)).toBe(true);
    expect(pending!.note).toBe('和邻居一起');
    expect(await h.errorCode(OTHER_SOCIAL, 'hours', 'history', { entryId: entry.id })).toBe('NOT_FOUND');
  });

  it("refuses a photo that is not the volunteer's own upload, and stores nothing", async () => {
    const residentsPhoto = await h.upload(RESIDENT);
    for (const photoFileId of [
      'https://example.com/x.jpg',
      'cloud://linli-local.6c69/hours/photo-1.jpg',
      residentsPhoto,
    ]) {
      const result = await h.call(VOLUNTEER, 'hours', 'report', {
        span: span(60, 30),
        content: '社区清洁',
        note: '',
        photoFileId,
      });
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: '照片上传未完成，请重新选择照片',
        fields: [{ path: 'photoFileId' }],
      });
    }
    expect(await entryDocs(h)).toHaveLength(0);
  });

  it('shows no link for a photo storage no longer has', async () => {
    const gone = (await h.upload(VOLUNTEER)).replace(/\/[^/]+\.png$/, '/AAAAAAAAAAAAAAAAAAAAAA.png');
    const entry = await h.ok(VOLUNTEER, 'hours', 'report', {
      span: span(60, 30),
      content: '社区清洁',
      note: '',
      photoFileId: gone,
    });
    expect(entry.photoUrl).toBeNull();
  });
});
