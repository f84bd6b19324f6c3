import { strFromU8, unzipSync } from 'fflate';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { OTHER_SOCIAL, publish, SOCIAL } from '../../support/activities';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

/** All the text in an xlsx file (shared strings and inline strings of every sheet). */
function xlsxText(content: Uint8Array): string {
  const files = unzipSync(new Uint8Array(content));
  return Object.entries(files)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

it('exports the sign-in sheet as xlsx with names, methods and the total in people', async () => {
  const activity = await publish(h, {}, -0.2);
  await h.ok(SOCIAL, 'checkin', 'proxySignIn', { activityId: activity.id, personId: 'oDemoResident01' });
  await h.ok(SOCIAL, 'checkin', 'proxySignIn', {
    activityId: activity.id,
    walkIn: { name: '黄伯', communityId: 'comm2' },
  });
  const file = await h.okFile(SOCIAL, 'ledger', 'signInSheet', { activityId: activity.id });
  expect(file.fileName).toMatch(/^签到表-长者健康讲座-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(file.mimeType).toContain('spreadsheetml');
  const text = xlsxText(file.content);
  for (const expected of ['张阿姨', '黄伯', '光复社区', '扬仁社区', '代签', '李社工', '签到合计：2人次']) {
    expect(text).toContain(expected);
  }
  expect(text).not.toMatch(/1[3-9]\d{9}/);
});

it("refuses other stations' staff and residents", async () => {
  const activity = await publish(h);
  expect(await h.errorCode(OTHER_SOCIAL, 'ledger', 'signInSheet', { activityId: activity.id })).toBe('NOT_FOUND');
  expect(await h.errorCode('oDemoResident01', 'ledger', 'signInSheet', { activityId: activity.id })).toBe('FORBIDDEN');
});
