import type { Browser, Page } from 'playwright-core';
import { callAs } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, ui } from './support/ui';

/**
 * The satisfaction form's journey in the browser: 李社工 builds a form from the 活动参加者意见表
 * template and attaches it to an activity from 活动管理; 张阿姨 and 刘先生 attended (signed in by
 * proxy and signed out with the sign-out code, through the API: the sign-in has its own journey);
 * the form opens at sign-out: 张阿姨 follows the invitation's link and 刘先生 taps 填写意见表 on
 * the activity page; the results show 50.00% — one of two satisfied — below the 80% line.
 *
 * The clock is not moved (signing out opens the form): the runtime's clock is shared by every
 * e2e file running at the same time.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const STAFF = 'oDemoSocial0001'; // 李社工
const ZHANG = 'oDemoResident01';
const LIU = 'oDemoResident02';
const MINUTE = 60_000;

/** An activity that started 30 minutes ago and ends in 90; 张阿姨 and 刘先生 signed in and out. */
async function runningActivityWithTwoAttendees(title: string): Promise<string> {
  const start = new Date(Math.floor((Date.now() - 30 * MINUTE) / MINUTE) * MINUTE);
  const activity = await callAs(
    STAFF,
    'activity',
    'publish',
    {
      title,
      description: '端到端测试：活动意见表',
      kind: 'lecture',
      serviceArea: 'elderly',
      areaId: 'area1',
      communityId: 'comm1',
      place: '光复社区活动室',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 120 * MINUTE).toISOString(),
      capacity: 30,
      bookingOpensAt: new Date(start.getTime() - 24 * 60 * MINUTE).toISOString(),
      bookingClosesAt: start.toISOString(),
    },
    `e2e-survey-pub-${Date.now()}`,
  );
  const out = await callAs(STAFF, 'checkin', 'code', { activityId: activity.id, mode: 'out' });
  for (const personId of [ZHANG, LIU]) {
    await callAs(STAFF, 'checkin', 'proxySignIn', { activityId: activity.id, personId });
    await callAs(personId, 'checkin', 'scan', { token: out.token });
  }
  return activity.id;
}

/** Taps one choice of the n-th question (its card is labelled 第n题). */
const answer = (page: Page, n: number, label: string) =>
  ui(page).getByLabel(`第${n}题`, { exact: true }).getByText(label, { exact: true }).click();

/** The template's required questions: four ratings, the overall one (第5题), two single choices. */
async function fillTemplate(page: Page, overall: string) {
  for (const n of [1, 2, 3, 4]) await answer(page, n, '满意');
  await answer(page, 5, overall);
  await answer(page, 6, '很有帮助');
  await answer(page, 7, '愿意');
}

it('build from the template → attach → two attendees answer → the satisfaction rate', async () => {
  const stamp = Date.now() % 100000;
  const formTitle = `讲座意见表${stamp}`;
  const activityTitle = `意见表端到端活动${stamp}`;

  // 李社工 builds the form from the template.
  const staff = await openAs(browser, '李社工');
  await goTo(staff, '/subpackages/staff/pages/surveys/index');
  await button(staff, '从《活动参加者意见表》新建').click();
  await ui(staff).getByText('总体满意度（计入满意率）').waitFor();
  await input(staff, '例如：活动参加者意见表').fill(formTitle);
  await screenshot(staff, 'surveys-01-builder-from-template');
  await button(staff, '保存意见表').click();
  await ui(staff).getByText(formTitle).waitFor();
  await screenshot(staff, 'surveys-02-forms');

  // … and attaches it to an activity from 活动管理.
  const activityId = await runningActivityWithTwoAttendees(activityTitle);
  await goTo(staff, '/subpackages/staff/pages/activities/index');
  const card = ui(staff).locator('.ll-activity-card').filter({ hasText: activityTitle }).first();
  await card.locator('taro-button-core').filter({ hasText: '意见表' }).click();
  await ui(staff).getByText(`${formTitle}（第1版）`).click();
  await button(staff, '关联到本活动').click();
  await ui(staff).getByText('已填写 0 人 / 参加 2 人').waitFor();
  await screenshot(staff, 'surveys-03-attached');

  // 张阿姨 follows the invitation's link: the activity page opens the form.
  const zhang = await openAs(browser, '张阿姨');
  await goTo(zhang, `/pages/activity/index?id=${activityId}&feedback=1`);
  await button(zhang, '提交意见表').waitFor();
  await fillTemplate(zhang, '满意');
  await ui(zhang).locator('textarea[placeholder="请写下您的意见或建议（选填）"]').fill('讲得清楚，希望多办');
  await screenshot(zhang, 'surveys-04-resident-form');
  await button(zhang, '提交意见表').click();
  await ui(zhang).getByText('谢谢您的意见！').waitFor();
  await screenshot(zhang, 'surveys-05-resident-thanks');

  // 刘先生 opens the activity and taps 填写意见表; he leaves out the overall question first.
  const liu = await openAs(browser, '刘先生');
  await goTo(liu, `/pages/activity/index?id=${activityId}`);
  await button(liu, '填写意见表').click();
  await button(liu, '提交意见表').waitFor();
  for (const n of [1, 2, 3, 4]) await answer(liu, n, '满意');
  await answer(liu, 6, '有些帮助');
  await answer(liu, 7, '看情况');
  await button(liu, '提交意见表').click();
  await ui(liu).getByText('请选择您的总体满意程度').waitFor();
  await answer(liu, 5, '一般');
  await button(liu, '提交意见表').click();
  await ui(liu).getByText('谢谢您的意见！').waitFor();

  // The results: one of two satisfied, below the 80% line; the comment without a name.
  await goTo(staff, `/subpackages/staff/pages/survey-results/index?id=${activityId}`);
  await ui(staff).getByText('50.00%').first().waitFor();
  await ui(staff).getByText('低于80%').first().waitFor();
  await ui(staff).getByText('讲得清楚，希望多办').waitFor();
  expect(
    await ui(staff)
      .getByText(/收回 2 份/)
      .count(),
  ).toBe(1);
  await screenshot(staff, 'surveys-06-results');

  // The roll-up lists the activity with its rate.
  await goTo(staff, '/subpackages/staff/pages/surveys/index');
  await ui(staff).getByText(activityTitle).waitFor();
  await screenshot(staff, 'surveys-07-rollup');
});
