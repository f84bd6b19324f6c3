import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, screenshot } from './support/browser';
import { button, input, openAs as openAsIn, tap, ui } from './support/ui';

/**
 * The foundation's journeys in the H5 build against the real local runtime: dev login as a
 * persona, first use (onboarding with consent), and a director inviting a new social worker.
 */
let browser: Browser;
const openAs = (persona: string | 'new'): Promise<Page> => openAsIn(browser, persona);
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

it('a resident logs in as a demo persona and sees their home and profile, phone masked', async () => {
  const page = await openAs('张阿姨');
  await ui(page).getByText('张阿姨', { exact: false }).first().waitFor();
  await ui(page).getByText('岭南街社工服务站（演示）').first().waitFor();
  await screenshot(page, 'foundation-01-resident-home');

  await ui(page).getByText('我的', { exact: true }).last().click();
  await ui(page).getByText('139****0011').waitFor();
  expect(await page.content()).not.toContain('13900000011');
  await screenshot(page, 'foundation-02-resident-mine');
  await page.context().close();
});

it('a new user completes their profile (consent required) and is welcomed by name', async () => {
  const page = await openAs('new');
  await ui(page).getByText('您还没有完善资料').waitFor();
  await screenshot(page, 'foundation-03-newcomer-home');
  await button(page, '完善资料').click();

  await input(page, '例如：王秀英').fill('孙婆婆');
  await ui(page).getByText('岭南街社工服务站（演示）').click();
  await ui(page).getByText('扬仁社区').click();
  await input(page, '11位手机号').fill('13712345678');
  await button(page, '保存').click();
  // Without consent nothing is saved and the form says why.
  await ui(page).getByText(/同意/).first().waitFor();
  await screenshot(page, 'foundation-04-profile-needs-consent');
  await ui(page).getByText('我已阅读并同意').click();
  await button(page, '保存').click();

  await ui(page).getByText('孙婆婆').first().waitFor();
  await screenshot(page, 'foundation-05-newcomer-registered');
  await page.context().close();
});

it('a director invites a new social worker, who redeems the code and gets the workbench', async () => {
  const admin = await openAs('陈站长');
  await ui(admin).getByText('工作台', { exact: true }).first().click();
  await ui(admin).getByText('邀请社工', { exact: true }).click();
  await screenshot(admin, 'foundation-06-invitations');
  await button(admin, /社工/).click();
  const codeText = await ui(admin)
    .getByText(/^[2-9A-HJKMNP-Z]{8}$/)
    .first()
    .textContent();
  const code = codeText!.trim();
  await screenshot(admin, 'foundation-07-invitation-created');

  const newcomer = await openAs('new');
  await button(newcomer, '完善资料').click();
  await input(newcomer, '例如：王秀英').fill('何社工');
  await ui(newcomer).getByText('岭南街社工服务站（演示）').click();
  await ui(newcomer).getByText('兴隆社区').click();
  await ui(newcomer).getByText('我已阅读并同意').click();
  await button(newcomer, '保存').click();
  await ui(newcomer).getByText('何社工').first().waitFor();

  await ui(newcomer).getByText('我的', { exact: true }).last().click();
  await tap(newcomer, '兑换邀请码');
  await input(newcomer, '请输入邀请码').fill(code.toLowerCase());
  await screenshot(newcomer, 'foundation-08-redeem');
  await button(newcomer, /兑换|确认|提交/).click();
  await ui(newcomer).getByText('兑换成功').waitFor();
  await ui(newcomer).getByText('社工', { exact: true }).first().waitFor();
  await screenshot(newcomer, 'foundation-09-redeemed');

  // The director adds an area (片区) on the station page; it stays after a reload.
  await admin.goto(`${appUrl()}#/subpackages/staff/pages/station/index`);
  await ui(admin).getByText('第一片区').waitFor();
  await input(admin, '片区名称，例如：东片').fill('第四片区');
  await ui(admin).locator('.station-page__new-area taro-button-core').filter({ hasText: '添加' }).click();
  await ui(admin).getByText('第四片区', { exact: true }).waitFor();
  await screenshot(admin, 'foundation-10-station-structure');
  await admin.reload();
  await ui(admin).getByText('第四片区', { exact: true }).waitFor();
  await admin.context().close();
  await newcomer.context().close();
});
