import { sheetTime, signInSheet, type SheetEntry } from '../../../cloudfunctions/_shared/domain/signin-sheet';

const activity = {
  title: '长者健康讲座',
  kind: 'lecture' as const,
  place: '光复社区活动室',
  startAt: new Date('2026-11-24T06:00:00Z'),
  endAt: new Date('2026-11-24T08:00:00Z'),
};
const entry = (over: Partial<SheetEntry>): SheetEntry => ({
  name: '张阿姨',
  communityName: '光复社区',
  partySize: 1,
  signedInAt: new Date('2026-11-24T06:02:00Z'),
  signedOutAt: null,
  method: 'scan',
  recordedBy: '本人',
  annulled: null,
  ...over,
});

it('shows times in Beijing time', () => {
  expect(sheetTime(new Date('2026-11-24T06:02:00Z'))).toBe('2026-11-24 14:02');
});

it('lists sign-ins in time order with method labels and counts people, not rows', () => {
  const sheet = signInSheet(activity, [
    entry({
      name: '刘先生',
      signedInAt: new Date('2026-11-24T06:10:00Z'),
      partySize: 3,
      method: 'proxy',
      recordedBy: '李社工',
    }),
    entry({}),
    entry({ name: '未到者', signedInAt: null, method: null }),
  ]);
  expect(sheet.heading[0]).toBe('活动：长者健康讲座（讲座）');
  expect(sheet.heading[1]).toContain('2026-11-24 14:00 至 16:00');
  expect(sheet.rows.map((r) => [r[0], r[1], r[3], r[6]])).toEqual([
    ['1', '张阿姨', '1', '扫码'],
    ['2', '刘先生', '3', '代签'],
  ]);
  expect(sheet.total).toBe(4);
  expect(sheet.footer).toBe('签到合计：4人次');
});

it('keeps an annulled sign-in on the sheet, marked, and out of the total', () => {
  const sheet = signInSheet(activity, [
    entry({ annulled: { by: '李社工', reason: '代签错人' } }),
    entry({ name: '刘先生' }),
  ]);
  expect(sheet.rows[0]![8]).toBe('已撤销（李社工：代签错人）');
  expect(sheet.total).toBe(1);
});

it('puts a paper list’s note in 备注, beside an annulment', () => {
  const sheet = signInSheet(activity, [
    entry({ method: 'paper', note: '按纸质签到表补录' }),
    entry({ method: 'paper', note: '按纸质签到表补录', annulled: { by: '李社工', reason: '重复登记' } }),
  ]);
  expect(sheet.rows.map((row) => row[8])).toEqual(['按纸质签到表补录', '按纸质签到表补录；已撤销（李社工：重复登记）']);
});
