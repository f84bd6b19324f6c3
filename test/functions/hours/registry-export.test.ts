import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import dayjs from '../../../cloudfunctions/_shared/runtime/dayjs';
import { addManual, addVolunteers, approvedManual, OTHER_SOCIAL, SOCIAL, SOCIAL2, VOLUNTEER } from './support';
import { readSheet } from './xlsx';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

const MINUTE = 60_000;
/** 09:00 China time, `daysAgo` days ago. */
const nineAm = (daysAgo: number) =>
  dayjs().tz('Asia/Shanghai').subtract(daysAgo, 'day').hour(9).minute(0).second(0).millisecond(0).toDate();
const spanFrom = (start: Date, minutesFrom: number, length: number) => ({
  startAt: new Date(start.getTime() + minutesFrom * MINUTE).toISOString(),
  endAt: new Date(start.getTime() + (minutesFrom + length) * MINUTE).toISOString(),
});
const day = (d: Date) => dayjs(d).tz('Asia/Shanghai').format('YYYY-MM-DD');

it('exports the approved hours of the station, one row per volunteer per service per day, with a total', async () => {
  const [other] = await addVolunteers(h, 1);
  const threeDaysAgo = nineAm(3);
  const twoDaysAgo = nineAm(2);
  // 赵志愿: two visits on one day (one row, 2.00 h), an overlapping self-report counted once.
  await approvedManual(h, spanFrom(threeDaysAgo, 0, 60), { content: '入户探访' });
  await approvedManual(h, spanFrom(threeDaysAgo, 120, 60), { content: '入户探访' });
  const report = await h.ok(VOLUNTEER, 'hours', 'report', {
    span: spanFrom(threeDaysAgo, 150, 60),
    content: '社区清洁',
    note: '',
  });
  await h.ok(SOCIAL, 'hours', 'approve', { entryIds: [report.id] });
  // Another volunteer, another day; and what must stay off: pending, rejected, another station.
  await approvedManual(h, spanFrom(twoDaysAgo, 0, 100), { content: '长者助餐', volunteerId: other });
  await addManual(h, spanFrom(twoDaysAgo, 200, 60), { content: '待审核' });
  const rejected = await addManual(h, spanFrom(twoDaysAgo, 300, 60), { content: '未通过' });
  await h.ok(SOCIAL2, 'hours', 'reject', { entryId: rejected.id, reason: '记录有误' });
  await approvedManual(h, spanFrom(nineAm(20), 0, 60), { content: '期间之外' });

  const file = await h.okFile(SOCIAL, 'ledger', 'volunteerRegistry', {
    fromDate: day(nineAm(7)),
    toDate: day(nineAm(0)),
  });
  expect(file.fileName).toBe(`志愿服务时长-岭南街社工服务站（演示）-${day(nineAm(7))}至${day(nineAm(0))}.xlsx`);
  expect(file.mimeType).toContain('spreadsheetml');
  const rows = readSheet(file.content);
  const station = '岭南街社工服务站（演示）';
  expect(rows[0]).toEqual([
    '序号',
    '志愿者姓名',
    '手机号(后四位)',
    '服务日期',
    '项目名称',
    '服务时长(小时)',
    '记录单位',
  ]);
  const body = rows.slice(1, -1);
  expect(body).toEqual(
    expect.arrayContaining([
      [expect.any(Number), '赵志愿', '0021', day(threeDaysAgo), '入户探访', 2, station],
      // 150–210 overlaps the visit ending at 180: 30 minutes count.
      [expect.any(Number), '赵志愿', '0021', day(threeDaysAgo), '社区清洁', 0.5, station],
      [expect.any(Number), '志愿者0', '1000', day(twoDaysAgo), '长者助餐', 1.67, station],
    ]),
  );
  expect(body).toHaveLength(3);
  expect(body.map((r) => r[0])).toEqual([1, 2, 3]);
  expect(rows.at(-1)).toEqual(['合计', '3条', null, `${day(nineAm(7))}至${day(nineAm(0))}`, null, 4.17, station]);
  expect(JSON.stringify(rows)).not.toMatch(/1[3-9]\d{9}/);
});

it("is for the station's staff only, and refuses a period backwards or over a year", async () => {
  const period = { fromDate: day(nineAm(7)), toDate: day(nineAm(0)) };
  expect(await h.errorCode(VOLUNTEER, 'ledger', 'volunteerRegistry', period)).toBe('FORBIDDEN');
  const elsewhere = readSheet((await h.okFile(OTHER_SOCIAL, 'ledger', 'volunteerRegistry', period)).content);
  expect(elsewhere).toHaveLength(2); // header and total only: the other station has no hours here
  expect(elsewhere[1]![5]).toBe(0);
  expect(
    await h.errorCode(SOCIAL, 'ledger', 'volunteerRegistry', { fromDate: period.toDate, toDate: period.fromDate }),
  ).toBe('INVALID_INPUT');
  expect(
    await h.errorCode(SOCIAL, 'ledger', 'volunteerRegistry', { fromDate: '2024-01-01', toDate: '2025-06-30' }),
  ).toBe('INVALID_INPUT');
});
