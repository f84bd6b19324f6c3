import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { db } from '../../../cloudfunctions/_shared/runtime/cloud';
import dayjs from '../../../cloudfunctions/_shared/runtime/dayjs';
import { OTHER_STATION_ID } from '../../../local/demo/seed';
import { addManual, addVolunteers, approvedManual, OTHER_SOCIAL, RESIDENT, SOCIAL2, span, VOLUNTEER } from './support';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

const chinaDate = (iso: string | Date) => dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD');
const today = () => chinaDate(new Date());
const weekAgo = () => chinaDate(new Date(Date.now() - 7 * 24 * 3600_000));
const NUMBER = /^LL-LINGNAN-(\d{4})-(\d{6})$/;

describe('issuing a certificate', () => {
  it('names the volunteer as registered (real name), not by the profile’s display name', async () => {
    await approvedManual(h, span(120, 90), { content: '入户探访独居长者' });
    const [registration] = (await h.db.dump('volunteers')).filter((v) => v._id === VOLUNTEER);
    await h.db.putAll([{ collection: 'volunteers', doc: { ...registration!, realName: '赵建国' }, insert: false }]);
    const certificate = await h.ok(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() });
    expect(certificate.volunteer.name).toBe('赵建国');
    expect(certificate.statement).toContain('兹证明赵建国（手机 139****0021）');
  });

  it("states the volunteer's approved hours in the period, numbered, with a code that verifies", async () => {
    const visit = await approvedManual(h, span(120, 90), { content: '入户探访独居长者' });
    await approvedManual(h, span(300, 45), { content: '社区清洁' });
    await addManual(h, span(600, 60), { content: '仍待审核' }); // pending: not on it
    await approvedManual(h, span(40 * 24 * 60, 60), { content: '上个月的服务' }); // outside the period

    const certificate = await h.ok(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() });
    expect(certificate.number).toMatch(NUMBER);
    expect(certificate.number.slice(-6)).toBe('000001');
    expect(NUMBER.exec(certificate.number)![1]).toBe(today().slice(0, 4));
    expect(certificate.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificate).toMatchObject({
      title: '志愿服务记录证明',
      volunteer: { name: '赵志愿', idMasked: '手机 139****0021' },
      totalHours: '2.25',
      station: '岭南街社工服务站（演示）',
      issuedOn: today(),
    });
    expect(certificate.rows.map((r) => [r.content, r.hours])).toEqual(
      expect.arrayContaining([
        ['入户探访独居长者', '1.50'],
        ['社区清洁', '0.75'],
      ]),
    );
    expect(certificate.rows).toHaveLength(2);
    expect(certificate.rows.find((r) => r.content === '入户探访独居长者')!.date).toBe(chinaDate(visit.servedAt));
    expect(certificate.statement).toContain('累计服务时长2.25小时');
    expect(JSON.stringify(certificate)).not.toMatch(/1[3-9]\d{9}/); // no full phone number anywhere

    // Stored under its number, as issued.
    const [stored] = await h.db.dump('certificates');
    expect(stored).toMatchObject({ _id: certificate.number, volunteerId: VOLUNTEER, stationId: 'st-lingnan' });

    // Anyone holding the paper can check it — a resident, or someone without a profile.
    for (const who of [RESIDENT, 'oSomeEmployer01']) {
      expect(
        await h.ok(who, 'hours', 'verifyCertificate', { number: certificate.number, code: certificate.code }),
      ).toEqual(certificate);
    }
    // Typed from paper: lower case, spaces, no hyphens.
    const typed = {
      number: ` ${certificate.number.toLowerCase()} `,
      code: certificate.code.replace(/-/g, ' ').toLowerCase(),
    };
    expect((await h.ok(RESIDENT, 'hours', 'verifyCertificate', typed)).number).toBe(certificate.number);
  });

  it('refuses a wrong code, an unknown number and a certificate altered after issue alike', async () => {
    await approvedManual(h, span(120, 60));
    const { number, code } = await h.ok(VOLUNTEER, 'hours', 'issueCertificate', {
      fromDate: weekAgo(),
      toDate: today(),
    });
    const wrongCode = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expect(await h.errorCode(RESIDENT, 'hours', 'verifyCertificate', { number, code: wrongCode })).toBe(
      'CERTIFICATE_INVALID',
    );
    const unknown = number.replace(/\d{6}$/, '000002');
    expect(await h.errorCode(RESIDENT, 'hours', 'verifyCertificate', { number: unknown, code })).toBe(
      'CERTIFICATE_INVALID',
    );
    expect(await h.errorCode(RESIDENT, 'hours', 'verifyCertificate', { number: 'not-a-number', code })).toBe(
      'CERTIFICATE_INVALID',
    );
    // Someone edits the stored hours: the code no longer matches the content.
    await db
      .collection('certificates')
      .doc(number)
      .update({ data: { 'content.total.minutes': 600, 'content.total.hours': '10.00' } });
    expect(await h.errorCode(RESIDENT, 'hours', 'verifyCertificate', { number, code })).toBe('CERTIFICATE_INVALID');
  });

  it('refuses a period without approved hours, drawing no number', async () => {
    await addManual(h, span(120, 60)); // pending only
    expect(await h.errorCode(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() })).toBe(
      'NOT_FOUND',
    );
    expect(await h.db.dump('counters')).toEqual([]);
    expect(await h.errorCode(RESIDENT, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() })).toBe(
      'FORBIDDEN',
    );
    expect(await h.errorCode(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: today(), toDate: weekAgo() })).toBe(
      'INVALID_INPUT',
    );
  });

  it('numbers certificates in sequence per station and year, also when issued at once', async () => {
    const volunteers = await addVolunteers(h, 12);
    for (const id of volunteers) await approvedManual(h, span(120, 30), { volunteerId: id });
    const issued = await Promise.all(
      volunteers.map((id) => h.ok(id, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() })),
    );
    const sequences = issued.map((c) => Number(NUMBER.exec(c.number)![2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await h.db.dump('certificates')).toHaveLength(12);

    // A retried request (same requestId) answers the same certificate and draws no number.
    const retry = () =>
      h.call(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() }, 'req-cert-1');
    await approvedManual(h, span(120, 30));
    const [first, again] = [await retry(), await retry()];
    expect(first.ok && again.ok && first.data.number === again.data.number).toBe(true);
    expect(first.ok && first.data.number.endsWith('000013')).toBe(true);

    // Another station counts on its own.
    const [huadiVolunteer] = await addVolunteers(h, 1, OTHER_STATION_ID);
    await h.db.insertMany('users', [
      {
        _id: 'oHuadiAdmin001',
        name: '吴站长',
        stationId: OTHER_STATION_ID,
        communityId: 'comm1',
        roles: ['resident', 'social_worker', 'admin'],
        consentAt: new Date(),
        consentVersion: PRIVACY_NOTICE_VERSION,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    ]);
    const entry = await addManual(h, span(120, 30), { by: OTHER_SOCIAL, volunteerId: huadiVolunteer });
    await h.ok('oHuadiAdmin001', 'hours', 'approve', { entryIds: [entry.id] });
    const huadi = await h.ok(huadiVolunteer!, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() });
    expect(huadi.number).toMatch(/^LL-HUADI-\d{4}-000001$/);
    expect(huadi.station).toBe('花地街社工服务站（演示）');
  });

  it("puts only this station's approved latest versions on it, overlaps once", async () => {
    const base = Math.floor(Date.now() / 60_000) * 60_000 - 6 * 3600_000;
    const at = (m: number) => new Date(base + m * 60_000).toISOString();
    const a = await approvedManual(h, { startAt: at(0), endAt: at(60) }, { content: '探访' });
    await approvedManual(h, { startAt: at(30), endAt: at(90) }, { content: '清洁' });
    // A correction awaiting approval takes its entry off until approved.
    await h.ok(SOCIAL2, 'hours', 'correct', {
      entryId: a.id,
      span: { startAt: at(0), endAt: at(20) },
      reason: '时间有误',
    });
    const certificate = await h.ok(VOLUNTEER, 'hours', 'issueCertificate', { fromDate: weekAgo(), toDate: today() });
    expect(certificate.rows.map((r) => [r.content, r.hours])).toEqual([['清洁', '1.00']]);
    expect(certificate.totalHours).toBe('1.00');
  });
});
