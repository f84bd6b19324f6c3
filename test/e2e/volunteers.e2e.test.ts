import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { callAs } from './support/api';
import { button, goTo, input, openAs, setClockOffset, tap, ui } from './support/ui';

/**
 * Issue 4, the volunteer's side, in the browser: 刘先生 (a resident) registers as a volunteer;
 * 李社工 approves; he joins a team and signs up for a role at an activity about to start; he
 * scans the volunteer sign-in code, the clock moves on 90 minutes, he scans the sign-out code
 * and reads his hours; 李社工 approves them; he sees them in 我的服务时长, issues his
 * 志愿服务记录证明, and 张阿姨 (no volunteer) verifies it by its number and code.
 *
 * The social worker's steps go through the API (test/e2e/support/api.ts): the staff screens for
 * volunteers and hours were not committed when this was written, and the journey is about the
 * volunteer's screens.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClockOffset(0);
  await browser.close();
});

const STAFF = 'oDemoSocial0001'; // 李社工
const MINUTE = 60_000;

/** An activity with volunteer roles, starting in 20 minutes (sign-in opens an hour before). */
async function publishActivityStartingSoon(title: string): Promise<string> {
  const start = new Date(Math.ceil((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE);
  const activity = await callAs(
    STAFF,
    'activity',
    'publish',
    {
      title,
      description: '端到端测试：志愿者岗位',
      kind: 'small_event',
      serviceArea: 'elderly',
      areaId: 'area1',
      communityId: 'comm1',
      place: '光复社区活动室',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 120 * MINUTE).toISOString(),
      capacity: 30,
      bookingOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      bookingClosesAt: start.toISOString(),
      volunteerRoles: [
        { role: '签到引导', count: 2 },
        { role: '长者陪护', count: 3 },
      ],
    },
    `e2e-pub-${Date.now()}`,
  );
  return activity.id;
}

/** The social worker's rotating code in a volunteer mode: its link is what the QR holds. */
async function volunteerCodeLink(activityId: string, mode: 'volunteer_in' | 'volunteer_out'): Promise<string> {
  const code = await callAs(STAFF, 'checkin', 'code', { activityId, mode });
  expect(code.link).toMatch(/#\/pages\/checkin\/index\?scene=[0-9A-Za-z]+/);
  return code.link;
}

/**
 * The volunteer opens the sign-in code's link (as scanning its QR would), the functions' clock
 * moves on 90 minutes, and he opens the sign-out code's link: answers the hours it recorded.
 */
async function serveTheShift(page: Page, activityId: string): Promise<string> {
  try {
    await page.goto(await volunteerCodeLink(activityId, 'volunteer_in'));
    await ui(page)
      .getByText(/^志愿服务签到成功 \d\d:\d\d$/)
      .waitFor();
    // The scan names the person by their profile, not by the registration's real name.
    await ui(page).getByText('刘先生 · 志愿者').waitFor();
    await screenshot(page, 'volunteers-05-signed-in');

    await setClockOffset(90 * MINUTE);
    await page.goto(await volunteerCodeLink(activityId, 'volunteer_out'));
    await ui(page)
      .getByText(/^志愿服务签退成功 \d\d:\d\d$/)
      .waitFor();
    const line = (await ui(page).locator('.ll-signin-result__hours').textContent()) ?? '';
    const hours = /^本次服务时长 (\d+\.\d\d) 小时（待社工审核）$/.exec(line.trim())?.[1];
    expect(hours).toBeDefined();
    // Sign-in to sign-out: 90 minutes and the seconds the test took; only whole clock minutes
    // served count (docs/volunteers.md), so 89 or 90 of them.
    expect(['1.48', '1.50']).toContain(hours);
    await screenshot(page, 'volunteers-06-signed-out');
    return hours!;
  } finally {
    await setClockOffset(0);
  }
}

const openMine = async (page: Page) => {
  await ui(page).getByText('我的', { exact: true }).last().click({ force: true });
};

it('a resident registers, is approved, serves a shift by scanning in and out, and certifies the hours', async () => {
  const title = `志愿服务测试${Date.now() % 100000}`;
  const activityId = await publishActivityStartingSoon(title);

  // 1. 刘先生 registers from 我的.
  const liu = await openAs(browser, '刘先生');
  await openMine(liu);
  await tap(liu, '成为志愿者');
  await button(liu, '注册志愿者').click();
  await input(liu, '例如：刘建国').fill('刘建国');
  await input(liu, '11位手机号').fill('13900000012');
  await tap(liu, '陪伴探访');
  await input(liu, '其他技能，例如：手语').fill('手语');
  await button(liu, '添加').click();
  await tap(liu, '周末上午');
  await input(liu, '紧急联系人姓名').fill('刘小红');
  await input(liu, '紧急联系人的11位手机号').fill('13700005678');
  await ui(liu).getByText('我已阅读并同意').click();
  await screenshot(liu, 'volunteers-01-register-form');
  await button(liu, '提交申请').click();
  const status = ui(liu).locator('.volunteer-home-page__card');
  await status.getByText('待审核').waitFor();
  // His own numbers come back masked, never in full.
  expect(await status.textContent()).toContain('139****0012');
  expect(await liu.content()).not.toContain('13900000012');
  await screenshot(liu, 'volunteers-02-pending');

  // 2. 李社工 approves the registration.
  const pending = await callAs(STAFF, 'volunteer', 'registrations', { status: 'pending' });
  const registration = pending.items.find((item) => item.realName === '刘建国');
  expect(registration?.phoneMasked).toBe('139****0012');
  await callAs(
    STAFF,
    'volunteer',
    'review',
    { volunteerId: registration!.volunteerId, decision: 'approve' },
    `e2e-review-${Date.now()}`,
  );

  // 3. Approved: he joins a team and signs up for a role.
  await liu.reload();
  await status.getByText('已通过').waitFor();
  const team = ui(liu).locator('.volunteer-home-page__team').filter({ hasText: '岭南长者关爱队' });
  await team.locator('taro-button-core').filter({ hasText: '加入' }).click();
  await team.locator('taro-button-core').filter({ hasText: '退出' }).waitFor();
  await screenshot(liu, 'volunteers-03-approved');

  await tap(liu, '报名服务岗位');
  const card = ui(liu).locator('.shifts-page__card').filter({ hasText: title });
  const guide = card.locator('.shifts-page__role').filter({ hasText: '签到引导' });
  expect(await guide.textContent()).toContain('已报 0 / 需要 2');
  await guide.locator('taro-button-core').filter({ hasText: '报名' }).click();
  await card.getByText('已报名：签到引导').waitFor();
  expect(await guide.textContent()).toContain('已报 1 / 需要 2');
  await screenshot(liu, 'volunteers-04-signed-up');

  // 4. On the day: the volunteer sign-in code, then — 90 minutes later — the sign-out code.
  const hours = await serveTheShift(liu, activityId);

  // 5. 李社工 approves the hours the two scans made.
  const inbox = await callAs(STAFF, 'hours', 'pending', { activityId });
  const entry = inbox.items.find((item) => item.volunteerId === registration!.volunteerId);
  expect(entry?.hours).toBe(hours);
  const approved = await callAs(STAFF, 'hours', 'approve', { entryIds: [entry!.id] }, `e2e-approve-${Date.now()}`);
  expect(approved.results[0]?.outcome).toBe('approved');

  // 6. 我的服务时长: the hours count, the record reads 已通过.
  await button(liu, '查看我的服务时长').click();
  const total = ui(liu).locator('.hours-page__total');
  await total.getByText(hours, { exact: false }).first().waitFor();
  expect(await total.textContent()).toContain(`${hours} 小时`);
  const record = ui(liu).locator('.ll-hour-record').filter({ hasText: title });
  await record.getByText('已通过').waitFor();
  expect(await record.textContent()).toContain(`${hours} 小时`);
  await screenshot(liu, 'volunteers-07-hours');

  // 7. The service record: issued for this year, printable, with a number and a code.
  await button(liu, '开具服务记录证明').click();
  await button(liu, '开具证明').click();
  const sheet = ui(liu).locator('.ll-certificate');
  await sheet.getByText('志愿服务记录证明').waitFor();
  const row = sheet.locator('.ll-certificate__row').filter({ hasText: title });
  expect(await row.textContent()).toContain(hours);
  expect(await sheet.locator('.ll-certificate__row--total').textContent()).toContain(hours);
  const number = /编号：(\S+)/.exec((await sheet.locator('.ll-certificate__number').textContent()) ?? '')?.[1] ?? '';
  const code = /校验码：(\S+)/.exec((await sheet.locator('.ll-certificate__code').textContent()) ?? '')?.[1] ?? '';
  expect(number).toMatch(/^LL-[A-Z0-9]+-\d{4}-\d{6}$/);
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  expect(await sheet.textContent()).not.toContain('13900000012');
  await screenshot(liu, 'volunteers-08-certificate');

  // 打印: the browser's print, with the sheet laid out alone on A4 while the dialog is open.
  await liu.evaluate(() => {
    window.print = () => {
      document.body.setAttribute('data-printed', String(document.body.classList.contains('ll-print-certificate')));
    };
  });
  await button(liu, '打印').click();
  expect(await liu.getAttribute('body', 'data-printed')).toBe('true');
  await liu.evaluate(() => document.body.classList.add('ll-print-certificate'));
  await liu.emulateMedia({ media: 'print' });
  // Everything but the sheet is gone, the page itself included: look in the whole document.
  const printed = liu.locator('.ll-certificate').filter({ visible: true });
  expect(await printed.count()).toBe(1);
  expect(await liu.locator('taro-button-core').filter({ hasText: '打印' }).isVisible()).toBe(false);
  expect((await printed.boundingBox())!.y).toBeLessThan(5);
  await screenshot(liu, 'volunteers-09-certificate-print');
  const pdf = await liu.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await liu.evaluate(() => document.body.classList.remove('ll-print-certificate'));
  // The browser's own print menu (no class): the sheet still prints alone, at the top.
  expect((await printed.boundingBox())!.y).toBeLessThan(5);
  await liu.emulateMedia({ media: 'screen' });

  // 8. Anyone can verify it: 张阿姨, who is no volunteer, from 我的.
  const zhang = await openAs(browser, '张阿姨');
  await openMine(zhang);
  await tap(zhang, '核验服务证明');
  await input(zhang, '例如 LL-LINGNAN-2026-000001').fill(number.toLowerCase());
  await input(zhang, '例如 7K3M-Q9XD-2HBT-8W0R').fill(code);
  await button(zhang, '核验').click();
  await ui(zhang).getByText('核验通过').waitFor();
  const verified = ui(zhang).locator('.ll-certificate');
  expect(await verified.locator('.ll-certificate__number').textContent()).toContain(number);
  expect(await verified.locator('.ll-certificate__row--total').textContent()).toContain(hours);
  await screenshot(zhang, 'volunteers-10-verified');

  // A code that does not belong to the number is refused.
  await input(zhang, '例如 7K3M-Q9XD-2HBT-8W0R').fill('AAAA-BBBB-CCCC-DDDD');
  await button(zhang, '核验').click();
  await ui(zhang).getByText('核验未通过').waitFor();

  for (const page of [liu, zhang]) await page.context().close();
});

it('opens the verify page by link, without a profile', async () => {
  const newcomer = await openAs(browser, 'new');
  await goTo(
    newcomer,
    '/subpackages/volunteer/pages/verify/index?number=LL-LINGNAN-2026-999999&code=AAAA-BBBB-CCCC-DDDD',
  );
  await ui(newcomer).getByText('核验未通过').waitFor();
  await newcomer.context().close();
});
